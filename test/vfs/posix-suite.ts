// POSIX behaviour every FileSystem in src/vfs must show, run against each implementation.
// `make` receives the initial content and a clock; the implementation decides where the
// content lives (its own tree, lower layers, a mounted filesystem...).

import { beforeEach, describe, expect, test } from 'vitest';
import type { LayerEntry, RichFileSystem } from '../../src/vfs';
import { FsError } from '../../src/vfs';

export interface Clock {
  t: number;
  now: () => number;
}

export function clock(start = 1_700_000_000_000): Clock {
  const c: Clock = { t: start, now: () => c.t };
  return c;
}

export function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'OK';
}

export const T0 = 1_600_000_000_000;

/** The tree every suite starts from. */
export const fixture: LayerEntry[] = [
  { path: '/etc', type: 'dir', mtime: T0 },
  { path: '/etc/passwd', type: 'file', content: 'root:x:0:0:root:/root:/bin/sh\n', mtime: T0 },
  { path: '/etc/shadow', type: 'file', content: 'root:*::0:::::\n', mode: 0o640, gid: 42, mtime: T0 },
  { path: '/bin', type: 'dir', mtime: T0 },
  { path: '/bin/busybox', type: 'file', size: 1_200_000, content: '\x7fELF', mode: 0o755, mtime: T0 },
  { path: '/bin/sh', type: 'symlink', target: 'busybox', mtime: T0 },
  { path: '/usr/bin', type: 'dir', mtime: T0 },
  { path: '/usr/bin/env', type: 'symlink', target: '/bin/busybox', mtime: T0 },
  { path: '/usr/local', type: 'dir', mtime: T0 },
  { path: '/usr/local/lib', type: 'symlink', target: '../../lib', mtime: T0 },
  { path: '/lib', type: 'dir', mtime: T0 },
  { path: '/lib/libc.so', type: 'file', content: 'libc', mtime: T0 },
  { path: '/home/user', type: 'dir', uid: 1000, gid: 1000, mode: 0o700, mtime: T0 },
  { path: '/home/user/notes.txt', type: 'file', content: 'hello', uid: 1000, gid: 1000, mtime: T0 },
  { path: '/tmp', type: 'dir', mode: 0o1777, mtime: T0 },
  { path: '/var/run', type: 'symlink', target: '/run', mtime: T0 },
  { path: '/run', type: 'dir', mtime: T0 },
  { path: '/loop1', type: 'symlink', target: 'loop2', mtime: T0 },
  { path: '/loop2', type: 'symlink', target: 'loop1', mtime: T0 },
  { path: '/dangling', type: 'symlink', target: '/nowhere/file', mtime: T0 },
  { path: '/newtarget', type: 'symlink', target: 'created.txt', mtime: T0 },
  { path: '/data', type: 'dir', mtime: T0 },
  { path: '/data/a', type: 'dir', mtime: T0 },
  { path: '/data/a/one', type: 'file', content: '1', mtime: T0 },
  { path: '/data/a/sub', type: 'dir', mtime: T0 },
  { path: '/data/a/sub/two', type: 'file', content: '2', mtime: T0 },
  { path: '/data/empty', type: 'dir', mtime: T0 },
  { path: '/data/file', type: 'file', content: 'f', mtime: T0 },
  { path: '/data/link-to-a', type: 'symlink', target: 'a', mtime: T0 },
];

