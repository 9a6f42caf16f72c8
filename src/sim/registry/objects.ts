// Registry objects generated from the catalog: layer blobs (entries, DiffID, digest), image
// config JSON, image manifests, indexes and BuildKit attestation manifests. Everything is
// derived from the catalog's data alone and cached process-wide (the data never changes, so
// every World shares one copy), and built lazily, one tag group at a time.

import {
  compressedDigest,
  entryBytes,
  EMPTY_LAYER,
  goJson,
  layerDiffId,
  sha256Digest,
  utf8,
} from './digest';
import { AUTO, type ContainerConfig, type HistoryEntry, type ImageDef, type LayerDef, type RepositoryDef, type TagGroup } from './catalog/model';
import {
  MediaTypes,
  type Blob,
  type BytesBlob,
  type Descriptor,
  type LayerBlob,
  type LayerEntry,
  type Platform,
  type ServedManifest,
} from './types';

// ---------------------------------------------------------------------------------------------
// Layers

const resolvedLayers = new WeakMap<LayerDef, LayerBlob>();

/** Splits `remainder` bytes over `paths` as size-only files. */
function fillEntries(paths: readonly string[], remainder: number, mtime: number): LayerEntry[] {
  const n = paths.length;
  const each = Math.floor(remainder / n);
  return paths.map((path, i) => ({
    path,
    type: 'file' as const,
    mode: 0o644,
    mtime,
    size: i === n - 1 ? remainder - each * (n - 1) : each,
  }));
}

/** The blob of a catalog layer: its entries (padded to the declared size), DiffID and digest. */
export function resolveLayer(def: LayerDef): LayerBlob {
  const cached = resolvedLayers.get(def);
  if (cached) return cached;
  let blob: LayerBlob;
  if (def.empty) {
    blob = { kind: 'layer', digest: EMPTY_LAYER.digest, size: EMPTY_LAYER.size, diffId: EMPTY_LAYER.diffId, unpackedSize: 0, entries: [] };
  } else {
    const entries = def.entries();
    let used = 0;
    for (const e of entries) used += entryBytes(e);
    const declared = def.size === AUTO ? used : def.size;
    const remainder = declared - used;
    if (remainder < 0) throw new Error(`layer ${def.key}: entries take ${used} bytes, more than the declared ${declared}`);
    if (remainder > 0) {
      if (def.fill.length === 0) throw new Error(`layer ${def.key}: ${remainder} bytes unaccounted for and no fill paths`);
      entries.push(...fillEntries(def.fill, remainder, Date.parse(def.created)));
    }
    if (entries.length === 0) throw new Error(`layer ${def.key}: no entries (use EMPTY for an empty layer)`);
    const diffId = layerDiffId(entries, def.key);
    blob = { kind: 'layer', digest: compressedDigest(diffId), size: def.compressed, diffId, unpackedSize: declared, entries };
  }
  resolvedLayers.set(def, blob);
  return blob;
}

// ---------------------------------------------------------------------------------------------
// Image config

const OCI_CONFIG_ORDER: readonly (keyof ContainerConfig)[] = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'ArgsEscaped',
];

function ociConfig(c: ContainerConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of OCI_CONFIG_ORDER) {
    const v = c[k];
    if (v === undefined || v === '' || v === false) continue;
    out[k] = v;
  }
  return out;
}

/** container.Config as moby's classic builder marshals it (every field, nulls included). */
function classicConfig(c: ContainerConfig, parentImage: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
  };
  if (c.ExposedPorts) out.ExposedPorts = c.ExposedPorts;
  Object.assign(out, {
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env ?? null,
    Cmd: c.Cmd ?? null,
  });
  if (c.ArgsEscaped) out.ArgsEscaped = true;
  Object.assign(out, {
    Image: parentImage,
    Volumes: c.Volumes ?? null,
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ?? null,
    OnBuild: null,
    Labels: c.Labels ?? null,
  });
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  return out;
}

function historyJson(h: HistoryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { created: h.created, created_by: h.created_by };
  if (h.comment !== undefined) out.comment = h.comment;
  if (h.empty_layer) out.empty_layer = true;
  return out;
}

