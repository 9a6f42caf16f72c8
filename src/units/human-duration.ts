/**
 * go-units HumanDuration: the approximate durations of CREATED and STATUS columns
 * ("Less than a second", "About a minute", "3 hours", "2 weeks", …).
 */

/**
 * HumanDuration for an elapsed time in milliseconds (fractions allowed). Negative
 * values (clock skew) read "Less than a second", as in Go.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Go: int(d.Hours() + 0.5), with d.Hours() = whole hours + remainder / 1h in float64
  const wholeHours = Math.trunc(ms / 3_600_000);
  const hoursFloat = wholeHours + (ms - wholeHours * 3_600_000) / 3_600_000;
  const hours = Math.trunc(hoursFloat + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(wholeHours) / 24 / 365)} years`;
}

/**
 * The smallest elapsed time after `ms` at which humanDuration's text may read differently:
 * humanDuration is the same for every duration in [ms, humanDurationChangesAt(ms)). Seconds
 * change on whole seconds, minutes on whole minutes, the rest on half hours (hours round half
 * up); one millisecond early there, so that float rounding of fractional times stays covered.
 */
export function humanDurationChangesAt(ms: number): number {
  if (ms < 1000) return 1000;
  if (ms < 60_000) return (Math.trunc(ms / 1000) + 1) * 1000;
  if (ms < 3_600_000) return (Math.trunc(ms / 60_000) + 1) * 60_000;
  const next = (Math.floor(ms / 1_800_000) + 1) * 1_800_000;
  return next - 1 > ms ? next - 1 : next;
}
