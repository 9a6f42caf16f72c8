import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type FileSystem,
  Layer,
  MemoryFs,
  OverlayFs,
  diffId,
  extractTar,
  fsToTar,
  fsToTarEntries,
  layerFromTar,
  layerTar,
  parseTar,
  walk,
  writeTar,
} from '../../src/vfs';
import { T0, fixture } from './posix-suite';

function listing(fs: FileSystem, path: string): string[] {
  return [...walk(fs, path)].map(({ path: p, stat }) => {
    const what = stat.type === 'file' ? fs.readFile(p) : stat.type === 'symlink' ? fs.readlink(p) : '';
    return `${p.slice(path.length)} ${stat.type} ${stat.mode.toString(8)} ${stat.uid}:${stat.gid} ${stat.size} ${stat.mtime} ${what}`;
  });
}

describe('fsToTar', () => {
  test('packs a path under its base name, like docker cp / GET .../archive', () => {
    const fs = new MemoryFs({ now: () => 0, root: fixture });
    const names = fsToTarEntries(fs, '/data').map((e) => e.name);
    expect(names).toEqual(['data/', 'data/a/', 'data/a/one', 'data/a/sub/', 'data/a/sub/two', 'data/empty/', 'data/file', 'data/link-to-a']);
    expect(fsToTarEntries(fs, '/data/file').map((e) => e.name)).toEqual(['file']);
  });

  test("with name '' packs only what is below the path (a build context)", () => {
    const fs = new MemoryFs({ now: () => 0, root: fixture });
    expect(fsToTarEntries(fs, '/data/a', { name: '' }).map((e) => e.name)).toEqual(['one', 'sub/', 'sub/two']);
    expect(fsToTarEntries(fs, '/data/a', { name: 'app' }).map((e) => e.name)).toEqual(['app/', 'app/one', 'app/sub/', 'app/sub/two']);
  });

  test('extracting what was packed reproduces the tree', () => {
    const src = new OverlayFs({ now: () => 0, lower: [Layer.fromEntries(fixture)] });
    const dst = new MemoryFs({ now: () => 123 });
    extractTar(dst, '/', parseTar(fsToTar(src, '/', { name: '' })));
    expect(listing(dst, '/').slice(1)).toEqual(listing(src, '/').slice(1));
    // a synthetic file's bytes (placeholder, zero filler) come back as a synthetic file
    expect(dst.readData('/bin/busybox')).toEqual({ kind: 'synthetic', size: 1_200_000, placeholder: '\x7fELF' });
  });

  test('synthetic files are packed at their declared size', () => {
    const fs = new MemoryFs({ now: () => 0 });
    fs.writeData('/big', { kind: 'synthetic', size: 100_000, placeholder: 'HEAD' });
    const [e] = parseTar(fsToTar(fs, '/big'));
    expect(e!.size).toBe(100_000);
    expect(new TextDecoder().decode(e!.content!.subarray(0, 4))).toBe('HEAD');
  });
});

const now = () => T0 + 99_000;

