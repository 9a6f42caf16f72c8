// The filesystem contract shared by the simulator (image layers, container filesystems,
// volumes, the host's files) and the shells. Paths are absolute POSIX paths; relative
// paths are resolved by callers (the shell knows its cwd).

export type FileType = 'file' | 'dir' | 'symlink';

export interface Stat {
  type: FileType;
  /** Permission bits only, e.g. 0o755. */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes. For synthetic files (a binary modelled only by its size) the declared size. */
  size: number;
  /** Milliseconds since the epoch, taken from the clock the filesystem was given. */
  mtime: number;
}

export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'EROFS'
  | 'EINVAL'
  | 'ELOOP'
  | 'EBUSY'
  | 'EXDEV';

/** errno-like failure; `path` is the path the caller passed. */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    message?: string,
  ) {
    // an answer more than a fault (a PATH search meets ENOENT in most of its directories): made
    // without the stack trace an Error captures, which costs more than the lookup
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message ?? `${code}: ${path}`);
    Error.stackTraceLimit = limit;
    this.name = 'FsError';
  }
}

export interface WriteOptions {
  append?: boolean;
  /** Mode for a file that does not exist yet (default 0o644). */
  mode?: number;
}

/** A synchronous filesystem. Every method throws FsError on failure. */
export interface FileSystem {
  /** Follows symlinks. */
  stat(path: string): Stat;
  /** Does not follow a final symlink. */
  lstat(path: string): Stat;
  exists(path: string): boolean;
  /** Text content (UTF-8). Synthetic binaries read as a short placeholder. */
  readFile(path: string): string;
  writeFile(path: string, data: string, opts?: WriteOptions): void;
  /** Entry names, sorted by code point, without '.' and '..'. */
  readdir(path: string): string[];
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  /** Removes a file, symlink, or (with recursive) a directory tree. */
  rm(path: string, opts?: { recursive?: boolean; force?: boolean }): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  /** Resolves '.', '..' and symlinks; throws ENOENT if a component is missing. */
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** Sets mtime (to the clock's now when omitted); creates nothing. */
  utimes(path: string, mtime?: number): void;
}

// ---------------------------------------------------------------------------------------------
// Extensions implemented by every filesystem in src/vfs (MemoryFs, OverlayFs, MountFs). Callers
// that only need text use FileSystem above; these add binary content, synthetic files and
// operations on symlinks themselves (what `tar`, `docker cp` and copy-up need).

/** A file's content as stored. Text is UTF-8; a synthetic file only declares its size. */
export type FileData =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'synthetic'; size: number; placeholder: string };

export interface RichFileSystem extends FileSystem {
  /** Content as stored (follows symlinks). Treat returned bytes as read-only. */
  readData(path: string): FileData;
  /** Replaces a file's content (creating it like writeFile). Bytes are copied. */
  writeData(path: string, data: FileData, opts?: { mode?: number }): void;
  /** chown without following a final symlink. */
  lchown(path: string, uid: number, gid: number): void;
  /** utimes without following a final symlink. */
  lutimes(path: string, mtime?: number): void;
}

export function isRichFileSystem(fs: FileSystem): fs is RichFileSystem {
  const r = fs as Partial<RichFileSystem>;
  return typeof r.readData === 'function' && typeof r.writeData === 'function';
}
