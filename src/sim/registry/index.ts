// The registry model: Docker Hub's catalog and the OCI distribution semantics it is served with.

export { Hub, HUB_HOST, HUB_API_HOST, hubAuthorize } from './hub';
export {
  Registry,
  RegistryError,
  isIndex,
  isValidRepositoryName,
  isValidTag,
  parseManifest,
  type AccessRequest,
  type BytesUpload,
  type LayerUpload,
  type RegistryAction,
  type RegistryErrorCode,
  type RegistryOptions,
  type RequestOptions,
} from './registry';
export { NoMatchingManifestError, compatiblePlatforms, formatPlatform, normalizePlatform, selectManifest } from './platform';
export {
  EMPTY_LAYER,
  chainId,
  compressedDigest,
  entryBytes,
  goJson,
  isDigest,
  layerDiffId,
  layerSerialization,
  sha256Digest,
  unpackedSize,
} from './digest';
export { PROGRAMS, PROGRAM_MARKER_PREFIX, programOf } from './programs';
export { HUB_CATALOG } from './catalog/index';
export * from './types';
