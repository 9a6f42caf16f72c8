import { describe, expect, it } from 'vitest';
import { isAllNumericShortID, isFullID, isShortIDCandidate, truncateID, truncatedIDOf } from '../../src/reference';

const ID = '3f2a9c1b7d4e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678901abcde';

describe('truncateID (stringid.TruncateID)', () => {
  it.each([
    [ID, '3f2a9c1b7d4e'],
    ['sha256:' + ID, '3f2a9c1b7d4e'],
    ['short', 'short'],
    ['', ''],
    ['a:b:cdefghijklmnop', 'b:cdefghijkl'], // only up to the first ':'
    ['x:', ''],
    ['abcdefghijkl', 'abcdefghijkl'],
  ])('%j -> %j', (id, want) => {
    expect(truncateID(id)).toBe(want);
  });
});

describe('short ID candidates (image lookups)', () => {
  it.each([
    ['3f2a', '3f2a'],
    ['3f2a9c1b7d4e', '3f2a9c1b7d4e'],
    ['sha256:3f2a9c', '3f2a9c'],
    [ID, ID],
    ['3f2', ''], // too short
    [ID + '0', ''], // too long
    ['3F2A', ''], // upper case is not hex here
    ['nginx', ''],
    ['sha512:3f2a9c', ''],
  ])('%j -> %j', (s, want) => {
    expect(truncatedIDOf(s)).toBe(want);
    expect(isShortIDCandidate(s)).toBe(want !== '');
  });
  it('full IDs and all-numeric short IDs', () => {
    expect(isFullID(ID)).toBe(true);
    expect(isFullID(ID.slice(1))).toBe(false);
    expect(isAllNumericShortID('123456789012' + 'a'.repeat(52))).toBe(true);
    expect(isAllNumericShortID('12345678901a' + '0'.repeat(52))).toBe(false);
  });
});
