import { describe, expect, test } from 'vitest';
import { Layer, MemoryFs } from '../../src/vfs';
import { T0, clock, fixture, posixSuite } from './posix-suite';

posixSuite('MemoryFs', (entries, c) => new MemoryFs({ now: c.now, root: entries }));

describe('MemoryFs', () => {
  test('starts empty with a root directory owned by root', () => {
    const fs = new MemoryFs({ now: () => 0 });
    expect(fs.readdir('/')).toEqual([]);
    expect(fs.stat('/')).toMatchObject({ type: 'dir', mode: 0o755, uid: 0, gid: 0 });
  });

  test('initial content from a Layer is copied, not shared', () => {
    const layer = Layer.fromEntries(fixture);
    const fs = new MemoryFs({ now: () => 0, root: layer });
    fs.writeFile('/etc/passwd', 'changed');
    fs.rm('/data', { recursive: true });
    const again = new MemoryFs({ now: () => 0, root: layer });
    expect(again.readFile('/etc/passwd')).toContain('root:x');
    expect(again.exists('/data/a/one')).toBe(true);
  });

  test('whiteouts in the initial content are dropped, implicit parents become directories', () => {
    const fs = new MemoryFs({
      now: () => 0,
      root: [
        { path: '/a/b/c', type: 'file', content: 'c' },
        { path: '/gone', type: 'whiteout' },
      ],
    });
    expect(fs.readdir('/')).toEqual(['a']);
    expect(fs.stat('/a/b')).toMatchObject({ type: 'dir', mode: 0o755 });
  });

  test('toLayer snapshots the current content', () => {
    const c = clock();
    const fs = new MemoryFs({ now: c.now });
    fs.mkdir('/x');
    fs.writeFile('/x/y', 'y');
    const layer = fs.toLayer();
    fs.writeFile('/x/y', 'changed');
    expect(layer.entries()).toEqual([
      { path: '/x', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: c.t },
      { path: '/x/y', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: c.t, content: 'y' },
    ]);
  });

  test('setOwner sets the owner of new entries', () => {
    const fs = new MemoryFs({ now: () => T0, owner: { uid: 1000, gid: 1000 } });
    fs.writeFile('/a', '');
    expect(fs.stat('/a')).toMatchObject({ uid: 1000, gid: 1000 });
    fs.setOwner(0, 0);
    fs.mkdir('/b');
    fs.symlink('a', '/c');
    expect(fs.stat('/b')).toMatchObject({ uid: 0, gid: 0 });
    expect(fs.lstat('/c')).toMatchObject({ uid: 0, gid: 0 });
  });

  test('a synthetic file does not hold its declared size in memory', () => {
    const fs = new MemoryFs({ now: () => 0 });
    for (let i = 0; i < 1000; i++) fs.writeData(`/f${i}`, { kind: 'synthetic', size: 1_000_000_000, placeholder: 'ELF' });
    expect(fs.stat('/f999').size).toBe(1_000_000_000);
    expect(fs.readFile('/f0')).toBe('ELF');
  });

  test('relative paths are taken from the root', () => {
    const fs = new MemoryFs({ now: () => 0 });
    fs.mkdir('a');
    fs.writeFile('a/b', 'x');
    expect(fs.readFile('/a/b')).toBe('x');
  });
});
