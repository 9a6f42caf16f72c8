// Timestamps as moby writes them (Go's RFC3339Nano in UTC): the fraction is trimmed of trailing
// zeros and omitted when zero. The simulator keeps time in milliseconds; a stamp also carries
// the sub-millisecond nanoseconds it was given (drawn from the seeded source), so stamps look
// like a real daemon's and stay deterministic.

export interface Stamp {
  ms: number;
  /** 0..999999 nanoseconds below the millisecond. */
  ns: number;
}

export const ZERO_TIME = '0001-01-01T00:00:00Z';

export function rfc3339Nano(stamp: Stamp): string {
  const d = new Date(stamp.ms);
  const base = d.toISOString().slice(0, 19);
  const frac = (String(d.getUTCMilliseconds()).padStart(3, '0') + String(stamp.ns).padStart(6, '0')).replace(/0+$/, '');
  return frac ? `${base}.${frac}Z` : `${base}Z`;
}

/**
 * Go's RFC3339Nano with the fraction padded to nine digits (moby's jsonmessage.RFC3339NanoFixed),
 * as `docker logs -t` prints timestamps.
 */
export function rfc3339NanoFixed(stamp: Stamp): string {
  const d = new Date(stamp.ms);
  return `${d.toISOString().slice(0, 19)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}${String(stamp.ns).padStart(6, '0')}Z`;
}

/** Unix seconds (integer) of a stamp. */
export const unixSeconds = (s: Stamp) => Math.floor(s.ms / 1000);
/** Unix nanoseconds as a number (loses precision beyond 2^53; fine for display and ordering). */
export const unixNano = (s: Stamp) => s.ms * 1e6 + s.ns;

/** Go's time.RFC3339 (seconds, no fraction), as volumes' CreatedAt. */
export function rfc3339(stamp: Stamp): string {
  return `${new Date(stamp.ms).toISOString().slice(0, 19)}Z`;
}
