// docker push as dockerd does it (moby distribution/push.go, push_v2.go, xfer/upload.go): the
// repository's tags (or the one given), each layer checked against the registry ("Layer already
// exists"), mounted from another repository of the same registry ("Mounted from ..."), or
// uploaded with progress ("Pushing", "Pushed"), five at a time; then the config and the
// manifest; the registry's digest becomes the image's RepoDigest.

import { Layer } from '../../vfs';
import { notFound } from '../core/errors';
import type { ImageService } from '../daemon/image-service';
import type { Image } from '../daemon/images';
import { familiarNameOf, type NamedReference } from '../daemon/refs';
import { compressedDigest } from '../registry/digest';
import { RegistryError, type Registry } from '../registry/registry';
import { MediaTypes } from '../registry/types';
import { ProgressFeed, type PullOperation } from './feed';
import { progressText } from './pull';

const MAX_UPLOADS = 5;
/** Bytes per millisecond of one upload stream. */
const UPLOAD_RATE = 6_000;
const UPDATE_EVERY = 512 * 1024;

export interface PushAuth {
  username?: string;
}

/** Pushes `tag` of the repository `ref` (all its tags when tag is null). */
export function startPush(svc: ImageService, ref: NamedReference, tag: string | null, auth: PushAuth): PullOperation {
  const d = svc.d;
  const clock = d.world.clock;
  const op = d.op('image.push');
  const endpoint = svc.registries(ref.domain);
  if ('error' in endpoint) throw notFound(endpoint.error);
  const reg: Registry = endpoint;
  const repoName = `${ref.domain}/${ref.path}`;
  const feed = new ProgressFeed();
  const emit = (obj: Record<string, unknown>) => feed.emit(obj);
  const finish = (err?: string) => {
    if (feed.done) return;
    if (err) emit({ errorDetail: { message: err }, error: err });
    feed.finish(err);
  };

  emit({ status: `The push refers to repository [${repoName}]` });
  // the repository's tags, or the one named
  const tags: { tag: string; image: Image }[] = [];
  const prefix = `${repoName}:`;
  for (const [r, id] of d.images.refs) {
    if (!r.startsWith(prefix) || r.includes('@')) continue;
    const t = r.slice(prefix.length);
    if (tag !== null && t !== tag) continue;
    tags.push({ tag: t, image: d.images.get(id)! });
  }
  tags.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const user = { user: auth.username };

  const pushOne = (i: number) => {
    if (i >= tags.length) {
      d.event('image', 'push', tag !== null ? `${familiarNameOf(ref)}:${tag}` : familiarNameOf(ref), { name: familiarNameOf(ref) });
      finish();
      return;
    }
    const { tag: tagName, image } = tags[i]!;
    const layers = image.chain.map((chainId) => {
      const rec = d.images.layers.get(chainId)!;
      const digest = rec.blobDigest ?? compressedDigest(rec.diffId);
      return { rec, digest, size: rec.blobSize ?? Math.max(32, Math.round(rec.size * 0.4)), id: digest.slice(7, 19) };
    });
    for (const l of layers) emit({ status: 'Preparing', progressDetail: {}, id: l.id });
    layers.slice(MAX_UPLOADS).forEach((l) => emit({ status: 'Waiting', progressDetail: {}, id: l.id }));
    let next = 0;
    let active = 0;
    let done = 0;
    const failWith = (e: unknown) => finish(e instanceof RegistryError ? e.text : e instanceof Error ? e.message : String(e));
    const start = () => {
      while (active < MAX_UPLOADS && next < layers.length) {
        const l = layers[next++]!;
        active++;
        upload(l);
      }
    };
    const layerDone = () => {
      active--;
      done++;
      if (done === layers.length) finishManifest();
      else start();
    };
    const upload = (l: (typeof layers)[number]) => {
      try {
        if (reg.hasBlob(ref.path, l.digest)) {
          clock.setTimeout(() => {
            emit({ status: 'Layer already exists', progressDetail: {}, id: l.id });
            layerDone();
          }, 60);
          return;
        }
        const from = reg.repositories().find((r) => r !== ref.path && reg.hasBlob(r, l.digest));
        if (from && reg.mountBlob(ref.path, l.digest, from, user)) {
          clock.setTimeout(() => {
            emit({ status: `Mounted from ${from}`, progressDetail: {}, id: l.id });
            layerDone();
          }, 80);
          return;
        }
      } catch (e) {
        failWith(e);
        return;
      }
      d.hop(op, 'dockerd', 'registry', `PUT /v2/${ref.path}/blobs/uploads/ (${l.id})`);
      let sent = 0;
      const tick = () => {
        const chunk = Math.min(UPDATE_EVERY, l.size - sent);
        clock.setTimeout(() => {
          if (feed.done) return;
          sent += chunk;
          if (sent < l.size) {
            emit({ status: 'Pushing', progressDetail: { current: sent, total: l.size }, progress: progressText(sent, l.size), id: l.id });
            tick();
            return;
          }
          try {
            const content = l.rec.content as Layer;
            reg.putBlob(ref.path, { kind: 'layer', digest: l.digest, diffId: l.rec.diffId, size: l.size, unpackedSize: l.rec.size, entries: content.entries() }, user);
          } catch (e) {
            failWith(e);
            return;
          }
          emit({ status: 'Pushed', progressDetail: {}, id: l.id });
          layerDone();
        }, Math.max(1, Math.ceil(chunk / UPLOAD_RATE)));
      };
      tick();
    };
    const finishManifest = () => {
      try {
        const config = new TextEncoder().encode(image.configBytes);
        const cfg = reg.putBlob(ref.path, { kind: 'bytes', bytes: config }, user);
        const manifest = {
          schemaVersion: 2,
          mediaType: MediaTypes.dockerManifest,
          config: { mediaType: MediaTypes.dockerConfig, size: cfg.size, digest: cfg.digest },
          layers: layers.map((l) => ({ mediaType: MediaTypes.dockerLayer, size: l.size, digest: l.digest })),
        };
        const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 3));
        d.hop(op, 'dockerd', 'registry', `PUT /v2/${ref.path}/manifests/${tagName}`);
        const { digest } = reg.putManifest(ref.path, tagName, { mediaType: MediaTypes.dockerManifest, bytes }, user);
        svc.setRef(image, { kind: 'named', domain: ref.domain, path: ref.path, digest });
        emit({ status: `${tagName}: digest: ${digest} size: ${bytes.length}` });
        emit({ progressDetail: {}, aux: { Tag: tagName, Digest: digest, Size: bytes.length } });
      } catch (e) {
        failWith(e);
        return;
      }
      pushOne(i + 1);
    };
    if (layers.length === 0) finishManifest();
    else start();
  };

  if (tags.length === 0) {
    clock.setTimeout(() => finish(`An image does not exist locally with the tag: ${familiarNameOf(ref)}${tag !== null ? `:${tag}` : ''}`), 0);
  } else {
    // the registry checks access before anything is sent
    try {
      reg.checkPush(ref.path, user);
      clock.setTimeout(() => pushOne(0), 20);
    } catch (e) {
      clock.setTimeout(() => finish(e instanceof RegistryError ? e.text : String(e)), 20);
    }
  }

  return feed;
}
