// Tree walks and copies between any two FileSystems (volume copy-up, `docker cp`, COPY in a
// build). Uses the RichFileSystem extensions when both sides have them, so binary and
// synthetic files and symlink ownership survive the copy.

import { isWithin } from './path';
import { FsError, type FileData, type FileSystem, type Stat, isRichFileSystem } from './types';

export interface WalkEntry {
  path: string;
  stat: Stat;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * `path` and everything below it, depth-first, parents before children, names sorted; symlinks
 * are reported, not followed.
 */
export function* walk(fs: FileSystem, path: string): Generator<WalkEntry> {
  const stat = fs.lstat(path);
  yield { path, stat };
  if (stat.type !== 'dir') return;
  for (const name of fs.readdir(path)) yield* walk(fs, join(path, name));
}

export interface CopyOptions {
  /** Owner for every copied entry instead of the source's. */
  owner?: { uid: number; gid: number };
}

function readData(fs: FileSystem, path: string): FileData {
  return isRichFileSystem(fs) ? fs.readData(path) : { kind: 'text', text: fs.readFile(path) };
}

/**
 * Copies `srcPath` to `dstPath` like `cp -a`: symlinks stay symlinks, mode, owner and mtime are
 * kept. A directory copied onto an existing directory merges into it (and gives it the source
 * directory's mode, owner and mtime); an existing non-directory at a destination is replaced.
 */
export function copyTree(src: FileSystem, srcPath: string, dst: FileSystem, dstPath: string, opts?: CopyOptions): void {
  if (src === dst) {
    const a = src.realpath(srcPath);
    let b: string | undefined;
    try {
      b = dst.realpath(dstPath);
    } catch {
      const slash = dstPath.lastIndexOf('/');
      const parent = slash <= 0 ? '/' : dstPath.slice(0, slash);
      b = join(dst.realpath(parent), dstPath.slice(slash + 1));
    }
    if (src.lstat(srcPath).type === 'dir' && isWithin(a, b)) throw new FsError('EINVAL', dstPath);
  }
  copyEntry(src, srcPath, dst, dstPath, opts ?? {});
}

function lstatOrNull(fs: FileSystem, path: string): Stat | null {
  try {
    return fs.lstat(path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return null;
    throw e;
  }
}

function copyEntry(src: FileSystem, s: string, dst: FileSystem, d: string, opts: CopyOptions): void {
  const st = src.lstat(s);
  const existing = lstatOrNull(dst, d);
  const uid = opts.owner?.uid ?? st.uid;
  const gid = opts.owner?.gid ?? st.gid;
  const rich = isRichFileSystem(dst) ? dst : null;
  if (st.type === 'dir') {
    if (existing && existing.type !== 'dir') throw new FsError('ENOTDIR', d);
    if (!existing) dst.mkdir(d, { mode: st.mode });
    for (const name of src.readdir(s)) copyEntry(src, join(s, name), dst, join(d, name), opts);
    dst.chmod(d, st.mode);
    dst.chown(d, uid, gid);
    dst.utimes(d, st.mtime);
    return;
  }
  if (existing) {
    if (existing.type === 'dir') throw new FsError('EISDIR', d);
    dst.rm(d);
  }
  if (st.type === 'symlink') {
    dst.symlink(src.readlink(s), d);
    if (rich) {
      rich.lchown(d, uid, gid);
      rich.lutimes(d, st.mtime);
    }
    return;
  }
  const data = readData(src, s);
  if (rich) rich.writeData(d, data, { mode: st.mode });
  else dst.writeFile(d, data.kind === 'text' ? data.text : src.readFile(s), { mode: st.mode });
  dst.chmod(d, st.mode);
  dst.chown(d, uid, gid);
  dst.utimes(d, st.mtime);
}
