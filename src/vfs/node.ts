// The tree nodes every filesystem here is made of. A Layer's nodes are never mutated once the
// layer is built; a MemoryFs or an OverlayFs's upper layer owns its nodes and mutates them.

import type { FileData, FileType, Stat } from './types';

export interface Meta {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

export interface FileNode extends Meta {
  type: 'file';
  data: FileData;
  /** Byte length of the content (declared size for synthetic data). */
  size: number;
}

export interface DirNode extends Meta {
  type: 'dir';
  children: Map<string, Node>;
  /** Hides whatever lower layers hold below this directory. */
  opaque: boolean;
  /** Only a container for children: carries no metadata of its own (a layer's missing parent). */
  implicit: boolean;
}

export interface SymlinkNode extends Meta {
  type: 'symlink';
  target: string;
}

/** Marks a path deleted (hides lower layers' entry of the same name). */
export interface WhiteoutNode {
  type: 'whiteout';
  mtime: number;
}

export type Node = FileNode | DirNode | SymlinkNode | WhiteoutNode;
export type EntryNode = FileNode | DirNode | SymlinkNode;

/** What `ls -l` shows as a directory's size on ext4. */
export const DIR_SIZE = 4096;
export const DEFAULT_DIR_META: Meta = Object.freeze({ mode: 0o755, uid: 0, gid: 0, mtime: 0 });

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function utf8Bytes(text: string): Uint8Array {
  // TextEncoder has a fixed cost per call that dominates for short ASCII strings.
  if (text.length <= 256) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) return encoder.encode(text);
      out[i] = c;
    }
    return out;
  }
  return encoder.encode(text);
}

/** UTF-8 byte length without encoding. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export function dataSize(data: FileData): number {
  switch (data.kind) {
    case 'text':
      return utf8Length(data.text);
    case 'bytes':
      return data.bytes.length;
    case 'synthetic':
      return data.size;
  }
}

export function dataText(data: FileData): string {
  switch (data.kind) {
    case 'text':
      return data.text;
    case 'bytes':
      return lenientDecoder.decode(data.bytes);
    case 'synthetic':
      return data.placeholder;
  }
}

/** The content's bytes; a synthetic file gives its placeholder only. */
export function dataBytes(data: FileData): Uint8Array {
  switch (data.kind) {
    case 'text':
      return encoder.encode(data.text);
    case 'bytes':
      return data.bytes;
    case 'synthetic':
      return encoder.encode(data.placeholder);
  }
}

/** A run of trailing zero bytes at least this long makes bytes read back as a synthetic file. */
export const SYNTHETIC_ZERO_TAIL = 4096;

/**
 * How bytes from outside (a tar, a build context) are stored: as text when they are valid UTF-8
 * (so they read back unchanged), else as bytes. Content that ends in a long run of zero bytes
 * after a UTF-8 head is what a synthetic file serialises to (its placeholder, then zero
 * filler), so it is stored as a synthetic file again: same bytes, no memory for the filler.
 */
export function dataFromBytes(bytes: Uint8Array): FileData {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (bytes.length - end >= SYNTHETIC_ZERO_TAIL) {
    try {
      return { kind: 'synthetic', size: bytes.length, placeholder: strictDecoder.decode(bytes.subarray(0, end)) };
    } catch {
      // not a synthetic file's serialisation
    }
  }
  try {
    return { kind: 'text', text: strictDecoder.decode(bytes) };
  } catch {
    return { kind: 'bytes', bytes: bytes.slice() };
  }
}

/** A private copy of caller-supplied data (bytes are copied; strings are immutable). */
export function ownData(data: FileData): FileData {
  switch (data.kind) {
    case 'text':
      return { kind: 'text', text: data.text };
    case 'bytes':
      return { kind: 'bytes', bytes: data.bytes.slice() };
    case 'synthetic':
      if (!Number.isSafeInteger(data.size) || data.size < 0) throw new RangeError(`invalid synthetic size ${data.size}`);
      return { kind: 'synthetic', size: data.size, placeholder: data.placeholder };
  }
}

export function newFile(meta: Meta, data: FileData): FileNode {
  return { type: 'file', mode: meta.mode, uid: meta.uid, gid: meta.gid, mtime: meta.mtime, data, size: dataSize(data) };
}

export function newDir(meta: Meta, opaque = false): DirNode {
  return {
    type: 'dir',
    mode: meta.mode,
    uid: meta.uid,
    gid: meta.gid,
    mtime: meta.mtime,
    children: new Map(),
    opaque,
    implicit: false,
  };
}

export function newSymlink(meta: Meta, target: string): SymlinkNode {
  return { type: 'symlink', mode: meta.mode, uid: meta.uid, gid: meta.gid, mtime: meta.mtime, target };
}

export function metaOf(n: Meta): Meta {
  return { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
}

/** A shallow copy of a file or symlink node (content shared), or a childless copy of a dir. */
export function copyEntryShallow(n: EntryNode): EntryNode {
  switch (n.type) {
    case 'file':
      return { ...n };
    case 'symlink':
      return { ...n };
    case 'dir':
      return newDir(n);
  }
}

/** A deep copy of a subtree; file content is shared (it is never mutated in place). */
export function cloneTree<T extends Node>(n: T): T {
  if (n.type !== 'dir') return { ...n };
  const d: DirNode = { ...n, children: new Map() };
  for (const [name, c] of n.children) d.children.set(name, cloneTree(c));
  return d as T;
}

export function entrySize(n: EntryNode): number {
  switch (n.type) {
    case 'file':
      return n.size;
    case 'dir':
      return DIR_SIZE;
    case 'symlink':
      return utf8Length(n.target);
  }
}

export function statOf(type: FileType, meta: Meta, size: number): Stat {
  return { type, mode: meta.mode, uid: meta.uid, gid: meta.gid, size, mtime: meta.mtime };
}

export function statOfNode(n: EntryNode): Stat {
  return statOf(n.type, n, entrySize(n));
}

const FILLER_CHUNK = 64 * 1024;
/** Shared zero chunk: never mutated. */
const ZEROS = new Uint8Array(FILLER_CHUNK);

/**
 * The bytes a synthetic file stands for: its placeholder's UTF-8 bytes (cut to the declared
 * size), then zero bytes up to the declared size, in chunks of at most 64 KiB.
 */
export function* syntheticBytes(placeholder: string, size: number): Generator<Uint8Array> {
  let head = encoder.encode(placeholder);
  if (head.length > size) head = head.subarray(0, size);
  if (head.length > 0) yield head;
  let left = size - head.length;
  while (left > 0) {
    const n = Math.min(left, FILLER_CHUNK);
    yield ZEROS.subarray(0, n);
    left -= n;
  }
}
