import { describe, expect, it } from 'vitest';
import { goQuote, goQuoteRune, goQuoteToASCII } from '../../src/units/go-quote';

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['', '""'],
    ['abc', '"abc"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ["a'b", '"a\'b"'],
    ['\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\x00\x01\x7f', '"\\x00\\x01\\x7f"'],
    ['café', '"café"'],
    ['\u00a0', '"\\u00a0"'], // no-break space is not printable in Go
    ['\u00ad', '"\\u00ad"'],
    ['/docker-entrypoint.…', '"/docker-entrypoint.…"'],
    ['日本語', '"日本語"'],
    ['😀', '"😀"'],
    ['\u200b', '"\\u200b"'],
    ['\ufeff', '"\\ufeff"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\u0301', '"\u0301"'], // marks are printable
    ['\u2028', '"\\u2028"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\u0378', '"\\u0378"'], // unassigned
    ['sh -c "echo hi"', '"sh -c \\"echo hi\\""'],
    ['\ufffd', '"\ufffd"'],
    ['\ud800x', '"\ufffdx"'], // lone surrogate read as U+FFFD
  ])('%j -> %s', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
});

describe('goQuoteToASCII (strconv.QuoteToASCII)', () => {
  it.each([
    ['café', '"caf\\u00e9"'],
    ['…', '"\\u2026"'],
    ['日本語', '"\\u65e5\\u672c\\u8a9e"'],
    ['😀', '"\\U0001f600"'],
    ['a"b\n', '"a\\"b\\n"'],
  ])('%j -> %s', (s, want) => {
    expect(goQuoteToASCII(s)).toBe(want);
  });
});

describe('goQuoteRune (strconv.QuoteRune)', () => {
  it.each([
    [0x61, "'a'"],
    [0x27, "'\\''"],
    [0x22, `'"'`],
    [0x0a, "'\\n'"],
    [0x263a, "'☺'"],
    [0x110000, "'�'"],
  ])('%i -> %s', (cp, want) => {
    expect(goQuoteRune(cp)).toBe(want);
  });
});