describe('extractTar', () => {
  test('creates missing parents and sets modes, owners and mtimes (directories last)', () => {
    const fs = new MemoryFs({ now });
    fs.mkdir('/dest');
    extractTar(
      fs,
      '/dest',
      parseTar(
        writeTar([
          { name: 'a/b/', type: 'dir', mode: 0o700, uid: 5, gid: 6, mtime: T0 },
          { name: 'a/b/c', type: 'file', content: 'c', mode: 0o600, uid: 5, gid: 6, mtime: T0 },
          { name: 'x/y/z', type: 'file', content: 'z' },
          { name: 'a/l', type: 'symlink', linkname: 'b/c', uid: 5, mtime: T0 },
        ]),
      ),
    );
    expect(fs.stat('/dest/a/b')).toMatchObject({ mode: 0o700, uid: 5, gid: 6, mtime: T0 });
    expect(fs.stat('/dest/a/b/c')).toMatchObject({ mode: 0o600, uid: 5, mtime: T0 });
    expect(fs.readFile('/dest/x/y/z')).toBe('z');
    expect(fs.lstat('/dest/a/l')).toMatchObject({ type: 'symlink', uid: 5, mtime: T0 });
    expect(fs.readFile('/dest/a/l')).toBe('c');
  });

  test('replaces existing entries unless both are directories', () => {
    const fs = new MemoryFs({
      now,
      root: [
        { path: '/d/was-dir/inner', type: 'file' },
        { path: '/d/was-file', type: 'file', content: 'old' },
        { path: '/d/keep/old', type: 'file', content: 'old' },
        { path: '/d/link', type: 'symlink', target: '/elsewhere' },
      ],
    });
    extractTar(
      fs,
      '/d',
      parseTar(
        writeTar([
          { name: 'was-dir', type: 'file', content: 'now a file' },
          { name: 'was-file/', type: 'dir' },
          { name: 'keep/', type: 'dir' },
          { name: 'keep/new', type: 'file', content: 'new' },
          { name: 'link', type: 'file', content: 'replaced the link' },
        ]),
      ),
    );
    expect(fs.readFile('/d/was-dir')).toBe('now a file');
    expect(fs.stat('/d/was-file').type).toBe('dir');
    expect(fs.readdir('/d/keep')).toEqual(['new', 'old']);
    expect(fs.lstat('/d/link').type).toBe('file');
  });

  test('hard links get the content of their target; devices are skipped', () => {
    const fs = new MemoryFs({ now });
    extractTar(
      fs,
      '/',
      parseTar(
        writeTar([
          { name: 'bin/busybox', type: 'file', content: 'BB', mode: 0o755 },
          { name: 'bin/ls', type: 'hardlink', linkname: 'bin/busybox', mode: 0o755 },
          { name: 'dev/null', type: 'char', devmajor: 1, devminor: 3 },
        ]),
      ),
    );
    expect(fs.readFile('/bin/ls')).toBe('BB');
    expect(fs.stat('/bin/ls').mode).toBe(0o755);
    expect(fs.exists('/dev/null')).toBe(false);
  });

  test('content ending in a long zero run is kept as a synthetic file, byte for byte', () => {
    const big = new Uint8Array(10_000);
    big.set(new TextEncoder().encode('HEAD'));
    const small = new Uint8Array([65, 0, 0]);
    const binary = new Uint8Array(10_000);
    binary[0] = 0xff;
    const fs = new MemoryFs({ now });
    const entries = [
      { name: 'big', type: 'file' as const, content: big },
      { name: 'small', type: 'file' as const, content: small },
      { name: 'binary', type: 'file' as const, content: binary },
    ];
    extractTar(fs, '/', parseTar(writeTar(entries)));
    expect(fs.readData('/big')).toEqual({ kind: 'synthetic', size: 10_000, placeholder: 'HEAD' });
    expect(fs.readData('/small')).toEqual({ kind: 'text', text: 'A\0\0' });
    expect(fs.readData('/binary').kind).toBe('bytes');
    const again = parseTar(fsToTar(fs, '/', { name: '' }));
    expect(again.map((e) => e.content)).toEqual([big, binary, small]);
  });

  test('names cannot climb out of the destination', () => {
    const fs = new MemoryFs({ now });
    fs.mkdir('/dest');
    extractTar(fs, '/dest', parseTar(writeTar([{ name: '../../escape', type: 'file', content: 'x' }])));
    expect(fs.readdir('/')).toEqual(['dest']);
    expect(fs.readFile('/dest/escape')).toBe('x');
  });

  test('an owner can be imposed (docker cp without -a)', () => {
    const fs = new MemoryFs({ now });
    extractTar(fs, '/', parseTar(writeTar([{ name: 'f', type: 'file', content: '', uid: 1000, gid: 1000 }])), {
      owner: { uid: 0, gid: 0 },
    });
    expect(fs.stat('/f')).toMatchObject({ uid: 0, gid: 0 });
  });

  test('a build context made by the system tar extracts into a MemoryFs', () => {
    const dir = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'vfs-ctx-'));
    try {
      nodeFs.mkdirSync(nodePath.join(dir, 'src'));
      nodeFs.writeFileSync(nodePath.join(dir, 'Dockerfile'), 'FROM alpine\nCOPY src /app\n');
      nodeFs.writeFileSync(nodePath.join(dir, 'src', 'main.py'), 'print("hi")\n');
      nodeFs.writeFileSync(nodePath.join(dir, 'src', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
      const bytes = execFileSync('tar', ['-C', dir, '-cf', '-', '.']);
      const fs = new MemoryFs({ now });
      fs.mkdir('/ctx');
      extractTar(fs, '/ctx', parseTar(new Uint8Array(bytes)));
      expect(fs.readdir('/ctx')).toEqual(['Dockerfile', 'src']);
      expect(fs.readFile('/ctx/Dockerfile')).toBe('FROM alpine\nCOPY src /app\n');
      expect(fs.readFile('/ctx/src/main.py')).toBe('print("hi")\n');
      expect(fs.readData('/ctx/src/logo.png')).toEqual({ kind: 'bytes', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]) });
    } finally {
      nodeFs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layerFromTar', () => {
  test('reads back a layer tar: same entries, same DiffID', () => {
    const layer = Layer.fromEntries([
      ...fixture,
      { path: '/etc/.wh.motd', type: 'file', mtime: T0 },
      { path: '/tmp/.wh..wh..opq', type: 'file' },
      { path: '/bin/data', type: 'file', content: new Uint8Array([0, 0xff]), mtime: T0 },
    ]);
    const back = layerFromTar(layerTar(layer));
    expect(diffId(back)).toBe(diffId(layer));
    expect(back.entries()).toEqual(layer.entries());
  });

  test('whiteouts and opaque markers from a tar made elsewhere', () => {
    const dir = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'vfs-wh-'));
    try {
      nodeFs.mkdirSync(nodePath.join(dir, 'etc'));
      nodeFs.mkdirSync(nodePath.join(dir, 'var/cache'), { recursive: true });
      nodeFs.writeFileSync(nodePath.join(dir, 'etc', '.wh.motd'), '');
      nodeFs.writeFileSync(nodePath.join(dir, 'var/cache', '.wh..wh..opq'), '');
      nodeFs.writeFileSync(nodePath.join(dir, 'var/cache', 'fresh'), 'f');
      const bytes = execFileSync('tar', ['-C', dir, '-cf', '-', 'etc', 'var']);
      const layer = layerFromTar(new Uint8Array(bytes));
      const lower = Layer.fromEntries([
        { path: '/etc/motd', type: 'file', content: 'welcome' },
        { path: '/etc/hostname', type: 'file', content: 'h' },
        { path: '/var/cache/old', type: 'file', content: 'o' },
      ]);
      const fs = new OverlayFs({ now, lower: [lower, layer] });
      expect(fs.readdir('/etc')).toEqual(['hostname']);
      expect(fs.readdir('/var/cache')).toEqual(['fresh']);
    } finally {
      nodeFs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
