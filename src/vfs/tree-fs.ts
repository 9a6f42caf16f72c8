// The POSIX engine shared by MemoryFs and OverlayFs: a writable upper tree, optionally over the
// merged view of read-only layers. Paths are resolved component by component as the kernel
// does (symlinks relative to their directory or absolute, '..' physical, ELOOP after 40 hops,
// a trailing slash requiring a directory). Without lower layers the upper tree is the whole
// filesystem; with them, modifying a lower entry copies it up, deleting one leaves a whiteout,
// and a directory created over a whiteout is opaque.

import type { LowerNode } from './layer';
import {
  type DirNode,
  type EntryNode,
  type FileNode,
  type Meta,
  type Node,
  copyEntryShallow,
  dataText,
  entrySize,
  newDir,
  newFile,
  newSymlink,
  ownData,
  statOf,
  statOfNode,
  utf8Bytes,
  utf8Length,
} from './node';
import { compareNames } from './path';
import {
  type FileData,
  FsError,
  type FsErrorCode,
  type FileType,
  type RichFileSystem,
  type Stat,
  type WriteOptions,
} from './types';

export const MAX_SYMLINK_HOPS = 40;

/** A path as the merged view sees it: what the upper tree and the lower layers hold there. */
export interface Handle {
  /** Upper node at this path (a whiteout makes the path invisible). */
  u: Node | undefined;
  /** Lower layers' node at this path, unless an upper ancestor hides them. */
  l: LowerNode | undefined;
}

export interface Resolved {
  /** Canonical components of the parent directory of the final entry. */
  dir: string[];
  /** Final component, or null when the path is the root. */
  name: string | null;
  h: Handle;
  /** The final entry exists (is not missing or whited out). */
  visible: boolean;
  /** The path ended in '.' or '..'. */
  dotted: boolean;
  /** The path ended with a slash. */
  trailing: boolean;
}

export interface TreeFsOptions {
  /** The clock: milliseconds since the epoch. */
  now: () => number;
  /** Owner of new files and directories (default root, 0:0). */
  owner?: { uid: number; gid: number };
}

export function visibleType(h: Handle): FileType | undefined {
  if (h.u) return h.u.type === 'whiteout' ? undefined : h.u.type;
  return h.l?.type;
}

/** Child of a visible directory handle. */
export function childHandle(h: Handle, name: string): Handle {
  const u = h.u as DirNode | undefined;
  if (u) {
    const cu = u.children.get(name);
    const cl = !u.opaque && h.l?.type === 'dir' ? h.l.child(name) : undefined;
    return { u: cu, l: cl };
  }
  return { u: undefined, l: h.l!.child(name) };
}

export function handleStat(h: Handle): Stat {
  if (h.u) return statOfNode(h.u as EntryNode);
  return h.l!.stat();
}

/** Names in a visible directory handle, sorted by code point. */
export function handleList(h: Handle): string[] {
  const u = h.u as DirNode | undefined;
  if (!u) return [...h.l!.list()];
  const names: string[] = [];
  for (const [n, c] of u.children) if (c.type !== 'whiteout') names.push(n);
  if (!u.opaque && h.l?.type === 'dir') {
    for (const n of h.l.list()) if (!u.children.has(n)) names.push(n);
  }
  return names.sort(compareNames);
}

function handleIsEmptyDir(h: Handle): boolean {
  const u = h.u as DirNode | undefined;
  if (u) {
    for (const c of u.children.values()) if (c.type !== 'whiteout') return false;
    if (u.opaque || h.l?.type !== 'dir') return true;
    for (const n of h.l.list()) if (!u.children.has(n)) return false;
    return true;
  }
  return h.l!.list().length === 0;
}

function handleTarget(h: Handle): string {
  if (h.u) return (h.u as { target: string }).target;
  return (h.l!.node as { target: string }).target;
}

export function sameFsTime(a: number, b: number): boolean {
  return a === b || (Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0));
}

export class TreeFs implements RichFileSystem {
  protected readonly now: () => number;
  protected readonly upper: DirNode;
  protected readonly lower: LowerNode | null;
  protected owner: { uid: number; gid: number };

  protected constructor(opts: TreeFsOptions, upper: DirNode, lower: LowerNode | null) {
    this.now = opts.now;
    this.owner = opts.owner ?? { uid: 0, gid: 0 };
    this.upper = upper;
    this.lower = lower;
  }

  /** Changes the owner given to new files, directories and symlinks. */
  setOwner(uid: number, gid: number): void {
    this.owner = { uid, gid };
  }

