import { describe, expect, test } from 'vitest';
import { type Change, Layer, type LayerEntry, MemoryFs, OverlayFs, walk } from '../../src/vfs';
import { T0, clock, code, fixture, posixSuite } from './posix-suite';

posixSuite('OverlayFs over one layer', (entries, c) => new OverlayFs({ now: c.now, lower: [Layer.fromEntries(entries)] }));

posixSuite('OverlayFs over layers that override each other', (entries, c) => {
  const base: LayerEntry[] = entries.map((e) => (e.path === '/data/file' ? { ...e, content: 'old content' } : e));
  base.push(
    { path: '/data/zzz', type: 'file', content: 'deleted later' },
    { path: '/data/a/old', type: 'dir' },
    { path: '/data/a/old/x', type: 'file', content: 'x' },
    { path: '/tmp/stale', type: 'file', content: '' },
  );
  const top: LayerEntry[] = [
    { path: '/data/file', type: 'file', content: 'f', mtime: T0 },
    { path: '/data/.wh.zzz', type: 'file' },
    { path: '/data/a/old', type: 'whiteout' },
    { path: '/tmp/.wh.stale', type: 'file' },
  ];
  return new OverlayFs({ now: c.now, lower: [Layer.fromEntries(base), Layer.fromEntries(top)] });
});

function snapshot(fs: OverlayFs | MemoryFs, path = '/'): string[] {
  return [...walk(fs, path)].map(({ path: p, stat }) => {
    const what = stat.type === 'file' ? fs.readFile(p) : stat.type === 'symlink' ? fs.readlink(p) : '';
    return `${p} ${stat.type} ${stat.mode.toString(8)} ${stat.uid}:${stat.gid} ${stat.size} ${what}`;
  });
}

const image = () => Layer.fromEntries(fixture);

describe('OverlayFs: layers', () => {
  test('writes never reach the lower layers; other containers over the same image see the original', () => {
    const img = image();
    const before = img.entries();
    const a = new OverlayFs({ now: () => T0 + 1, lower: [img] });
    const b = new OverlayFs({ now: () => T0 + 1, lower: [img] });
    a.writeFile('/etc/passwd', 'changed');
    a.chmod('/etc/shadow', 0o600);
    a.rm('/data', { recursive: true });
    a.rename('/lib', '/lib2');
    a.writeFile('/bin/busybox', 'x', { append: true });
    expect(b.readFile('/etc/passwd')).toContain('root:x');
    expect(b.stat('/etc/shadow').mode).toBe(0o640);
    expect(b.readdir('/data')).toEqual(['a', 'empty', 'file', 'link-to-a']);
    expect(b.stat('/bin/busybox').size).toBe(1_200_000);
    expect(img.entries()).toEqual(before);
  });

  test('upper layers win; whiteouts hide lower entries; opaque directories hide lower content', () => {
    const l1 = Layer.fromEntries([
      { path: '/a/keep', type: 'file', content: 'keep' },
      { path: '/a/over', type: 'file', content: 'low' },
      { path: '/a/gone', type: 'file', content: 'gone' },
      { path: '/o/hidden', type: 'file', content: 'h' },
      { path: '/f', type: 'file', content: 'file in l1' },
    ]);
    const l2 = Layer.fromEntries([
      { path: '/a/over', type: 'file', content: 'high' },
      { path: '/a/.wh.gone', type: 'file' },
      { path: '/a/new', type: 'file', content: 'new' },
      { path: '/o', type: 'dir', opaque: true },
      { path: '/o/shown', type: 'file', content: 's' },
      { path: '/f', type: 'dir' },
      { path: '/f/inside', type: 'file', content: 'i' },
    ]);
    const fs = new OverlayFs({ now: () => 0, lower: [l1, l2] });
    expect(fs.readdir('/a')).toEqual(['keep', 'new', 'over']);
    expect(fs.readFile('/a/over')).toBe('high');
    expect(code(() => fs.stat('/a/gone'))).toBe('ENOENT');
    expect(fs.readdir('/o')).toEqual(['shown']);
    expect(fs.readdir('/f')).toEqual(['inside']);
  });

  test('a dir in a higher layer does not merge with a same-named dir deleted in between', () => {
    const l1 = Layer.fromEntries([{ path: '/d/old', type: 'file', content: '' }]);
    const l2 = Layer.fromEntries([{ path: '/d', type: 'whiteout' }]);
    const l3 = Layer.fromEntries([{ path: '/d/new', type: 'file', content: '' }]);
    const fs = new OverlayFs({ now: () => 0, lower: [l1, l2, l3] });
    expect(fs.readdir('/d')).toEqual(['new']);
  });

  test("a layer's implicit parent directories keep the lower directory's metadata", () => {
    const l1 = Layer.fromEntries([{ path: '/srv', type: 'dir', mode: 0o700, uid: 33, gid: 33, mtime: T0 }]);
    const l2 = Layer.fromEntries([{ path: '/srv/www/index.html', type: 'file', content: 'hi' }]);
    const fs = new OverlayFs({ now: () => 0, lower: [l1, l2] });
    expect(fs.stat('/srv')).toMatchObject({ mode: 0o700, uid: 33, gid: 33, mtime: T0 });
    expect(fs.stat('/srv/www')).toMatchObject({ mode: 0o755, uid: 0 });
  });

  test('creating a thousand containers over a large image is cheap', () => {
    const entries: LayerEntry[] = [];
    for (let d = 0; d < 100; d++) for (let f = 0; f < 500; f++) entries.push({ path: `/d${d}/f${f}`, type: 'file', content: 'x' });
    const img = Layer.fromEntries(entries);
    const start = performance.now();
    const containers: OverlayFs[] = [];
    for (let i = 0; i < 1000; i++) {
      const fs = new OverlayFs({ now: () => 0, lower: [img] });
      fs.writeFile(`/d${i % 100}/f0`, `container ${i}`);
      containers.push(fs);
    }
    const elapsed = performance.now() - start;
    // Copying the image's 50,000 files per container would take far longer than this.
    expect(elapsed).toBeLessThan(2000);
    expect(containers[7]!.readFile('/d7/f0')).toBe('container 7');
    expect(containers[8]!.readFile('/d7/f0')).toBe('x');
    expect(containers[8]!.readdir('/d99')).toHaveLength(500);
  });
});

