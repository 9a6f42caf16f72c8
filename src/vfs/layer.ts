// Layers: immutable sets of filesystem changes, as an OCI image layer holds them (entries plus
// whiteouts; an opaque directory hides everything lower layers hold below it). A Layer is a
// tree of nodes that is never mutated after construction, so any number of images and
// containers can share it. LowerView merges a stack of layers lazily, once per distinct stack.

import { compareNames } from './path';
import {
  DEFAULT_DIR_META,
  DIR_SIZE,
  type DirNode,
  type EntryNode,
  type FileNode,
  type Meta,
  type Node,
  type SymlinkNode,
  dataFromBytes,
  dataText,
  entrySize,
  newDir,
  newFile,
  newSymlink,
  statOf,
  utf8Length,
} from './node';
import type { FileData, FileType, Stat } from './types';

export const WHITEOUT_PREFIX = '.wh.';
export const WHITEOUT_OPAQUE = '.wh..wh..opq';

/** Plain description of one entry of a layer (how the image catalog describes image layers). */
export interface LayerEntry {
  /** Absolute ('/etc/passwd') or relative to the layer's root ('etc/passwd'). */
  path: string;
  /**
   * 'whiteout' deletes the path from lower layers. A file named `.wh.<name>` is read as a
   * whiteout of `<name>`, and `.wh..wh..opq` marks its directory opaque, as in OCI layer tars.
   */
  type: FileType | 'whiteout';
  /** Permission bits (default 0o644 for files, 0o755 for directories, 0o777 for symlinks). */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Milliseconds since the epoch (default 0). */
  mtime?: number;
  /** File content. With a `size` that differs from its byte length, the placeholder of a synthetic file. */
  content?: string | Uint8Array;
  /** Declared size. Without content, or different from the content's length: a synthetic file. */
  size?: number;
  /** Symlink target. */
  target?: string;
  /** A directory that hides lower layers' content below it. */
  opaque?: boolean;
}

/** Components of a layer path; '..' cannot leave the root. */
export function layerPathParts(path: string): string[] {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out;
}

function implicitDir(opaque = false): DirNode {
  const d = newDir(DEFAULT_DIR_META, opaque);
  d.implicit = true;
  return d;
}

function entryData(e: LayerEntry): FileData {
  const c = e.content;
  let data: FileData;
  if (c === undefined) data = { kind: 'text', text: '' };
  else if (typeof c === 'string') data = { kind: 'text', text: c };
  else data = dataFromBytes(c);
  if (e.size !== undefined) {
    if (!Number.isSafeInteger(e.size) || e.size < 0) throw new RangeError(`invalid size ${e.size} for ${e.path}`);
    const actual = data.kind === 'text' ? utf8Length(data.text) : data.kind === 'bytes' ? data.bytes.length : 0;
    if (c === undefined || actual !== e.size) data = { kind: 'synthetic', size: e.size, placeholder: dataText(data) };
  }
  return data;
}

function entryMeta(e: LayerEntry, defaultMode: number): Meta {
  return { mode: (e.mode ?? defaultMode) & 0o7777, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: e.mtime ?? 0 };
}

/** Adds one entry to a tree being built (later entries win, as when extracting a tar). */
function applyEntry(root: DirNode, e: LayerEntry): void {
  const parts = layerPathParts(e.path);
  let type = e.type;
  let name = parts.pop();
  if (name !== undefined && type === 'file') {
    if (name === WHITEOUT_OPAQUE) {
      const dir = ensureDir(root, parts);
      dir.opaque = true;
      return;
    }
    if (name.startsWith(WHITEOUT_PREFIX)) {
      name = name.slice(WHITEOUT_PREFIX.length);
      type = 'whiteout';
    }
  }
  if (name === undefined) {
    if (type !== 'dir') throw new Error(`layer entry ${JSON.stringify(e.path)}: the root must be a directory`);
    Object.assign(root, entryMeta(e, 0o755));
    root.implicit = false;
    if (e.opaque) root.opaque = true;
    return;
  }
  const parent = ensureDir(root, parts);
  const existing = parent.children.get(name);
  switch (type) {
    case 'dir': {
      const meta = entryMeta(e, 0o755);
      if (existing?.type === 'dir') {
        Object.assign(existing, meta);
        existing.implicit = false;
        if (e.opaque) existing.opaque = true;
      } else {
        parent.children.set(name, newDir(meta, existing?.type === 'whiteout' || !!e.opaque));
      }
      return;
    }
    case 'file':
      parent.children.set(name, newFile(entryMeta(e, 0o644), entryData(e)));
      return;
    case 'symlink':
      if (e.target === undefined) throw new Error(`layer entry ${JSON.stringify(e.path)}: symlink without target`);
      parent.children.set(name, newSymlink(entryMeta(e, 0o777), e.target));
      return;
    case 'whiteout':
      parent.children.set(name, { type: 'whiteout', mtime: e.mtime ?? 0 });
      return;
    default:
      throw new Error(`layer entry ${JSON.stringify(e.path)}: unknown type ${String(type)}`);
  }
}

