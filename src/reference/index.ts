export * from './reference';
export { digestError, parseDigest, ErrDigestInvalidLength, ErrDigestUnsupported } from './digest';
export {
  DOMAIN_PATTERN,
  TAG_PATTERN,
  DIGEST_PATTERN,
  NAME_PATTERN,
  anchoredTagRegexp,
  anchoredDigestRegexp,
  anchoredNameRegexp,
  anchoredIdentifierRegexp,
  referenceRegexp,
} from './grammar';
export { pathMatch, familiarMatch, ErrBadPattern } from './match';
export {
  RESTRICTED_NAME_CHARS,
  RESTRICTED_NAME_PATTERN,
  isValidContainerName,
  validateContainerName,
} from './names';
export {
  SHORT_ID_LENGTH,
  FULL_ID_LENGTH,
  truncateID,
  truncatedIDOf,
  isShortIDCandidate,
  isFullID,
  isAllNumericShortID,
} from './stringid';
