/**
 * Go's strconv.Quote: a double-quoted Go string literal. Printable runes (Unicode
 * letters, marks, numbers, punctuation, symbols and the ASCII space — Go's
 * unicode.IsPrint) stay literal; `"` and `\` are backslash-escaped; \a \b \f \n \r \t \v
 * use their short escapes; other control bytes and DEL become \xNN; other
 * non-printable runes \uNNNN or \UNNNNNNNN (lower-case hex). A lone UTF-16 surrogate
 * (which Go strings cannot hold; Go's JSON decoder turns it into U+FFFD) is treated as U+FFFD.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's unicode.IsPrint / strconv.IsPrint for one code point. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

const SHORT_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Escape one rune the way strconv.Quote does inside a "…" literal. */
function escapeRune(cp: number, quote: number): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

/** strconv.Quote(s). */
export function goQuote(s: string): string {
  let out = '"';
  for (const cp of codePoints(s)) out += escapeRune(cp, 0x22);
  return out + '"';
}

/** strconv.QuoteRune(r) — single-quoted. */
export function goQuoteRune(cp: number): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27) + "'";
}

/** strconv.QuoteToASCII(s): like goQuote but every non-ASCII rune escaped (used by %+q). */
export function goQuoteToASCII(s: string): string {
  let out = '"';
  for (const cp of codePoints(s)) {
    if (cp < 0x80) out += escapeRune(cp, 0x22);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}
