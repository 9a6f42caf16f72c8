// Image references as the daemon handles them: user input normalised to fully qualified
// references (docker.io/library/nginx:latest), and shown back in familiar form (nginx:latest).

import {
  familiarName as famName,
  familiarString as famString,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  type NamedReference,
} from '../../reference';
import { invalid } from '../core/errors';

export type { NamedReference };

/** Parses user input (nginx, nginx:1.27, foo/bar@sha256:...) with "latest" added when untagged. */
export function normalize(input: string): NamedReference {
  try {
    return tagNameOnly(parseNormalizedNamed(input));
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
}

/** docker.io/library/nginx:latest */
export function full(ref: NamedReference): string {
  return referenceString(ref);
}

/** The repository part, fully qualified: docker.io/library/nginx */
export function repoOf(ref: NamedReference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** Familiar string of a stored (fully qualified) reference string. */
export function familiar(refString: string): string {
  try {
    return famString(parseNormalizedNamed(refString));
  } catch {
    return refString;
  }
}

/** The familiar repository name of any string (moby's stripTag); the input if it does not parse. */
export function familiarName(s: string): string {
  try {
    return famName(parseNormalizedNamed(s));
  } catch {
    return s;
  }
}

export function familiarOf(ref: NamedReference): string {
  return famString(ref);
}

export function familiarNameOf(ref: NamedReference): string {
  return famName(ref);
}
