// Path helpers. The filesystems resolve '.', '..' and symlinks physically (as the kernel
// does); these helpers work on strings only.

/**
 * Lexical normalisation, like `path.posix.resolve(cwd, path)`: the result is absolute, with
 * '.', '..' and repeated slashes removed ('..' stops at '/'), and no trailing slash.
 * Use it for what a shell's logical `cd` and `pwd` show. To let a filesystem resolve '..'
 * through symlinks, and to keep a trailing slash's meaning, pass `joinPath(cwd, path)` instead.
 */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** `path` made absolute by prefixing `cwd` when relative, otherwise left exactly as given. */
export function joinPath(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  if (path === '') return cwd;
  return cwd.endsWith('/') ? cwd + path : `${cwd}/${path}`;
}

/** Components of a path without empty, '.' parts; '..' is kept (for lexical use see resolvePath). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Parent directory of an absolute, normalised path ('/' for '/'). */
export function dirname(path: string): string {
  const p = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

/** Last component of a path ('/' for '/'). */
export function basename(path: string): string {
  const p = path.replace(/\/+$/, '');
  if (p === '') return path.startsWith('/') ? '/' : '';
  return p.slice(p.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` or inside it (both absolute and normalised). */
export function isWithin(dir: string, path: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(dir + '/');
}

/**
 * Orders names by Unicode code point (as Go and `LC_ALL=C ls` sort UTF-8 bytes), which differs
 * from JavaScript's UTF-16 order only for characters outside the Basic Multilingual Plane.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs && !ys && y >= 0xe000) return 1;
    if (ys && !xs && x >= 0xe000) return -1;
    return x - y;
  }
  return a.length - b.length;
}
