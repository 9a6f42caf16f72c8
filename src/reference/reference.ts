/**
 * Image references: parsing, normalising and printing, with the behaviour and error
 * texts of github.com/distribution/reference v0.6.0.
 *
 * A reference is either named (`domain`/`path`, optional tag and digest) or a bare digest.
 * `domain` is '' for names parsed with `parse` that carry none (`parseNormalizedNamed`
 * always fills it: `docker.io` by default).
 */
import { digestError, ErrDigestInvalidFormat } from './digest';
import {
  anchoredDigestRegexp,
  anchoredIdentifierRegexp,
  anchoredNameRegexp,
  anchoredTagRegexp,
  referenceRegexp,
} from './grammar';

export interface NamedReference {
  readonly kind: 'named';
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface DigestReference {
  readonly kind: 'digest';
  readonly digest: string;
}

export type Reference = NamedReference | DigestReference;

export const NAME_TOTAL_LENGTH_MAX = 255;
export const DEFAULT_TAG = 'latest';
export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';

export const ErrReferenceInvalidFormat = 'invalid reference format';
export const ErrTagInvalidFormat = 'invalid tag format';
export const ErrDigestInvalidFormatRef = 'invalid digest format';
export const ErrNameContainsUppercase = 'repository name must be lowercase';
export const ErrNameEmpty = 'repository name must have at least one component';
export const ErrNameTooLong = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
export const ErrNameNotCanonical = 'repository name must be canonical';

/** An invalid reference; `message` is exactly the Go error text. */
export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

function fail(message: string): never {
  throw new InvalidReferenceError(message);
}

function named(domain: string, path: string, tag?: string, digest?: string): NamedReference {
  const r: { kind: 'named'; domain: string; path: string; tag?: string; digest?: string } = {
    kind: 'named',
    domain,
    path,
  };
  if (tag !== undefined && tag !== '') r.tag = tag;
  if (digest !== undefined && digest !== '') r.digest = digest;
  return r;
}

/** reference.Parse: a reference as written, without normalisation. */
export function parse(s: string): Reference {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === '') fail(ErrNameEmpty);
    if (referenceRegexp.test(s.toLowerCase())) fail(ErrNameContainsUppercase);
    fail(ErrReferenceInvalidFormat);
  }
  const name = m[1]!;
  const nm = anchoredNameRegexp.exec(name);
  const domain = nm ? (nm[1] ?? '') : '';
  const path = nm ? nm[2]! : name;
  if (path.length > NAME_TOTAL_LENGTH_MAX) fail(ErrNameTooLong);
  const tag = m[2];
  const digest = m[3];
  if (digest !== undefined && digest !== '') {
    const err = digestError(digest);
    if (err !== undefined) fail(err);
  }
  return named(domain, path, tag, digest);
}

/** The Name() of a named reference: `domain/path`, or `path` when there is no domain. */
export function name(ref: NamedReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** String(): `name[:tag][@digest]`, or the digest for a digest reference. */
export function referenceString(ref: Reference): string {
  if (ref.kind === 'digest') return ref.digest;
  let s = name(ref);
  if (ref.tag !== undefined) s += ':' + ref.tag;
  if (ref.digest !== undefined) s += '@' + ref.digest;
  return s;
}

/** splitDockerDomain: the domain rules of normalisation. */
function splitDockerDomain(s: string): [string, string] {
  const slash = s.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + s];
  const maybeDomain = s.slice(0, slash);
  const maybeRemote = s.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  } else if (/[.:]/.test(maybeDomain)) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else if (maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remote] = [maybeDomain, maybeRemote];
  } else {
    [domain, remote] = [DEFAULT_DOMAIN, s];
  }
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/**
 * True when the first path element would be taken as a registry domain: it contains
 * '.' or ':', is `localhost`, or has upper-case letters (only when a '/' follows it).
 */
export function hasExplicitDomain(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const first = s.slice(0, slash);
  return first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
}

/**
 * reference.ParseNormalizedNamed: `nginx` → docker.io/library/nginx,
 * `foo/bar:1` → docker.io/foo/bar:1, `localhost:5000/x` keeps its domain.
 */
