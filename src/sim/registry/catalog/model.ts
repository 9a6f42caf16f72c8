// The catalog's data model: layers (declared sizes plus a modest set of entries), images per
// platform (config, history, layers) and repositories (tags grouped by the image they name).
// Everything here is plain data or lazily built from it; nothing is hashed until asked for.

import { sha256Digest } from '../digest';
import type { LayerEntry, Platform } from '../types';

export type Arch = 'amd64' | 'arm64';
export const ARCHES: readonly Arch[] = ['amd64', 'arm64'];

export function platformOf(arch: Arch): Platform {
  return arch === 'arm64'
    ? { architecture: 'arm64', os: 'linux', variant: 'v8' }
    : { architecture: 'amd64', os: 'linux' };
}

/** Names different tools give one architecture. */
export interface ArchNames {
  arch: Arch;
  /** uname -m, apk --print-arch */
  uname: 'x86_64' | 'aarch64';
  /** Debian multiarch triplet */
  triplet: 'x86_64-linux-gnu' | 'aarch64-linux-gnu';
  /** glibc dynamic loader file name */
  glibcLd: 'ld-linux-x86-64.so.2' | 'ld-linux-aarch64.so.1';
  /** musl dynamic loader file name */
  muslLd: 'ld-musl-x86_64.so.1' | 'ld-musl-aarch64.so.1';
  /** Official images' per-arch namespace (com.docker.official-images.bashbrew.arch) */
  bashbrew: 'amd64' | 'arm64v8';
}

export function archNames(arch: Arch): ArchNames {
  return arch === 'arm64'
    ? {
        arch,
        uname: 'aarch64',
        triplet: 'aarch64-linux-gnu',
        glibcLd: 'ld-linux-aarch64.so.1',
        muslLd: 'ld-musl-aarch64.so.1',
        bashbrew: 'arm64v8',
      }
    : {
        arch,
        uname: 'x86_64',
        triplet: 'x86_64-linux-gnu',
        glibcLd: 'ld-linux-x86-64.so.2',
        muslLd: 'ld-musl-x86_64.so.1',
        bashbrew: 'amd64',
      };
}

/** Uncompressed size meaning "exactly what the listed entries hold" (small COPY layers). */
export const AUTO = -1;

/** Compressed and uncompressed size of a layer (uncompressed may be AUTO), per architecture. */
export type SizePair = readonly [compressed: number, uncompressed: number];
export type ArchSizes = Readonly<Record<Arch, SizePair>>;

/** The same sizes on both architectures (small arch-independent layers). */
export function both(compressed: number, uncompressed: number): ArchSizes {
  return { amd64: [compressed, uncompressed], arm64: [compressed, uncompressed] };
}

/**
 * One layer. `key` identifies it catalog-wide: images that name the same LayerDef object (or
 * an equal key) share the layer, with identical DiffID and digest. `entries` lists what the
 * layer holds; the remainder up to `size` is spread over `fill` as size-only files.
 */
export interface LayerDef {
  readonly key: string;
  /** ISO time the layer was created (its files' mtime). */
  readonly created: string;
  /** Compressed blob size (manifest). */
  readonly compressed: number;
  /** Uncompressed size (what `docker images` adds up); AUTO: the entries' own total. */
  readonly size: number;
  readonly entries: () => LayerEntry[];
  /** Paths of size-only files that take the bytes the listed entries do not account for. */
  readonly fill: readonly string[];
  /** The shared empty layer (no entries, size 0). */
  readonly empty?: boolean;
}

export interface LayerSpec {
  key: string;
  created: string;
  sizes: SizePair;
  entries?: () => LayerEntry[];
  fill?: readonly string[];
}

/**
 * Defines a layer. Its DiffID is derived from its entries salted with its key, so two
 * definitions with the same key and the same entries are the same layer (as two builds of one
 * Dockerfile step producing the same tar are); base images hand out one object per layer so
 * its entries are resolved once.
 */
export function layer(spec: LayerSpec): LayerDef {
  const def: LayerDef = {
    key: spec.key,
    created: spec.created,
    compressed: spec.sizes[0],
    size: spec.sizes[1],
    entries: spec.entries ?? (() => []),
    fill: spec.fill ?? [],
  };
  return def;
}

