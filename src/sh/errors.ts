// errno texts as the C library prints them (strerror), and path helpers shared by the shell
// and its commands.

import type { FsErrorCode } from '../vfs/types';

const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
};

export function strerror(code: FsErrorCode | string): string {
  return (STRERROR as Record<string, string>)[code] ?? code;
}

/** The errno code of a filesystem error, or rethrows anything else. */
export function fsCode(e: unknown): FsErrorCode {
  if (isFsError(e)) return e.code;
  throw e;
}

/** A filesystem error (FsError from src/vfs), recognised by shape. */
export function isFsError(e: unknown): e is { code: FsErrorCode; path: string } {
  return e instanceof Error && e.name === 'FsError' && typeof (e as { code?: unknown }).code === 'string';
}

/** strerror of a caught filesystem error (rethrows anything else). */
export function fsMessage(e: unknown): string {
  return strerror(fsCode(e));
}

/** Lexically normalises an absolute path: removes '.', '..', duplicate and trailing slashes. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** Resolves a path typed by the user against the working directory. */
export function resolvePath(cwd: string, p: string): string {
  if (p === '') return normalizePath(cwd);
  return normalizePath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

export function basename(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p.startsWith('/') ? '/' : '';
  return t.slice(t.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p.startsWith('/') ? '/' : '.';
  const i = t.lastIndexOf('/');
  if (i < 0) return '.';
  const d = t.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}
