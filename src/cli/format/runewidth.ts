/**
 * Display width of text in a terminal column, as the docker CLI measures it:
 * - stringWidth: go-runewidth v0.0.16 (used by the table writer) in a non-East-Asian
 *   locale: grapheme clusters, each as wide as its first non-zero-width rune; control
 *   characters and combining marks 0; East Asian Wide/Fullwidth 2; everything else 1.
 * - charWidth: golang.org/x/text/width (used by Ellipsis): East Asian Wide/Fullwidth 2,
 *   every other rune 1 (combining marks too).
 * The range tables are Unicode 15 East Asian Width (W and F) and the combining ranges
 * go-runewidth treats as zero-width.
 */

function parseRanges(s: string): Uint32Array {
  const parts = s.split(' ');
  const out = new Uint32Array(parts.length * 2);
  parts.forEach((p, i) => {
    const [a, b] = p.split('-');
    out[2 * i] = parseInt(a!, 16);
    out[2 * i + 1] = parseInt(b!, 16);
  });
  return out;
}

function inRanges(t: Uint32Array, cp: number): boolean {
  if (cp < t[0]!) return false;
  let lo = 0;
  let hi = t.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[2 * mid + 1]! < cp) lo = mid + 1;
    else if (t[2 * mid]! > cp) hi = mid - 1;
    else return true;
  }
  return false;
}

/** East Asian Wide (W) and Fullwidth (F) code points. */
const WIDE = parseRanges('1100-115F 231A-231B 2329-232A 23E9-23EC 23F0-23F0 23F3-23F3 25FD-25FE 2614-2615 2648-2653 267F-267F 2693-2693 26A1-26A1 26AA-26AB 26BD-26BE 26C4-26C5 26CE-26CE 26D4-26D4 26EA-26EA 26F2-26F3 26F5-26F5 26FA-26FA 26FD-26FD 2705-2705 270A-270B 2728-2728 274C-274C 274E-274E 2753-2755 2757-2757 2795-2797 27B0-27B0 27BF-27BF 2B1B-2B1C 2B50-2B50 2B55-2B55 2E80-2E99 2E9B-2EF3 2F00-2FD5 2FF0-303E 3041-3096 3099-30FF 3105-312F 3131-318E 3190-31E3 31EF-321E 3220-3247 3250-4DBF 4E00-A48C A490-A4C6 A960-A97C AC00-D7A3 F900-FAFF FE10-FE19 FE30-FE52 FE54-FE66 FE68-FE6B FF01-FF60 FFE0-FFE6 16FE0-16FE4 16FF0-16FF1 17000-187F7 18800-18CD5 18D00-18D08 1AFF0-1AFF3 1AFF5-1AFFB 1AFFD-1AFFE 1B000-1B122 1B132-1B132 1B150-1B152 1B155-1B155 1B164-1B167 1B170-1B2FB 1F004-1F004 1F0CF-1F0CF 1F18E-1F18E 1F191-1F19A 1F200-1F202 1F210-1F23B 1F240-1F248 1F250-1F251 1F260-1F265 1F300-1F320 1F32D-1F335 1F337-1F37C 1F37E-1F393 1F3A0-1F3CA 1F3CF-1F3D3 1F3E0-1F3F0 1F3F4-1F3F4 1F3F8-1F43E 1F440-1F440 1F442-1F4FC 1F4FF-1F53D 1F54B-1F54E 1F550-1F567 1F57A-1F57A 1F595-1F596 1F5A4-1F5A4 1F5FB-1F64F 1F680-1F6C5 1F6CC-1F6CC 1F6D0-1F6D2 1F6D5-1F6D7 1F6DC-1F6DF 1F6EB-1F6EC 1F6F4-1F6FC 1F7E0-1F7EB 1F7F0-1F7F0 1F90C-1F93A 1F93C-1F945 1F947-1F9FF 1FA70-1FA7C 1FA80-1FA88 1FA90-1FABD 1FABF-1FAC5 1FACE-1FADB 1FAE0-1FAE8 1FAF0-1FAF8 20000-2FFFD 30000-3FFFD');

/** Zero-width combining ranges of go-runewidth. */
const COMBINING = parseRanges('0300-036F 0483-0489 07EB-07F3 0C00-0C00 0C04-0C04 0CF3-0CF3 0D00-0D01 135D-135F 1A7F-1A7F 1AB0-1ACE 1B6B-1B73 1DC0-1DFF 20D0-20F0 2CEF-2CF1 2DE0-2DFF 3099-309A A66F-A672 A674-A67D A69E-A69F A6F0-A6F1 A8E0-A8F1 FE20-FE2F 101FD-101FD 10376-1037A 10EAB-10EAC 10F46-10F50 10F82-10F85 11300-11301 1133B-1133C 11366-1136C 11370-11374 16AF0-16AF4 1CF00-1CF2D 1CF30-1CF46 1D165-1D169 1D16D-1D172 1D17B-1D182 1D185-1D18B 1D1AA-1D1AD 1D242-1D244 1E000-1E006 1E008-1E018 1E01B-1E021 1E023-1E024 1E026-1E02A 1E08F-1E08F 1E8D0-1E8D6');

const NARROW = parseRanges('0020-007E 00A2-00A3 00A5-00A6 00AC-00AC 00AF-00AF 27E6-27ED 2985-2986');

const NONPRINT = parseRanges(
  '0000-001F 007F-009F 00AD-00AD 070F-070F 180B-180E 200B-200F 2028-202E 206A-206F D800-DFFF FEFF-FEFF FFF9-FFFB FFFE-FFFF',
);

/** True for East Asian Wide or Fullwidth code points. */
export function isEastAsianWide(cp: number): boolean {
  return inRanges(WIDE, cp);
}

/** go-runewidth RuneWidth (non-East-Asian condition). */
export function runeWidth(cp: number): number {
  if (cp < 0 || cp > 0x10ffff) return 0;
  if (cp < 0x20) return 0;
  if ((cp >= 0x7f && cp <= 0x9f) || cp === 0xad) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(NARROW, cp)) return 1;
  if (inRanges(NONPRINT, cp) || inRanges(COMBINING, cp)) return 0;
  if (inRanges(WIDE, cp)) return 2;
  return 1;
}

let segmenter: Intl.Segmenter | undefined;
function graphemes(s: string): Iterable<string> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** go-runewidth StringWidth: the width of a string on a terminal. */
export function stringWidth(s: string): number {
  // fast path: printable ASCII
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let width = 0;
  for (const g of graphemes(s)) {
    let w = 0;
    for (const ch of g) {
      w = runeWidth(ch.codePointAt(0)!);
      if (w > 0) break;
    }
    width += w;
  }
  return width;
}

/** x/text/width based width of one rune (Ellipsis): 2 for wide/fullwidth, else 1. */
export function charWidth(cp: number): number {
  return isEastAsianWide(cp) ? 2 : 1;
}
