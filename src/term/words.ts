// Word motions, as readline defines words: for Alt-B, Alt-F, Alt-D and Alt-Backspace a word
// is a run of letters and digits (so "docker-compose" and "my_file" are two words each);
// for Ctrl-W (unix-word-rubout) a word is anything up to whitespace.

import { nextBoundary, prevBoundary, wcwidth, type WidthFn } from './width';

const ALNUM = /[\p{L}\p{N}]/u;

function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return ALNUM.test(String.fromCodePoint(s.codePointAt(i)!));
}

/** Offset after the end of the next word (forward-word). */
export function forwardWord(s: string, p: number, width: WidthFn = wcwidth): number {
  while (p < s.length && !isWordAt(s, p)) p = nextBoundary(s, p, width);
  while (p < s.length && isWordAt(s, p)) p = nextBoundary(s, p, width);
  return p;
}

/** Offset of the start of the word before p (backward-word). */
export function backwardWord(s: string, p: number, width: WidthFn = wcwidth): number {
  while (p > 0) {
    const q = prevBoundary(s, p, width);
    if (isWordAt(s, q)) break;
    p = q;
  }
  while (p > 0) {
    const q = prevBoundary(s, p, width);
    if (!isWordAt(s, q)) break;
    p = q;
  }
  return p;
}

/** Offset of the start of the whitespace-delimited word before p (unix-word-rubout). */
export function unixWordStart(s: string, p: number): number {
  while (p > 0 && (s[p - 1] === ' ' || s[p - 1] === '\t')) p--;
  while (p > 0 && s[p - 1] !== ' ' && s[p - 1] !== '\t') p--;
  return p;
}

/**
 * The last argument of a command line, for yank-last-arg (Alt-.): words are split at
 * unquoted whitespace, and quotes are kept as typed.
 */
export function lastArgument(line: string): string {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (started) words.push(cur);
      cur = '';
      started = false;
      continue;
    }
    started = true;
    cur += ch;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < line.length) cur += line[++i];
  }
  if (started) words.push(cur);
  return words.length > 0 ? words[words.length - 1] : '';
}
