// Digests of the bytes the registry serves, Go-compatible JSON encoding, and the rule that
// gives a layer its DiffID and compressed digest from its entries (there is no real tar or
// gzip stream in the simulation; see README.md, "Layer digests").

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { LayerEntry } from './types';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** `sha256:<hex>` of bytes (strings are hashed as UTF-8). */
export function sha256Digest(data: Uint8Array | string): string {
  return 'sha256:' + bytesToHex(sha256(typeof data === 'string' ? utf8(data) : data));
}

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** True for a well-formed sha256 digest (`sha256:` + 64 lowercase hex). */
export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}

/**
 * JSON as Go's encoding/json writes it: like JSON.stringify, but `<`, `>`, `&`, U+2028 and
 * U+2029 are escaped as \u003c, \u003e, \u0026, \u2028, \u2029 (they only occur inside strings).
 * `indent` gives json.MarshalIndent's layout (prefix "").
 */
export function goJson(value: unknown, indent?: string): string {
  const s = indent === undefined ? JSON.stringify(value) : JSON.stringify(value, null, indent);
  return s.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// ---------------------------------------------------------------------------------------------
// Layer digests.

/**
 * The empty layer (a tar of 1024 zero bytes). BuildKit exports it for steps that change
 * nothing on disk but still count as a layer (e.g. WORKDIR of an existing directory), so many
 * official images share it. Its DiffID is the real sha256 of those 1024 bytes; its compressed
 * digest and size are those of the gzip stream Go writes for it.
 */
export const EMPTY_LAYER = {
  diffId: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
  digest: 'sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1',
  size: 32,
} as const;

function contentBytes(c: string | Uint8Array | undefined): Uint8Array {
  return c === undefined ? new Uint8Array(0) : typeof c === 'string' ? utf8(c) : c;
}

/** Bytes a layer holds once unpacked: file sizes plus symlink target lengths (dirs, whiteouts 0). */
export function entryBytes(e: LayerEntry): number {
  if (e.type === 'file') return e.size ?? contentBytes(e.content).length;
  if (e.type === 'symlink') return utf8(e.target ?? '').length;
  return 0;
}

export function unpackedSize(entries: readonly LayerEntry[]): number {
  let n = 0;
  for (const e of entries) n += entryBytes(e);
  return n;
}

function normPath(p: string): string {
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  return '/' + parts.join('/');
}

/**
 * The canonical serialization a layer's DiffID is the sha256 of: a header naming the format
 * and the salt, then one record per entry in path order:
 *   `<type> <path> <mode octal> <uid> <gid> <mtime> <size>[ opaque]\n` followed by, for a file,
 *   its content's length in bytes, `\n`, the content bytes, `\n`; for a symlink, its target, `\n`.
 * Two layers with identical entries but different salts get different DiffIDs (distinct
 * layers of real images never share a DiffID unless they are the same tar).
 */
export function layerSerialization(entries: readonly LayerEntry[], salt = ''): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    total += b.length;
  };
  const text: string[] = ['docksim-layer-v1\n', `salt ${salt}\n`];
  const flush = () => {
    if (text.length) push(utf8(text.join('')));
    text.length = 0;
  };
  const sorted = entries
    .map((e) => ({ e, p: normPath(e.path) }))
    .sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  for (const { e, p } of sorted) {
    const dflt = e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : e.type === 'whiteout' ? 0 : 0o644;
    const mode = (e.mode ?? dflt).toString(8);
    text.push(`${e.type} ${p} ${mode} ${e.uid ?? 0} ${e.gid ?? 0} ${e.mtime ?? 0} ${entryBytes(e)}${e.opaque ? ' opaque' : ''}\n`);
    if (e.type === 'file') {
      const c = e.content;
      if (typeof c === 'string' || c === undefined) {
        const s = c ?? '';
        text.push(`${utf8(s).length}\n${s}\n`);
      } else {
        text.push(`${c.length}\n`);
        flush();
        push(c);
        text.push('\n');
      }
    } else if (e.type === 'symlink') {
      text.push(`${e.target ?? ''}\n`);
    }
  }
  flush();
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** DiffID of a layer: sha256 of its canonical serialization. No entries: the empty layer. */
export function layerDiffId(entries: readonly LayerEntry[], salt = ''): string {
  if (entries.length === 0) return EMPTY_LAYER.diffId;
  return sha256Digest(layerSerialization(entries, salt));
}

/** Compressed (blob) digest for a DiffID: sha256 of `<diffId>+gzip` (the empty layer: its real digest). */
export function compressedDigest(diffId: string): string {
  if (diffId === EMPTY_LAYER.diffId) return EMPTY_LAYER.digest;
  return sha256Digest(`${diffId}+gzip`);
}

/** ChainID of a stack of DiffIDs (bottom first), as the image spec defines it. */
export function chainId(diffIds: readonly string[]): string {
  if (diffIds.length === 0) throw new RangeError('chainId of no layers');
  let c = diffIds[0]!;
  for (let i = 1; i < diffIds.length; i++) c = sha256Digest(`${c} ${diffIds[i]}`);
  return c;
}
