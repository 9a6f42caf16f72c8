// Where every character of the prompt and the line lands on the screen.
//
// The display is a flat list of cells, each with the text written for it, its width and its
// row and column counted from the row where the prompt starts. Lines wrap exactly as the
// terminal wraps them: a character that does not fit goes to the next row, and a wide
// character that would straddle the right margin leaves the last column empty. Control
// characters in the line show as ^X, tabs as spaces to the next tab stop, and newlines
// (in a multi-line command recalled from history) start a new row.

import type { PromptCell } from './prompt';
import { isControl, nextBoundary, wcwidth, type WidthFn } from './width';

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

export function layout(prompt: readonly PromptCell[], line: string, cols: number, col0: number, width: WidthFn = wcwidth): Display {
  const text: string[] = [];
  const ws: number[] = [];
  const rows: number[] = [];
  const colsOf: number[] = [];
  let r = 0;
  let c = col0;

  const place = (t: string, w: number): void => {
    if (w === NEWLINE) {
      text.push(t);
      ws.push(w);
      rows.push(r);
      colsOf.push(c);
      r++;
      c = 0;
      return;
    }
    if (w > 0 && c + w > cols) {
      r++;
      c = 0;
    }
    text.push(t);
    ws.push(w);
    rows.push(r);
    colsOf.push(c);
    c += w;
  };

  for (const cell of prompt) place(cell.text, cell.w);
  const lineStart = text.length;
  const cellOf = new Int32Array(line.length + 1).fill(-1);

  let i = 0;
  while (i < line.length) {
    cellOf[i] = text.length;
    const code = line.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f && !(line.charCodeAt(i + 1) >= 0x300)) {
      // Plain ASCII not followed by a combining mark: one cell.
      place(line[i], 1);
      i++;
      continue;
    }
    if (code === 0x0a) {
      place('\n', NEWLINE);
      i++;
      continue;
    }
    if (code === 0x09) {
      if (c >= cols) {
        r++;
        c = 0;
      }
      const stop = Math.min(cols, (Math.floor(c / 8) + 1) * 8);
      for (let k = c; k < stop; k++) place(' ', 1);
      i++;
      continue;
    }
    const cp = line.codePointAt(i)!;
    if (isControl(cp)) {
      // ^X for C0 controls and DEL; C1 controls have no printable form, show them as ^?.
      place('^', 1);
      place(cp < 0x20 ? String.fromCharCode(cp + 64) : '?', 1);
      i++;
      continue;
    }
    const j = nextBoundary(line, i, width);
    place(line.slice(i, j), code < 0x7f ? 1 : width(cp));
    i = j;
  }
  cellOf[line.length] = text.length;

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