  protected rootHandle(): Handle {
    return { u: this.upper, l: this.lower ?? undefined };
  }

  // ------------------------------------------------------------------ resolution

  protected resolve(path: string, follow: boolean): Resolved {
    if (path === '') throw new FsError('ENOENT', path);
    const root = this.rootHandle();
    let trailing = path.length > 1 && path.endsWith('/');
    let queue = path.split('/').filter((p) => p !== '');
    let i = 0;
    let stack: Handle[] = [root];
    let names: string[] = [];
    let hops = 0;
    let dotted = false;
    while (i < queue.length) {
      const comp = queue[i]!;
      const last = i === queue.length - 1;
      if (comp === '.' || comp === '..') {
        if (comp === '..' && stack.length > 1) {
          stack.pop();
          names.pop();
        }
        dotted = last;
        i++;
        continue;
      }
      dotted = false;
      const cur = stack[stack.length - 1]!;
      const ch = childHandle(cur, comp);
      const t = visibleType(ch);
      if (t === 'symlink' && (!last || follow || trailing)) {
        if (++hops > MAX_SYMLINK_HOPS) throw new FsError('ELOOP', path);
        const target = handleTarget(ch);
        if (target === '') throw new FsError('ENOENT', path);
        if (last && target.endsWith('/')) trailing = true;
        if (target.startsWith('/')) {
          stack = [root];
          names = [];
        }
        queue = target
          .split('/')
          .filter((p) => p !== '')
          .concat(queue.slice(i + 1));
        i = 0;
        if (queue.length === 0) dotted = false;
        continue;
      }
      if (last) {
        if (trailing && t !== undefined && t !== 'dir') throw new FsError('ENOTDIR', path);
        return { dir: names, name: comp, h: ch, visible: t !== undefined, dotted: false, trailing };
      }
      if (t === undefined) throw new FsError('ENOENT', path);
      if (t !== 'dir') throw new FsError('ENOTDIR', path);
      stack.push(ch);
      names.push(comp);
      i++;
    }
    // The path ended on a directory reached through '.', '..', a symlink's target, or is '/'.
    const h = stack[stack.length - 1]!;
    if (names.length === 0) return { dir: [], name: null, h, visible: true, dotted, trailing };
    return { dir: names.slice(0, -1), name: names[names.length - 1]!, h, visible: true, dotted, trailing };
  }

  private existing(path: string, follow: boolean): Resolved {
    const r = this.resolve(path, follow);
    if (!r.visible) throw new FsError('ENOENT', path);
    return r;
  }

  // ------------------------------------------------------------------ upper-tree mutation

  /** The upper directory at `names`, copying directories up from the lower layers as needed. */
  protected upperDir(names: readonly string[]): DirNode {
    let u = this.upper;
    let l: LowerNode | undefined = this.lower ?? undefined;
    for (const name of names) {
      const lc = l && !u.opaque && l.type === 'dir' ? l.child(name) : undefined;
      let c = u.children.get(name);
      if (!c) {
        if (!lc || lc.type !== 'dir') throw new Error(`vfs: no directory to copy up at /${names.join('/')}`);
        c = newDir(lc.meta);
        u.children.set(name, c);
      } else if (c.type !== 'dir') {
        throw new Error(`vfs: /${names.join('/')} is not a directory in the upper layer`);
      }
      u = c;
      l = lc;
    }
    return u;
  }

  /** The upper node of an existing entry, copied up (shallowly) if it lives in a lower layer. */
  protected copyUp(r: Resolved): EntryNode {
    if (r.name === null) return this.upper;
    if (r.h.u) return r.h.u as EntryNode;
    const l = r.h.l!;
    const n = l.type === 'dir' ? newDir(l.meta) : copyEntryShallow(l.node!);
    this.upperDir(r.dir).children.set(r.name, n);
    return n;
  }

  /** Removes an existing entry (a whole subtree for a directory). */
  protected removeEntry(dir: readonly string[], name: string, h: Handle): void {
    const pu = this.upperDir(dir);
    if (h.l) pu.children.set(name, { type: 'whiteout', mtime: this.now() });
    else pu.children.delete(name);
    pu.mtime = this.now();
  }

  /** Adds an entry where nothing is visible; a directory over lower content becomes opaque. */
  protected addEntry(dir: readonly string[], name: string, h: Handle, node: EntryNode): void {
    const pu = this.upperDir(dir);
    if (node.type === 'dir' && h.l) node.opaque = true;
    pu.children.set(name, node);
    pu.mtime = this.now();
  }

