/**
 * Digest validation as github.com/opencontainers/go-digest does it (Digest.Validate):
 * `algorithm:encoded`; sha256/sha384/sha512 need lower-case hex of 64/96/128 chars.
 */

export const ErrDigestInvalidFormat = 'invalid checksum digest format';
export const ErrDigestInvalidLength = 'invalid checksum digest length';
export const ErrDigestUnsupported = 'unsupported digest algorithm';

const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const digestRegexpAnchored = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** The error message go-digest gives for `d`, or undefined when it is valid. */
export function digestError(d: string): string | undefined {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return ErrDigestInvalidFormat;
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const size = Object.prototype.hasOwnProperty.call(HEX_LENGTH, algorithm) ? HEX_LENGTH[algorithm] : undefined;
  if (size === undefined) {
    return digestRegexpAnchored.test(d) ? ErrDigestUnsupported : ErrDigestInvalidFormat;
  }
  if (encoded.length !== size) return ErrDigestInvalidLength;
  return /^[a-f0-9]+$/.test(encoded) ? undefined : ErrDigestInvalidFormat;
}

/** digest.Parse: returns `d` or throws go-digest's error. */
export function parseDigest(d: string): string {
  const err = digestError(d);
  if (err !== undefined) throw new Error(err);
  return d;
}