function ensureDir(root: DirNode, parts: string[]): DirNode {
  let d = root;
  for (const p of parts) {
    const c = d.children.get(p);
    if (c?.type === 'dir') {
      d = c;
      continue;
    }
    const nd = implicitDir(c?.type === 'whiteout');
    d.children.set(p, nd);
    d = nd;
  }
  return d;
}

/** One item of a layer in canonical (tar) order. */
export type LayerItem =
  | { path: string; node: EntryNode | { type: 'whiteout'; mtime: number } }
  | { path: string; node: { type: 'opaque'; dir: DirNode } };

function tarKey(name: string, n: Node): string {
  return n.type === 'whiteout' ? WHITEOUT_PREFIX + name : name;
}

/**
 * Depth-first, children ordered by the name they have in the tar (so `.wh.x` sorts as itself);
 * a directory's opaque marker comes right after the directory. Implicit directories produce no
 * item of their own. Paths are absolute; whiteouts carry the deleted path.
 */
export function* layerItems(root: DirNode): Generator<LayerItem> {
  if (root.opaque) yield { path: '/', node: { type: 'opaque', dir: root } };
  yield* dirItems(root, '');
}

function* dirItems(dir: DirNode, prefix: string): Generator<LayerItem> {
  const kids = [...dir.children].map(([name, n]) => ({ name, n, key: tarKey(name, n) }));
  kids.sort((a, b) => compareNames(a.key, b.key));
  for (const { name, n } of kids) {
    const path = `${prefix}/${name}`;
    if (n.type === 'dir') {
      if (!n.implicit) yield { path, node: n };
      if (n.opaque) yield { path, node: { type: 'opaque', dir: n } };
      yield* dirItems(n, path);
    } else {
      yield { path, node: n };
    }
  }
}

export class Layer {
  /** The layer's tree. Never mutate it. */
  readonly root: DirNode;

  private constructor(root: DirNode) {
    this.root = root;
  }

  static readonly empty: Layer = new Layer(implicitDir());

  /** Builds a layer from plain entries; parents that are not listed are implicit directories. */
  static fromEntries(entries: Iterable<LayerEntry>): Layer {
    const root = implicitDir();
    for (const e of entries) applyEntry(root, e);
    return new Layer(root);
  }

  /** Takes ownership of a tree (the caller must not keep or mutate it). */
  static fromTree(root: DirNode): Layer {
    return new Layer(root);
  }

  /** True when the layer changes nothing. */
  get isEmpty(): boolean {
    return this.root.children.size === 0 && !this.root.opaque;
  }

  /** The layer's entries in canonical (tar) order; whiteouts as type 'whiteout'. */
  entries(): LayerEntry[] {
    const out: LayerEntry[] = [];
    for (const { path, node } of layerItems(this.root)) {
      switch (node.type) {
        case 'opaque': {
          const last = out[out.length - 1];
          if (last && last.path === path && last.type === 'dir') last.opaque = true;
          else out.push({ path, type: 'dir', opaque: true });
          break;
        }
        case 'whiteout':
          out.push({ path, type: 'whiteout', mtime: node.mtime });
          break;
        case 'dir':
          out.push({ path, type: 'dir', ...metaFields(node) });
          break;
        case 'symlink':
          out.push({ path, type: 'symlink', ...metaFields(node), target: node.target });
          break;
        case 'file': {
          const d = node.data;
          const e: LayerEntry = { path, type: 'file', ...metaFields(node) };
          if (d.kind === 'text') e.content = d.text;
          else if (d.kind === 'bytes') e.content = d.bytes;
          else {
            e.content = d.placeholder;
            e.size = d.size;
          }
          out.push(e);
          break;
        }
      }
    }
    return out;
  }
}

