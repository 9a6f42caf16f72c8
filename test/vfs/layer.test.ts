import { describe, expect, test } from 'vitest';
import { Layer, OverlayFs } from '../../src/vfs';

describe('Layer.fromEntries', () => {
  test('fills defaults: 0644 files, 0755 dirs, 0777 symlinks, root-owned, mtime 0', () => {
    const l = Layer.fromEntries([
      { path: '/d', type: 'dir' },
      { path: '/d/f', type: 'file', content: 'x' },
      { path: '/d/l', type: 'symlink', target: 'f' },
    ]);
    expect(l.entries()).toEqual([
      { path: '/d', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
      { path: '/d/f', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, content: 'x' },
      { path: '/d/l', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, target: 'f' },
    ]);
  });

  test('accepts relative paths and keeps paths inside the root', () => {
    const l = Layer.fromEntries([
      { path: 'etc/hosts', type: 'file' },
      { path: './a/../b', type: 'file' },
      { path: '../../c', type: 'file' },
    ]);
    expect(l.entries().map((e) => e.path)).toEqual(['/b', '/c', '/etc/hosts']);
  });

  test('unlisted parents are implicit: no entry of their own', () => {
    const l = Layer.fromEntries([{ path: '/usr/share/doc/README', type: 'file' }]);
    expect(l.entries().map((e) => e.path)).toEqual(['/usr/share/doc/README']);
  });

  test('a size without content, or different from the content, declares a synthetic file', () => {
    const l = Layer.fromEntries([
      { path: '/a', type: 'file', size: 1000 },
      { path: '/b', type: 'file', size: 1000, content: 'ELF' },
      { path: '/c', type: 'file', size: 3, content: 'abc' },
    ]);
    const fs = new OverlayFs({ now: () => 0, lower: [l] });
    expect(fs.readData('/a')).toEqual({ kind: 'synthetic', size: 1000, placeholder: '' });
    expect(fs.readData('/b')).toEqual({ kind: 'synthetic', size: 1000, placeholder: 'ELF' });
    expect(fs.readData('/c')).toEqual({ kind: 'text', text: 'abc' });
    expect(() => Layer.fromEntries([{ path: '/x', type: 'file', size: -1 }])).toThrow(RangeError);
  });

  test('binary content is kept as bytes', () => {
    const l = Layer.fromEntries([{ path: '/b', type: 'file', content: new Uint8Array([0xff, 0xfe]) }]);
    expect(l.entries()[0]!.content).toEqual(new Uint8Array([0xff, 0xfe]));
  });

  test('OCI whiteout names: .wh.<name> deletes, .wh..wh..opq makes the directory opaque', () => {
    const l = Layer.fromEntries([
      { path: '/etc/.wh.motd', type: 'file' },
      { path: '/var/cache/.wh..wh..opq', type: 'file' },
      { path: '/var/cache/new', type: 'file' },
    ]);
    expect(l.entries()).toEqual([
      { path: '/etc/motd', type: 'whiteout', mtime: 0 },
      { path: '/var/cache', type: 'dir', opaque: true },
      { path: '/var/cache/new', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, content: '' },
    ]);
  });

  test('later entries win; a directory after a whiteout of the same path is opaque', () => {
    const l = Layer.fromEntries([
      { path: '/f', type: 'file', content: 'first' },
      { path: '/f', type: 'file', content: 'second' },
      { path: '/d', type: 'whiteout' },
      { path: '/d', type: 'dir' },
      { path: '/e', type: 'dir', mode: 0o700 },
      { path: '/e/x', type: 'file' },
      { path: '/e', type: 'dir', mode: 0o750 },
    ]);
    const entries = l.entries();
    expect(entries.find((e) => e.path === '/f')?.content).toBe('second');
    expect(entries.find((e) => e.path === '/d')).toMatchObject({ type: 'dir', opaque: true });
    expect(entries.find((e) => e.path === '/e')).toMatchObject({ mode: 0o750 });
    expect(entries.map((e) => e.path)).toContain('/e/x');
  });

  test('a symlink needs a target; the root must be a directory', () => {
    expect(() => Layer.fromEntries([{ path: '/l', type: 'symlink' }])).toThrow();
    expect(() => Layer.fromEntries([{ path: '/', type: 'file' }])).toThrow();
    const l = Layer.fromEntries([{ path: '/', type: 'dir', mode: 0o700 }]);
    expect(new OverlayFs({ now: () => 0, lower: [l] }).stat('/').mode).toBe(0o700);
  });

  test('isEmpty', () => {
    expect(Layer.empty.isEmpty).toBe(true);
    expect(Layer.fromEntries([]).isEmpty).toBe(true);
    expect(Layer.fromEntries([{ path: '/x', type: 'whiteout' }]).isEmpty).toBe(false);
  });

  test('entries() round-trips through fromEntries', () => {
    const l = Layer.fromEntries([
      { path: '/a/b', type: 'file', content: 'b', mode: 0o600, uid: 3, gid: 4, mtime: 5000 },
      { path: '/a/big', type: 'file', size: 99, content: 'x' },
      { path: '/a/gone', type: 'whiteout', mtime: 7 },
      { path: '/o', type: 'dir', opaque: true, mode: 0o711 },
      { path: '/s', type: 'symlink', target: '/a/b' },
    ]);
    expect(Layer.fromEntries(l.entries()).entries()).toEqual(l.entries());
  });
});
