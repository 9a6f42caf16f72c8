import { describe, expect, test } from 'vitest';
import { Layer, MemoryFs, MountFs, OverlayFs } from '../../src/vfs';
import { T0, clock, code, fixture, posixSuite } from './posix-suite';

posixSuite('MountFs over a root only', (entries, c) => new MountFs(new MemoryFs({ now: c.now, root: entries })));

posixSuite('MountFs with the content on mounts', (entries, c) => {
  // /data and /home come from separate filesystems mounted over an overlay root.
  const under = (prefix: string) =>
    entries.filter((e) => e.path.startsWith(prefix + '/')).map((e) => ({ ...e, path: e.path.slice(prefix.length) }));
  const rootEntries = entries.filter((e) => !e.path.startsWith('/data') && !e.path.startsWith('/home/'));
  const root = new OverlayFs({ now: c.now, lower: [Layer.fromEntries(rootEntries)] });
  const data = new MemoryFs({ now: c.now, root: [{ path: '/', type: 'dir', mtime: T0 }, ...under('/data')] });
  const home = new MemoryFs({ now: c.now, root: [{ path: '/', type: 'dir', mtime: T0 }, ...under('/home')] });
  const fs = new MountFs(root, [
    { path: '/home', fs: home },
    { path: '/data', fs: data },
  ]);
  return fs;
});

function setup() {
  const c = clock();
  const root = new OverlayFs({ now: c.now, lower: [Layer.fromEntries(fixture)] });
  const volume = new MemoryFs({ now: c.now });
  volume.writeFile('/in-volume', 'v');
  const host = new MemoryFs({
    now: c.now,
    root: [
      { path: '/home/me/app/src/main.js', type: 'file', content: 'main' },
      { path: '/home/me/app/abs-link', type: 'symlink', target: '/etc/passwd' },
      { path: '/home/me/config.json', type: 'file', content: '{}' },
    ],
  });
  const fs = new MountFs(root, [
    { path: '/srv/app', fs: host, source: '/home/me/app' },
    { path: '/vol', fs: volume },
    { path: '/etc/config.json', fs: host, source: '/home/me/config.json', readOnly: true },
  ]);
  return { c, root, volume, host, fs };
}

