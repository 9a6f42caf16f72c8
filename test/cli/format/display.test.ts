import { describe, expect, it } from 'vitest';
import { charWidth, commandColumn, ellipsis, isEastAsianWide, prettyPrint, runeWidth, stringWidth } from '../../../src/cli/format';

describe('ellipsis (formatter.Ellipsis)', () => {
  it.each([
    ['/docker-entrypoint.sh nginx -g daemon off;', 20, '/docker-entrypoint.…'],
    ["nginx -g 'daemon off;'", 20, "nginx -g 'daemon of…"],
    ['sleep infinity', 20, 'sleep infinity'],
    ['12345678901234567890', 20, '12345678901234567890'],
    ['123456789012345678901', 20, '1234567890123456789…'],
    ['abc', 1, 'a'],
    ['abc', 0, ''],
    ['abc', -1, ''],
    ['', 1, ''],
    ['t\u00e9st long text', 6, 't\u00e9st …'],
    ['日本語テキスト', 7, '日本語…'], // 2+2+2 = 6 <= 6, then …
    ['日本語テキスト', 6, '日本…'],
    ['日本語', 6, '日本語'],
    ['日本語', 2, '日本語'], // nothing fits before the ellipsis: Go returns the input
    ['日本語', 1, '日'],
    ['e\u0301e\u0301e\u0301', 2, 'e…'], // combining marks count 1 here (x/text/width)
  ])('ellipsis(%j, %i) = %j', (s, n, want) => {
    expect(ellipsis(s, n)).toBe(want);
  });
});

describe('prettyPrint (formatter.PrettyPrint)', () => {
  it.each([
    ['running', 'Running'],
    ['READY', 'Ready'],
    ['active', 'Active'],
    ['reachable', 'Reachable'],
    ['', ''],
    ['X', 'x'], // a single character is lower-cased
    ['élan', 'élan'], // only an ASCII first byte is upper-cased
  ])('%j -> %j', (s, want) => {
    expect(prettyPrint(s)).toBe(want);
  });
  it('nil is None', () => {
    expect(prettyPrint(null)).toBe('None');
  });
});

describe('commandColumn (docker ps COMMAND)', () => {
  it.each([
    ["/docker-entrypoint.sh nginx -g 'daemon off;'", '"/docker-entrypoint.…"'],
    ["nginx -g 'daemon off;'", '"nginx -g \'daemon of…"'],
    ['sleep infinity', '"sleep infinity"'],
    ['sh -c "echo hi"', '"sh -c \\"echo hi\\""'],
    ['', '""'],
    ['printf "a\\tb\\n"', '"printf \\"a\\\\tb\\\\n\\""'],
  ])('%j -> %s', (cmd, want) => {
    expect(commandColumn(cmd, true)).toBe(want);
  });
  it('--no-trunc quotes the whole command', () => {
    expect(commandColumn("/docker-entrypoint.sh nginx -g 'daemon off;'", false)).toBe(
      '"/docker-entrypoint.sh nginx -g \'daemon off;\'"',
    );
  });
});

describe('display widths', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['…', 1],
    ['日本', 4],
    ['ｱ', 1], // halfwidth katakana
    ['Ａ', 2], // fullwidth latin
    ['e\u0301', 1],
    ['\u0007', 0],
    ['한국어', 6],
    ['😀', 2],
    ['👍🏽', 2], // emoji with skin tone: one grapheme
  ])('stringWidth(%j) = %i', (s, w) => {
    expect(stringWidth(s)).toBe(w);
  });
  it('rune widths', () => {
    expect(runeWidth(0x41)).toBe(1);
    expect(runeWidth(0x300)).toBe(0);
    expect(runeWidth(0x200b)).toBe(0);
    expect(runeWidth(0x4e00)).toBe(2);
    expect(charWidth(0x300)).toBe(1);
    expect(charWidth(0x4e00)).toBe(2);
    expect(isEastAsianWide(0xac00)).toBe(true);
    expect(isEastAsianWide(0x2026)).toBe(false);
  });
});
