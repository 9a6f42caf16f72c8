// A container's view of its files: the root filesystem (its OverlayFs) with volumes, bind
// mounts and tmpfs mounted on top. Paths are resolved here, component by component, so that a
// symlink anywhere resolves in the container's namespace and '..' climbs out of a mount; each
// operation then goes to the filesystem that owns the resolved path. Renames across mounts
// fail with EXDEV, removing or renaming a mount point with EBUSY, writes to a read-only
// mount with EROFS.

import { MAX_SYMLINK_HOPS, TreeFs } from './tree-fs';
import { isWithin, resolvePath } from './path';
import {
  type FileData,
  type FileSystem,
  FsError,
  type RichFileSystem,
  type Stat,
  type WriteOptions,
  isRichFileSystem,
} from './types';

export interface MountOptions {
  /** Path inside `fs` that appears at the mount point (default '/'); may name a file. */
  source?: string;
  readOnly?: boolean;
}

/** A mount given to the constructor. */
export interface MountSpec extends MountOptions {
  /** Mount point, absolute. */
  path: string;
  fs: FileSystem;
}

export interface Mount {
  /** Canonical absolute path of the mount point. */
  readonly target: string;
  readonly fs: FileSystem;
  readonly source: string;
  readonly readOnly: boolean;
}

interface Located {
  m: Mount;
  inner: string;
}

interface MResolved {
  /** Canonical path of the final entry. */
  canon: string;
  /** lstat of the final entry (after following it when asked), or null when missing. */
  st: Stat | null;
  isRoot: boolean;
  dotted: boolean;
  trailing: boolean;
}

function innerPath(m: Mount, canon: string): string {
  const rel = m.target === '/' ? canon.slice(1) : canon.slice(m.target.length + 1);
  if (rel === '') return m.source;
  return m.source === '/' ? `/${rel}` : `${m.source}/${rel}`;
}

function rethrow(e: unknown, path: string): never {
  if (e instanceof FsError) throw new FsError(e.code, path);
  throw e;
}

export class MountFs implements RichFileSystem {
  private readonly table: Mount[];
  private building = false;

  /**
   * `root` is the container's root filesystem (`readOnly` for `--read-only`). The mounts are
   * made parents first (by number of path components, as docker orders them).
   */
  constructor(root: FileSystem, mounts: readonly MountSpec[] = [], opts?: { readOnly?: boolean }) {
    this.table = [{ target: '/', fs: root, source: '/', readOnly: !!opts?.readOnly }];
    const depth = (p: string) => resolvePath('/', p).split('/').filter(Boolean).length;
    const ordered = mounts.map((m, i) => ({ m, i })).sort((a, b) => depth(a.m.path) - depth(b.m.path) || a.i - b.i);
    for (const { m } of ordered) this.mount(m.path, m.fs, m);
  }

  /** Mounts, in the order they were made (the root filesystem first). */
  mounts(): readonly Mount[] {
    return this.table;
  }

  /**
   * Mounts `fs` (or its `source` path) at `target`. A missing mount point is created in the
   * filesystem below it (a directory, or an empty file when `source` is a file).
   */
  mount(target: string, fs: FileSystem, opts?: MountOptions): Mount {
    const source = resolvePath('/', opts?.source ?? '/');
    const srcType = fs.stat(source).type;
    let canon: string;
    if (this.exists(target)) {
      canon = this.realpath(target);
      if ((this.stat(canon).type === 'dir') !== (srcType === 'dir')) throw new FsError('ENOTDIR', target);
    } else {
      // Mount points are made even on a read-only root (before it becomes read-only in docker).
      this.building = true;
      try {
        const abs = resolvePath('/', target);
        const slash = abs.lastIndexOf('/');
        const parent = abs.slice(0, slash) || '/';
        this.mkdir(parent, { recursive: true });
        const full = `${this.realpath(parent).replace(/\/$/, '')}/${abs.slice(slash + 1)}`;
        if (srcType === 'dir') this.mkdir(full);
        else this.writeFile(full, '');
        canon = this.realpath(full);
      } finally {
        this.building = false;
      }
    }
    const m: Mount = { target: canon, fs, source, readOnly: !!opts?.readOnly };
    this.table.push(m);
    return m;
  }

  /** Removes the most recent mount at `target`. */
  unmount(target: string): void {
    const canon = resolvePath('/', target);
    for (let i = this.table.length - 1; i > 0; i--) {
      if (this.table[i]!.target === canon) {
        this.table.splice(i, 1);
        return;
      }
    }
    throw new FsError('EINVAL', target);
  }

  private locate(canon: string): Located {
    let best = this.table[0]!;
    for (let i = 1; i < this.table.length; i++) {
      const m = this.table[i]!;
      if (isWithin(m.target, canon) && m.target.length >= best.target.length) best = m;
    }
    return { m: best, inner: innerPath(best, canon) };
  }

