// Where every character of the prompt and the line lands on the screen.
//
// The display is a flat list of cells, each with the text written for it, its width and its
// row and column counted from the row where the prompt starts. Lines wrap exactly as the
// terminal wraps them: a character that does not fit goes to the next row, and a wide
// character that would straddle the right margin leaves the last column empty. Control
// characters in the line show as ^X, tabs as spaces to the next tab stop, and newlines
// (in a multi-line command recalled from history) start a new row.

import type { PromptCell } from './prompt';
import { isControl, nextBoundary, prevBoundary, wcwidth, type WidthFn } from './width';

/** Width marker of a newline cell. */
export const NEWLINE = -1;

export interface Display {
  cols: number;
  /** Column where the prompt starts on its first row. */
  col0: number;
  /** Number of cells. */
  n: number;
  text: string[];
  /** Columns of each cell: 0, 1, 2, or NEWLINE. */
  w: number[];
  row: number[];
  col: number[];
  /** Position just after the last cell; endCol may equal cols (the row is exactly full). */
  endRow: number;
  endCol: number;
  /** Index of the first cell of the edited line (the cells before it are the prompt's). */
  lineStart: number;
  /** For each UTF-16 offset of the line that starts a character: its first cell; -1 elsewhere. */
  cellOf: Int32Array;
}

export function emptyDisplay(cols: number, col0: number): Display {
  return {
    cols,
    col0,
    n: 0,
    text: [],
    w: [],
    row: [],
    col: [],
    endRow: 0,
    endCol: col0,
    lineStart: 0,
    cellOf: new Int32Array(1),
  };
}

/**
 * Lays out the prompt and the line. With `prev` (the display of the same prompt, width and
 * start column) and `from` > 0, the line before offset `from` is known to be unchanged: its
 * cells are copied and only the rest is laid out. `reused` in the result tells how many
 * cells were copied (they are equal in both displays).
 */
export function layout(
  prompt: readonly PromptCell[],
  line: string,
  cols: number,
  col0: number,
  width: WidthFn = wcwidth,
  prev?: Display,
  from = 0,
): Display & { reused: number } {
  let text: string[];
  let ws: number[];
  let rows: number[];
  let colsOf: number[];
  let r: number;
  let c: number;
  let lineStart: number;
  let i: number;
  const cellOf = new Int32Array(line.length + 1);
  let reused = 0;

  if (prev && from > 0 && prev.cols === cols && prev.col0 === col0) {
    // Start at the character containing offset from-1: a combining mark typed at `from`
    // belongs to it.
    i = prevBoundary(line, Math.min(from, line.length), width);
    const k = i < prev.cellOf.length ? prev.cellOf[i] : -1;
    if (k < 0) return layout(prompt, line, cols, col0, width);
    text = prev.text.slice(0, k);
    ws = prev.w.slice(0, k);
    rows = prev.row.slice(0, k);
    colsOf = prev.col.slice(0, k);
    lineStart = prev.lineStart;
    if (k === 0) {
      r = 0;
      c = col0;
    } else if (ws[k - 1] === NEWLINE) {
      r = rows[k - 1] + 1;
      c = 0;
    } else {
      r = rows[k - 1];
      c = colsOf[k - 1] + ws[k - 1];
    }
    cellOf.set(prev.cellOf.subarray(0, i));
    reused = k;
  } else {
    text = [];
    ws = [];
    rows = [];
    colsOf = [];
    r = 0;
    c = col0;
    for (const cell of prompt) {
      const w = cell.w;
      if (w > 0 && c + w > cols) {
        r++;
        c = 0;
      }
      text.push(cell.text);
      ws.push(w);
      rows.push(r);
      colsOf.push(c);
      c += w;
    }
    lineStart = text.length;
    i = 0;
  }

  const n = line.length;
  while (i < n) {
    cellOf[i] = text.length;
    const code = line.charCodeAt(i);
    let t: string;
    let w: number;
    let next = i + 1;
    if (code >= 0x20 && code < 0x7f && !(line.charCodeAt(next) >= 0x300)) {
      // Plain ASCII not followed by a combining mark: one cell.
      t = line[i];
      w = 1;
    } else if (code === 0x0a) {
      text.push('\n');
      ws.push(NEWLINE);
      rows.push(r);
      colsOf.push(c);
      r++;
      c = 0;
      i = next;
      continue;
    } else if (code === 0x09) {
      if (c >= cols) {
        r++;
        c = 0;
      }
      const stop = Math.min(cols, (Math.floor(c / 8) + 1) * 8);
      while (c < stop) {
        text.push(' ');
        ws.push(1);
        rows.push(r);
        colsOf.push(c);
        c++;
      }
      i = next;
      continue;
    } else {
      const cp = line.codePointAt(i)!;
      if (isControl(cp)) {
        // ^X for C0 controls and DEL; C1 controls have no printable form, show them as ^?.
        if (c + 1 > cols) {
          r++;
          c = 0;
        }
        text.push('^');
        ws.push(1);
        rows.push(r);
        colsOf.push(c);
        c++;
        t = cp < 0x20 ? String.fromCharCode(cp + 64) : '?';
        w = 1;
      } else {
        next = nextBoundary(line, i, width);
        t = line.slice(i, next);
        w = code < 0x7f ? 1 : width(cp);
      }
    }
    for (let k = i + 1; k < next; k++) cellOf[k] = -1;
    if (w > 0 && c + w > cols) {
      r++;
      c = 0;
    }
    text.push(t);
    ws.push(w);
    rows.push(r);
    colsOf.push(c);
    c += w;
    i = next;
  }
  cellOf[n] = text.length;

  return {
    cols,
    col0,
    n: text.length,
    text,
    w: ws,
    row: rows,
    col: colsOf,
    endRow: r,
    endCol: c,
    lineStart,
    cellOf,
    reused,
  };
}

/** Screen position of the cursor when it stands before the line character at `offset`. */
export function cursorPosition(d: Display, offset: number): { row: number; col: number } {
  const cell = offset >= 0 && offset < d.cellOf.length ? d.cellOf[offset] : d.n;
  if (cell < 0 || cell >= d.n) return endPosition(d);
  if (d.w[cell] === NEWLINE && d.col[cell] >= d.cols) return { row: d.row[cell], col: d.cols - 1 };
  return { row: d.row[cell], col: d.col[cell] };
}

/** Where the cursor stands after the last cell: a full last row puts it on the next row. */
export function endPosition(d: Display): { row: number; col: number } {
  if (d.endCol >= d.cols) return { row: d.endRow + 1, col: 0 };
  return { row: d.endRow, col: d.endCol };
}
