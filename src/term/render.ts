// Brings the screen from one display to the next with few bytes, the way readline's
// redisplay does: everything up to the first cell that changed stays, the rest is rewritten,
// what is left of the old display is erased, and the cursor is moved with relative motions
// (CR, BS, CSI A/B/C/D), so it works wherever the prompt is on the screen and however far
// the terminal has scrolled.
//
// The terminal's "pending wrap" is handled explicitly: after a character is written in the
// last column the cursor stays there until the next character arrives. When the cursor must
// stand at the start of the next row, the renderer writes a space there and returns with CR,
// so the terminal itself performs the wrap and marks the row as a continuation.

import { NEWLINE, emptyDisplay, type Display } from './layout';

const CSI = '\x1b[';

export class Renderer {
  private prev: Display;
  /** Cursor position relative to the first row of the display. */
  private row = 0;
  private col = 0;
  /** The last column has been written and the terminal waits to wrap. */
  private pending = false;
  /** Rows below the first that are known to exist on the screen. */
  private maxRow = 0;

  constructor(private readonly out: (s: string) => void) {
    this.prev = emptyDisplay(80, 0);
  }

  /** Starts a new display at the cursor, which stands at column col0 of its row. */
  begin(cols: number, col0: number): void {
    this.prev = emptyDisplay(cols, col0);
    this.row = 0;
    this.col = col0;
    this.pending = false;
    this.maxRow = 0;
  }

  get display(): Display {
    return this.prev;
  }

  /** Current cursor position (row relative to the display's first row). */
  get cursor(): { row: number; col: number; pending: boolean } {
    return { row: this.row, col: this.col, pending: this.pending };
  }

  /** Last row of the screen that the display occupies, counting the cursor's row. */
  get bottomRow(): number {
    const p = this.prev;
    return Math.max(p.n > 0 ? p.row[p.n - 1] : 0, this.row);
  }

  /** Draws `next` over the previous display and puts the cursor at (row, col). */
  render(next: Display, target: { row: number; col: number }, same = 0): void {
    const prev = this.prev;
    const cols = next.cols;
    const common = Math.min(prev.n, next.n);
    // The first `same` cells are known to be equal (copied by the layout).
    let k = Math.min(same, common);
    while (
      k < common &&
      prev.text[k] === next.text[k] &&
      prev.row[k] === next.row[k] &&
      prev.col[k] === next.col[k] &&
      prev.w[k] === next.w[k]
    ) {
      k++;
    }

    if (k < next.n || k < prev.n) {
      // Start where the first difference appears on the screen (old or new, whichever is first).
      let sr: number;
      let sc: number;
      if (k < next.n) {
        sr = next.row[k];
        sc = next.col[k];
      } else {
        sr = next.endRow;
        sc = next.endCol;
      }
      if (k < prev.n && (prev.row[k] < sr || (prev.row[k] === sr && prev.col[k] < sc))) {
        sr = prev.row[k];
        sc = prev.col[k];
      }
      if (sc >= cols) {
        // The first difference is just past a full row.
        if (this.maxRow > sr) this.moveTo(sr + 1, 0);
        else this.standAtEndOfRow(sr);
      } else {
        this.moveTo(sr, sc);
      }

      let buf = '';
      for (let i = k; i < next.n; i++) {
        const w = next.w[i];
        if (w === NEWLINE) {
          if (!this.pending) buf += CSI + 'K';
          buf += '\r\n';
          this.row++;
          this.col = 0;
          this.pending = false;
          if (this.row > this.maxRow) this.maxRow = this.row;
          continue;
        }
        if (w > 0 && next.row[i] > this.row && !this.pending) {
          // A wide character did not fit: fill the rest of the row so the terminal wraps.
          buf += ' '.repeat(cols - this.col);
          this.col = cols;
          this.pending = true;
        }
        buf += next.text[i];
        if (w > 0) {
          if (this.pending) {
            this.row++;
            this.col = 0;
            this.pending = false;
            if (this.row > this.maxRow) this.maxRow = this.row;
          }
          this.col += w;
          if (this.col >= cols) {
            this.col = cols;
            this.pending = true;
          }
        }
      }
      if (buf) this.out(buf);

      // Erase what is left of the old display beyond the new end.
      const prevEndRow = prev.n > 0 ? Math.max(prev.endRow, prev.row[prev.n - 1]) : prev.endRow;
      const prevBeyond =
        prev.n > k &&
        (prevEndRow > this.row || (prevEndRow === this.row && !this.pending && prev.endCol > this.col));
      if (prevBeyond) {
        if (this.pending) {
          this.resolveWrap();
          this.out(CSI + 'J');
        } else {
          this.out(prevEndRow > this.row ? CSI + 'J' : CSI + 'K');
        }
      }
    }

    this.prev = next;
    this.placeCursor(target);
  }

  /** Moves the cursor to (row, col) of the current display. */
  placeCursor(target: { row: number; col: number }): void {
    if (target.row > this.maxRow) this.ensureRow(target.row);
    this.moveTo(target.row, Math.min(target.col, this.prev.cols - 1), true);
  }

