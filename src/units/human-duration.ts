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