  protected newMeta(mode: number): Meta {
    return { mode: mode & 0o7777, uid: this.owner.uid, gid: this.owner.gid, mtime: this.now() };
  }

  /** A fresh upper copy of the visible subtree at `h`. */
  protected mergedCopy(h: Handle): EntryNode {
    const t = visibleType(h);
    if (t !== 'dir') return copyEntryShallow((h.u as EntryNode | undefined) ?? h.l!.node!);
    const meta = (h.u as DirNode | undefined) ?? h.l!.meta;
    const d = newDir(meta);
    for (const name of handleList(h)) d.children.set(name, this.mergedCopy(childHandle(h, name)));
    return d;
  }

  // ------------------------------------------------------------------ FileSystem

  stat(path: string): Stat {
    return handleStat(this.existing(path, true).h);
  }

  lstat(path: string): Stat {
    return handleStat(this.existing(path, false).h);
  }

  /**
   * lstat, or null where the last component is missing (instead of throwing ENOENT: lookups
   * that probe for files, as PATH searches do, miss more often than not). Other failures throw.
   */
  lstatIfAny(path: string): Stat | null {
    const r = this.resolve(path, false);
    return r.visible ? handleStat(r.h) : null;
  }

  exists(path: string): boolean {
    try {
      return this.resolve(path, true).visible;
    } catch {
      return false;
    }
  }

  readFile(path: string): string {
    return dataText(this.readData(path));
  }

  readData(path: string): FileData {
    const r = this.existing(path, true);
    const t = visibleType(r.h);
    if (t === 'dir') throw new FsError('EISDIR', path);
    const n = (r.h.u as FileNode | undefined) ?? (r.h.l!.node as FileNode);
    return n.data;
  }

  writeFile(path: string, data: string, opts?: WriteOptions): void {
    this.write(path, { kind: 'text', text: data }, !!opts?.append, opts?.mode);
  }

  writeData(path: string, data: FileData, opts?: { mode?: number }): void {
    this.write(path, ownData(data), false, opts?.mode);
  }

  private write(path: string, data: FileData, append: boolean, mode: number | undefined): void {
    const r = this.resolve(path, true);
    if (r.visible) {
      if (visibleType(r.h) === 'dir') throw new FsError('EISDIR', path);
      const n = this.copyUp(r) as FileNode;
      n.data = append ? appendData(n.data, data) : data;
      n.size = dataSizeOf(n.data);
      n.mtime = this.now();
      return;
    }
    if (r.trailing) throw new FsError('EISDIR', path);
    this.addEntry(r.dir, r.name!, r.h, newFile(this.newMeta(mode ?? 0o644), data));
  }

