// Between FileSystems and tar archives: packing a path (`docker cp` out, GET .../archive, a
// build context), extracting an archive into a FileSystem (PUT .../archive, `docker cp` in, the
// daemon receiving a build context), and reading a layer tar as a Layer.

import { Layer, type LayerEntry, layerPathParts } from './layer';
import { dataBytes, dataFromBytes, syntheticBytes } from './node';
import { basename } from './path';
import { type ParsedTarEntry, type TarEntry, parseTar, writeTar } from './tar';
import { FsError, type FileData, type FileSystem, isRichFileSystem } from './types';
import { walk } from './walk';

export interface PackOptions {
  /**
   * Name of `path` inside the archive (default its basename, '.' for '/'). With '' the
   * archive holds what is below `path`, without an entry for `path` itself.
   */
  name?: string;
}

/** Entries for `path` and everything below it (depth-first, sorted), as `tar -c` would store them. */
export function fsToTarEntries(fs: FileSystem, path: string, opts?: PackOptions): TarEntry[] {
  const top = opts?.name ?? (basename(path) === '/' ? '.' : basename(path));
  const rich = isRichFileSystem(fs) ? fs : null;
  const base = path.replace(/\/+$/, '');
  const out: TarEntry[] = [];
  for (const { path: p, stat } of walk(fs, path)) {
    const rel = p.length > base.length ? p.slice(base.length + 1) : '';
    if (top === '' && rel === '') continue;
    const name = top === '' ? rel : rel === '' ? top : `${top}/${rel}`;
    const common = { mode: stat.mode, uid: stat.uid, gid: stat.gid, mtime: stat.mtime };
    if (stat.type === 'dir') out.push({ name: name.endsWith('/') ? name : `${name}/`, type: 'dir', ...common });
    else if (stat.type === 'symlink') out.push({ name, type: 'symlink', linkname: fs.readlink(p), ...common });
    else {
      const data: FileData = rich ? rich.readData(p) : { kind: 'text', text: fs.readFile(p) };
      if (data.kind === 'synthetic') {
        out.push({ name, type: 'file', size: data.size, source: () => syntheticBytes(data.placeholder, data.size), ...common });
      } else {
        out.push({ name, type: 'file', content: dataBytes(data), ...common });
      }
    }
  }
  return out;
}

/** `path` packed as tar bytes. */
export function fsToTar(fs: FileSystem, path: string, opts?: PackOptions): Uint8Array {
  return writeTar(fsToTarEntries(fs, path, opts));
}

export interface ExtractOptions {
  /** Owner for every extracted entry instead of the archive's. */
  owner?: { uid: number; gid: number };
}

function joinUnder(dest: string, parts: string[]): string {
  const d = dest.replace(/\/+$/, '');
  return parts.length === 0 ? d || '/' : `${d}/${parts.join('/')}`;
}

/**
 * Extracts entries below `dest` (which must exist), like moby's untar: missing parents are
 * created, an existing entry is replaced unless both are directories, hard links get a copy of
 * their target's content, devices and FIFOs are skipped. Names cannot climb above `dest`.
 */
export function extractTar(fs: FileSystem, dest: string, entries: Iterable<ParsedTarEntry>, opts?: ExtractOptions): void {
  const rich = isRichFileSystem(fs) ? fs : null;
  const dirTimes: [string, number][] = [];
  for (const e of entries) {
    const parts = layerPathParts(e.name);
    const path = joinUnder(dest, parts);
    const uid = opts?.owner?.uid ?? e.uid;
    const gid = opts?.owner?.gid ?? e.gid;
    if (parts.length === 0) {
      if (e.type === 'dir') {
        fs.chmod(path, e.mode);
        fs.chown(path, uid, gid);
        dirTimes.push([path, e.mtime]);
      }
      continue;
    }
    if (e.type === 'char' || e.type === 'block' || e.type === 'fifo') continue;
    const parent = joinUnder(dest, parts.slice(0, -1));
    if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
    let existing = null;
    try {
      existing = fs.lstat(path);
    } catch (err) {
      if (!(err instanceof FsError && err.code === 'ENOENT')) throw err;
    }
    if (existing && !(existing.type === 'dir' && e.type === 'dir')) fs.rm(path, { recursive: true, force: true });
    switch (e.type) {
      case 'dir':
        if (!existing || existing.type !== 'dir') fs.mkdir(path, { mode: e.mode });
        fs.chmod(path, e.mode);
        fs.chown(path, uid, gid);
        dirTimes.push([path, e.mtime]);
        break;
      case 'symlink':
        fs.symlink(e.linkname, path);
        if (rich) {
          rich.lchown(path, uid, gid);
          rich.lutimes(path, e.mtime);
        }
        break;
      case 'file':
      case 'hardlink': {
        let data: FileData;
        if (e.type === 'hardlink') {
          const target = joinUnder(dest, layerPathParts(e.linkname));
          data = rich ? rich.readData(target) : { kind: 'text', text: fs.readFile(target) };
        } else {
          data = dataFromBytes(e.content ?? new Uint8Array(0));
        }
        if (rich) rich.writeData(path, data, { mode: e.mode });
        else fs.writeFile(path, data.kind === 'text' ? data.text : new TextDecoder().decode(dataBytes(data)), { mode: e.mode });
        fs.chmod(path, e.mode);
        fs.chown(path, uid, gid);
        fs.utimes(path, e.mtime);
        break;
      }
    }
  }
  // Directory times last: creating their children changed them.
  for (let i = dirTimes.length - 1; i >= 0; i--) fs.utimes(dirTimes[i]![0], dirTimes[i]![1]);
}

/** A Layer from tar entries: `.wh.` files are whiteouts, `.wh..wh..opq` marks opaque directories. */
export function layerFromTarEntries(entries: Iterable<ParsedTarEntry>): Layer {
  const list: LayerEntry[] = [];
  const files = new Map<string, LayerEntry>();
  for (const e of entries) {
    const path = '/' + layerPathParts(e.name).join('/');
    const common = { path, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    let le: LayerEntry | undefined;
    switch (e.type) {
      case 'dir':
        le = { ...common, type: 'dir' };
        break;
      case 'symlink':
        le = { ...common, type: 'symlink', target: e.linkname };
        break;
      case 'file':
        le = { ...common, type: 'file', content: e.content ?? new Uint8Array(0) };
        files.set(path, le);
        break;
      case 'hardlink': {
        const target = files.get('/' + layerPathParts(e.linkname).join('/'));
        if (target) le = { ...common, type: 'file', content: target.content, size: target.size };
        break;
      }
    }
    if (le) list.push(le);
  }
  return Layer.fromEntries(list);
}

/** A Layer from an uncompressed layer tar. */
export function layerFromTar(bytes: Uint8Array): Layer {
  return layerFromTarEntries(parseTar(bytes));
}
