import { describe, expect, test } from 'vitest';
import { basename, compareNames, dirname, isWithin, joinPath, resolvePath, splitPath } from '../../src/vfs';

describe('path helpers', () => {
  test('resolvePath normalises lexically against the cwd', () => {
    expect(resolvePath('/home/me', 'src/../lib/./x')).toBe('/home/me/lib/x');
    expect(resolvePath('/home/me', '/etc//passwd/')).toBe('/etc/passwd');
    expect(resolvePath('/home/me', '../../../..')).toBe('/');
    expect(resolvePath('/', '')).toBe('/');
    expect(resolvePath('/a', '.')).toBe('/a');
  });

  test('joinPath only prefixes relative paths, keeping .. and trailing slashes for the filesystem', () => {
    expect(joinPath('/home/me', 'link/../x/')).toBe('/home/me/link/../x/');
    expect(joinPath('/', 'x')).toBe('/x');
    expect(joinPath('/home', '/abs')).toBe('/abs');
    expect(joinPath('/home', '')).toBe('/home');
  });

  test('splitPath, dirname, basename, isWithin', () => {
    expect(splitPath('/a//b/./c/')).toEqual(['a', 'b', 'c']);
    expect(dirname('/a/b/c')).toBe('/a/b');
    expect(dirname('/a')).toBe('/');
    expect(dirname('/')).toBe('/');
    expect(dirname('/a/b/')).toBe('/a');
    expect(basename('/a/b/')).toBe('b');
    expect(basename('/')).toBe('/');
    expect(isWithin('/a', '/a/b')).toBe(true);
    expect(isWithin('/a', '/a')).toBe(true);
    expect(isWithin('/a', '/ab')).toBe(false);
    expect(isWithin('/', '/x')).toBe(true);
  });

  test('compareNames orders by code point, astral characters after the BMP', () => {
    const names = ['\u{1F600}', '\uFFFD', 'z', 'Z', 'a-b', 'a/b', 'a', ''];
    expect([...names].sort(compareNames)).toEqual(['', 'Z', 'a', 'a-b', 'a/b', 'z', '\uFFFD', '\u{1F600}']);
    // plain JavaScript order would put the astral character before U+FFFD
    expect([...names].sort()).not.toEqual([...names].sort(compareNames));
  });
});
