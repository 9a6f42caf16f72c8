// Image reference validation as distribution/reference's ParseNormalizedNamed does it, for the
// flags the CLI checks while parsing (`docker build -t`). Only the verdict and its error text.
import { GoError } from './go';

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const domain = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const ANCHORED_ID = /^[a-f0-9]{64}$/;

function splitDockerDomain(s: string): [string, string] {
  const i = s.indexOf('/');
  let dom: string;
  let rest: string;
  if (i === -1 || (!/[.:]/.test(s.slice(0, i)) && s.slice(0, i) !== 'localhost' && s.slice(0, i).toLowerCase() === s.slice(0, i))) {
    dom = 'docker.io';
    rest = s;
  } else {
    dom = s.slice(0, i);
    rest = s.slice(i + 1);
  }
  if (dom === 'index.docker.io') dom = 'docker.io';
  if (dom === 'docker.io' && !rest.includes('/')) rest = 'library/' + rest;
  return [dom, rest];
}

/** Throws with docker's message when `s` is not a valid (normalisable) image reference. */
export function validateReference(s: string): void {
  if (ANCHORED_ID.test(s)) throw new GoError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const [dom, rest] = splitDockerDomain(s);
  const colon = rest.indexOf(':');
  const remote = colon > -1 ? rest.slice(0, colon) : rest;
  if (remote.toLowerCase() !== remote) {
    throw new GoError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const full = `${dom}/${rest}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (full === '') throw new GoError('repository name must have at least one component');
    if (REFERENCE.test(full.toLowerCase())) throw new GoError('repository name must be lowercase');
    throw new GoError('invalid reference format');
  }
  if (m[1].length > 255) throw new GoError('repository name must not be more than 255 characters');
  if (m[3]) {
    const [alg, hex] = m[3].split(':');
    const sizes: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
    if (!(alg in sizes)) throw new GoError('unsupported digest algorithm');
    if (hex.length !== sizes[alg]) throw new GoError('invalid checksum digest length');
    if (!/^[a-f0-9]+$/.test(hex)) throw new GoError('invalid checksum digest format');
  }
}