describe('MountFs', () => {
  test('paths under a mount point go to the mounted filesystem', () => {
    const { fs, volume, host } = setup();
    expect(fs.readFile('/vol/in-volume')).toBe('v');
    fs.writeFile('/vol/new', 'n');
    expect(volume.readFile('/new')).toBe('n');
    fs.writeFile('/srv/app/src/added.js', 'a');
    expect(host.readFile('/home/me/app/src/added.js')).toBe('a');
    expect(fs.readdir('/srv/app')).toEqual(['abs-link', 'src']);
  });

  test('mount points are created in the filesystem below and show the mounted root', () => {
    const { fs, root } = setup();
    expect(root.stat('/vol').type).toBe('dir');
    expect(root.readdir('/vol')).toEqual([]);
    expect(fs.readdir('/')).toContain('vol');
    expect(root.stat('/etc/config.json').type).toBe('file');
    expect(fs.readFile('/etc/config.json')).toBe('{}');
  });

  test('the mount point reports the mounted root directory', () => {
    const c = clock();
    const vol = new MemoryFs({ now: c.now, root: [{ path: '/', type: 'dir', mode: 0o700, uid: 999, gid: 999 }] });
    const fs = new MountFs(new MemoryFs({ now: c.now }), [{ path: '/v', fs: vol }]);
    expect(fs.stat('/v')).toMatchObject({ mode: 0o700, uid: 999 });
  });

  test('symlinks resolve in the container namespace, in and out of mounts', () => {
    const { fs } = setup();
    expect(fs.readFile('/srv/app/abs-link')).toContain('root:x'); // absolute target: the container's /etc
    fs.symlink('/vol/in-volume', '/tmp/to-volume');
    expect(fs.readFile('/tmp/to-volume')).toBe('v');
    expect(fs.realpath('/srv/app/../app/src/..')).toBe('/srv/app');
    expect(fs.realpath('/vol/..')).toBe('/');
  });

  test('rename across mounts fails with EXDEV; within a mount it works', () => {
    const { fs, volume } = setup();
    expect(code(() => fs.rename('/vol/in-volume', '/tmp/x'))).toBe('EXDEV');
    expect(code(() => fs.rename('/tmp', '/vol/tmp'))).toBe('EXDEV');
    fs.rename('/vol/in-volume', '/vol/renamed');
    expect(volume.readFile('/renamed')).toBe('v');
  });

  test('mount points cannot be removed or renamed (EBUSY)', () => {
    const { fs } = setup();
    expect(code(() => fs.rmdir('/vol'))).toBe('EBUSY');
    expect(code(() => fs.rm('/vol', { recursive: true }))).toBe('EBUSY');
    expect(code(() => fs.rename('/vol', '/vol2'))).toBe('EBUSY');
    expect(code(() => fs.rename('/srv', '/srv2'))).toBe('EBUSY');
    expect(code(() => fs.rm('/etc/config.json'))).toBe('EBUSY');
  });

  test('rm -r over a mount empties the mounted filesystem, then fails on the mount point', () => {
    const { fs, volume } = setup();
    expect(code(() => fs.rm('/vol', { recursive: true }))).toBe('EBUSY');
    expect(volume.readdir('/')).toEqual([]);
    fs.writeFile('/vol/again', '');
    expect(code(() => fs.rm('/srv', { recursive: true }))).toBe('EBUSY');
    expect(fs.exists('/srv/app')).toBe(true);
  });

  test('read-only mounts refuse writes with EROFS and still read', () => {
    const { fs } = setup();
    expect(fs.readFile('/etc/config.json')).toBe('{}');
    expect(code(() => fs.writeFile('/etc/config.json', 'x'))).toBe('EROFS');
    expect(code(() => fs.chmod('/etc/config.json', 0o600))).toBe('EROFS');
  });

  test('a read-only root (--read-only) still gets its mount points, and mounts stay writable', () => {
    const c = clock();
    const root = new OverlayFs({ now: c.now, lower: [Layer.fromEntries(fixture)] });
    const fs = new MountFs(root, [{ path: '/run/data', fs: new MemoryFs({ now: c.now }) }], { readOnly: true });
    expect(code(() => fs.writeFile('/tmp/x', ''))).toBe('EROFS');
    expect(code(() => fs.mkdir('/new'))).toBe('EROFS');
    expect(code(() => fs.rm('/etc/passwd'))).toBe('EROFS');
    fs.writeFile('/run/data/x', 'ok');
    expect(fs.readFile('/run/data/x')).toBe('ok');
  });

  test('nested mounts are made parents first and the deepest wins', () => {
    const c = clock();
    const outer = new MemoryFs({ now: c.now });
    const inner = new MemoryFs({ now: c.now });
    inner.writeFile('/f', 'inner');
    const fs = new MountFs(new MemoryFs({ now: c.now }), [
      { path: '/a/b', fs: inner },
      { path: '/a', fs: outer },
    ]);
    expect(fs.readFile('/a/b/f')).toBe('inner');
    expect(outer.stat('/b').type).toBe('dir');
  });

  test('unmount reveals what was under the mount point', () => {
    const { fs, root } = setup();
    root.writeFile('/vol/hidden', 'under');
    expect(code(() => fs.readFile('/vol/hidden'))).toBe('ENOENT');
    fs.unmount('/vol');
    expect(fs.readFile('/vol/hidden')).toBe('under');
    expect(code(() => fs.unmount('/vol'))).toBe('EINVAL');
  });

  test('errors name the path the caller gave, not the inner path', () => {
    const { fs } = setup();
    try {
      fs.readFile('/srv/app/missing');
      expect.unreachable();
    } catch (e) {
      expect((e as { path: string }).path).toBe('/srv/app/missing');
    }
  });

  test('a file mounted on a directory is refused', () => {
    const c = clock();
    const host = new MemoryFs({ now: c.now, root: [{ path: '/f', type: 'file' }] });
    const fs = new MountFs(new MemoryFs({ now: c.now, root: [{ path: '/d', type: 'dir' }] }));
    expect(code(() => fs.mount('/d', host, { source: '/f' }))).toBe('ENOTDIR');
  });

  test('mounts() lists the root first, then the mounts', () => {
    const { fs } = setup();
    expect(fs.mounts().map((m) => `${m.target}${m.readOnly ? ' ro' : ''}`)).toEqual([
      '/',
      '/vol',
      '/srv/app',
      '/etc/config.json ro',
    ]);
  });
});