describe('OverlayFs: copy-up, whiteouts, opaque directories', () => {
  test('modifying a lower file copies it up with its metadata', () => {
    const c = clock();
    const fs = new OverlayFs({ now: c.now, lower: [image()] });
    fs.chmod('/etc/shadow', 0o600);
    expect(fs.stat('/etc/shadow')).toMatchObject({ mode: 0o600, gid: 42, mtime: T0, size: 15 });
    expect(fs.readFile('/etc/shadow')).toBe('root:*::0:::::\n');
    expect(fs.commitLayer().entries().map((e) => e.path)).toEqual(['/etc', '/etc/shadow']);
  });

  test('deleting a lower file leaves a whiteout', () => {
    const c = clock();
    const fs = new OverlayFs({ now: c.now, lower: [image()] });
    fs.rm('/etc/passwd');
    expect(fs.readdir('/etc')).toEqual(['shadow']);
    const layer = fs.commitLayer();
    expect(layer.entries()).toContainEqual({ path: '/etc/passwd', type: 'whiteout', mtime: c.t });
    const next = new OverlayFs({ now: c.now, lower: [image(), layer] });
    expect(next.exists('/etc/passwd')).toBe(false);
  });

  test('deleting a file created in the container leaves no trace of it', () => {
    const fs = new OverlayFs({ now: () => 0, lower: [image()] });
    fs.writeFile('/tmp/x', 'x');
    fs.rm('/tmp/x');
    expect(fs.commitLayer().entries().map((e) => e.path)).toEqual(['/tmp']);
  });

  test('rmdir then mkdir gives an opaque directory', () => {
    const fs = new OverlayFs({ now: () => 5, lower: [image()] });
    fs.rm('/data/a', { recursive: true });
    fs.mkdir('/data/a');
    expect(fs.readdir('/data/a')).toEqual([]);
    fs.writeFile('/data/a/fresh', '');
    expect(fs.readdir('/data/a')).toEqual(['fresh']);
    const entries = fs.commitLayer().entries();
    expect(entries).toContainEqual(expect.objectContaining({ path: '/data/a', type: 'dir', opaque: true }));
    const next = new OverlayFs({ now: () => 0, lower: [image(), fs.commitLayer()] });
    expect(next.readdir('/data/a')).toEqual(['fresh']);
  });

  test('a file written where a lower directory was deleted', () => {
    const fs = new OverlayFs({ now: () => 5, lower: [image()] });
    fs.rm('/data/a', { recursive: true });
    fs.writeFile('/data/a', 'now a file');
    expect(fs.readFile('/data/a')).toBe('now a file');
    expect(code(() => fs.readdir('/data/a'))).toBe('ENOTDIR');
    fs.rm('/data/a');
    fs.mkdir('/data/a');
    expect(fs.readdir('/data/a')).toEqual([]);
  });

  test('renaming a lower directory moves its merged content and hides the old path', () => {
    const fs = new OverlayFs({ now: () => 5, lower: [image()] });
    fs.writeFile('/data/a/added', 'added');
    fs.rename('/data/a', '/data/b');
    expect(fs.readdir('/data/b')).toEqual(['added', 'one', 'sub']);
    expect(fs.readFile('/data/b/sub/two')).toBe('2');
    expect(fs.exists('/data/a')).toBe(false);
    // and onto an empty lower directory: the lower content of the destination stays hidden
    fs.rename('/data/b', '/data/empty');
    expect(fs.readdir('/data/empty')).toEqual(['added', 'one', 'sub']);
    const next = new OverlayFs({ now: () => 0, lower: [image(), fs.commitLayer()] });
    expect(snapshot(next, '/data')).toEqual(snapshot(fs, '/data'));
  });

  test('a committed layer over the image reproduces the container exactly', () => {
    const c = clock();
    const fs = new OverlayFs({ now: c.now, lower: [image()] });
    fs.writeFile('/etc/hosts', '127.0.0.1 localhost\n');
    c.t += 1000;
    fs.rm('/bin/sh');
    fs.symlink('/bin/busybox', '/bin/ash');
    fs.rm('/data/a/sub', { recursive: true });
    fs.mkdir('/data/a/sub');
    fs.writeFile('/data/a/sub/three', '3');
    fs.chown('/home/user/notes.txt', 0, 0);
    fs.writeData('/usr/bin/big', { kind: 'synthetic', size: 10_000_000, placeholder: 'BIG' });
    fs.rename('/lib', '/lib64');
    const next = new OverlayFs({ now: c.now, lower: [image(), fs.commitLayer()] });
    expect(snapshot(next)).toEqual(snapshot(fs));
  });

  test('commitLayer is a snapshot: later writes do not change it', () => {
    const fs = new OverlayFs({ now: () => 1, lower: [image()] });
    fs.writeFile('/x', '1');
    const layer = fs.commitLayer();
    fs.writeFile('/x', '2');
    fs.rm('/etc', { recursive: true });
    expect(layer.entries()).toEqual([{ path: '/x', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1, content: '1' }]);
  });

  test('over no layers it behaves like an empty filesystem', () => {
    const fs = new OverlayFs({ now: () => 1, lower: [] });
    expect(fs.readdir('/')).toEqual([]);
    fs.mkdir('/a');
    fs.rm('/a', { recursive: true });
    expect(fs.commitLayer().entries()).toEqual([]);
  });
});

