import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  EMPTY_LAYER_DIFF_ID,
  Layer,
  type LayerEntry,
  OverlayFs,
  chainId,
  chainIds,
  diffId,
  layerSize,
  layerTar,
  parseTar,
  sha256Digest,
  size,
} from '../../src/vfs';
import { T0, fixture } from './posix-suite';

const nodeSha = (b: Uint8Array) => 'sha256:' + createHash('sha256').update(b).digest('hex');

const base: LayerEntry[] = [
  { path: '/etc', type: 'dir', mtime: T0 },
  { path: '/etc/os-release', type: 'file', content: 'NAME="Alpine Linux"\n', mtime: T0 },
  { path: '/bin/busybox', type: 'file', size: 800_000, content: '\x7fELF', mode: 0o755, mtime: T0 },
  { path: '/bin/sh', type: 'symlink', target: '/bin/busybox', mtime: T0 },
  { path: '/var/cache', type: 'whiteout', mtime: T0 },
  { path: '/tmp', type: 'dir', mode: 0o1777, opaque: true, mtime: T0 },
];

describe('diffId', () => {
  test('of an empty layer is the well-known empty tar digest', () => {
    expect(diffId(Layer.empty)).toBe(EMPTY_LAYER_DIFF_ID);
    expect(diffId(Layer.fromEntries([]))).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });

  test('is the sha256 of the layer tar, synthetic files streamed at their declared size', () => {
    const layer = Layer.fromEntries(base);
    const tar = layerTar(layer);
    expect(diffId(layer)).toBe(nodeSha(tar));
    const busybox = parseTar(tar).find((e) => e.name === 'bin/busybox')!;
    expect(busybox.size).toBe(800_000);
    expect(new TextDecoder().decode(busybox.content!.subarray(0, 4))).toBe('\x7fELF');
    expect(busybox.content!.subarray(4).every((b) => b === 0)).toBe(true);
  });

  test('the same entries give the same digest, in any order', () => {
    const a = diffId(Layer.fromEntries(base));
    const b = diffId(Layer.fromEntries([...base].reverse()));
    expect(b).toBe(a);
    expect(diffId(Layer.fromEntries(fixture))).toBe(diffId(Layer.fromEntries([...fixture].reverse())));
  });

  const variations: [string, (e: LayerEntry[]) => LayerEntry[]][] = [
    ['content', (e) => e.map((x) => (x.path === '/etc/os-release' ? { ...x, content: 'NAME="Alpine"\n' } : x))],
    ['mode', (e) => e.map((x) => (x.path === '/etc/os-release' ? { ...x, mode: 0o600 } : x))],
    ['name', (e) => e.map((x) => (x.path === '/etc/os-release' ? { ...x, path: '/etc/os-releasf' } : x))],
    ['uid', (e) => e.map((x) => (x.path === '/etc' ? { ...x, uid: 1 } : x))],
    ['gid', (e) => e.map((x) => (x.path === '/bin/sh' ? { ...x, gid: 1 } : x))],
    ['mtime (a whole second)', (e) => e.map((x) => (x.path === '/etc' ? { ...x, mtime: T0 + 1000 } : x))],
    ['symlink target', (e) => e.map((x) => (x.path === '/bin/sh' ? { ...x, target: 'busybox' } : x))],
    ['type', (e) => e.map((x) => (x.path === '/bin/sh' ? { path: '/bin/sh', type: 'file', content: '/bin/busybox', mtime: T0 } : x))],
    ['a whiteout removed', (e) => e.filter((x) => x.type !== 'whiteout')],
    ['a whiteout added', (e) => [...e, { path: '/etc/motd', type: 'whiteout', mtime: T0 }]],
    ['the opaque flag', (e) => e.map((x) => (x.path === '/tmp' ? { ...x, opaque: false } : x))],
    ['a synthetic size', (e) => e.map((x) => (x.path === '/bin/busybox' ? { ...x, size: 800_001 } : x))],
    ['a synthetic placeholder', (e) => e.map((x) => (x.path === '/bin/busybox' ? { ...x, content: '\x7fELG' } : x))],
    ['an added empty directory', (e) => [...e, { path: '/opt', type: 'dir', mtime: T0 }]],
  ];
  for (const [what, change] of variations) {
    test(`changes with ${what}`, () => {
      expect(diffId(Layer.fromEntries(change(base)))).not.toBe(diffId(Layer.fromEntries(base)));
    });
  }

  test('does not change with sub-second mtimes (tar holds whole seconds)', () => {
    const moved = base.map((x) => (x.path === '/etc' ? { ...x, mtime: T0 + 999 } : x));
    expect(diffId(Layer.fromEntries(moved))).toBe(diffId(Layer.fromEntries(base)));
  });

  test('a container committed twice the same way gives the same layer digest', () => {
    const run = () => {
      const t = { now: T0 + 5000 };
      const fs = new OverlayFs({ now: () => t.now, lower: [Layer.fromEntries(fixture)] });
      fs.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
      fs.rm('/data/a', { recursive: true });
      fs.mkdir('/tmp/cache');
      fs.writeData('/usr/bin/app', { kind: 'synthetic', size: 2_000_000, placeholder: 'APP' });
      return diffId(fs.commitLayer());
    };
    expect(run()).toBe(run());
  });
});