  readdir(path: string): string[] {
    const r = this.existing(path, true);
    if (visibleType(r.h) !== 'dir') throw new FsError('ENOTDIR', path);
    return handleList(r.h);
  }

  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void {
    const mode = opts?.mode ?? 0o755;
    if (!opts?.recursive) {
      const r = this.resolve(path, false);
      if (r.visible) throw new FsError('EEXIST', path);
      this.addEntry(r.dir, r.name!, r.h, newDir(this.newMeta(mode)));
      return;
    }
    const parts = path.split('/').filter((p) => p !== '');
    let prefix = path.startsWith('/') ? '' : '.';
    for (let i = 0; i < parts.length; i++) {
      prefix += '/' + parts[i];
      const r = this.resolve(prefix, true);
      if (r.visible) {
        if (visibleType(r.h) !== 'dir') throw new FsError(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR', path);
        continue;
      }
      this.addEntry(r.dir, r.name!, r.h, newDir(this.newMeta(mode)));
    }
  }

  rm(path: string, opts?: { recursive?: boolean; force?: boolean }): void {
    let r: Resolved;
    try {
      r = this.resolve(path, false);
    } catch (e) {
      if (opts?.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    if (!r.visible) {
      if (opts?.force) return;
      throw new FsError('ENOENT', path);
    }
    if (r.name === null) throw new FsError('EBUSY', path);
    if (r.dotted) throw new FsError('EINVAL', path);
    if (visibleType(r.h) === 'dir' && !opts?.recursive) throw new FsError('EISDIR', path);
    this.removeEntry(r.dir, r.name, r.h);
  }

  rmdir(path: string): void {
    const r = this.existing(path, false);
    if (r.name === null) throw new FsError('EBUSY', path);
    if (r.dotted) throw new FsError('EINVAL', path);
    if (visibleType(r.h) !== 'dir') throw new FsError('ENOTDIR', path);
    if (!handleIsEmptyDir(r.h)) throw new FsError('ENOTEMPTY', path);
    this.removeEntry(r.dir, r.name, r.h);
  }

  rename(from: string, to: string): void {
    const rf = this.existing(from, false);
    if (rf.name === null) throw new FsError('EBUSY', from);
    if (rf.dotted) throw new FsError('EINVAL', from);
    const rt = this.resolve(to, false);
    if (rt.name === null) throw new FsError('EBUSY', to);
    if (rt.dotted) throw new FsError('EINVAL', to);
    const fromPath = '/' + [...rf.dir, rf.name].join('/');
    const toPath = '/' + [...rt.dir, rt.name].join('/');
    if (fromPath === toPath) return;
    const st = visibleType(rf.h)!;
    if (st === 'dir' && toPath.startsWith(fromPath + '/')) throw new FsError('EINVAL', to);
    if (rt.visible) {
      const dt = visibleType(rt.h)!;
      if (st === 'dir') {
        if (dt !== 'dir') throw new FsError('ENOTDIR', to);
        if (!handleIsEmptyDir(rt.h)) throw new FsError('ENOTEMPTY', to);
      } else if (dt === 'dir') {
        throw new FsError('EISDIR', to);
      }
    } else if (rt.trailing && st !== 'dir') {
      throw new FsError('ENOTDIR', to);
    }
    // Take the upper node itself when it holds the whole entry; otherwise copy the merged view.
    const u = rf.h.u as EntryNode | undefined;
    const whole = u && (u.type !== 'dir' || u.opaque || rf.h.l?.type !== 'dir');
    const node = whole ? u : this.mergedCopy(rf.h);
    this.removeEntry(rf.dir, rf.name, rf.h);
    const pu = this.upperDir(rt.dir);
    if (node.type === 'dir') node.opaque = rt.h.l !== undefined;
    pu.children.set(rt.name, node);
    pu.mtime = this.now();
  }

  symlink(target: string, path: string): void {
    const r = this.resolve(path, false);
    if (r.visible) throw new FsError('EEXIST', path);
    if (r.trailing) throw new FsError('ENOENT', path);
    if (target === '') throw new FsError('ENOENT', path);
    this.addEntry(r.dir, r.name!, r.h, newSymlink(this.newMeta(0o777), target));
  }

  readlink(path: string): string {
    const r = this.existing(path, false);
    if (visibleType(r.h) !== 'symlink') throw new FsError('EINVAL', path);
    return handleTarget(r.h);
  }

  realpath(path: string): string {
    const r = this.existing(path, true);
    if (r.name === null) return '/';
    return '/' + [...r.dir, r.name].join('/');
  }

  chmod(path: string, mode: number): void {
    this.copyUp(this.existing(path, true)).mode = mode & 0o7777;
  }

  chown(path: string, uid: number, gid: number): void {
    const n = this.copyUp(this.existing(path, true));
    n.uid = uid;
    n.gid = gid;
  }

  lchown(path: string, uid: number, gid: number): void {
    const n = this.copyUp(this.existing(path, false));
    n.uid = uid;
    n.gid = gid;
  }

  utimes(path: string, mtime?: number): void {
    this.copyUp(this.existing(path, true)).mtime = mtime ?? this.now();
  }

  lutimes(path: string, mtime?: number): void {
    this.copyUp(this.existing(path, false)).mtime = mtime ?? this.now();
  }
}

function dataSizeOf(d: FileData): number {
  return d.kind === 'text' ? utf8Length(d.text) : d.kind === 'bytes' ? d.bytes.length : d.size;
}

function appendData(a: FileData, b: FileData): FileData {
  if (a.kind === 'text' && b.kind === 'text') return { kind: 'text', text: a.text + b.text };
  if (a.kind === 'synthetic') {
    return { kind: 'synthetic', size: a.size + dataSizeOf(b), placeholder: a.placeholder + dataText(b) };
  }
  const x = a.kind === 'bytes' ? a.bytes : utf8Bytes(dataText(a));
  const y = b.kind === 'bytes' ? b.bytes : utf8Bytes(dataText(b));
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return { kind: 'bytes', bytes: out };
}

export function errorCode(e: unknown): FsErrorCode | undefined {
  return e instanceof FsError ? e.code : undefined;
}

// Re-exported for subclasses computing stats of lower nodes.
export { entrySize, statOf };