  /**
   * Leaves the display: the cursor goes to the start of the row below the last one, as
   * after pressing Enter. Returns nothing; the caller writes what follows.
   */
  finish(): void {
    const d = this.prev;
    if (d.endCol >= d.cols) {
      // The text fills its last row exactly: output continues on the row below, which is
      // created if needed and cleared (that also ends the terminal's wrapped-row marking).
      this.ensureRow(d.endRow + 1);
      this.moveTo(d.endRow + 1, 0);
      this.out(CSI + 'K');
    } else {
      this.moveRow(Math.max(d.endRow, this.row));
      this.out('\r\n');
    }
    this.row = 0;
    this.col = 0;
    this.pending = false;
    this.maxRow = 0;
    this.prev = emptyDisplay(d.cols, 0);
  }

  /** Writes plain one-column text at the cursor (used for ^C), keeping track of the cursor. */
  writePlain(s: string): void {
    const cols = this.prev.cols;
    for (const _ of s) {
      if (this.pending) {
        this.row++;
        this.col = 0;
        this.pending = false;
        if (this.row > this.maxRow) this.maxRow = this.row;
      }
      this.col++;
      if (this.col >= cols) {
        this.col = cols;
        this.pending = true;
      }
    }
    this.out(s);
  }

  /** Moves the cursor to the start of the display (row 0, its first column). */
  moveToStart(): void {
    this.moveTo(0, Math.min(this.prev.col0, this.prev.cols - 1));
  }

  /** Moves vertically only. */
  moveRow(r: number): void {
    if (r === this.row) return;
    if (r > this.maxRow) this.ensureRow(r);
    if (r === this.row) return;
    if (this.pending) {
      // A vertical motion ends the terminal's wait to wrap as well.
      this.col = this.prev.cols - 1;
      this.pending = false;
    }
    if (r > this.row) this.out(r - this.row === 1 ? CSI + 'B' : `${CSI}${r - this.row}B`);
    else if (r < this.row) this.out(this.row - r === 1 ? CSI + 'A' : `${CSI}${this.row - r}A`);
    this.row = r;
  }

  /** After a terminal resize that did not reflow our rows: the cursor column may be clamped. */
  clampColumn(cols: number): void {
    if (this.pending || this.col >= cols) {
      this.col = Math.min(this.col, cols - 1);
      this.pending = false;
    }
  }

  /**
   * Moves so that the next character written lands at (r, c). With `mayWait`, a cursor
   * waiting to wrap after the last column may stay so when (r, c) is that last column (it is
   * shown there); otherwise the wait is ended, since the next character would wrap.
   */
  private moveTo(r: number, c: number, mayWait = false): void {
    let s = '';
    if (this.pending) {
      const last = this.prev.cols - 1;
      if (r === this.row && c === last) {
        if (mayWait) return;
        // Terminals treat a cursor waiting to wrap as standing in the last column, but only
        // a motion ends the wait: move there explicitly.
        this.out(`${CSI}${last + 1}G`);
      }
      this.col = last;
      this.pending = false;
    }
    if (r > this.row) s += r - this.row === 1 ? CSI + 'B' : `${CSI}${r - this.row}B`;
    else if (r < this.row) s += this.row - r === 1 ? CSI + 'A' : `${CSI}${this.row - r}A`;
    this.row = r;
    if (c !== this.col) {
      if (c === 0) s += '\r';
      else if (c < this.col) s += this.col - c === 1 ? '\b' : `${CSI}${this.col - c}D`;
      else s += c - this.col === 1 ? CSI + 'C' : `${CSI}${c - this.col}C`;
      this.col = c;
    }
    if (s) this.out(s);
  }

  /** From a pending wrap, steps onto the next row (creating it) at column 0. */
  private resolveWrap(): void {
    this.out(' \r');
    this.row++;
    this.col = 0;
    this.pending = false;
    if (this.row > this.maxRow) this.maxRow = this.row;
  }

  /** Makes sure rows up to `r` exist below the display's first row. */
  private ensureRow(r: number): void {
    while (this.maxRow < r) {
      const d = this.prev;
      const row = this.maxRow;
      if (!(this.pending && this.row === row)) {
        const full = d.endCol >= d.cols && d.endRow === row;
        if (full) {
          this.standAtEndOfRow(row);
        } else {
          // The row is not full: a new line creates the next one.
          this.moveTo(row, this.col);
          this.out('\r\n');
          this.row++;
          this.col = 0;
          this.maxRow = this.row;
          continue;
        }
      }
      this.resolveWrap();
    }
  }

  /** Rewrites the last character of row r so that the terminal waits to wrap after it. */
  private standAtEndOfRow(r: number): void {
    if (this.pending && this.row === r) return;
    const d = this.prev;
    for (let i = d.n - 1; i >= 0; i--) {
      if (d.row[i] === r && d.w[i] > 0) {
        this.moveTo(r, d.col[i]);
        this.out(d.text[i]);
        this.col = d.cols;
        this.pending = true;
        return;
      }
      if (d.row[i] < r) break;
    }
    this.moveTo(r, d.cols - 1);
  }
}
