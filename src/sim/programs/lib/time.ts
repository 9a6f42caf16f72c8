// Timestamps as daemons print them, from a program's clock (ctx.sys.now(), the virtual clock).
// Containers run in UTC unless told otherwise; these helpers format UTC.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  wd: number;
}

function parts(ms: number): Parts {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds(), wd: t.getUTCDay() };
}

const hms = (p: Parts) => `${p2(p.h)}:${p2(p.mi)}:${p2(p.s)}`;

/** nginx's error log: 2026/11/27 09:00:00 */
export function nginxTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${p2(p.mo + 1)}/${p2(p.d)} ${hms(p)}`;
}

/** Common Log Format's $time_local: 27/Nov/2026:09:00:05 +0000 */
export function clfTime(ms: number): string {
  const p = parts(ms);
  return `${p2(p.d)}/${MONTHS[p.mo]}/${p.y}:${hms(p)} +0000`;
}

/** HTTP-date (RFC 9110 IMF-fixdate): Thu, 27 Nov 2026 09:00:05 GMT */
export function httpDate(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.wd]}, ${p2(p.d)} ${MONTHS[p.mo]} ${p.y} ${hms(p)} GMT`;
}

/** Parses an HTTP-date; NaN when it is not one. */
export function parseHttpDate(s: string): number {
  const m = /^\w{3}, (\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s.trim());
  if (!m) return NaN;
  const mo = MONTHS.indexOf(m[2]!);
  if (mo < 0) return NaN;
  return Date.UTC(Number(m[3]), mo, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** Redis's log: 27 Nov 2026 09:00:00.123 */
export function redisTime(ms: number): string {
  const p = parts(ms);
  return `${p2(p.d)} ${MONTHS[p.mo]} ${p.y} ${hms(p)}.${p3(p.ms)}`;
}

/** PostgreSQL's log_line_prefix %m: 2026-11-27 09:00:00.123 UTC */
export function pgTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)} ${hms(p)}.${p3(p.ms)} UTC`;
}

/** PostgreSQL's %t (no milliseconds): 2026-11-27 09:00:00 UTC */
export function pgTimeSeconds(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)} ${hms(p)} UTC`;
}

/** ISO 8601 with microseconds, as MySQL logs it: 2026-11-27T09:00:00.123000Z */
export function isoMicros(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}.${p3(p.ms)}000Z`;
}

/** ISO 8601 with milliseconds and offset, as MongoDB logs it: 2026-11-27T09:00:00.123+00:00 */
export function isoMillisOffset(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}.${p3(p.ms)}+00:00`;
}

/** RFC 3339 with seconds: 2026-11-27T09:00:00Z */
export function rfc3339(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)}T${hms(p)}Z`;
}

/** Entrypoint scripts' `date --rfc-3339=seconds`: 2026-11-27 09:00:00+00:00 */
export function rfc3339Space(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${p2(p.mo + 1)}-${p2(p.d)} ${hms(p)}+00:00`;
}

/** Apache's error log: Thu Nov 27 09:00:00.123456 2026 */
export function apacheTime(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.wd]} ${MONTHS[p.mo]} ${p2(p.d)} ${hms(p)}.${p3(p.ms)}000 ${p.y}`;
}

/** Go's log package default: 2026/11/27 09:00:00 */
export const goLogTime = nginxTime;

/** asctime(): Thu Nov 27 09:00:00 2026 */
export function asctime(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.wd]} ${MONTHS[p.mo]} ${String(p.d).padStart(2, ' ')} ${hms(p)} ${p.y}`;
}
