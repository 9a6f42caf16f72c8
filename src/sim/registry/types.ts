// Shapes shared by the image catalog, the registry objects generated from it and the registry
// model that serves them (OCI distribution semantics, as registry-1.docker.io answers).

/**
 * One filesystem entry of an image layer, in the shape src/vfs loads and produces (its
 * LayerEntry), so layers travel between the vfs and the registry as they are.
 * - `content` is what a read returns; `size` is the declared size. A file with a `size` that
 *   differs from its content's byte length is synthetic (executables: content is the
 *   `\x7fELF docksim-program:<name>` marker, size the real binary's size).
 * - `mtime` is milliseconds since the epoch.
 * - 'whiteout' deletes the path from lower layers; `opaque` marks a directory that hides
 *   what lower layers hold below it (layers from commits and builds; the catalog uses neither).
 */
export interface LayerEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'whiteout';
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  content?: string | Uint8Array;
  size?: number;
  target?: string;
  opaque?: boolean;
}

/** os / architecture / variant as OCI writes them (arm64 images carry variant v8). */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export const MediaTypes = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

export const INDEX_MEDIA_TYPES: readonly string[] = [MediaTypes.ociIndex, MediaTypes.dockerList];
export const MANIFEST_MEDIA_TYPES: readonly string[] = [MediaTypes.ociManifest, MediaTypes.dockerManifest];
export const LAYER_MEDIA_TYPES: readonly string[] = [
  MediaTypes.ociLayer,
  MediaTypes.dockerLayer,
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+zstd',
];

/** An OCI content descriptor (key order as Go's image-spec structs marshal it). */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
}

/** A manifest or index as served: the exact bytes, their digest and Content-Type. */
export interface ServedManifest {
  mediaType: string;
  /** sha256 of `bytes`: what Docker-Content-Digest carries. */
  digest: string;
  bytes: Uint8Array;
  /** `bytes` as text (they are UTF-8 JSON). */
  text: string;
}

/** Parsed image manifest (either schema). */
export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** Parsed index / manifest list (either schema). */
export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

/** A blob whose bytes the registry holds: image configs, attestation statements. */
export interface BytesBlob {
  kind: 'bytes';
  digest: string;
  size: number;
  bytes: Uint8Array;
}

/**
 * A layer blob. The simulation has no gzip stream to serve, so a layer is served as its
 * description: compressed size and digest (what the manifest lists), DiffID and uncompressed
 * size (what the config and `docker images` use), and the entries to unpack.
 */
export interface LayerBlob {
  kind: 'layer';
  /** Digest of the compressed blob (manifest `layers[].digest`). */
  digest: string;
  /** Compressed size in bytes (manifest `layers[].size`, the pull progress total). */
  size: number;
  /** DiffID: digest of the uncompressed tar (config `rootfs.diff_ids`). */
  diffId: string;
  /** Uncompressed size: files' sizes plus symlinks' target lengths (directories count 0). */
  unpackedSize: number;
  entries: readonly LayerEntry[];
}

export type Blob = BytesBlob | LayerBlob;

/** What `docker search` lists for one repository. */
export interface SearchResult {
  /** `nginx` for official images, `user/repo` otherwise. */
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}
