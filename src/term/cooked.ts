// The terminal's line discipline while a command runs (a tty in canonical mode with echo,
// as stty sane sets it): typed characters are echoed and collected into lines; Backspace,
// Ctrl-U and Ctrl-W edit the line being typed; Enter completes it; Ctrl-D at the start of a
// line is end of input; Ctrl-C, Ctrl-\ and Ctrl-Z discard everything typed ahead and raise
// SIGINT, SIGQUIT and SIGTSTP. Control characters echo as ^X.
//
// Completed lines wait until someone reads them: the running command (its stdin), or the
// shell's next prompt, which receives them as type-ahead, as bash does when you type while
// a command is still running.

import { isControl, nextBoundary, prevBoundary, wcwidth, type WidthFn } from './width';

export type TtySignal = 'SIGINT' | 'SIGQUIT' | 'SIGTSTP';

export interface DisciplineIO {
  /** Writes echo to the terminal. */
  write(s: string): void;
  /** The terminal's cursor column (for erasing tabs). */
  column(): number;
  signal(sig: TtySignal): void;
  /** A line (or end of input) became available. */
  ready(): void;
}

/** A completed line ("text\n"), text ended by Ctrl-D without newline, or null for end of input. */
export type Chunk = string | null;

export class LineDiscipline {
  /** Echo typed characters (stty echo). */
  echo = true;
  private line = '';
  /** Columns each echoed character took, to erase it again. */
  private echoed: number[] = [];
  private lineStartCol = 0;
  private readonly chunks: Chunk[] = [];
  private literalNext = false;

  constructor(
    private readonly io: DisciplineIO,
    private readonly width: WidthFn = wcwidth,
  ) {}

  /** True when a line or end of input is waiting to be read. */
  get hasChunk(): boolean {
    return this.chunks.length > 0;
  }

  /** Processes input; `echo` overrides the echo setting (type-ahead that arrived unechoed). */
  feed(data: string, echo = this.echo): void {
    let out = '';
    const flushOut = (): void => {
      if (out) {
        this.io.write(out);
        out = '';
      }
    };
    let i = 0;
    while (i < data.length) {
      const j = nextBoundary(data, i, this.width);
      const ch = data.slice(i, j);
      const code = data.charCodeAt(i);
      i = j;
      if (this.line === '' && this.echoed.length === 0) {
        flushOut();
        this.lineStartCol = this.io.column();
      }
      if (this.literalNext) {
        this.literalNext = false;
        out += this.append(ch, echo);
        continue;
      }
      switch (code) {
        case 0x03:
        case 0x1c:
        case 0x1a: {
          const sig: TtySignal = code === 0x03 ? 'SIGINT' : code === 0x1c ? 'SIGQUIT' : 'SIGTSTP';
          this.discard();
          if (echo) out += '^' + String.fromCharCode(code + 64);
          flushOut();
          this.io.signal(sig);
          // Whatever followed in this chunk was typed after the signal.
          continue;
        }
        case 0x0d:
        case 0x0a:
          if (echo) out += '\r\n';
          this.complete(this.line + '\n');
          continue;
        case 0x04:
          this.complete(this.line === '' ? null : this.line);
          continue;
        case 0x7f: {
          out += this.erase(echo);
          continue;
        }
        case 0x15:
          while (this.line !== '') out += this.erase(echo);
          continue;
        case 0x17: {
          while (this.line !== '' && /[ \t]$/.test(this.line)) out += this.erase(echo);
          while (this.line !== '' && !/[ \t]$/.test(this.line)) out += this.erase(echo);
          continue;
        }
        case 0x16:
          this.literalNext = true;
          if (echo) out += '^\b';
          continue;
        default:
          out += this.append(ch, echo);
      }
    }
    flushOut();
  }

  /** The next completed line without removing it; undefined when none is waiting. */
  peek(): Chunk | undefined {
    return this.chunks.length > 0 ? this.chunks[0] : undefined;
  }

  /** Removes and returns the next completed line; undefined when none is waiting. */
  take(): Chunk | undefined {
    if (this.chunks.length === 0) return undefined;
    return this.chunks.shift();
  }

  /**
   * Everything typed and not yet read, as the keys that produced it (completed lines end
   * with "\n", end of input is Ctrl-D), emptying the discipline. For the next prompt or raw mode.
   */
  drain(): string {
    let s = '';
    for (const c of this.chunks) s += c === null ? '\x04' : c;
    s += this.line;
    this.chunks.length = 0;
    this.line = '';
    this.echoed = [];
    this.literalNext = false;
    return s;
  }

  /** Discards everything typed ahead (what a signal character does). */
  discard(): void {
    this.chunks.length = 0;
    this.line = '';
    this.echoed = [];
    this.literalNext = false;
  }

  private complete(chunk: Chunk): void {
    this.chunks.push(chunk);
    this.line = '';
    this.echoed = [];
    this.io.ready();
  }

  private append(ch: string, echo: boolean): string {
    this.line += ch;
    const cp = ch.codePointAt(0)!;
    let shown: string;
    let w: number;
    if (cp === 0x09) {
      const col = this.lineStartCol + this.echoed.reduce((a, b) => a + b, 0);
      w = 8 - (col % 8);
      shown = '\t';
    } else if (isControl(cp)) {
      shown = '^' + (cp === 0x7f ? '?' : String.fromCharCode((cp & 0x1f) + 64));
      w = 2;
    } else {
      shown = ch;
      w = 0;
      for (const c of ch) w += this.width(c.codePointAt(0)!);
    }
    this.echoed.push(w);
    return echo ? shown : '';
  }

  private erase(echo: boolean): string {
    if (this.line === '') return '';
    this.line = this.line.slice(0, prevBoundary(this.line, this.line.length, this.width));
    const w = this.echoed.pop() ?? 1;
    if (!echo) return '';
    return '\b \b'.repeat(w);
  }
}
