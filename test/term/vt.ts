// A small VT100 screen for the tests: it interprets what the editor writes and keeps the
// screen (with scrollback) and the cursor, behaving like xterm.js where it matters:
// autowrap with a pending-wrap state (the cursor waits in the last column), a wide
// character that does not fit wraps and blanks the last column, cursor motions treat a
// pending wrap as standing in the last column, LF does not return the carriage.
// Sequences it does not know make it throw, so the tests catch anything unexpected.

interface Cell {
  ch: string;
  /** 1 or 2 for a character, 0 for the right half of a wide character. */
  w: number;
}

/** Independent width rules for the characters the tests use (CJK wide, combining marks). */
export function testWidth(cp: number): number {
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export class Screen {
  /** All lines: scrollback first, then the screen's rows. */
  private lines: Cell[][] = [];
  x = 0;
  /** Cursor row on the screen (0 = top row). */
  y = 0;
  /** Everything written, for assertions on the byte stream. */
  written = '';
  bells = 0;
  bracketedPaste = false;
  cursorVisible = true;
  /** The last thing written was a character (a combining mark may join it). */
  private joinable = false;

  constructor(
    public cols: number,
    public rows: number,
  ) {
    for (let i = 0; i < rows; i++) this.lines.push(this.blank());
  }

  private blank(): Cell[] {
    return Array.from({ length: this.cols }, () => ({ ch: ' ', w: 1 }));
  }

  private get top(): number {
    return this.lines.length - this.rows;
  }

  private row(y = this.y): Cell[] {
    return this.lines[this.top + y];
  }

  write(data: string): void {
    this.written += data;
    let i = 0;
    while (i < data.length) {
      const c = data.charCodeAt(i);
      if (c === 0x1b) {
        this.joinable = false;
        i = this.escape(data, i);
        continue;
      }
      if (c < 0x20 || c === 0x7f) {
        this.joinable = false;
        this.control(c);
        i++;
        continue;
      }
      const cp = data.codePointAt(i)!;
      this.print(String.fromCodePoint(cp), testWidth(cp));
      i += cp > 0xffff ? 2 : 1;
    }
  }

  private control(c: number): void {
    switch (c) {
      case 0x0d:
        this.x = 0;
        return;
      case 0x0a:
        if (this.x >= this.cols) this.x = this.cols - 1;
        this.lineFeed();
        return;
      case 0x08:
        this.restrict();
        if (this.x > 0) this.x--;
        return;
      case 0x07:
        this.bells++;
        return;
      case 0x09:
        this.restrict();
        this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8);
        return;
      default:
        throw new Error(`vt: unexpected control character 0x${c.toString(16)}`);
    }
  }

  private restrict(): void {
    if (this.x >= this.cols) this.x = this.cols - 1;
  }

  private lineFeed(): void {
    if (this.y === this.rows - 1) this.lines.push(this.blank());
    else this.y++;
  }

  private print(ch: string, w: number): void {
    if (w === 0 && !this.joinable) {
      // Like xterm.js: a combining mark that does not directly follow a character takes a
      // cell of its own.
      w = 1;
    }
    this.joinable = true;
    if (w === 0) {
      // Combining mark: joins the character before the cursor.
      const x = Math.min(this.x, this.cols) - 1;
      if (x < 0) return;
      const r = this.row();
      const at = r[x].w === 0 && x > 0 ? x - 1 : x;
      r[at] = { ch: r[at].ch + ch, w: r[at].w };
      return;
    }
    if (this.x + w > this.cols) {
      // Wrap: blank what is left of this row, continue on the next one.
      const r = this.row();
      for (let x = this.x; x < this.cols; x++) r[x] = { ch: ' ', w: 1 };
      this.x = 0;
      this.lineFeed();
    }
    const r = this.row();
    this.clearWide(r, this.x);
    r[this.x] = { ch, w };
    if (w === 2) {
      this.clearWide(r, this.x + 1);
      r[this.x + 1] = { ch: '', w: 0 };
    }
    this.x += w;
  }

  /** Overwriting half of a wide character blanks its other half. */
  private clearWide(r: Cell[], x: number): void {
    const cell = r[x];
    if (cell.w === 2 && x + 1 < this.cols) r[x + 1] = { ch: ' ', w: 1 };
    if (cell.w === 0 && x > 0) r[x - 1] = { ch: ' ', w: 1 };
  }

  private escape(data: string, i: number): number {
    const next = data[i + 1];
    if (next !== '[') throw new Error(`vt: unexpected escape ${JSON.stringify(data.slice(i, i + 4))}`);
    let j = i + 2;
    let priv = '';
    if (data[j] === '?') {
      priv = '?';
      j++;
    }
    const start = j;
    while (j < data.length && /[0-9;]/.test(data[j])) j++;
    const params = data.slice(start, j);
    const final = data[j];
    if (final === undefined) throw new Error('vt: unterminated CSI');
    const nums = params === '' ? [] : params.split(';').map((p) => (p === '' ? 0 : Number(p)));
    const n = nums[0] || 1;
    if (priv) {
      if (final !== 'h' && final !== 'l') throw new Error(`vt: unexpected CSI ?${params}${final}`);
      const on = final === 'h';
      if (params === '25') this.cursorVisible = on;
      else if (params === '2004') this.bracketedPaste = on;
      else throw new Error(`vt: unexpected mode ?${params}`);
      return j + 1;
    }
    switch (final) {
      case 'A':
        this.restrict();
        this.y = Math.max(0, this.y - n);
        break;
      case 'B':
        this.restrict();
        this.y = Math.min(this.rows - 1, this.y + n);
        break;
      case 'C':
        this.restrict();
        this.x = Math.min(this.cols - 1, this.x + n);
        break;
      case 'D':
        this.restrict();
        this.x = Math.max(0, this.x - n);
        break;
      case 'G':
        this.x = Math.min(this.cols - 1, n - 1);
        break;
      case 'H':
        this.y = Math.min(this.rows - 1, (nums[0] || 1) - 1);
        this.x = Math.min(this.cols - 1, (nums[1] || 1) - 1);
        break;
      case 'K': {
        const r = this.row();
        const mode = nums[0] || 0;
        const x = Math.min(this.x, this.cols);
        if (mode === 0) for (let k = x; k < this.cols; k++) r[k] = { ch: ' ', w: 1 };
        else if (mode === 1) for (let k = 0; k <= Math.min(x, this.cols - 1); k++) r[k] = { ch: ' ', w: 1 };
        else for (let k = 0; k < this.cols; k++) r[k] = { ch: ' ', w: 1 };
        break;
      }
      case 'J': {
        const mode = nums[0] || 0;
        if (mode === 0) {
          const r = this.row();
          for (let k = Math.min(this.x, this.cols); k < this.cols; k++) r[k] = { ch: ' ', w: 1 };
          for (let y = this.y + 1; y < this.rows; y++) this.lines[this.top + y] = this.blank();
        } else if (mode === 2) {
          for (let y = 0; y < this.rows; y++) this.lines[this.top + y] = this.blank();
        } else {
          throw new Error(`vt: unexpected ED ${mode}`);
        }
        break;
      }
      case 'm':
        break;
      default:
        throw new Error(`vt: unexpected CSI ${params}${final}`);
    }
    return j + 1;
  }

  /** Changes the size without reflowing (xterm.js keeps the cursor's rows as they are). */
  resize(cols: number, rows: number = this.rows): void {
    for (let k = 0; k < this.lines.length; k++) {
      const r = this.lines[k];
      if (cols < this.cols) r.length = cols;
      else while (r.length < cols) r.push({ ch: ' ', w: 1 });
    }
    this.cols = cols;
    if (rows > this.rows) {
      for (let k = this.rows; k < rows; k++) this.lines.push(this.blank());
    } else if (rows < this.rows) {
      // Rows below the cursor go first; then the top rows move into the scrollback.
      let drop = this.rows - rows;
      while (drop > 0 && this.y < this.rows - 1) {
        this.lines.pop();
        this.rows--;
        drop--;
      }
      if (drop > 0) this.y -= drop;
    }
    this.rows = rows;
    this.x = Math.min(this.x, cols - 1);
  }

  private lineText(r: Cell[]): string {
    let s = '';
    for (const c of r) if (c.w !== 0) s += c.ch;
    return s.replace(/ +$/, '');
  }

  /** The screen's rows, trailing spaces removed. */
  screen(): string[] {
    const out: string[] = [];
    for (let y = 0; y < this.rows; y++) out.push(this.lineText(this.row(y)));
    return out;
  }

  /** The screen's rows up to the last non-empty one (or the cursor's row). */
  text(): string {
    const s = this.screen();
    let last = this.y;
    for (let k = s.length - 1; k > last; k--) {
      if (s[k] !== '') {
        last = k;
        break;
      }
    }
    return s.slice(0, last + 1).join('\n');
  }

  /** Scrollback and screen, up to the last non-empty row or the cursor. */
  all(): string {
    const rows = this.lines.map((r) => this.lineText(r));
    let last = this.top + this.y;
    for (let k = rows.length - 1; k > last; k--) {
      if (rows[k] !== '') {
        last = k;
        break;
      }
    }
    return rows.slice(0, last + 1).join('\n');
  }

  /** Cursor as [row, column], the column clamped like a terminal shows it. */
  get cursor(): [number, number] {
    return [this.y, Math.min(this.x, this.cols - 1)];
  }

  /** True when the last column was written and the cursor waits to wrap. */
  get pendingWrap(): boolean {
    return this.x >= this.cols;
  }
}
