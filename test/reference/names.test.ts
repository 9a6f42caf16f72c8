import { describe, expect, it } from 'vitest';
import { isValidContainerName, validateContainerName } from '../../src/reference';

/** The message of the error `fn` throws (fails the test when it does not throw). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('container names (moby daemon/names)', () => {
  it.each(['word-word', 'word_word', '1weoid', 'ab', 'a.b', 'A-1', '/web', 'web.1_x-y'])('%j is valid', (n) => {
    expect(isValidContainerName(n)).toBe(true);
  });
  it.each(['-rm', '&sdfsfd', 'safd%sd', 'a', '/a', '', '/', '//web', '_x', '.x', 'wé', 'a b', 'a/b'])('%j is invalid', (n) => {
    expect(isValidContainerName(n)).toBe(false);
    expect(errorOf(() => validateContainerName(n))).toBe(
      `Invalid container name (${n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  });
  it('returns the name with its leading slash', () => {
    expect(validateContainerName('web')).toBe('/web');
    expect(validateContainerName('/web')).toBe('/web');
  });
});
