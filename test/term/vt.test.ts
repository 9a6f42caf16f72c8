import { describe, expect, test } from 'vitest';
import { Screen } from './vt';

// The emulator is the yardstick of every other test here: check it behaves like xterm.js.
describe('test screen', () => {
  test('autowrap waits in the last column until the next character', () => {
    const s = new Screen(5, 3);
    s.write('abcde');
    expect(s.pendingWrap).toBe(true);
    expect(s.cursor).toEqual([0, 4]);
    s.write('f');
    expect(s.screen()).toEqual(['abcde', 'f', '']);
    expect(s.cursor).toEqual([1, 1]);
  });

  test('motions from a pending wrap count from the last column', () => {
    const s = new Screen(5, 3);
    s.write('abcde\x1b[2D');
    expect(s.cursor).toEqual([0, 2]);
    s.write('\r\nxy\x1b[A');
    expect(s.cursor).toEqual([0, 2]);
  });

  test('a wide character that does not fit wraps and blanks the last column', () => {
    const s = new Screen(5, 3);
    s.write('abcd\u4e2d');
    expect(s.screen()).toEqual(['abcd', '\u4e2d', '']);
    expect(s.cursor).toEqual([1, 2]);
  });

  test('erase in line and display, scrolling at the bottom', () => {
    const s = new Screen(5, 2);
    s.write('abc\r\ndef\r\nghi');
    expect(s.all()).toBe('abc\ndef\nghi');
    expect(s.screen()).toEqual(['def', 'ghi']);
    s.write('\x1b[2D\x1b[K');
    expect(s.screen()).toEqual(['def', 'g']);
    s.write('\x1b[A\x1b[J');
    expect(s.screen()).toEqual(['d', '']);
  });

  test('unknown sequences are errors', () => {
    const s = new Screen(5, 2);
    expect(() => s.write('\x1b[5S')).toThrow();
    expect(() => s.write('\x01')).toThrow();
  });
});

test('a combining mark joins the character just written, not one reached by moving', () => {
  const s = new Screen(10, 2);
  s.write('e\u0301x');
  expect(s.cursor).toEqual([0, 2]);
  s.write('\x1b[D\u0301');
  expect(s.cursor).toEqual([0, 2]);
  expect(s.text()).toBe('e\u0301\u0301');
});