export function parseNormalizedNamed(s: string): NamedReference {
  if (anchoredIdentifierRegexp.test(s)) {
    fail(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    fail(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const ref = parse(`${domain}/${remainder}`);
  if (ref.kind !== 'named') fail(`reference ${referenceString(ref)} has no name`);
  return ref;
}

/** reference.ParseAnyReference: a 64-hex ID, a digest, or a familiar name. */
export function parseAnyReference(s: string): Reference {
  if (anchoredIdentifierRegexp.test(s)) return { kind: 'digest', digest: 'sha256:' + s };
  if (digestError(s) === undefined) return { kind: 'digest', digest: s };
  return parseNormalizedNamed(s);
}

/** reference.ParseNamed: like parseNormalizedNamed but the input must already be canonical. */
export function parseNamed(s: string): NamedReference {
  const ref = parseNormalizedNamed(s);
  if (referenceString(ref) !== s) fail(ErrNameNotCanonical);
  return ref;
}

/**
 * reference.ParseDockerRef: normalised, `latest` added when there is neither tag nor
 * digest; a reference with both keeps only the digest.
 */
export function parseDockerRef(s: string): NamedReference {
  const ref = parseNormalizedNamed(s);
  if (ref.tag !== undefined && ref.digest !== undefined) return named(ref.domain, ref.path, undefined, ref.digest);
  return tagNameOnly(ref);
}

/** reference.WithName: a repository (no tag, no digest) from a full name. */
export function withName(n: string): NamedReference {
  const m = anchoredNameRegexp.exec(n);
  if (!m) fail(ErrReferenceInvalidFormat);
  if (m[2]!.length > NAME_TOTAL_LENGTH_MAX) fail(ErrNameTooLong);
  return named(m[1] ?? '', m[2]!);
}

/** reference.WithTag: sets the tag (a digest already there is kept). */
export function withTag(ref: NamedReference, tag: string): NamedReference {
  if (!anchoredTagRegexp.test(tag)) fail(ErrTagInvalidFormat);
  return named(ref.domain, ref.path, tag, ref.digest);
}

/** reference.WithDigest: sets the digest (a tag already there is kept). */
export function withDigest(ref: NamedReference, digest: string): NamedReference {
  if (!anchoredDigestRegexp.test(digest)) fail(ErrDigestInvalidFormatRef);
  return named(ref.domain, ref.path, ref.tag, digest);
}

/** reference.TrimNamed: drops tag and digest. */
export function trimNamed(ref: NamedReference): NamedReference {
  return named(ref.domain, ref.path);
}

/** reference.IsNameOnly: neither tag nor digest. */
export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** reference.TagNameOnly: adds `latest` to a bare name. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? named(ref.domain, ref.path, DEFAULT_TAG) : ref;
}

function familiarize(ref: NamedReference): NamedReference {
  let domain = ref.domain;
  let path = ref.path;
  if (domain === DEFAULT_DOMAIN) {
    domain = '';
    if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
      const rest = path.slice(OFFICIAL_REPO_PREFIX.length);
      if (!rest.includes('/')) path = rest;
    }
  }
  return named(domain, path, ref.tag, ref.digest);
}

/** reference.FamiliarName: `docker.io/library/nginx` → `nginx`, `docker.io/foo/bar` → `foo/bar`. */
export function familiarName(ref: NamedReference): string {
  return name(familiarize(ref));
}

/** reference.FamiliarString: `docker.io/library/nginx:1.27` → `nginx:1.27`. */
export function familiarString(ref: Reference): string {
  return ref.kind === 'digest' ? ref.digest : referenceString(familiarize(ref));
}

/** Tag of a reference, or '' (Go's Tagged.Tag() when present). */
export function tagOf(ref: Reference): string {
  return ref.kind === 'named' ? (ref.tag ?? '') : '';
}

/** Digest of a reference, or ''. */
export function digestOf(ref: Reference): string {
  return ref.digest ?? '';
}

/** True when `tag` is a valid tag (`[\w][\w.-]{0,127}`). */
export function isValidTag(tag: string): boolean {
  return anchoredTagRegexp.test(tag);
}

export { ErrDigestInvalidFormat };
