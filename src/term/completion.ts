// Tab completion as bash does it. The host finds the candidates; this file holds the rules
// for what the editor does with them and how it lists them.

import { textWidth, wcwidth, type WidthFn } from './width';

/** A candidate with details. A plain string candidate ending in '/' is taken as a directory. */
export interface CompletionCandidate {
  /** Text that replaces line[replaceFrom, replaceTo). */
  value: string;
  /** Shown in the listing instead of the value (bash shows only the last path component). */
  display?: string;
  /** Added after the value when it is the only candidate; default: the result's suffix. */
  suffix?: string;
}

export interface CompletionResult {
  candidates: ReadonlyArray<string | CompletionCandidate>;
  /** Start of the text the candidates replace (UTF-16 offset into the line). */
  replaceFrom: number;
  /** End of that text; usually the cursor. */
  replaceTo: number;
  /** Added after a single completed candidate: ' ' by default, '' for none. */
  suffix?: string;
}

/**
 * Finds candidates for the word at the cursor. `line` is the line being edited (in a
 * multi-line command, the current line only) and `cursor` the UTF-16 offset of the cursor.
 */
export type Completer = (
  line: string,
  cursor: number,
) => Promise<CompletionResult | null | undefined> | CompletionResult | null | undefined;

export interface Candidate {
  value: string;
  display: string;
  suffix: string;
}

/** Normalises, removes duplicates (by value) and sorts candidates as readline does. */
export function normalizeCandidates(result: CompletionResult): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const defaultSuffix = result.suffix ?? ' ';
  for (const c of result.candidates) {
    const cand: Candidate =
      typeof c === 'string'
        ? { value: c, display: c, suffix: c.endsWith('/') ? '' : defaultSuffix }
        : {
            value: c.value,
            display: c.display ?? c.value,
            suffix: c.suffix ?? (c.value.endsWith('/') ? '' : defaultSuffix),
          };
    if (seen.has(cand.value)) continue;
    seen.add(cand.value);
    out.push(cand);
  }
  out.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out;
}

/** Longest common prefix of the candidates' values (by code point). */
export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0];
  for (let i = 1; i < values.length && prefix; i++) {
    const v = values[i];
    let j = 0;
    while (j < prefix.length && j < v.length && prefix.charCodeAt(j) === v.charCodeAt(j)) j++;
    // Do not split a surrogate pair.
    if (j > 0 && j < prefix.length) {
      const c = prefix.charCodeAt(j - 1);
      if (c >= 0xd800 && c <= 0xdbff) j--;
    }
    prefix = prefix.slice(0, j);
  }
  return prefix;
}

/**
 * The rows of a completion listing, as readline prints them: items sorted down the
 * columns (like ls), each column as wide as the longest item plus two spaces, as many
 * columns as fit in the terminal width (one fewer when they would fill it exactly).
 * Items are padded except in the last column, so rows may end with spaces, as bash's do.
 */
export function formatColumns(items: readonly string[], cols: number, width: WidthFn = wcwidth): string[] {
  const widths = items.map((s) => textWidth(s, width));
  let max = 0;
  for (const w of widths) if (w > max) max = w;
  max += 2;
  let limit = Math.floor(cols / max);
  if (limit !== 1 && limit * max === cols) limit--;
  if (limit <= 0) limit = 1;
  const count = Math.ceil(items.length / limit);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    let row = '';
    for (let j = 0, l = i; j < limit; j++, l += count) {
      if (l >= items.length) break;
      row += items[l];
      if (j + 1 < limit) row += widths[l] >= max ? ' ' : ' '.repeat(max - widths[l]);
    }
    rows.push(row);
  }
  return rows;
}
