/**
 * The docker CLI's fork of Go's text/tabwriter (cli/command/formatter/tabwriter): an
 * elastic-tabstop writer whose column widths are measured in terminal columns
 * (go-runewidth). Cells end at '\t' (also '\v'); lines at '\n' (also '\f', which also
 * flushes). A column block spans consecutive lines that have a cell in that column; a
 * line without tabs ends the block. The last cell of a line is never padded.
 *
 * Not modelled: the Escape character and the FilterHTML/StripEscape flags (the docker
 * CLI uses neither).
 */
import { stringWidth } from './runewidth';

export const AlignRight = 1 << 2;
export const DiscardEmptyColumns = 1 << 3;
export const TabIndent = 1 << 4;
export const Debug = 1 << 5;

interface Cell {
  size: number; // length in UTF-16 units
  width: number; // display width
  htab: boolean;
}

export class TabWriter {
  private out = '';
  private buf = '';
  private cell: Cell = { size: 0, width: 0, htab: false };
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private readonly padbytes: string;

  constructor(
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    padchar: string,
    private flags = 0,
  ) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error('negative minwidth, tabwidth, or padding');
    this.padbytes = padchar;
    if (padchar === '\t') this.flags &= ~AlignRight;
  }

  /** The table settings `docker ps`, `images`, … use: minwidth 10, tabwidth 1, padding 3, ' '. */
  static forTables(): TabWriter {
    return new TabWriter(10, 1, 3, ' ', 0);
  }

  private reset() {
    this.buf = '';
    this.cell = { size: 0, width: 0, htab: false };
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean) {
    if (this.padbytes === '\t' || useTabs) {
      if (this.tabwidth === 0) return;
      cellw = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      if (n < 0) throw new Error('internal error');
      this.out += '\t'.repeat(Math.ceil(n / this.tabwidth));
      return;
    }
    if (cellw > textw) this.out += this.padbytes.repeat(cellw - textw);
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = (this.flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && this.flags & Debug) this.out += '|';
        if (c.size === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          if ((this.flags & AlignRight) === 0) {
            this.out += this.buf.slice(pos, pos + c.size);
            pos += c.size;
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
          } else {
            if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!, false);
            this.out += this.buf.slice(pos, pos + c.size);
            pos += c.size;
          }
        }
      });
      if (i + 1 === this.lines.length) {
        // last buffered line: no newline, the text of the incomplete cell
        this.out += this.buf.slice(pos, pos + this.cell.size);
        pos += this.cell.size;
      } else {
        this.out += '\n';
      }
    }
    return pos;
  }

  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      let line = this.lines[t]!;
      if (column >= line.length - 1) continue;
      // cell exists in this column: this line starts a block
      pos = this.writeLines(pos, line0, t);
      line0 = t;
      let width = this.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        line = this.lines[t]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DiscardEmptyColumns) width = 0;
      this.widths.push(width);
      pos = this.format(pos, line0, t);
      this.widths.pop();
      line0 = t;
      t--; // the for loop's t++ must not skip line t
    }
    return this.writeLines(pos, line0, line1);
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  private flushInternal() {
    if (this.cell.size > 0) this.terminateCell(false);
    this.format(0, 0, this.lines.length);
    this.reset();
  }

  /** Write text (any number of cells and lines). */
  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const piece = text.slice(n, i);
        this.buf += piece;
        this.cell.size += piece.length;
        this.cell.width += stringWidth(piece);
        n = i + 1;
        const ncells = this.terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          this.lines.push([]);
          if (ch === '\f' || ncells === 1) {
            // a line with a single cell cannot influence column widths: flush
            this.flushInternal();
            if (ch === '\f' && this.flags & Debug) this.out += '---\n';
          }
        }
      }
    }
    const rest = text.slice(n);
    this.buf += rest;
    this.cell.size += rest.length;
    this.cell.width += stringWidth(rest);
  }

  /** Flush buffered text and return everything written so far (then clears the output). */
  flush(): string {
    this.flushInternal();
    const out = this.out;
    this.out = '';
    return out;
  }
}

/** Align `text` with the table settings of the docker CLI (minwidth 10, padding 3). */
export function alignTable(text: string): string {
  const w = TabWriter.forTables();
  w.write(text);
  return w.flush();
}