describe('OverlayFs: diff (GET /containers/{id}/changes)', () => {
  const C = (Path: string): Change => ({ Path, Kind: 0 });
  const A = (Path: string): Change => ({ Path, Kind: 1 });
  const D = (Path: string): Change => ({ Path, Kind: 2 });
  const container = () => {
    const c = clock();
    return { c, fs: new OverlayFs({ now: c.now, lower: [image()] }) };
  };

  test('nothing changed, nothing reported (even after a copy-up that changed nothing)', () => {
    const { fs } = container();
    expect(fs.diff()).toEqual([]);
    fs.chown('/etc/passwd', 0, 0);
    fs.chmod('/data', 0o755);
    expect(fs.diff()).toEqual([]);
  });

  test('an added file, with its parent directory reported modified', () => {
    const { fs } = container();
    fs.writeFile('/etc/hosts', '');
    expect(fs.diff()).toEqual([C('/etc'), A('/etc/hosts')]);
  });

  test('a file added at the root reports no parent', () => {
    const { fs } = container();
    fs.writeFile('/new', '');
    expect(fs.diff()).toEqual([A('/new')]);
  });

  test('modified content, mode, owner and mtime', () => {
    const { c, fs } = container();
    fs.writeFile('/etc/passwd', 'other');
    fs.chmod('/etc/shadow', 0o600);
    fs.chown('/lib/libc.so', 1, 1);
    c.t += 1000;
    fs.utimes('/data/file');
    expect(fs.diff()).toEqual([C('/data'), C('/data/file'), C('/etc'), C('/etc/passwd'), C('/etc/shadow'), C('/lib'), C('/lib/libc.so')]);
  });

  test('deep changes report every ancestor directory', () => {
    const { fs } = container();
    fs.writeFile('/data/a/sub/two', 'deux');
    expect(fs.diff()).toEqual([C('/data'), C('/data/a'), C('/data/a/sub'), C('/data/a/sub/two')]);
  });

  test('a deleted directory is reported alone', () => {
    const { fs } = container();
    fs.rm('/data/a', { recursive: true });
    fs.rm('/lib/libc.so');
    expect(fs.diff()).toEqual([C('/data'), D('/data/a'), C('/lib'), D('/lib/libc.so')]);
  });

  test('everything in an added directory is reported added', () => {
    const { fs } = container();
    fs.mkdir('/opt/app/bin', { recursive: true });
    fs.writeFile('/opt/app/bin/run', '');
    fs.symlink('bin/run', '/opt/app/run');
    expect(fs.diff()).toEqual([A('/opt'), A('/opt/app'), A('/opt/app/bin'), A('/opt/app/bin/run'), A('/opt/app/run')]);
  });

  test('a directory removed and recreated: old entries deleted, new ones added', () => {
    const { fs } = container();
    fs.rm('/data/a', { recursive: true });
    fs.mkdir('/data/a');
    fs.writeFile('/data/a/one', '1');
    fs.writeFile('/data/a/fresh', '');
    // /data/a/one: same size and mode but a new mtime, so modified
    expect(fs.diff()).toEqual([C('/data'), C('/data/a'), A('/data/a/fresh'), C('/data/a/one'), D('/data/a/sub')]);
  });

  test('a recreated directory with a different mode is reported modified itself', () => {
    const { fs } = container();
    fs.rm('/data/empty', { recursive: true });
    fs.mkdir('/data/empty', { mode: 0o700 });
    expect(fs.diff()).toEqual([C('/data'), C('/data/empty')]);
  });

  test('a file replaced by a directory, and a directory replaced by a file', () => {
    const { fs } = container();
    fs.rm('/data/file');
    fs.mkdir('/data/file');
    fs.writeFile('/data/file/inner', '');
    fs.rm('/data/a', { recursive: true });
    fs.writeFile('/data/a', 'file now');
    expect(fs.diff()).toEqual([C('/data'), C('/data/a'), C('/data/file'), A('/data/file/inner')]);
  });

  test('a rename is a deletion and an addition', () => {
    const { fs } = container();
    fs.rename('/etc/passwd', '/etc/passwd-');
    expect(fs.diff()).toEqual([C('/etc'), D('/etc/passwd'), A('/etc/passwd-')]);
  });

  test('sorted by path, byte-wise', () => {
    const { fs } = container();
    fs.writeFile('/data-b', '');
    fs.writeFile('/data/z', '');
    fs.writeFile('/data.x', '');
    expect(fs.diff().map((c) => c.Path)).toEqual(['/data', '/data-b', '/data.x', '/data/z']);
  });

  test('changes to a symlink', () => {
    const { fs } = container();
    fs.rm('/bin/sh');
    fs.symlink('/bin/busybox', '/bin/sh');
    expect(fs.diff()).toEqual([C('/bin'), C('/bin/sh')]);
  });

  test('adding then deleting a file leaves only its parent (overlay keeps the copied-up directory)', () => {
    const { c, fs } = container();
    c.t += 1000;
    fs.writeFile('/etc/tmp', '');
    fs.rm('/etc/tmp');
    expect(fs.diff()).toEqual([]);
  });

  test('sizeRw counts added and modified files and symlinks', () => {
    const { fs } = container();
    fs.writeFile('/etc/hosts', '12345');
    fs.writeFile('/etc/passwd', 'ab');
    fs.symlink('abc', '/l');
    fs.rm('/lib', { recursive: true });
    fs.writeData('/big', { kind: 'synthetic', size: 1_000_000, placeholder: '' });
    expect(fs.sizeRw()).toBe(5 + 2 + 3 + 1_000_000);
  });
});
