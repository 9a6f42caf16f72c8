// Column widths of characters as the browser terminal draws them.
//
// xterm.js 6 measures characters with its "Unicode 6" rules unless another provider is
// activated: control characters take no column, combining marks join the character before
// them, East Asian wide and fullwidth characters take two columns, everything else one
// (emoji included: they are one column wide under these rules). The editor must agree with
// the terminal to the column, or the cursor drifts on long lines; the xterm adapter passes
// the terminal's own measure when it can reach it, and this table is the default.

/** A function giving the number of columns a code point occupies: 0, 1 or 2. */
export type WidthFn = (codePoint: number) => number;

// Zero-width (combining / format) code points, as inclusive ranges, flattened in pairs.
// Markus Kuhn's wcwidth data for Unicode 5, which is what the terminal applies.
const ZERO_BMP = [
  0x0300, 0x036f, 0x0483, 0x0486, 0x0488, 0x0489, 0x0591, 0x05bd, 0x05bf, 0x05bf,
  0x05c1, 0x05c2, 0x05c4, 0x05c5, 0x05c7, 0x05c7, 0x0600, 0x0603, 0x0610, 0x0615,
  0x064b, 0x065e, 0x0670, 0x0670, 0x06d6, 0x06e4, 0x06e7, 0x06e8, 0x06ea, 0x06ed,
  0x070f, 0x070f, 0x0711, 0x0711, 0x0730, 0x074a, 0x07a6, 0x07b0, 0x07eb, 0x07f3,
  0x0901, 0x0902, 0x093c, 0x093c, 0x0941, 0x0948, 0x094d, 0x094d, 0x0951, 0x0954,
  0x0962, 0x0963, 0x0981, 0x0981, 0x09bc, 0x09bc, 0x09c1, 0x09c4, 0x09cd, 0x09cd,
  0x09e2, 0x09e3, 0x0a01, 0x0a02, 0x0a3c, 0x0a3c, 0x0a41, 0x0a42, 0x0a47, 0x0a48,
  0x0a4b, 0x0a4d, 0x0a70, 0x0a71, 0x0a81, 0x0a82, 0x0abc, 0x0abc, 0x0ac1, 0x0ac5,
  0x0ac7, 0x0ac8, 0x0acd, 0x0acd, 0x0ae2, 0x0ae3, 0x0b01, 0x0b01, 0x0b3c, 0x0b3c,
  0x0b3f, 0x0b3f, 0x0b41, 0x0b43, 0x0b4d, 0x0b4d, 0x0b56, 0x0b56, 0x0b82, 0x0b82,
  0x0bc0, 0x0bc0, 0x0bcd, 0x0bcd, 0x0c3e, 0x0c40, 0x0c46, 0x0c48, 0x0c4a, 0x0c4d,
  0x0c55, 0x0c56, 0x0cbc, 0x0cbc, 0x0cbf, 0x0cbf, 0x0cc6, 0x0cc6, 0x0ccc, 0x0ccd,
  0x0ce2, 0x0ce3, 0x0d41, 0x0d43, 0x0d4d, 0x0d4d, 0x0dca, 0x0dca, 0x0dd2, 0x0dd4,
  0x0dd6, 0x0dd6, 0x0e31, 0x0e31, 0x0e34, 0x0e3a, 0x0e47, 0x0e4e, 0x0eb1, 0x0eb1,
  0x0eb4, 0x0eb9, 0x0ebb, 0x0ebc, 0x0ec8, 0x0ecd, 0x0f18, 0x0f19, 0x0f35, 0x0f35,
  0x0f37, 0x0f37, 0x0f39, 0x0f39, 0x0f71, 0x0f7e, 0x0f80, 0x0f84, 0x0f86, 0x0f87,
  0x0f90, 0x0f97, 0x0f99, 0x0fbc, 0x0fc6, 0x0fc6, 0x102d, 0x1030, 0x1032, 0x1032,
  0x1036, 0x1037, 0x1039, 0x1039, 0x1058, 0x1059, 0x1160, 0x11ff, 0x135f, 0x135f,
  0x1712, 0x1714, 0x1732, 0x1734, 0x1752, 0x1753, 0x1772, 0x1773, 0x17b4, 0x17b5,
  0x17b7, 0x17bd, 0x17c6, 0x17c6, 0x17c9, 0x17d3, 0x17dd, 0x17dd, 0x180b, 0x180d,
  0x18a9, 0x18a9, 0x1920, 0x1922, 0x1927, 0x1928, 0x1932, 0x1932, 0x1939, 0x193b,
  0x1a17, 0x1a18, 0x1b00, 0x1b03, 0x1b34, 0x1b34, 0x1b36, 0x1b3a, 0x1b3c, 0x1b3c,
  0x1b42, 0x1b42, 0x1b6b, 0x1b73, 0x1dc0, 0x1dca, 0x1dfe, 0x1dff, 0x200b, 0x200f,
  0x202a, 0x202e, 0x2060, 0x2063, 0x206a, 0x206f, 0x20d0, 0x20ef, 0x302a, 0x302f,
  0x3099, 0x309a, 0xa806, 0xa806, 0xa80b, 0xa80b, 0xa825, 0xa826, 0xfb1e, 0xfb1e,
  0xfe00, 0xfe0f, 0xfe20, 0xfe23, 0xfeff, 0xfeff, 0xfff9, 0xfffb,
];
const ZERO_ASTRAL = [
  0x10a01, 0x10a03, 0x10a05, 0x10a06, 0x10a0c, 0x10a0f, 0x10a38, 0x10a3a, 0x10a3f, 0x10a3f,
  0x1d167, 0x1d169, 0x1d173, 0x1d182, 0x1d185, 0x1d18b, 0x1d1aa, 0x1d1ad, 0x1d242, 0x1d244,
  0xe0001, 0xe0001, 0xe0020, 0xe007f, 0xe0100, 0xe01ef,
];
// Wide ranges of the Basic Multilingual Plane (inclusive), before the zero-width ranges
// above are applied on top of them.
const WIDE_BMP = [
  0x1100, 0x115f, 0x2329, 0x232a, 0x2e80, 0x303e, 0x3040, 0xa4cf, 0xac00, 0xd7a3,
  0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6,
];