function metaFields(n: Meta): Pick<LayerEntry, 'mode' | 'uid' | 'gid' | 'mtime'> {
  return { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
}

// ---------------------------------------------------------------------------------------------
// The merged view of a stack of read-only layers.

/** A path as the merge of a stack of layers shows it. Shared by every container of a stack. */
export class LowerNode {
  readonly type: FileType;
  /** The visible node of a file or symlink. */
  readonly node: FileNode | SymlinkNode | null;
  /** A directory's contributing directories, topmost first. */
  readonly dirs: readonly DirNode[] | null;
  readonly meta: Meta;
  private kids: Map<string, LowerNode | null> | undefined;
  private names: string[] | undefined;

  constructor(node: FileNode | SymlinkNode | null, dirs: DirNode[] | null) {
    this.node = node;
    this.dirs = dirs;
    if (node) {
      this.type = node.type;
      this.meta = node;
    } else {
      this.type = 'dir';
      this.meta = dirs!.find((d) => !d.implicit) ?? DEFAULT_DIR_META;
    }
  }

  get size(): number {
    return this.node ? entrySize(this.node) : DIR_SIZE;
  }

  stat(): Stat {
    return statOf(this.type, this.meta, this.size);
  }

  child(name: string): LowerNode | undefined {
    const ds = this.dirs;
    if (!ds) return undefined;
    if (!this.kids) this.kids = new Map();
    const cached = this.kids.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let result: LowerNode | null = null;
    for (let i = 0; i < ds.length; i++) {
      const e = ds[i]!.children.get(name);
      if (!e) continue;
      if (e.type === 'whiteout') break;
      if (e.type !== 'dir') {
        result = new LowerNode(e, null);
        break;
      }
      const list = [e];
      if (!e.opaque) {
        for (let j = i + 1; j < ds.length; j++) {
          const f = ds[j]!.children.get(name);
          if (!f) continue;
          if (f.type !== 'dir') break;
          list.push(f);
          if (f.opaque) break;
        }
      }
      result = new LowerNode(null, list);
      break;
    }
    this.kids.set(name, result);
    return result ?? undefined;
  }

  /** Visible entry names, sorted. */
  list(): readonly string[] {
    if (this.names) return this.names;
    const ds = this.dirs;
    if (!ds) return [];
    let names: string[];
    if (ds.length === 1) {
      names = [];
      for (const [name, n] of ds[0]!.children) if (n.type !== 'whiteout') names.push(name);
    } else {
      const seen = new Set<string>();
      const hidden = new Set<string>();
      for (const d of ds) {
        for (const [name, n] of d.children) {
          if (seen.has(name) || hidden.has(name)) continue;
          if (n.type === 'whiteout') hidden.add(name);
          else seen.add(name);
        }
      }
      names = [...seen];
    }
    names.sort(compareNames);
    this.names = names;
    return names;
  }
}

interface StackCacheNode {
  next: WeakMap<Layer, StackCacheNode>;
  root?: LowerNode | null;
}
const stackCache: WeakMap<Layer, StackCacheNode> = new WeakMap();

/**
 * The root of the merged view of `layers` (bottom layer first), or null for no layers. The same
 * sequence of Layer objects always gives the same view, so its caches are shared.
 */
export function lowerRoot(layers: readonly Layer[]): LowerNode | null {
  if (layers.length === 0) return null;
  let map = stackCache;
  let node: StackCacheNode | undefined;
  for (const l of layers) {
    node = map.get(l);
    if (!node) {
      node = { next: new WeakMap() };
      map.set(l, node);
    }
    map = node.next;
  }
  if (node!.root === undefined) {
    const dirs: DirNode[] = [];
    for (let i = layers.length - 1; i >= 0; i--) {
      const r = layers[i]!.root;
      dirs.push(r);
      if (r.opaque) break;
    }
    node!.root = new LowerNode(null, dirs);
  }
  return node!.root;
}
