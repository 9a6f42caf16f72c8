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
  text: string;
  width: number; // display width
  htab: boolean;
}

/** Runs of the pad character, by length (padding is mostly short and repeats). */
const PADS = new Map<string, string[]>();
function padOf(ch: string, n: number): string {
  let runs = PADS.get(ch);
  if (!runs) PADS.set(ch, (runs = []));
  if (n < 256) return (runs[n] ??= ch.repeat(n));
  return ch.repeat(n);
}

const TAB = 9;
const NEWLINE = 10;
const FORMFEED = 12;

export class TabWriter {
  private out = '';
  /** the cell being written (its text comes in pieces) */
  private cellText = '';
  private cellWidth = 0;
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
    this.cellText = '';
    this.cellWidth = 0;
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean) {
    if (this.padbytes === '\t' || useTabs) {
      if (this.tabwidth === 0) return;
      cellw = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      if (n < 0) throw new Error('internal error');
      this.out += padOf('\t', Math.ceil(n / this.tabwidth));
      return;
    }
    if (cellw > textw) this.out += padOf(this.padbytes, cellw - textw);
  }

  private writeLines(line0: number, line1: number): void {
    const widths = this.widths;
    const alignRight = (this.flags & AlignRight) !== 0;
    const debug = (this.flags & Debug) !== 0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = (this.flags & TabIndent) !== 0;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (j > 0 && debug) this.out += '|';
        if (c.text === '') {
          if (j < widths.length) this.writePadding(c.width, widths[j]!, useTabs);
        } else {
          useTabs = false;
          if (!alignRight) {
            this.out += c.text;
            if (j < widths.length) this.writePadding(c.width, widths[j]!, false);
          } else {
            if (j < widths.length) this.writePadding(c.width, widths[j]!, false);
            this.out += c.text;
          }
        }
      }
      if (i + 1 === this.lines.length) {
        // last buffered line: no newline, the text of the incomplete cell
        this.out += this.cellText;
      } else {
        this.out += '\n';
      }
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      let line = this.lines[t]!;
      if (column >= line.length - 1) continue;
      // cell exists in this column: this line starts a block
      this.writeLines(line0, t);
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
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
      t--; // the for loop's t++ must not skip line t
    }
    this.writeLines(line0, line1);
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cellText, width: this.cellWidth, htab });
    this.cellText = '';
    this.cellWidth = 0;
    return line.length;
  }

  private flushInternal() {
    if (this.cellText !== '') this.terminateCell(false);
    this.format(0, this.lines.length);
    this.reset();
  }

  /** Write text (any number of cells and lines). */
  write(text: string): void {
    if (text.indexOf('\v') < 0 && text.indexOf('\f') < 0) return this.writeTabbed(text);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch < TAB || ch > FORMFEED) continue; // \t \n \v \f are 9 to 12
      if (i > n) {
        const piece = text.slice(n, i);
        this.cellText += piece;
        this.cellWidth += stringWidth(piece);
      }
      n = i + 1;
      const ncells = this.terminateCell(ch === TAB);
      if (ch === NEWLINE || ch === FORMFEED) {
        this.lines.push([]);
        if (ch === FORMFEED || ncells === 1) {
          // a line with a single cell cannot influence column widths: flush
          this.flushInternal();
          if (ch === FORMFEED && this.flags & Debug) this.out += '---\n';
        }
      }
    }
    if (n < text.length) {
      const rest = text.slice(n);
      this.cellText += rest;
      this.cellWidth += stringWidth(rest);
    }
  }

  /** write() for text whose only separators are '\t' and '\n' (tables): split, not walked. */
  private writeTabbed(text: string): void {
    const lines = text.split('\n');
    for (let l = 0; l < lines.length; l++) {
      const cells = lines[l]!.split('\t');
      for (let c = 0; c < cells.length; c++) {
        const piece = cells[c]!;
        if (piece !== '') {
          this.cellText += piece;
          this.cellWidth += stringWidth(piece);
        }
        if (c < cells.length - 1) this.terminateCell(true);
      }
      if (l === lines.length - 1) break;
      const ncells = this.terminateCell(false);
      this.lines.push([]);
      // a line with a single cell cannot influence column widths: flush
      if (ncells === 1) this.flushInternal();
    }
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
