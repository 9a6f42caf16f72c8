// Unix domain sockets inside a container: a server binds a path (the socket file appears in
// the filesystem, as `ls -l /var/run/postgresql` shows it) and clients on the same filesystem
// connect to it by that path. The table is kept per filesystem object, so it follows the
// container (and its volumes) and needs no network.

import { baseFs } from '../../../sh';
import type { FileSystem } from '../../../vfs/types';

export type SocketHandler = (data: string, peer: { uid: number; user: string }) => string;

const tables = new WeakMap<FileSystem, Map<string, SocketHandler>>();

export function bindUnix(fs: FileSystem, path: string, handler: SocketHandler): boolean {
  let t = tables.get(baseFs(fs));
  if (!t) {
    t = new Map();
    tables.set(baseFs(fs), t);
  }
  if (t.has(path)) return false;
  t.set(path, handler);
  try {
    fs.writeFile(path, '', { mode: 0o777 });
  } catch {
    // a directory that cannot hold it: the socket still works for this model
  }
  return true;
}

export function unbindUnix(fs: FileSystem, path: string): void {
  tables.get(baseFs(fs))?.delete(path);
  try {
    fs.rm(path, { force: true });
  } catch {
    // already gone
  }
}

/** Sends one request to the socket at `path`; null when nothing listens there. */
export function connectUnix(fs: FileSystem, path: string, data: string, peer: { uid: number; user: string }): string | null {
  const h = tables.get(baseFs(fs))?.get(path);
  return h ? h(data, peer) : null;
}

export function isBound(fs: FileSystem, path: string): boolean {
  return tables.get(baseFs(fs))?.has(path) ?? false;
}
