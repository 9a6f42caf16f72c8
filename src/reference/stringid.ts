/**
 * Short IDs (moby pkg/stringid and the image-store lookups of moby 28.2.2).
 */

export const SHORT_ID_LENGTH = 12;
export const FULL_ID_LENGTH = 64;

/** stringid.TruncateID: drop everything up to the first ':' (`sha256:`), keep 12 characters. */
export function truncateID(id: string): string {
  const colon = id.indexOf(':');
  if (colon >= 0) id = id.slice(colon + 1);
  return id.length > SHORT_ID_LENGTH ? id.slice(0, SHORT_ID_LENGTH) : id;
}

/**
 * Could `s` be a (possibly truncated) image ID? As the containerd image service checks it:
 * optional `sha256:` prefix, then 4 to 64 lower-case hex digits. Returns the hex part or ''.
 */
export function truncatedIDOf(s: string): string {
  const id = s.startsWith('sha256:') ? s.slice(7) : s;
  if (id.length < 4 || id.length > FULL_ID_LENGTH) return '';
  return /^[0-9a-f]+$/.test(id) ? id : '';
}

/** True when `s` may name an image by ID prefix (see truncatedIDOf). */
export function isShortIDCandidate(s: string): boolean {
  return truncatedIDOf(s) !== '';
}

/** True for a full 64-character lower-case hex ID. */
export function isFullID(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

/**
 * moby never hands out an ID whose 12-character short form is all digits (it could be
 * read as a number); its generator draws again. A simulated ID source applies the same rule.
 */
export function isAllNumericShortID(id: string): boolean {
  return /^[0-9]{12}/.test(id);
}
