// docker pull as dockerd does it with the graphdriver store (moby distribution/pull_v2.go and
// distribution/xfer): resolve the tag to a manifest (via the index for multi-arch images), fetch
// the config, then download the missing layers three at a time and extract them in order, on
// the virtual clock. Every step is reported in the JSON progress messages the real daemon
// streams; each layer's progress follows the layer-pull machine below.

import { createActor, setup, type Actor } from 'xstate';
import { humanSize } from '../../units';
import { Layer } from '../../vfs';
import { notFound } from '../core/errors';
import { ProgressFeed } from './feed';
import type { TraceOp } from '../core/trace';
import type { ImageService } from '../daemon/image-service';
import { chainIds } from '../daemon/image-service';
import { familiarNameOf, familiarOf, full, type NamedReference } from '../daemon/refs';
import { sha256Digest } from '../registry/digest';
import type { ImageIndex, ImageManifest, LayerBlob, ServedManifest } from '../registry/types';
import { RegistryError, type Registry } from '../registry/registry';

/** A layer's life in a pull. */
export const layerPull = setup({
  types: { events: {} as { type: 'QUEUE' } | { type: 'START' } | { type: 'DOWNLOADED' } | { type: 'VERIFIED' } | { type: 'EXTRACT' } | { type: 'EXTRACTED' } | { type: 'EXISTS' } },
}).createMachine({
  id: 'layer-pull',
  initial: 'new',
  states: {
    new: { on: { QUEUE: 'pullingFsLayer', EXISTS: 'alreadyExists' } },
    pullingFsLayer: { on: { START: 'downloading' } },
    downloading: { on: { DOWNLOADED: 'verifying' } },
    verifying: { on: { VERIFIED: 'downloaded' } },
    downloaded: { on: { EXTRACT: 'extracting' } },
    extracting: { on: { EXTRACTED: 'complete' } },
    complete: { type: 'final' },
    alreadyExists: { type: 'final' },
  },
});

/** Bytes per millisecond of one download stream (about 100 Mbit/s). */
const DOWNLOAD_RATE = 12_500;
/** Compressed bytes per millisecond the extractor reads. */
const EXTRACT_RATE = 40_000;
/** The progress reader reports every 512 KiB. */
const UPDATE_EVERY = 512 * 1024;
const MAX_CONCURRENT = 3;
/** Time to open a connection and get the first byte of a blob. */
const FIRST_BYTE_MS = 120;

import type { PullOperation } from './feed';

interface LayerJob {
  blob: LayerBlob;
  shortId: string;
  chainId: string;
  actor: Actor<typeof layerPull>;
  downloaded: number;
}