/** The config JSON bytes of an image, in the key order its builder writes. */
export function configJson(img: ImageDef, diffIds: readonly string[]): string {
  const p = img.platform;
  const rootfs = { type: 'layers', diff_ids: diffIds };
  const history = img.history.map(historyJson);
  switch (img.style) {
    case 'rootfs': {
      const doc: Record<string, unknown> = {
        config: ociConfig(img.config),
        created: img.created,
        history,
        rootfs,
        architecture: p.architecture,
        os: p.os,
      };
      if (p.variant) doc.variant = p.variant;
      return goJson(doc);
    }
    case 'classic': {
      const parent = sha256Digest(`classic-parent:${img.created}:${diffIds.join(',')}`);
      const doc: Record<string, unknown> = {
        architecture: p.architecture,
        config: classicConfig(img.config, parent),
        created: img.created,
        docker_version: img.dockerVersion ?? '',
        history,
        os: p.os,
        rootfs,
      };
      if (p.variant) doc.variant = p.variant;
      return goJson(doc);
    }
    case 'buildkit': {
      const doc: Record<string, unknown> = {
        architecture: p.architecture,
        config: ociConfig(img.config),
        created: img.created,
        history,
        os: p.os,
        rootfs,
      };
      if (p.variant) doc.variant = p.variant;
      return goJson(doc);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Manifests and indexes

export type ManifestFormat = 'oci' | 'docker';

function bytesBlob(text: string): BytesBlob {
  const bytes = utf8(text);
  return { kind: 'bytes', digest: sha256Digest(bytes), size: bytes.length, bytes };
}

export function served(mediaType: string, text: string): ServedManifest {
  const bytes = utf8(text);
  return { mediaType, digest: sha256Digest(bytes), bytes, text };
}

/** A descriptor in the key order of the schema's Go struct. */
function descriptorJson(format: ManifestFormat, d: Descriptor): Record<string, unknown> {
  const out: Record<string, unknown> =
    format === 'docker'
      ? { mediaType: d.mediaType, size: d.size, digest: d.digest }
      : { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.annotations) out.annotations = d.annotations;
  if (d.platform) out.platform = platformJson(d.platform);
  return out;
}

function platformJson(p: Platform): Record<string, string> {
  const out: Record<string, string> = { architecture: p.architecture, os: p.os };
  if (p.variant) out.variant = p.variant;
  return out;
}

/** Image manifest text: OCI as BuildKit indents it (2 spaces), Docker schema 2 as distribution does (3). */
export function manifestText(format: ManifestFormat, config: Descriptor, layers: readonly Descriptor[]): string {
  const doc = {
    schemaVersion: 2,
    mediaType: format === 'oci' ? MediaTypes.ociManifest : MediaTypes.dockerManifest,
    config: descriptorJson(format, config),
    layers: layers.map((l) => descriptorJson(format, l)),
  };
  return goJson(doc, format === 'oci' ? '  ' : '   ');
}

export function indexText(format: ManifestFormat, manifests: readonly Descriptor[]): string {
  const doc = {
    schemaVersion: 2,
    mediaType: format === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerList,
    manifests: manifests.map((m) => descriptorJson(format, m)),
  };
  return goJson(doc, format === 'oci' ? '  ' : '   ');
}

/** Everything one tag group serves. */
export interface MaterializedGroup {
  readonly tags: readonly string[];
  /** What the tags resolve to: the index (or the single manifest). */
  readonly top: ServedManifest;
  /** Every manifest by digest: the index, image manifests, attestation manifests. */
  readonly manifests: ReadonlyMap<string, ServedManifest>;
  readonly blobs: ReadonlyMap<string, Blob>;
  /** Platform image manifests in index order. */
  readonly images: readonly { platform: Platform; manifest: ServedManifest; configDigest: string }[];
}

function platformString(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

function attestation(
  repo: RepositoryDef,
  group: TagGroup,
  img: ImageDef,
  subject: ServedManifest,
  blobs: Map<string, Blob>,
): ServedManifest {
  const shortName = repo.name.startsWith('library/') ? repo.name.slice('library/'.length) : repo.name;
  const purl = `pkg:docker/${shortName}@${group.tags[0]}?platform=${encodeURIComponent(platformString(img.platform))}`;
  const subjects = [{ name: purl, digest: { sha256: subject.digest.slice('sha256:'.length) } }];
  const sbom = bytesBlob(
    goJson({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://spdx.dev/Document',
      subject: subjects,
      predicate: {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `sbom-${shortName}`,
        documentNamespace: `https://docker.com/docksim/${subject.digest.slice(7, 31)}`,
        creationInfo: { creators: ['Organization: Anchore, Inc', 'Tool: syft-v1.26.1', 'Tool: buildkit-v0.22.0'], created: img.created },
        packages: [],
      },
    }),
  );
  const provenance = bytesBlob(
    goJson({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subject: subjects,
      predicate: {
        builder: { id: '' },
        buildType: 'https://mobyproject.org/buildkit@v1',
        metadata: { buildFinishedOn: img.created, completeness: { parameters: false, environment: true, materials: false }, reproducible: false },
      },
    }),
  );
  const config = bytesBlob(
    goJson({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [sbom.digest, provenance.digest] } }),
  );
  for (const b of [sbom, provenance, config]) blobs.set(b.digest, b);
  return served(
    MediaTypes.ociManifest,
    manifestText(
      'oci',
      { mediaType: MediaTypes.ociConfig, digest: config.digest, size: config.size },
      [
        { mediaType: MediaTypes.inToto, digest: sbom.digest, size: sbom.size, annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' } },
        {
          mediaType: MediaTypes.inToto,
          digest: provenance.digest,
          size: provenance.size,
          annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
        },
      ],
    ),
  );
}

const materialized = new WeakMap<TagGroup, MaterializedGroup>();

/** Builds (once) every object a tag group serves. */
export function materializeGroup(repo: RepositoryDef, group: TagGroup): MaterializedGroup {
  const cached = materialized.get(group);
  if (cached) return cached;
  const format = repo.format;
  const layerType = format === 'oci' ? MediaTypes.ociLayer : MediaTypes.dockerLayer;
  const configType = format === 'oci' ? MediaTypes.ociConfig : MediaTypes.dockerConfig;
  const manifests = new Map<string, ServedManifest>();
  const blobs = new Map<string, Blob>();
  const images: { platform: Platform; manifest: ServedManifest; configDigest: string }[] = [];
  const entries: Descriptor[] = [];
  const shortName = repo.name.startsWith('library/') ? repo.name.slice('library/'.length) : repo.name;
  const withAttestations = group.attestations && format === 'oci';

  for (const img of group.images()) {
    const layerBlobs = img.layers.map(resolveLayer);
    const config = bytesBlob(configJson(img, layerBlobs.map((l) => l.diffId)));
    blobs.set(config.digest, config);
    for (const l of layerBlobs) blobs.set(l.digest, l);
    const manifest = served(
      format === 'oci' ? MediaTypes.ociManifest : MediaTypes.dockerManifest,
      manifestText(
        format,
        { mediaType: configType, digest: config.digest, size: config.size },
        layerBlobs.map((l) => ({ mediaType: layerType, digest: l.digest, size: l.size })),
      ),
    );
    manifests.set(manifest.digest, manifest);
    images.push({ platform: img.platform, manifest, configDigest: config.digest });
    const d: Descriptor = { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length };
    if (format === 'oci' && repo.official) {
      const a: Record<string, string> = {
        'com.docker.official-images.bashbrew.arch': img.platform.architecture === 'arm64' ? 'arm64v8' : img.platform.architecture,
      };
      if (img.baseName) a['org.opencontainers.image.base.name'] = img.baseName;
      a['org.opencontainers.image.created'] = img.created;
      a['org.opencontainers.image.url'] = `https://hub.docker.com/_/${shortName}`;
      if (img.version) a['org.opencontainers.image.version'] = img.version;
      d.annotations = a;
    }
    d.platform = img.platform;
    entries.push(d);
    if (withAttestations) {
      const att = attestation(repo, group, img, manifest, blobs);
      manifests.set(att.digest, att);
      entries.push({
        mediaType: att.mediaType,
        digest: att.digest,
        size: att.bytes.length,
        annotations: { 'vnd.docker.reference.digest': manifest.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { architecture: 'unknown', os: 'unknown' },
      });
    }
  }
  let top: ServedManifest;
  if (images.length === 1 && !withAttestations) {
    top = images[0]!.manifest;
  } else {
    top = served(format === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerList, indexText(format, entries));
    manifests.set(top.digest, top);
  }
  const m: MaterializedGroup = { tags: group.tags, top, manifests, blobs, images };
  materialized.set(group, m);
  return m;
}
