// src/vfs: the simulator's filesystems. See README.md in this folder.

export * from './types';
export { resolvePath, joinPath, splitPath, dirname, basename, isWithin, compareNames } from './path';
export { MemoryFs, type MemoryFsOptions } from './memory-fs';
export { Layer, type LayerEntry, WHITEOUT_PREFIX, WHITEOUT_OPAQUE } from './layer';
export { MAX_SYMLINK_HOPS, type TreeFsOptions } from './tree-fs';
export { OverlayFs, type OverlayFsOptions, type Change, ChangeKind } from './overlay-fs';
export { walk, copyTree, type WalkEntry, type CopyOptions } from './walk';
export { MountFs, type Mount, type MountOptions, type MountSpec } from './mount-fs';
export {
  parseTar,
  writeTar,
  tarChunks,
  TarError,
  type TarEntry,
  type TarEntryType,
  type ParsedTarEntry,
} from './tar';
export {
  diffId,
  layerSize,
  size,
  layerTar,
  layerTarChunks,
  layerTarEntries,
  sha256Digest,
  chainId,
  chainIds,
  EMPTY_LAYER_DIFF_ID,
} from './digest';
export {
  fsToTar,
  fsToTarEntries,
  extractTar,
  layerFromTar,
  layerFromTarEntries,
  type PackOptions,
  type ExtractOptions,
} from './archive';