/** The empty layer BuildKit exports for a step that changes nothing (e.g. WORKDIR of an existing dir). */
export const EMPTY: LayerDef = {
  key: 'empty',
  created: '1970-01-01T00:00:00Z',
  compressed: 32,
  size: 0,
  entries: () => [],
  fill: [],
  empty: true,
};

/** Docker image config `config` object (the fields images on Docker Hub use). */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
}

export interface HistoryEntry {
  created: string;
  created_by: string;
  comment?: string;
  empty_layer?: boolean;
}

/**
 * How the config JSON was written, which decides its key order:
 * - 'buildkit': BuildKit (top-level keys sorted; `config` in image-spec struct order).
 * - 'rootfs': an imported root filesystem (debuerreotype, busybox builds): config, created,
 *   history, rootfs, architecture, os[, variant].
 * - 'classic': the classic builder (moby image.Image: top-level keys sorted, `config` as
 *   container.Config with every field).
 */
export type ConfigStyle = 'buildkit' | 'rootfs' | 'classic';

export interface ImageDef {
  readonly platform: Platform;
  readonly style: ConfigStyle;
  readonly created: string;
  readonly config: ContainerConfig;
  readonly history: readonly HistoryEntry[];
  /** Bottom first; one per history entry without empty_layer. */
  readonly layers: readonly LayerDef[];
  /** What the index annotates as org.opencontainers.image.base.name (e.g. debian:bookworm-slim). */
  readonly baseName?: string;
  /** org.opencontainers.image.version */
  readonly version?: string;
  /** classic builder only: docker_version */
  readonly dockerVersion?: string;
}

/** A set of tags naming one image (an index over its platforms). */
export interface TagGroup {
  readonly tags: readonly string[];
  /** Built on first use; one image per platform, in index order. */
  readonly images: () => readonly ImageDef[];
  /** Attach BuildKit attestation manifests (unknown/unknown entries) to the index. */
  readonly attestations: boolean;
}

export interface RepositoryDef {
  /** Repository path on the registry: library/nginx */
  readonly name: string;
  readonly description: string;
  readonly stars: number;
  readonly official: boolean;
  /** Manifest schema the repository is served in. */
  readonly format: 'oci' | 'docker';
  readonly groups: readonly TagGroup[];
}

export interface RepositorySpec {
  name: string;
  description: string;
  stars: number;
  official?: boolean;
  format?: 'oci' | 'docker';
  groups: readonly TagGroup[];
}

export function repository(spec: RepositorySpec): RepositoryDef {
  return {
    name: spec.name.includes('/') ? spec.name : `library/${spec.name}`,
    description: spec.description,
    stars: spec.stars,
    official: spec.official ?? !spec.name.includes('/'),
    format: spec.format ?? 'oci',
    groups: spec.groups,
  };
}

/** A tag group built per architecture (amd64 then arm64 unless told). */
export function tags(
  names: readonly string[],
  build: (arch: Arch) => ImageDef,
  opts: { arches?: readonly Arch[]; attestations?: boolean } = {},
): TagGroup {
  const arches = opts.arches ?? ARCHES;
  let built: readonly ImageDef[] | undefined;
  return {
    tags: names,
    attestations: opts.attestations ?? true,
    images: () => (built ??= arches.map(build)),
  };
}

/** Memoizes a per-architecture builder (base images are reused by many repositories). */
export function perArch<T>(make: (arch: Arch) => T): (arch: Arch) => T {
  const cache = new Map<Arch, T>();
  return (arch) => {
    let v = cache.get(arch);
    if (v === undefined) {
      v = make(arch);
      cache.set(arch, v);
    }
    return v;
  };
}

export function pick<T>(arch: Arch, values: Readonly<Record<Arch, T>>): T {
  return values[arch];
}


/**
 * A stand-in for a checksum the catalog does not record (e.g. a source tarball's sha256 in an
 * image's ENV): a fixed hex string derived from `label`, so images stay deterministic.
 */
export function standInSha256(label: string): string {
  return sha256Digest(`stand-in:${label}`).slice('sha256:'.length);
}
