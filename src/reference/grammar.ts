/**
 * The grammar of image references (github.com/distribution/reference v0.6.0, as the
 * docker CLI and moby 28.2.2 vendor it), rebuilt as JavaScript regular expressions.
 *
 *   reference   := name [ ":" tag ] [ "@" digest ]
 *   name        := [domain '/'] remote-name
 *   domain      := host [':' port]            host: DNS-ish labels (upper case allowed) or [IPv6]
 *   remote-name := path-component ['/' path-component]*
 *   path-component := [a-z0-9]+ (separator [a-z0-9]+)*    separator: '.', '_', '__', '-'+
 *   tag         := [\w][\w.-]{0,127}
 *   digest      := algorithm ':' hex{32,}
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';

const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

/** Domain (host and optional port) of a name. */
export const DOMAIN_PATTERN = domainAndPort;
/** A tag. */
export const TAG_PATTERN = tag;
/** A digest as the reference grammar accepts it (before go-digest validation). */
export const DIGEST_PATTERN = digestPat;
/** A name: optional domain, then path components. */
export const NAME_PATTERN = namePat;

export const anchoredTagRegexp = new RegExp(`^${tag}$`);
export const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);
/** Captures [1] domain (may be undefined) and [2] remote name. */
export const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
/** Captures [1] name, [2] tag, [3] digest. */
export const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
/** A full 64-hex image ID without algorithm. */
export const anchoredIdentifierRegexp = new RegExp(`^${identifier}$`);
