/**
 * Value renderers of the docker CLI's formatter package (cli/command/formatter).
 */
import { goQuote } from '../../units/go-quote';
import { memo } from './memo';
import { charWidth } from './runewidth';

/**
 * Ellipsis(s, n): fit `s` into n display columns, replacing the tail with `…`.
 * n <= 0 → ''; n == 1 → the first character alone; wide (CJK) characters count 2.
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  // all ASCII (bytes == runes in Go)
  if (/^[\x00-\x7f]*$/.test(s)) {
    if (maxDisplayWidth === 1) return s.slice(0, 1);
    if (s.length <= maxDisplayWidth) return s;
    return s.slice(0, maxDisplayWidth - 1) + '…';
  }
  const rs = Array.from(s);
  if (maxDisplayWidth === 1) return rs[0] ?? '';
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += charWidth(r.codePointAt(0)!);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i]! <= maxDisplayWidth - 1 && display[i + 1]! > maxDisplayWidth - 1) {
      return rs.slice(0, i + 1).join('') + '…';
    }
  }
  // nothing fits before the ellipsis (a wide first rune): Go returns the string unchanged
  return s;
}

/** PrettyPrint: capitalise the first letter, lower-case the rest (`running` → `Running`); nil → `None`. */
export function prettyPrint(s: string | null | undefined): string {
  if (s === null || s === undefined) return 'None';
  if (s.length === 0) return s;
  if (s.length === 1) return s.toLowerCase();
  // Go works on bytes: upper-cases the first byte only when it is ASCII
  const first = s.charCodeAt(0) < 0x80 ? s[0]!.toUpperCase() : s[0]!;
  return first + s.slice(1).toLowerCase();
}

/** The COMMAND column of `docker ps`: ellipsized to 20 when truncating, then strconv.Quote. */
export function commandColumn(command: string, trunc: boolean): string {
  // a listing repeats the same few commands: each is quoted once
  if (command.length > 512) return goQuote(trunc ? ellipsis(command, 20) : command);
  return trunc ? quotedShort(command) : quoted(command);
}
const quoted = memo(256, (command) => goQuote(command));
const quotedShort = memo(256, (command) => goQuote(ellipsis(command, 20)));
