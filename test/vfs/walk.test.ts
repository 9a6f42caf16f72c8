import { describe, expect, test } from 'vitest';
import { type FileSystem, Layer, MemoryFs, OverlayFs, copyTree, walk } from '../../src/vfs';
import { T0, clock, code, fixture } from './posix-suite';

function listing(fs: FileSystem, path: string): string[] {
  return [...walk(fs, path)].map(({ path: p, stat }) => `${p} ${stat.type} ${stat.mode.toString(8)} ${stat.uid}:${stat.gid} ${stat.size} ${stat.mtime}`);
}

describe('walk', () => {
  test('depth-first, parents before children, names sorted, symlinks not followed', () => {
    const fs = new MemoryFs({ now: () => 0, root: fixture });
    expect([...walk(fs, '/data')].map((e) => e.path)).toEqual([
      '/data',
      '/data/a',
      '/data/a/one',
      '/data/a/sub',
      '/data/a/sub/two',
      '/data/empty',
      '/data/file',
      '/data/link-to-a',
    ]);
    expect([...walk(fs, '/data/link-to-a')].map((e) => e.stat.type)).toEqual(['symlink']);
  });

  test('walking the root gives absolute paths', () => {
    const fs = new MemoryFs({ now: () => 0, root: [{ path: '/x/y', type: 'file' }] });
    expect([...walk(fs, '/')].map((e) => e.path)).toEqual(['/', '/x', '/x/y']);
  });

  test('a missing start fails with ENOENT', () => {
    const fs = new MemoryFs({ now: () => 0 });
    expect(code(() => [...walk(fs, '/nope')])).toBe('ENOENT');
  });
});

describe('copyTree', () => {
  test('copies a tree between filesystems keeping types, modes, owners, mtimes and synthetic files', () => {
    const src = new OverlayFs({ now: () => 0, lower: [Layer.fromEntries(fixture)] });
    const dst = new MemoryFs({ now: () => 99 });
    copyTree(src, '/', dst, '/');
    expect(listing(dst, '/')).toEqual(listing(src, '/'));
    expect(dst.readData('/bin/busybox')).toEqual({ kind: 'synthetic', size: 1_200_000, placeholder: '\x7fELF' });
    expect(dst.readlink('/usr/local/lib')).toBe('../../lib');
  });

  test('copies binary content unchanged', () => {
    const src = new MemoryFs({ now: () => 0 });
    src.writeData('/b', { kind: 'bytes', bytes: new Uint8Array([0xff, 0, 1]) });
    const dst = new MemoryFs({ now: () => 0 });
    copyTree(src, '/b', dst, '/c');
    expect(dst.readData('/c')).toEqual({ kind: 'bytes', bytes: new Uint8Array([0xff, 0, 1]) });
  });

  test('a directory copied onto an existing directory merges and takes the source metadata (volume copy-up)', () => {
    const image = new OverlayFs({
      now: () => 0,
      lower: [
        Layer.fromEntries([
          { path: '/var/lib/pg', type: 'dir', mode: 0o700, uid: 70, gid: 70, mtime: T0 },
          { path: '/var/lib/pg/PG_VERSION', type: 'file', content: '16\n', uid: 70, gid: 70, mtime: T0 },
        ]),
      ],
    });
    const volume = new MemoryFs({ now: () => 5 });
    copyTree(image, '/var/lib/pg', volume, '/');
    expect(volume.stat('/')).toMatchObject({ mode: 0o700, uid: 70, gid: 70, mtime: T0 });
    expect(volume.readFile('/PG_VERSION')).toBe('16\n');
    expect(volume.stat('/PG_VERSION')).toMatchObject({ uid: 70, gid: 70, mtime: T0 });
  });

  test('existing files and symlinks at the destination are replaced', () => {
    const src = new MemoryFs({ now: () => 0, root: fixture });
    const dst = new MemoryFs({
      now: () => 0,
      root: [
        { path: '/d/one', type: 'symlink', target: '/elsewhere' },
        { path: '/d/sub', type: 'dir' },
        { path: '/d/keep', type: 'file', content: 'kept' },
      ],
    });
    copyTree(src, '/data/a', dst, '/d');
    expect(dst.lstat('/d/one').type).toBe('file');
    expect(dst.readFile('/d/one')).toBe('1');
    expect(dst.readFile('/d/sub/two')).toBe('2');
    expect(dst.readFile('/d/keep')).toBe('kept');
  });

  test('a directory cannot replace a file, nor a file a directory', () => {
    const src = new MemoryFs({ now: () => 0, root: fixture });
    const dst = new MemoryFs({ now: () => 0, root: [{ path: '/f', type: 'file' }, { path: '/d', type: 'dir' }] });
    expect(code(() => copyTree(src, '/data/a', dst, '/f'))).toBe('ENOTDIR');
    expect(code(() => copyTree(src, '/data/file', dst, '/d'))).toBe('EISDIR');
  });

  test('the owner can be overridden', () => {
    const src = new MemoryFs({ now: () => 0, root: fixture });
    const dst = new MemoryFs({ now: () => 0 });
    copyTree(src, '/home/user', dst, '/u', { owner: { uid: 0, gid: 0 } });
    expect(dst.stat('/u')).toMatchObject({ uid: 0, gid: 0, mode: 0o700 });
    expect(dst.stat('/u/notes.txt')).toMatchObject({ uid: 0, gid: 0 });
  });

  test('copying a directory into itself fails with EINVAL', () => {
    const fs = new MemoryFs({ now: () => 0, root: fixture });
    expect(code(() => copyTree(fs, '/data', fs, '/data/a/copy'))).toBe('EINVAL');
    copyTree(fs, '/data/a', fs, '/data/a-copy');
    expect(fs.readFile('/data/a-copy/sub/two')).toBe('2');
  });

  test('copies into a container record as additions', () => {
    const c = clock();
    const ctx = new MemoryFs({ now: c.now, root: [{ path: '/app/index.js', type: 'file', content: 'x', mtime: T0 }] });
    const ctr = new OverlayFs({ now: c.now, lower: [Layer.fromEntries(fixture)] });
    copyTree(ctx, '/app', ctr, '/srv');
    expect(ctr.diff()).toEqual([
      { Path: '/srv', Kind: 1 },
      { Path: '/srv/index.js', Kind: 1 },
    ]);
  });
});