  private isMountPoint(canon: string): boolean {
    for (let i = 1; i < this.table.length; i++) if (this.table[i]!.target === canon) return true;
    return false;
  }

  private hasMountBelow(canon: string): boolean {
    for (let i = 1; i < this.table.length; i++) if (isWithin(canon, this.table[i]!.target)) return true;
    return false;
  }

  private lstatCanon(canon: string): Stat | null {
    const { m, inner } = this.locate(canon);
    try {
      return m.fs instanceof TreeFs ? m.fs.lstatIfAny(inner) : m.fs.lstat(inner);
    } catch (e) {
      if (e instanceof FsError && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return null;
      throw e;
    }
  }

  private resolve(path: string, follow: boolean): MResolved {
    if (path === '') throw new FsError('ENOENT', path);
    let trailing = path.length > 1 && path.endsWith('/');
    let queue = path.split('/').filter((p) => p !== '');
    let names: string[] = [];
    let i = 0;
    let hops = 0;
    let dotted = false;
    while (i < queue.length) {
      const comp = queue[i]!;
      const last = i === queue.length - 1;
      if (comp === '.' || comp === '..') {
        if (comp === '..') names.pop();
        dotted = last;
        i++;
        continue;
      }
      dotted = false;
      const canon = '/' + [...names, comp].join('/');
      const st = this.lstatCanon(canon);
      if (st?.type === 'symlink' && (!last || follow || trailing)) {
        if (++hops > MAX_SYMLINK_HOPS) throw new FsError('ELOOP', path);
        const { m, inner } = this.locate(canon);
        const target = m.fs.readlink(inner);
        if (last && target.endsWith('/')) trailing = true;
        if (target.startsWith('/')) names = [];
        queue = target
          .split('/')
          .filter((p) => p !== '')
          .concat(queue.slice(i + 1));
        i = 0;
        continue;
      }
      if (last) {
        if (trailing && st && st.type !== 'dir') throw new FsError('ENOTDIR', path);
        return { canon, st, isRoot: false, dotted: false, trailing };
      }
      if (!st) throw new FsError('ENOENT', path);
      if (st.type !== 'dir') throw new FsError('ENOTDIR', path);
      names.push(comp);
      i++;
    }
    const canon = '/' + names.join('/');
    return { canon, st: this.lstatCanon(canon), isRoot: names.length === 0, dotted, trailing };
  }

  private existing(path: string, follow: boolean): MResolved & { st: Stat } {
    const r = this.resolve(path, follow);
    if (!r.st) throw new FsError('ENOENT', path);
    return r as MResolved & { st: Stat };
  }

  private writable(canon: string, path: string): Located {
    const loc = this.locate(canon);
    if (loc.m.readOnly && !this.building) throw new FsError('EROFS', path);
    return loc;
  }

  /** Runs `fn` on the filesystem owning `canon`, reporting errors against the caller's path. */
  private on<T>(loc: Located, path: string, fn: (fs: FileSystem, inner: string) => T): T {
    try {
      return fn(loc.m.fs, loc.inner);
    } catch (e) {
      rethrow(e, path);
    }
  }

  private rich(loc: Located): RichFileSystem | null {
    return isRichFileSystem(loc.m.fs) ? loc.m.fs : null;
  }

  // ------------------------------------------------------------------ FileSystem

  stat(path: string): Stat {
    return this.existing(path, true).st;
  }

  lstat(path: string): Stat {
    return this.existing(path, false).st;
  }

  exists(path: string): boolean {
    try {
      return this.resolve(path, true).st !== null;
    } catch {
      return false;
    }
  }

  readFile(path: string): string {
    const r = this.existing(path, true);
    return this.on(this.locate(r.canon), path, (fs, p) => fs.readFile(p));
  }

  readData(path: string): FileData {
    const r = this.existing(path, true);
    const loc = this.locate(r.canon);
    const rich = this.rich(loc);
    return this.on(loc, path, (fs, p) => (rich ? rich.readData(p) : { kind: 'text', text: fs.readFile(p) }));
  }

  writeFile(path: string, data: string, opts?: WriteOptions): void {
    const r = this.resolve(path, true);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.writeFile(r.trailing ? p + '/' : p, data, opts));
  }

  writeData(path: string, data: FileData, opts?: { mode?: number }): void {
    const r = this.resolve(path, true);
    const loc = this.writable(r.canon, path);
    const rich = this.rich(loc);
    this.on(loc, path, (fs, p) => {
      if (rich) rich.writeData(p, data, opts);
      else fs.writeFile(p, data.kind === 'text' ? data.text : '', opts);
    });
  }