export function posixSuite(name: string, make: (entries: LayerEntry[], c: Clock) => RichFileSystem): void {
  describe(`${name}: POSIX behaviour`, () => {
    let c: Clock;
    let fs: RichFileSystem;
    beforeEach(() => {
      c = clock();
      fs = make(fixture, c);
    });

    describe('stat and lstat', () => {
      test('report type, mode, owner, size and mtime', () => {
        expect(fs.stat('/etc/shadow')).toEqual({ type: 'file', mode: 0o640, uid: 0, gid: 42, size: 15, mtime: T0 });
        expect(fs.stat('/home/user')).toMatchObject({ type: 'dir', mode: 0o700, uid: 1000, gid: 1000 });
        expect(fs.stat('/tmp').mode).toBe(0o1777);
        expect(fs.stat('/').type).toBe('dir');
      });

      test('directories report 4096 bytes, symlinks the length of their target', () => {
        expect(fs.lstat('/etc').size).toBe(4096);
        expect(fs.lstat('/usr/bin/env')).toMatchObject({ type: 'symlink', mode: 0o777, size: '/bin/busybox'.length });
      });

      test('stat follows symlinks, lstat does not', () => {
        expect(fs.stat('/bin/sh')).toMatchObject({ type: 'file', size: 1_200_000 });
        expect(fs.lstat('/bin/sh').type).toBe('symlink');
      });

      test('a trailing slash follows a final symlink and requires a directory', () => {
        expect(fs.lstat('/data/link-to-a/').type).toBe('dir');
        expect(code(() => fs.stat('/etc/passwd/'))).toBe('ENOTDIR');
        expect(code(() => fs.lstat('/bin/sh/'))).toBe('ENOTDIR');
      });

      test('missing paths and files used as directories', () => {
        expect(code(() => fs.stat('/nope'))).toBe('ENOENT');
        expect(code(() => fs.stat('/nope/x'))).toBe('ENOENT');
        expect(code(() => fs.stat('/etc/passwd/x'))).toBe('ENOTDIR');
        expect(code(() => fs.stat(''))).toBe('ENOENT');
      });

      test('errors carry the path the caller passed', () => {
        try {
          fs.readFile('/etc/../nope');
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(FsError);
          expect((e as FsError).path).toBe('/etc/../nope');
        }
      });

      test('exists follows symlinks and never throws', () => {
        expect(fs.exists('/bin/sh')).toBe(true);
        expect(fs.exists('/dangling')).toBe(false);
        expect(fs.exists('/loop1')).toBe(false);
        expect(fs.exists('/etc/passwd/x')).toBe(false);
      });
    });

    describe('path resolution', () => {
      test("'.', '..', repeated slashes and '..' at the root", () => {
        expect(fs.readFile('/etc/./passwd')).toContain('root');
        expect(fs.readFile('//etc///passwd')).toContain('root');
        expect(fs.readFile('/../../etc/passwd')).toContain('root');
        expect(fs.readFile('/bin/../etc/passwd')).toContain('root');
        expect(fs.realpath('/etc/..')).toBe('/');
        expect(fs.realpath('/..')).toBe('/');
      });

      test("'..' through a symlink is physical: it leaves the symlink's target", () => {
        // /data/link-to-a -> a, so /data/link-to-a/sub/.. is /data/a
        expect(fs.realpath('/data/link-to-a/sub/..')).toBe('/data/a');
        // /usr/local/lib -> ../../lib, so its parent is /
        expect(fs.realpath('/usr/local/lib/..')).toBe('/');
        expect(fs.readFile('/usr/local/lib/../etc/passwd')).toContain('root');
      });

      test('relative symlink targets resolve from the directory holding the link', () => {
        expect(fs.realpath('/bin/sh')).toBe('/bin/busybox');
        expect(fs.realpath('/usr/local/lib/libc.so')).toBe('/lib/libc.so');
        expect(fs.readFile('/usr/local/lib/libc.so')).toBe('libc');
      });

      test('absolute symlink targets resolve from the root', () => {
        expect(fs.realpath('/usr/bin/env')).toBe('/bin/busybox');
        fs.mkdir('/run/lock');
        expect(fs.realpath('/var/run/lock')).toBe('/run/lock');
      });

      test('symlink chains and a symlink to a symlink', () => {
        fs.symlink('/usr/bin/env', '/tmp/e');
        fs.symlink('e', '/tmp/f');
        expect(fs.realpath('/tmp/f')).toBe('/bin/busybox');
        expect(fs.readlink('/tmp/f')).toBe('e');
      });

      test('a symlink loop fails with ELOOP', () => {
        expect(code(() => fs.stat('/loop1'))).toBe('ELOOP');
        expect(code(() => fs.readFile('/loop1/x'))).toBe('ELOOP');
        expect(fs.lstat('/loop1').type).toBe('symlink');
        fs.symlink('self', '/tmp/self');
        expect(code(() => fs.realpath('/tmp/self'))).toBe('ELOOP');
      });

      test('40 symlink hops resolve, 41 fail with ELOOP', () => {
        fs.mkdir('/chain');
        fs.writeFile('/chain/end', 'end');
        fs.symlink('end', '/chain/l0');
        for (let i = 1; i <= 40; i++) fs.symlink(`l${i - 1}`, `/chain/l${i}`);
        expect(fs.readFile('/chain/l39')).toBe('end'); // 40 hops
        expect(code(() => fs.readFile('/chain/l40'))).toBe('ELOOP'); // 41 hops
      });

      test('dangling symlinks: stat fails, lstat and readlink work', () => {
        expect(code(() => fs.stat('/dangling'))).toBe('ENOENT');
        expect(fs.lstat('/dangling').type).toBe('symlink');
        expect(fs.readlink('/dangling')).toBe('/nowhere/file');
        expect(code(() => fs.realpath('/dangling'))).toBe('ENOENT');
      });

      test('realpath resolves every component', () => {
        expect(fs.realpath('/data/link-to-a/./sub/two')).toBe('/data/a/sub/two');
        expect(fs.realpath('/')).toBe('/');
        expect(code(() => fs.realpath('/data/nope'))).toBe('ENOENT');
      });
    });

    describe('reading and writing files', () => {
      test('writeFile creates with mode 0644 (or the given mode), root-owned, mtime now', () => {
        c.t += 5000;
        fs.writeFile('/tmp/a', 'x');
        expect(fs.stat('/tmp/a')).toEqual({ type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, mtime: c.t });
        fs.writeFile('/tmp/b', 'x', { mode: 0o600 });
        expect(fs.stat('/tmp/b').mode).toBe(0o600);
      });

      test('overwriting keeps mode and owner, updates content, size and mtime', () => {
        c.t += 1000;
        fs.writeFile('/home/user/notes.txt', 'héllo wörld', { mode: 0o600 });
        expect(fs.readFile('/home/user/notes.txt')).toBe('héllo wörld');
        expect(fs.stat('/home/user/notes.txt')).toMatchObject({ mode: 0o644, uid: 1000, size: 13, mtime: c.t });
      });

      test('append adds to the end', () => {
        fs.writeFile('/home/user/notes.txt', ' world', { append: true });
        expect(fs.readFile('/home/user/notes.txt')).toBe('hello world');
        fs.writeFile('/tmp/new', 'a', { append: true });
        expect(fs.readFile('/tmp/new')).toBe('a');
      });

      test("creating an entry updates the directory's mtime, overwriting does not", () => {
        c.t += 1000;
        fs.writeFile('/data/file', 'changed');
        expect(fs.stat('/data').mtime).toBe(T0);
        c.t += 1000;
        fs.writeFile('/data/new', 'n');
        expect(fs.stat('/data').mtime).toBe(c.t);
      });

      test('writing through a symlink writes its target; a dangling link creates the target', () => {
        fs.writeFile('/data/link-to-a/one', 'uno');
        expect(fs.readFile('/data/a/one')).toBe('uno');
        fs.writeFile('/newtarget', 'made');
        expect(fs.readFile('/created.txt')).toBe('made');
        expect(fs.lstat('/newtarget').type).toBe('symlink');
      });

      test('write errors: missing parent, file parent, directory, trailing slash', () => {
        expect(code(() => fs.writeFile('/nope/x', ''))).toBe('ENOENT');
        expect(code(() => fs.writeFile('/etc/passwd/x', ''))).toBe('ENOTDIR');
        expect(code(() => fs.writeFile('/etc', ''))).toBe('EISDIR');
        expect(code(() => fs.writeFile('/tmp/newfile/', ''))).toBe('EISDIR');
        expect(code(() => fs.writeFile('/etc/passwd/', ''))).toBe('ENOTDIR');
      });

      test('readFile of a directory fails with EISDIR', () => {
        expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
        expect(code(() => fs.readFile('/data/link-to-a'))).toBe('EISDIR');
      });

      test('synthetic files declare a size and read as their placeholder', () => {
        expect(fs.stat('/bin/busybox').size).toBe(1_200_000);
        expect(fs.readFile('/bin/busybox')).toBe('\x7fELF');
        expect(fs.readData('/bin/sh')).toEqual({ kind: 'synthetic', size: 1_200_000, placeholder: '\x7fELF' });
      });

      test('appending to a synthetic file grows its declared size', () => {
        fs.writeFile('/bin/busybox', 'xy', { append: true });
        expect(fs.stat('/bin/busybox').size).toBe(1_200_002);
      });

      test('binary content round-trips through writeData/readData', () => {
        const bytes = new Uint8Array([0, 255, 128, 10]);
        fs.writeData('/tmp/bin', { kind: 'bytes', bytes });
        bytes[0] = 7; // the filesystem keeps its own copy
        const back = fs.readData('/tmp/bin');
        expect(back).toEqual({ kind: 'bytes', bytes: new Uint8Array([0, 255, 128, 10]) });
        expect(fs.stat('/tmp/bin').size).toBe(4);
      });

      test('writeData of a synthetic file', () => {
        fs.writeData('/tmp/big', { kind: 'synthetic', size: 5_000_000, placeholder: 'BIG' }, { mode: 0o755 });
        expect(fs.stat('/tmp/big')).toMatchObject({ size: 5_000_000, mode: 0o755 });
        expect(fs.readFile('/tmp/big')).toBe('BIG');
      });
    });

    describe('directories', () => {
      test('readdir lists names sorted by code point, without . and ..', () => {
        for (const n of ['b', 'B', 'a', '_', 'é', '\u{1F600}', '\uFF21', '10', '9']) fs.writeFile(`/tmp/${n}`, '');
        expect(fs.readdir('/tmp')).toEqual(['10', '9', 'B', '_', 'a', 'b', 'é', '\uFF21', '\u{1F600}']);
      });

      test('readdir follows symlinks and rejects files', () => {
        expect(fs.readdir('/data/link-to-a')).toEqual(['one', 'sub']);
        expect(fs.readdir('/data')).toEqual(['a', 'empty', 'file', 'link-to-a']);
        expect(code(() => fs.readdir('/etc/passwd'))).toBe('ENOTDIR');
        expect(code(() => fs.readdir('/nope'))).toBe('ENOENT');
      });

      test('mkdir creates with 0755 or the given mode and updates the parent mtime', () => {
        c.t += 1000;
        fs.mkdir('/data/d');
        expect(fs.stat('/data/d')).toMatchObject({ type: 'dir', mode: 0o755, mtime: c.t });
        expect(fs.stat('/data').mtime).toBe(c.t);
        fs.mkdir('/data/e', { mode: 0o700 });
        expect(fs.stat('/data/e').mode).toBe(0o700);
        fs.mkdir('/data/f/');
        expect(fs.stat('/data/f').type).toBe('dir');
      });

      test('mkdir errors', () => {
        expect(code(() => fs.mkdir('/data/a'))).toBe('EEXIST');
        expect(code(() => fs.mkdir('/data/file'))).toBe('EEXIST');
        expect(code(() => fs.mkdir('/dangling'))).toBe('EEXIST');
        expect(code(() => fs.mkdir('/'))).toBe('EEXIST');
        expect(code(() => fs.mkdir('/x/y'))).toBe('ENOENT');
        expect(code(() => fs.mkdir('/data/file/x'))).toBe('ENOTDIR');
      });

      test('mkdir recursive creates missing parents and accepts existing directories', () => {
        fs.mkdir('/p/q/r', { recursive: true });
        expect(fs.stat('/p/q/r').type).toBe('dir');
        fs.mkdir('/p/q/r', { recursive: true });
        fs.mkdir('/data/link-to-a/new/deeper', { recursive: true });
        expect(fs.stat('/data/a/new/deeper').type).toBe('dir');
        expect(code(() => fs.mkdir('/data/file', { recursive: true }))).toBe('EEXIST');
        expect(code(() => fs.mkdir('/data/file/x', { recursive: true }))).toBe('ENOTDIR');
      });
    });

    describe('removing', () => {
      test('rm removes files and updates the parent mtime', () => {
        c.t += 1000;
        fs.rm('/data/file');
        expect(fs.exists('/data/file')).toBe(false);
        expect(fs.stat('/data').mtime).toBe(c.t);
        expect(fs.readdir('/data')).not.toContain('file');
      });

      test('rm of a symlink removes the link, not its target', () => {
        fs.rm('/data/link-to-a');
        expect(fs.exists('/data/a/one')).toBe(true);
        fs.rm('/dangling');
        expect(code(() => fs.lstat('/dangling'))).toBe('ENOENT');
      });

      test('rm errors and force', () => {
        expect(code(() => fs.rm('/nope'))).toBe('ENOENT');
        expect(code(() => fs.rm('/nope', { force: true }))).toBe('OK');
        expect(code(() => fs.rm('/nope/deeper', { force: true }))).toBe('OK');
        expect(code(() => fs.rm('/data/file/x', { force: true }))).toBe('ENOTDIR');
        expect(code(() => fs.rm('/data/a'))).toBe('EISDIR');
        expect(code(() => fs.rm('/', { recursive: true }))).toBe('EBUSY');
        expect(code(() => fs.rm('/data/a/.', { recursive: true }))).toBe('EINVAL');
      });

      test('rm recursive removes a whole tree', () => {
        fs.rm('/data/a', { recursive: true });
        expect(fs.exists('/data/a')).toBe(false);
        expect(code(() => fs.stat('/data/a/sub/two'))).toBe('ENOENT');
        expect(fs.readdir('/data')).toEqual(['empty', 'file', 'link-to-a']);
        fs.mkdir('/data/a');
        expect(fs.readdir('/data/a')).toEqual([]);
      });

      test('rmdir removes empty directories only', () => {
        fs.rmdir('/data/empty');
        expect(fs.exists('/data/empty')).toBe(false);
        expect(code(() => fs.rmdir('/data/a'))).toBe('ENOTEMPTY');
        expect(code(() => fs.rmdir('/data/file'))).toBe('ENOTDIR');
        expect(code(() => fs.rmdir('/data/link-to-a'))).toBe('ENOTDIR');
        expect(code(() => fs.rmdir('/nope'))).toBe('ENOENT');
        expect(code(() => fs.rmdir('/'))).toBe('EBUSY');
        expect(code(() => fs.rmdir('/data/empty2/..'))).toBe('ENOENT');
      });

      test('a directory emptied entry by entry can be removed', () => {
        fs.rm('/data/a/one');
        fs.rm('/data/a/sub', { recursive: true });
        expect(fs.readdir('/data/a')).toEqual([]);
        fs.rmdir('/data/a');
        expect(fs.exists('/data/a')).toBe(false);
      });
    });

    describe('rename', () => {
      test('moves a file and updates both parents', () => {
        c.t += 1000;
        fs.rename('/data/file', '/data/a/moved');
        expect(fs.readFile('/data/a/moved')).toBe('f');
        expect(fs.exists('/data/file')).toBe(false);
        expect(fs.stat('/data').mtime).toBe(c.t);
        expect(fs.stat('/data/a').mtime).toBe(c.t);
        expect(fs.stat('/data/a/moved').mtime).toBe(T0);
      });

      test('replaces an existing file', () => {
        fs.rename('/data/file', '/data/a/one');
        expect(fs.readFile('/data/a/one')).toBe('f');
        expect(fs.readdir('/data')).toEqual(['a', 'empty', 'link-to-a']);
      });

      test('moves a directory with its content', () => {
        fs.rename('/data/a', '/data/empty/a2');
        expect(fs.readFile('/data/empty/a2/sub/two')).toBe('2');
        expect(fs.readdir('/data/empty/a2')).toEqual(['one', 'sub']);
        expect(fs.exists('/data/a')).toBe(false);
        expect(code(() => fs.stat('/data/link-to-a'))).toBe('ENOENT');
      });

      test('a directory may replace an empty directory', () => {
        fs.rename('/data/a', '/data/empty');
        expect(fs.readdir('/data/empty')).toEqual(['one', 'sub']);
        expect(fs.exists('/data/a')).toBe(false);
      });

      test('POSIX errors', () => {
        expect(code(() => fs.rename('/data/file', '/data/a'))).toBe('EISDIR');
        expect(code(() => fs.rename('/data/a', '/data/file'))).toBe('ENOTDIR');
        expect(code(() => fs.rename('/data/empty', '/data/a'))).toBe('ENOTEMPTY');
        expect(code(() => fs.rename('/data/a', '/data/a/sub/inside'))).toBe('EINVAL');
        expect(code(() => fs.rename('/nope', '/tmp/x'))).toBe('ENOENT');
        expect(code(() => fs.rename('/data/file', '/nope/x'))).toBe('ENOENT');
        expect(code(() => fs.rename('/data/file', '/etc/passwd/x'))).toBe('ENOTDIR');
        expect(code(() => fs.rename('/', '/tmp/root'))).toBe('EBUSY');
        expect(code(() => fs.rename('/data/file/', '/tmp/x'))).toBe('ENOTDIR');
      });

      test('renaming onto itself changes nothing', () => {
        fs.rename('/data/file', '/data/./file');
        expect(fs.readFile('/data/file')).toBe('f');
      });

      test('a symlink is renamed itself, not its target', () => {
        fs.rename('/data/link-to-a', '/data/l2');
        expect(fs.readlink('/data/l2')).toBe('a');
        expect(fs.readdir('/data/l2')).toEqual(['one', 'sub']);
        expect(fs.stat('/data/a').type).toBe('dir');
      });
    });

    describe('symlink and readlink', () => {
      test('symlink stores the target verbatim', () => {
        fs.symlink('../relative/x', '/tmp/l');
        expect(fs.readlink('/tmp/l')).toBe('../relative/x');
        expect(fs.lstat('/tmp/l')).toMatchObject({ type: 'symlink', size: 13, mtime: c.t });
      });

      test('errors', () => {
        expect(code(() => fs.symlink('x', '/data/file'))).toBe('EEXIST');
        expect(code(() => fs.symlink('x', '/dangling'))).toBe('EEXIST');
        expect(code(() => fs.symlink('x', '/nope/l'))).toBe('ENOENT');
        expect(code(() => fs.symlink('', '/tmp/empty'))).toBe('ENOENT');
        expect(code(() => fs.readlink('/data/file'))).toBe('EINVAL');
        expect(code(() => fs.readlink('/nope'))).toBe('ENOENT');
      });
    });

    describe('metadata', () => {
      test('chmod, chown and utimes follow symlinks', () => {
        fs.chmod('/bin/sh', 0o4755);
        expect(fs.stat('/bin/busybox').mode).toBe(0o4755);
        expect(fs.lstat('/bin/sh').mode).toBe(0o777);
        fs.chown('/bin/sh', 5, 6);
        expect(fs.stat('/bin/busybox')).toMatchObject({ uid: 5, gid: 6 });
        expect(fs.lstat('/bin/sh')).toMatchObject({ uid: 0, gid: 0 });
        fs.utimes('/bin/sh', 1234000);
        expect(fs.stat('/bin/busybox').mtime).toBe(1234000);
        c.t += 99;
        fs.utimes('/data/file');
        expect(fs.stat('/data/file').mtime).toBe(c.t);
      });

      test('lchown and lutimes change the link itself', () => {
        fs.lchown('/bin/sh', 7, 8);
        fs.lutimes('/bin/sh', 5000);
        expect(fs.lstat('/bin/sh')).toMatchObject({ uid: 7, gid: 8, mtime: 5000 });
        expect(fs.stat('/bin/sh')).toMatchObject({ uid: 0, gid: 0, mtime: T0 });
      });

      test('chmod keeps permission bits only and does not touch mtime', () => {
        fs.chmod('/data/file', 0o100600);
        expect(fs.stat('/data/file')).toMatchObject({ mode: 0o600, mtime: T0 });
        expect(code(() => fs.chmod('/nope', 0o600))).toBe('ENOENT');
      });
    });
  });
}