export function progressText(current: number, total: number): string {
  const pct = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
  const bar = `[${'='.repeat(pct)}>${' '.repeat(Math.max(0, 50 - pct))}] `;
  const cur = humanSize(current);
  const numbers = current > total ? cur.padStart(8) : `${cur.padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

export function startPull(svc: ImageService, ref: NamedReference, platform: string): PullOperation {
  const d = svc.d;
  const clock = d.world.clock;
  const op: TraceOp = d.op('image.pull');
  const famName = familiarNameOf(ref);
  const famRef = familiarOf(ref);
  const endpoint = svc.registries(ref.domain);
  if ('error' in endpoint) throw notFound(endpoint.error);
  const reg: Registry = endpoint;
  const tagOrDigest = ref.digest ?? ref.tag ?? 'latest';
  d.hop(op, 'dockerd', 'registry', `GET /v2/${ref.path}/manifests/${tagOrDigest}`);
  const fetchManifest = (reference: string): ServedManifest => {
    try {
      return reg.getManifest(ref.path, reference);
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      if (e.clientCode === 'MANIFEST_UNKNOWN') throw notFound(`manifest for ${famRef} not found: ${e.text}`);
      if (e.clientCode === 'DENIED' || e.clientCode === 'UNAUTHORIZED')
        throw notFound(`pull access denied for ${famName}, repository does not exist or may require 'docker login': ${e.text}`);
      throw notFound(`${e.text}`);
    }
  };
  const top = { manifest: fetchManifest(tagOrDigest) };
  const want = parsePlatform(platform, d.info.goArch);
  let manifest: ServedManifest = top.manifest;
  const topJson = JSON.parse(top.manifest.text) as ImageIndex | ImageManifest;
  if ('manifests' in topJson) {
    const pick = topJson.manifests.find(
      (m) =>
        m.platform &&
        m.platform.os === want.os &&
        m.platform.architecture === want.architecture &&
        (want.variant === undefined || m.platform.variant === want.variant || (m.platform.variant === undefined && want.variant === 'v8')),
    );
    if (!pick) throw notFound(`no matching manifest for ${want.os}/${want.architecture}${want.variant ? `/${want.variant}` : ''} in the manifest list entries`);
    d.hop(op, 'dockerd', 'registry', `GET /v2/${ref.path}/manifests/${pick.digest.slice(0, 19)}… (${want.os}/${want.architecture})`);
    manifest = fetchManifest(pick.digest);
  }
  const man = JSON.parse(manifest.text) as ImageManifest;
  d.hop(op, 'dockerd', 'registry', `GET /v2/${ref.path}/blobs/${man.config.digest.slice(0, 19)}… (config)`);
  const configBlob = reg.getBlob(ref.path, man.config.digest);
  if (configBlob.kind !== 'bytes') throw notFound(`manifest for ${famRef} not found: manifest unknown: manifest unknown`);
  const configBytes = new TextDecoder().decode(configBlob.bytes);
  const imageId = sha256Digest(configBytes);
  const repoDigest = top.manifest.digest;

  const feed = new ProgressFeed();
  const emit = (obj: Record<string, unknown>) => feed.emit(obj);
  const finish = (err?: string) => feed.finish(err);

  const complete = () => {
    const img = svc.register(
      configBytes,
      jobs.map((j) => ({ diffId: j.blob.diffId, size: j.blob.unpackedSize, content: layerContent(j.blob), blobDigest: j.blob.digest, blobSize: j.blob.size })),
    );
    const wasTagged = !ref.digest && d.images.refs.get(full(ref)) === img.id;
    if (!ref.digest) svc.setRef(img, ref);
    svc.setRef(img, { kind: 'named', domain: ref.domain, path: ref.path, digest: repoDigest });
    emit({ status: `Digest: ${repoDigest}` });
    emit({ status: `Status: ${wasTagged ? 'Image is up to date' : 'Downloaded newer image'} for ${famRef}` });
    d.hop(op, 'dockerd', 'dockerd', `image ${imageId.slice(7, 19)} stored; tagged ${famRef}`);
    d.event('image', 'pull', famRef, { ...((img.config.config?.Labels as Record<string, string>) ?? {}), name: famName });
    finish();
  };

  emit({ status: `Pulling from ${ref.path.startsWith('library/') && ref.domain === 'docker.io' ? ref.path : famName}`, id: tagOrDigest });

  const layerBlobs: LayerBlob[] = man.layers.map((l) => {
    const b = reg.getBlob(ref.path, l.digest);
    if (b.kind !== 'layer') throw notFound(`blob ${l.digest} not found`);
    return b;
  });
  const chains = chainIds(layerBlobs.map((b) => b.diffId));
  const jobs: LayerJob[] = layerBlobs.map((blob, i) => ({
    blob,
    shortId: blob.digest.slice(7, 19),
    chainId: chains[i]!,
    actor: createActor(layerPull).start(),
    downloaded: 0,
  }));

  if (d.images.get(imageId)) {
    // The image is already here: no layer work, just (re)tag it.
    clock.setTimeout(complete, 10);
  } else {
    // Layers already in the store ("Already exists"), the rest queued.
    const seen = new Set<string>();
    const toFetch: LayerJob[] = [];
    for (const j of jobs) {
      if (d.images.hasLayer(j.chainId)) {
        j.actor.send({ type: 'EXISTS' });
        emit({ status: 'Already exists', progressDetail: {}, id: j.shortId });
      } else if (!seen.has(j.blob.digest)) {
        seen.add(j.blob.digest);
        j.actor.send({ type: 'QUEUE' });
        emit({ status: 'Pulling fs layer', progressDetail: {}, id: j.shortId });
        toFetch.push(j);
      } else {
        j.actor.send({ type: 'QUEUE' });
      }
    }
    toFetch.slice(MAX_CONCURRENT).forEach((j) => emit({ status: 'Waiting', progressDetail: {}, id: j.shortId }));
    let active = 0;
    let next = 0;
    let extractIndex = 0;
    let extracting = false;
    const pending = [...toFetch];
    const startNext = () => {
      while (active < MAX_CONCURRENT && next < pending.length) {
        const j = pending[next++]!;
        active++;
        download(j);
      }
    };
    const download = (j: LayerJob) => {
      d.hop(op, 'dockerd', 'registry', `GET /v2/${ref.path}/blobs/${j.blob.digest.slice(0, 19)}…`);
      clock.setTimeout(() => {
        j.actor.send({ type: 'START' });
        step(j);
      }, FIRST_BYTE_MS);
    };
    const step = (j: LayerJob) => {
      const total = j.blob.size;
      const chunk = Math.min(UPDATE_EVERY, total - j.downloaded);
      clock.setTimeout(() => {
        j.downloaded += chunk;
        if (j.downloaded < total) {
          emit({ status: 'Downloading', progressDetail: { current: j.downloaded, total }, progress: progressText(j.downloaded, total), id: j.shortId });
          step(j);
          return;
        }
        j.actor.send({ type: 'DOWNLOADED' });
        emit({ status: 'Verifying Checksum', progressDetail: {}, id: j.shortId });
        j.actor.send({ type: 'VERIFIED' });
        emit({ status: 'Download complete', progressDetail: {}, id: j.shortId });
        active--;
        startNext();
        extractReady();
      }, Math.max(1, Math.ceil(chunk / DOWNLOAD_RATE)));
    };
    const extractReady = () => {
      if (extracting) return;
      while (extractIndex < jobs.length && jobs[extractIndex]!.actor.getSnapshot().value === 'alreadyExists') extractIndex++;
      if (extractIndex >= jobs.length) {
        if (jobs.every((j) => ['complete', 'alreadyExists'].includes(String(j.actor.getSnapshot().value)) || duplicateDone(j))) complete();
        return;
      }
      const j = jobs[extractIndex]!;
      const state = j.actor.getSnapshot().value;
      const original = jobs.find((o) => o.blob.digest === j.blob.digest)!;
      if (original !== j) {
        // the same blob twice in one image: extracted again from the one download
        if (original.actor.getSnapshot().value !== 'complete') return;
      } else if (state !== 'downloaded') return;
      extracting = true;
      if (original === j) j.actor.send({ type: 'EXTRACT' });
      let done = 0;
      const total = j.blob.size;
      const tick = () => {
        const chunk = Math.min(UPDATE_EVERY, total - done);
        clock.setTimeout(() => {
          done += chunk;
          if (done < total) {
            emit({ status: 'Extracting', progressDetail: { current: done, total }, progress: progressText(done, total), id: j.shortId });
            tick();
            return;
          }
          if (original === j) j.actor.send({ type: 'EXTRACTED' });
          emit({ status: 'Pull complete', progressDetail: {}, id: j.shortId });
          extracting = false;
          extractIndex++;
          extractReady();
        }, Math.max(1, Math.ceil(chunk / EXTRACT_RATE)));
      };
      tick();
    };
    const duplicateDone = (j: LayerJob) => jobs.find((o) => o.blob.digest === j.blob.digest)!.actor.getSnapshot().value === 'complete';
    if (toFetch.length === 0) clock.setTimeout(() => extractReady(), 10);
    else startNext();
  }

  return feed;
}

const layerCache = new WeakMap<object, Layer>();

function layerContent(blob: LayerBlob): Layer {
  let l = layerCache.get(blob.entries);
  if (!l) {
    l = Layer.fromEntries(blob.entries);
    layerCache.set(blob.entries, l);
  }
  return l;
}

export function parsePlatform(p: string, goArch: string): { os: string; architecture: string; variant?: string } {
  if (p === '') return goArch === 'arm64' ? { os: 'linux', architecture: 'arm64', variant: 'v8' } : { os: 'linux', architecture: goArch };
  const [os = 'linux', architecture = goArch, variant] = p.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}