let bmpTable: Uint8Array | null = null;

function table(): Uint8Array {
  if (bmpTable) return bmpTable;
  const t = new Uint8Array(0x10000).fill(1);
  t.fill(0, 0, 0x20);
  t.fill(0, 0x7f, 0xa0);
  for (let i = 0; i < WIDE_BMP.length; i += 2) t.fill(2, WIDE_BMP[i], WIDE_BMP[i + 1] + 1);
  for (let i = 0; i < ZERO_BMP.length; i += 2) t.fill(0, ZERO_BMP[i], ZERO_BMP[i + 1] + 1);
  bmpTable = t;
  return t;
}

function inRanges(cp: number, ranges: number[]): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns taken by a code point in the terminal (xterm.js "Unicode 6" rules). */
export const wcwidth: WidthFn = (cp) => {
  if (cp < 0x7f) return cp >= 0x20 ? 1 : 0;
  if (cp < 0x10000) return table()[cp];
  if (inRanges(cp, ZERO_ASTRAL)) return 0;
  if ((cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd)) return 2;
  return 1;
};

/** True for C0 controls, DEL and C1 controls: characters the editor shows as ^X. */
export function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/**
 * Ends of the characters of `s` as the editor moves over them: a character and the
 * zero-width marks that follow it form one unit (readline moves the same way).
 * Returns the index just after the unit that starts at `i`.
 */
export function nextBoundary(s: string, i: number, width: WidthFn = wcwidth): number {
  if (i >= s.length) return s.length;
  let j = i + codePointLength(s, i);
  if (isControl(s.charCodeAt(i))) return j;
  while (j < s.length) {
    const cp = s.codePointAt(j)!;
    if (cp < 0x300 || isControl(cp) || width(cp) !== 0) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

/** The index of the start of the unit that ends at `i` (see nextBoundary). */
export function prevBoundary(s: string, i: number, width: WidthFn = wcwidth): number {
  if (i <= 0) return 0;
  let j = i;
  // Step back over zero-width marks, then over one base character.
  for (;;) {
    const start = j - (isLowSurrogateAt(s, j - 1) && j >= 2 && isHighSurrogateAt(s, j - 2) ? 2 : 1);
    const cp = s.codePointAt(start)!;
    j = start;
    if (j === 0 || cp < 0x300 || isControl(cp) || width(cp) !== 0) return j;
  }
}

function codePointLength(s: string, i: number): number {
  return isHighSurrogateAt(s, i) && isLowSurrogateAt(s, i + 1) ? 2 : 1;
}
function isHighSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Columns taken by plain text (no escape sequences, no controls). */
export function textWidth(s: string, width: WidthFn = wcwidth): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      w++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += width(cp);
  }
  return w;
}

/** Removes escape sequences (CSI, OSC, two-byte ESC) and readline's \x01..\x02 markers. */
export function stripAnsi(s: string): string {
  return s.replace(ESCAPES, '');
}

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other ESC x, and \x01...\x02 spans.
// eslint-disable-next-line no-control-regex
export const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x01[^\x02]*\x02?|\x02/g;
