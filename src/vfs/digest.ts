// Digests of layers: a layer's DiffID is the sha256 of its uncompressed tar, serialised here in
// one canonical way (depth-first, names in code point order, whiteouts as `.wh.<name>` files,
// an opaque directory's `.wh..wh..opq` marker right after the directory, mtimes in whole
// seconds). A synthetic file contributes its declared size: its placeholder's bytes followed
// by zero bytes, streamed into the hash without being materialised.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type Layer, type LayerItem, WHITEOUT_OPAQUE, WHITEOUT_PREFIX, layerItems } from './layer';
import { type FileNode, syntheticBytes, utf8Bytes } from './node';
import { type TarEntry, tarChunks, writeTar } from './tar';

function fileEntry(name: string, n: FileNode): TarEntry {
  const base = { name, type: 'file' as const, mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime, size: n.size };
  const d = n.data;
  if (d.kind === 'text') return { ...base, content: utf8Bytes(d.text) };
  if (d.kind === 'bytes') return { ...base, content: d.bytes };
  return { ...base, source: () => syntheticBytes(d.placeholder, d.size) };
}

function tarEntry(item: LayerItem): TarEntry {
  const rel = item.path.slice(1);
  const node = item.node;
  switch (node.type) {
    case 'dir':
      return { name: `${rel}/`, type: 'dir', mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime };
    case 'file':
      return fileEntry(rel, node);
    case 'symlink':
      return {
        name: rel,
        type: 'symlink',
        mode: node.mode,
        uid: node.uid,
        gid: node.gid,
        mtime: node.mtime,
        linkname: node.target,
      };
    case 'whiteout': {
      const slash = rel.lastIndexOf('/');
      const name = rel.slice(0, slash + 1) + WHITEOUT_PREFIX + rel.slice(slash + 1);
      return { name, type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: node.mtime, size: 0 };
    }
    case 'opaque': {
      const d = node.dir;
      const name = rel === '' ? WHITEOUT_OPAQUE : `${rel}/${WHITEOUT_OPAQUE}`;
      return { name, type: 'file', mode: d.mode & 0o777, uid: d.uid, gid: d.gid, mtime: 0, size: 0 };
    }
  }
}

/** The layer's tar entries in canonical order. */
export function* layerTarEntries(layer: Layer): Generator<TarEntry> {
  for (const item of layerItems(layer.root)) yield tarEntry(item);
}

/** The layer's uncompressed tar, streamed. */
export function layerTarChunks(layer: Layer): Generator<Uint8Array> {
  return tarChunks(layerTarEntries(layer));
}

/** The layer's uncompressed tar (synthetic files materialised: mind their sizes). */
export function layerTar(layer: Layer): Uint8Array {
  return writeTar(layerTarEntries(layer));
}

const BATCH = 64 * 1024;
const diffIds = new WeakMap<Layer, string>();
const sizes = new WeakMap<Layer, number>();

/** 'sha256:' + hex sha256 of the layer's uncompressed tar (memoised per Layer). */
export function diffId(layer: Layer): string {
  let d = diffIds.get(layer);
  if (d === undefined) {
    const h = sha256.create();
    // Small chunks (headers, padding) are batched: each update call has a fixed cost.
    const buf = new Uint8Array(BATCH);
    let used = 0;
    for (const chunk of layerTarChunks(layer)) {
      if (chunk.length >= BATCH) {
        if (used) h.update(buf.subarray(0, used));
        used = 0;
        h.update(chunk);
      } else {
        if (used + chunk.length > BATCH) {
          h.update(buf.subarray(0, used));
          used = 0;
        }
        buf.set(chunk, used);
        used += chunk.length;
      }
    }
    if (used) h.update(buf.subarray(0, used));
    d = 'sha256:' + bytesToHex(h.digest());
    diffIds.set(layer, d);
  }
  return d;
}

/** Bytes of content in the layer: files (declared sizes) plus symlink targets, as docker counts. */
export function layerSize(layer: Layer): number {
  let s = sizes.get(layer);
  if (s === undefined) {
    s = 0;
    for (const { node } of layerItems(layer.root)) {
      if (node.type === 'file') s += node.size;
      else if (node.type === 'symlink') s += utf8Bytes(node.target).length;
    }
    sizes.set(layer, s);
  }
  return s;
}

/** `layerSize` under the name the image store uses. */
export const size = layerSize;

/** 'sha256:' + hex sha256 of bytes or of a string's UTF-8 bytes. */
export function sha256Digest(data: Uint8Array | string): string {
  return 'sha256:' + bytesToHex(sha256(typeof data === 'string' ? utf8Bytes(data) : data));
}

/** ChainIDs of a stack of DiffIDs (image-spec): the first is its DiffID, then sha256("<parent> <diffid>"). */
export function chainIds(diffIdList: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIdList) out.push(out.length === 0 ? d : sha256Digest(`${out[out.length - 1]} ${d}`));
  return out;
}

/** The ChainID of the top of a stack of DiffIDs. */
export function chainId(diffIdList: readonly string[]): string {
  const ids = chainIds(diffIdList);
  if (ids.length === 0) throw new RangeError('chainId of no layers');
  return ids[ids.length - 1]!;
}

/** DiffID of a layer with no entries (a tar of two zero blocks), as docker knows it. */
export const EMPTY_LAYER_DIFF_ID = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