  readdir(path: string): string[] {
    const r = this.existing(path, true);
    return this.on(this.locate(r.canon), path, (fs, p) => fs.readdir(p));
  }

  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void {
    if (opts?.recursive) {
      const parts = path.split('/').filter((p) => p !== '');
      let prefix = path.startsWith('/') ? '' : '.';
      for (let i = 0; i < parts.length; i++) {
        prefix += '/' + parts[i];
        const r = this.resolve(prefix, true);
        if (r.st) {
          if (r.st.type !== 'dir') throw new FsError(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR', path);
          continue;
        }
        this.on(this.writable(r.canon, path), path, (fs, p) => fs.mkdir(p, { mode: opts.mode }));
      }
      return;
    }
    const r = this.resolve(path, false);
    if (r.st) throw new FsError('EEXIST', path);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.mkdir(p, { mode: opts?.mode }));
  }

  rm(path: string, opts?: { recursive?: boolean; force?: boolean }): void {
    let r: MResolved;
    try {
      r = this.resolve(path, false);
    } catch (e) {
      if (opts?.force && e instanceof FsError && e.code === 'ENOENT') return;
      throw e;
    }
    if (!r.st) {
      if (opts?.force) return;
      throw new FsError('ENOENT', path);
    }
    if (r.isRoot) throw new FsError('EBUSY', path);
    if (r.dotted) throw new FsError('EINVAL', path);
    if (r.st.type === 'dir' && !opts?.recursive) throw new FsError('EISDIR', path);
    if (r.st.type === 'dir' && this.hasMountBelow(r.canon)) {
      // Empty what can be emptied (mounted content included), then fail on the mount point.
      let first: unknown;
      for (const name of this.readdir(r.canon)) {
        try {
          this.rm(`${r.canon}/${name}`, { recursive: true });
        } catch (e) {
          first ??= e;
        }
      }
      if (this.isMountPoint(r.canon)) throw new FsError('EBUSY', path);
      if (first) throw first;
      this.on(this.writable(r.canon, path), path, (fs, p) => fs.rmdir(p));
      return;
    }
    if (this.isMountPoint(r.canon)) throw new FsError('EBUSY', path);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.rm(p, opts));
  }

  rmdir(path: string): void {
    const r = this.existing(path, false);
    if (r.isRoot || this.isMountPoint(r.canon)) throw new FsError('EBUSY', path);
    if (r.dotted) throw new FsError('EINVAL', path);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.rmdir(p));
  }

  rename(from: string, to: string): void {
    const rf = this.existing(from, false);
    const rt = this.resolve(to, false);
    if (rf.isRoot || rt.isRoot) throw new FsError('EBUSY', rf.isRoot ? from : to);
    if (this.isMountPoint(rf.canon) || this.hasMountBelow(rf.canon)) throw new FsError('EBUSY', from);
    if (this.isMountPoint(rt.canon) || (rt.st?.type === 'dir' && this.hasMountBelow(rt.canon))) {
      throw new FsError('EBUSY', to);
    }
    const lf = this.locate(rf.canon);
    const lt = this.locate(rt.canon);
    if (lf.m !== lt.m) throw new FsError('EXDEV', to);
    if (lf.m.readOnly) throw new FsError('EROFS', from);
    this.on(lf, from, (fs, p) => fs.rename(p, lt.inner));
  }

  symlink(target: string, path: string): void {
    const r = this.resolve(path, false);
    if (r.st) throw new FsError('EEXIST', path);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.symlink(target, p));
  }

  readlink(path: string): string {
    const r = this.existing(path, false);
    return this.on(this.locate(r.canon), path, (fs, p) => fs.readlink(p));
  }

  realpath(path: string): string {
    return this.existing(path, true).canon;
  }

  chmod(path: string, mode: number): void {
    const r = this.existing(path, true);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.chmod(p, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    const r = this.existing(path, true);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.chown(p, uid, gid));
  }

  lchown(path: string, uid: number, gid: number): void {
    const r = this.existing(path, false);
    const loc = this.writable(r.canon, path);
    const rich = this.rich(loc);
    if (!rich && r.st.type === 'symlink') return; // cannot reach the link itself
    this.on(loc, path, (fs, p) => (rich ? rich.lchown(p, uid, gid) : fs.chown(p, uid, gid)));
  }

  utimes(path: string, mtime?: number): void {
    const r = this.existing(path, true);
    this.on(this.writable(r.canon, path), path, (fs, p) => fs.utimes(p, mtime));
  }

  lutimes(path: string, mtime?: number): void {
    const r = this.existing(path, false);
    const loc = this.writable(r.canon, path);
    const rich = this.rich(loc);
    if (!rich && r.st.type === 'symlink') return; // cannot reach the link itself
    this.on(loc, path, (fs, p) => (rich ? rich.lutimes(p, mtime) : fs.utimes(p, mtime)));
  }
}
