// Facts of the simulated Docker Hub: what real Docker prints for an image pulled from it
// depends on the Hub's content (ids, digests, layer names, sizes), as it does for real Docker
// Hub on the day of the pull. The expectations take them from the registry model
// (src/sim/registry) — the Hub, not the daemon under test — so they stay exact and follow the
// catalog when it changes.

import { humanSizeWithPrecision } from '../../../src/units/size';
import { Hub } from '../../../src/sim/registry/hub';
import { parseManifest, isIndex } from '../../../src/sim/registry/registry';
import { selectManifest } from '../../../src/sim/registry/platform';
import type { ImageIndex, ImageManifest } from '../../../src/sim/registry/types';
import { fromUtf8 } from '../../../src/sim/registry/digest';

export interface HubImage {
  /** `library/alpine` */
  repo: string;
  tag: string;
  /** The digest `docker pull` prints and RepoDigests hold (the index's, for multi-platform tags). */
  digest: string;
  /** Image ID: the config digest (`sha256:…`). */
  id: string;
  /** Its 12-hex short form. */
  shortId: string;
  /** Short names of the layers, as pull progress prints them. */
  layers: string[];
  /** The layers' DiffIDs (config rootfs.diff_ids; RootFS.Layers of image inspect). */
  diffIds: string[];
  /** Sum of the layers' unpacked sizes: `docker images` SIZE in bytes. */
  size: number;
  /** `docker images` SIZE column (HumanSizeWithPrecision 3). */
  sizeText: string;
  /** The config's `created`. */
  created: string;
  /** The config (parsed). */
  config: { created: string; rootfs: { diff_ids: string[] }; config?: { Cmd?: string[]; Env?: string[]; Entrypoint?: string[] | null }; history?: { created_by?: string; empty_layer?: boolean; comment?: string }[] };
}

const hub = new Hub();

export function hubImage(name: string, tag = 'latest', platform = { os: 'linux', architecture: 'amd64' }): HubImage {
  const repo = name.includes('/') ? name : `library/${name}`;
  const top = hub.getManifest(repo, tag);
  const parsed = parseManifest(top);
  let manifest: ImageManifest;
  if (isIndex(top)) {
    const desc = selectManifest(parsed as ImageIndex, platform);
    manifest = parseManifest(hub.getManifest(repo, desc.digest)) as ImageManifest;
  } else manifest = parsed as ImageManifest;
  const configBlob = hub.getBlob(repo, manifest.config.digest);
  if (configBlob.kind !== 'bytes') throw new Error('config blob is not bytes');
  const config = JSON.parse(fromUtf8(configBlob.bytes)) as HubImage['config'];
  let size = 0;
  for (const l of manifest.layers) {
    const b = hub.getBlob(repo, l.digest);
    if (b.kind === 'layer') size += b.unpackedSize;
  }
  const id = manifest.config.digest;
  return {
    repo,
    tag,
    digest: top.digest,
    id,
    shortId: id.slice('sha256:'.length, 'sha256:'.length + 12),
    layers: manifest.layers.map((l) => l.digest.slice('sha256:'.length, 'sha256:'.length + 12)),
    diffIds: config.rootfs.diff_ids,
    size,
    sizeText: humanSizeWithPrecision(size, 3),
    created: config.created,
    config,
  };
}

/** Every id and date of these images (ids, digests, layers, Created), for Masker's `keep`. */
export function hubIds(...images: HubImage[]): string[] {
  return images.flatMap((i) => [i.id, i.digest, ...i.layers, ...i.diffIds, i.created]);
}