describe('the layer tar', () => {
  test('holds whiteouts as .wh. files, opaque directories as .wh..wh..opq, in canonical order, without implicit parents', () => {
    const layer = Layer.fromEntries([
      ...base,
      { path: '/etc/apk/world', type: 'file', content: 'busybox\n', mtime: T0 },
      { path: '/etc/.wh.motd', type: 'file' },
    ]);
    const entries = parseTar(layerTar(layer));
    expect(entries.map((e) => `${e.type} ${e.name} ${e.mode.toString(8)} ${e.size}`)).toEqual([
      'file bin/busybox 755 800000',
      'symlink bin/sh 777 0',
      'dir etc/ 755 0',
      'file etc/.wh.motd 600 0',
      'file etc/apk/world 644 8',
      'file etc/os-release 644 20',
      'dir tmp/ 1777 0',
      'file tmp/.wh..wh..opq 777 0',
      'file var/.wh.cache 600 0',
    ]);
  });

  test('the system tar reads it', () => {
    const dir = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'vfs-layer-'));
    try {
      nodeFs.writeFileSync(nodePath.join(dir, 'layer.tar'), layerTar(Layer.fromEntries(base)));
      const listing = execFileSync('tar', ['--numeric-owner', '-tvf', 'layer.tar'], { cwd: dir, encoding: 'utf8' });
      const lines = listing.trim().split('\n');
      expect(lines).toHaveLength(7);
      expect(lines[0]).toMatch(/^-rwxr-xr-x 0\/0 +800000 2020-09-13 \d\d:\d\d bin\/busybox$/);
      expect(lines[1]).toMatch(/^lrwxrwxrwx 0\/0 +0 .* bin\/sh -> \/bin\/busybox$/);
      expect(lines[6]).toMatch(/^-rw------- 0\/0 +0 .* var\/\.wh\.cache$/);
    } finally {
      nodeFs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layerSize', () => {
  test('counts files (declared sizes) and symlink targets, not directories or whiteouts', () => {
    expect(layerSize(Layer.fromEntries(base))).toBe(20 + 800_000 + '/bin/busybox'.length);
    expect(size(Layer.empty)).toBe(0);
  });
});

describe('chain IDs', () => {
  test('the first is the DiffID, then sha256 of "<parent> <diffid>"', () => {
    const a = diffId(Layer.fromEntries(base));
    const b = EMPTY_LAYER_DIFF_ID;
    expect(chainId([a])).toBe(a);
    const ab = nodeSha(new TextEncoder().encode(`${a} ${b}`));
    expect(chainId([a, b])).toBe(ab);
    expect(chainIds([a, b, a])).toEqual([a, ab, nodeSha(new TextEncoder().encode(`${ab} ${a}`))]);
    expect(() => chainId([])).toThrow();
  });

  test('sha256Digest of bytes and strings', () => {
    expect(sha256Digest('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Digest(new Uint8Array([1, 2]))).toBe(nodeSha(new Uint8Array([1, 2])));
  });
});
