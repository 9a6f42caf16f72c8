// Running a program under a pseudo-terminal, typing keys into it and reading its screen back.
//
//   const s = spawnPty('docker', ['run', '-it', '--rm', 'mini', 'sh'], { env, rows: 24, cols: 80 });
//   await s.waitFor('/ # ');
//   s.write('echo $((6*7))\r');
//   await s.waitFor(/^42$/m);
//   s.write(KEYS.ctrlD);
//   const { code } = await s.exited;
//
// Backends: util-linux `script -qfec` (default when present) or python3's pty module (also
// supports resize()). No native addon is needed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export type PtyBackend = 'script' | 'python';

export interface PtyOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  rows?: number;
  cols?: number;
  /** Force a backend; default: script if present, else python3. */
  backend?: PtyBackend;
  /** Answer terminal queries (cursor position report `ESC[6n`) like a real terminal. Default true. */
  answerQueries?: boolean;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Search the ANSI-stripped output from this offset (see mark()). Default: from the last mark. */
  since?: number;
  /** Match against the emulated screen instead of the output stream. */
  screen?: boolean;
}

export interface PtyExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Keystrokes as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  tab: '\t',
  backspace: '\x7f',
  escape: '\x1b',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlL: '\x0c',
  ctrlU: '\x15',
  ctrlW: '\x17',
  ctrlA: '\x01',
  ctrlE: '\x05',
  ctrlP: '\x10',
  ctrlQ: '\x11',
  /** docker's default detach sequence. */
  detach: '\x10\x11',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
} as const;

let backendCache: PtyBackend | null | undefined;

/** The backend available here, or null when neither `script` nor python3 can provide a pty. */
export function ptyBackend(): PtyBackend | null {
  if (backendCache !== undefined) return backendCache;
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (script.status === 0 && /util-linux/.test(script.stdout + script.stderr)) backendCache = 'script';
  else if (spawnSync('python3', ['-c', 'import pty, termios, fcntl'], { encoding: 'utf8' }).status === 0) backendCache = 'python';
  else backendCache = null;
  return backendCache;
}

/** Quotes a word for /bin/sh. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// A small pty relay in python: argv = rows cols command...; fd 3 (if open) takes "rows cols\n"
// resize requests. Exit status mirrors the child's (128+N when killed by signal N).
const PY_RELAY = String.raw`
import os, pty, sys, select, struct, fcntl, termios, signal, errno
rows, cols = int(sys.argv[1]), int(sys.argv[2]); argv = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    try:
        os.execvp(argv[0], argv)
    except OSError as e:
        sys.stderr.write('%s: %s\n' % (argv[0], e.strerror)); os._exit(127)
ins = [0, fd]
try:
    os.fstat(3); ins.append(3)
except OSError:
    pass
ctl = b''
while True:
    try:
        r, _, _ = select.select(ins, [], [])
    except InterruptedError:
        continue
    if fd in r:
        try:
            data = os.read(fd, 65536)
        except OSError as e:
            data = b''
        if not data:
            break
        os.write(1, data)
    if 0 in r:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            ins.remove(0)
    if 3 in r:
        data = os.read(3, 1024)
        if not data:
            ins.remove(3)
        ctl += data
        while b'\n' in ctl:
            line, ctl = ctl.split(b'\n', 1)
            rr, cc = [int(x) for x in line.split()]
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rr, cc, 0, 0))
            try:
                os.killpg(os.tcgetpgrp(fd), signal.SIGWINCH)
            except OSError:
                pass
_, status = os.waitpid(pid, 0)
if os.WIFSIGNALED(status):
    sys.exit(128 + os.WTERMSIG(status))
sys.exit(os.WEXITSTATUS(status))
`;

// ---------------------------------------------------------------------------------------------
// A minimal terminal screen (enough for shells, the docker CLI and busybox line editing)

export class TerminalScreen {
  rows: number;
  cols: number;
  private grid: string[][];
  row = 0;
  col = 0;
  private saved: [number, number] = [0, 0];
  private pending = '';
  private decoder = new TextDecoder();
  private wrapPending = false;

  constructor(rows = 24, cols = 80, private readonly reply?: (s: string) => void) {
    this.rows = rows;
    this.cols = cols;
    this.grid = Array.from({ length: rows }, () => this.blank());
  }

  private blank(): string[] {
    return Array.from({ length: this.cols }, () => ' ');
  }

  /** The screen as lines, trailing spaces trimmed. */
  lines(): string[] {
    return this.grid.map((l) => l.join('').replace(/\s+$/, ''));
  }

  /** The screen as text, trailing blank lines dropped. */
  text(): string {
    const ls = this.lines();
    while (ls.length > 0 && ls[ls.length - 1] === '') ls.pop();
    return ls.join('\n');
  }

  resize(rows: number, cols: number) {
    const old = this.grid;
    this.rows = rows;
    this.cols = cols;
    this.grid = Array.from({ length: rows }, (_, r) => {
      const line = this.blank();
      const src = old[r + Math.max(0, old.length - rows)];
      if (src) for (let c = 0; c < Math.min(cols, src.length); c++) line[c] = src[c]!;
      return line;
    });
    this.row = Math.min(this.row, rows - 1);
    this.col = Math.min(this.col, cols - 1);
  }

  write(data: string | Uint8Array) {
    const s = this.pending + (typeof data === 'string' ? data : this.decoder.decode(data, { stream: true }));
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === '\x1b') {
        const n = this.escape(s, i);
        if (n === 0) {
          this.pending = s.slice(i); // incomplete sequence: wait for more
          return;
        }
        i += n;
        continue;
      }
      i++;
      switch (ch) {
        case '\r':
          this.col = 0;
          this.wrapPending = false;
          break;
        case '\n':
        case '\x0b':
        case '\x0c':
          this.lineFeed();
          break;
        case '\b':
          if (this.col > 0) this.col--;
          this.wrapPending = false;
          break;
        case '\t':
          this.col = Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8);
          break;
        case '\x07':
        case '\x00':
        case '\x0e':
        case '\x0f':
          break;
        default:
          this.put(ch);
      }
    }
  }

  private put(ch: string) {
    if (this.wrapPending) {
      this.col = 0;
      this.lineFeed();
      this.wrapPending = false;
    }
    this.grid[this.row]![this.col] = ch;
    if (this.col === this.cols - 1) this.wrapPending = true;
    else this.col++;
  }

  private lineFeed() {
    this.wrapPending = false;
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push(this.blank());
    } else this.row++;
  }

  /** Handles an escape sequence at s[i]; returns its length, or 0 if incomplete. */
  private escape(s: string, i: number): number {
    if (i + 1 >= s.length) return 0;
    const kind = s[i + 1]!;
    if (kind === '[') {
      let j = i + 2;
      while (j < s.length && !/[\x40-\x7e]/.test(s[j]!)) j++;
      if (j >= s.length) return 0;
      this.csi(s.slice(i + 2, j), s[j]!);
      return j - i + 1;
    }
    if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
      // OSC / DCS / APC / PM: up to BEL or ST
      for (let j = i + 2; j < s.length; j++) {
        if (s[j] === '\x07') return j - i + 1;
        if (s[j] === '\x1b' && s[j + 1] === '\\') return j - i + 2;
      }
      return 0;
    }
    if (kind === '(' || kind === ')' || kind === '#' || kind === '%') return i + 2 < s.length ? 3 : 0;
    if (kind === '7') this.saved = [this.row, this.col];
    else if (kind === '8') [this.row, this.col] = this.saved;
    else if (kind === 'M') {
      if (this.row === 0) {
        this.grid.pop();
        this.grid.unshift(this.blank());
      } else this.row--;
    } else if (kind === 'c') {
      this.grid = Array.from({ length: this.rows }, () => this.blank());
      this.row = this.col = 0;
    }
    return 2;
  }

  private csi(params: string, final: string) {
    const priv = /^[?>=<]/.test(params);
    const nums = params.replace(/^[?>=<]/, '').split(';').map((x) => (x === '' ? NaN : Number(x)));
    const n = (k: number, d = 1) => (Number.isNaN(nums[k]!) || nums[k] === undefined || nums[k] === 0 ? d : nums[k]!);
    const clampRow = (r: number) => Math.max(0, Math.min(this.rows - 1, r));
    const clampCol = (c: number) => Math.max(0, Math.min(this.cols - 1, c));
    this.wrapPending = false;
    const line = this.grid[this.row]!;
    switch (final) {
      case 'A':
        this.row = clampRow(this.row - n(0));
        break;
      case 'B':
        this.row = clampRow(this.row + n(0));
        break;
      case 'C':
        this.col = clampCol(this.col + n(0));
        break;
      case 'D':
        this.col = clampCol(this.col - n(0));
        break;
      case 'E':
        this.row = clampRow(this.row + n(0));
        this.col = 0;
        break;
      case 'F':
        this.row = clampRow(this.row - n(0));
        this.col = 0;
        break;
      case 'G':
      case '`':
        this.col = clampCol(n(0) - 1);
        break;
      case 'd':
        this.row = clampRow(n(0) - 1);
        break;
      case 'H':
      case 'f':
        this.row = clampRow(n(0) - 1);
        this.col = clampCol(n(1) - 1);
        break;
      case 'J': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        if (mode === 0) {
          for (let c = this.col; c < this.cols; c++) line[c] = ' ';
          for (let r = this.row + 1; r < this.rows; r++) this.grid[r] = this.blank();
        } else if (mode === 1) {
          for (let c = 0; c <= this.col; c++) line[c] = ' ';
          for (let r = 0; r < this.row; r++) this.grid[r] = this.blank();
        } else {
          this.grid = Array.from({ length: this.rows }, () => this.blank());
        }
        break;
      }
      case 'K': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        const [from, to] = mode === 0 ? [this.col, this.cols] : mode === 1 ? [0, this.col + 1] : [0, this.cols];
        for (let c = from; c < to; c++) line[c] = ' ';
        break;
      }
      case 'P':
        line.splice(this.col, n(0));
        while (line.length < this.cols) line.push(' ');
        break;
      case '@':
        line.splice(this.col, 0, ...Array.from({ length: n(0) }, () => ' '));
        line.length = this.cols;
        break;
      case 'X':
        for (let c = this.col; c < Math.min(this.cols, this.col + n(0)); c++) line[c] = ' ';
        break;
      case 'L':
        for (let k = 0; k < n(0); k++) {
          this.grid.splice(this.row, 0, this.blank());
          this.grid.pop();
        }
        break;
      case 'M':
        for (let k = 0; k < n(0); k++) {
          this.grid.splice(this.row, 1);
          this.grid.push(this.blank());
        }
        break;
      case 'S':
        for (let k = 0; k < n(0); k++) {
          this.grid.shift();
          this.grid.push(this.blank());
        }
        break;
      case 'T':
        for (let k = 0; k < n(0); k++) {
          this.grid.pop();
          this.grid.unshift(this.blank());
        }
        break;
      case 's':
        this.saved = [this.row, this.col];
        break;
      case 'u':
        [this.row, this.col] = this.saved;
        break;
      case 'n':
        if (!priv && nums[0] === 6) this.reply?.(`\x1b[${this.row + 1};${this.col + 1}R`);
        else if (!priv && nums[0] === 5) this.reply?.('\x1b[0n');
        break;
      case 'h':
      case 'l':
        if (priv && (nums.includes(1049) || nums.includes(47) || nums.includes(1047))) {
          this.grid = Array.from({ length: this.rows }, () => this.blank());
          if (final === 'h') this.row = this.col = 0;
        }
        break;
      default:
        break; // m (colours), r (scroll region), t, q, ...: no effect on the text
    }
  }
}

/** Removes escape sequences and carriage returns before newlines: the text a reader sees in the stream. */
export function stripAnsi(s: string): string {
  return s
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[\]P_^][\s\S]*?(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b[()#%]./g, '')
    .replace(/\x1b[@-Z\\-_78=>c]/g, '')
    .replace(/\r+\n/g, '\n');
}

// ---------------------------------------------------------------------------------------------
// Sessions

export class PtySession {
  readonly backend: PtyBackend;
  readonly child: ChildProcess;
  readonly screen: TerminalScreen;
  readonly exited: Promise<PtyExit>;
  private raw = '';
  private plainCache = '';
  private plainDirty = false;
  private markAt = 0;
  private exitInfo: PtyExit | undefined;
  private waiters = new Set<() => void>();
  private decoder = new TextDecoder();

  constructor(command: string, args: string[], opts: PtyOptions = {}) {
    const backend = opts.backend ?? ptyBackend();
    if (!backend) throw new Error('no pseudo-terminal available: install util-linux (script) or python3');
    this.backend = backend;
    const rows = opts.rows ?? 24;
    const cols = opts.cols ?? 80;
    const env = { TERM: 'xterm', ...(opts.env ?? process.env) };
    const answer = opts.answerQueries ?? true;
    this.screen = new TerminalScreen(rows, cols, answer ? (s) => this.write(s) : undefined);
    if (backend === 'script') {
      const line = `stty rows ${rows} cols ${cols} 2>/dev/null; exec ${[command, ...args].map(shellQuote).join(' ')}`;
      this.child = spawn('script', ['-qfec', line, '/dev/null'], { env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    } else {
      this.child = spawn('python3', ['-c', PY_RELAY, String(rows), String(cols), command, ...args], {
        env,
        cwd: opts.cwd,
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      });
    }
    const onData = (chunk: Buffer) => {
      const text = this.decoder.decode(chunk, { stream: true });
      this.raw += text;
      this.plainDirty = true;
      this.screen.write(text);
      this.notify();
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
    this.child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve(this.exitInfo);
      });
      this.child.on('error', (err) => {
        this.raw += `\n[pty spawn error: ${err.message}]\n`;
        this.plainDirty = true;
        this.exitInfo = { code: null, signal: null };
        this.notify();
        resolve(this.exitInfo);
      });
    });
  }

  /** Everything the program wrote, escape sequences included. */
  get output(): string {
    return this.raw;
  }

  /** The output with escape sequences stripped. */
  get text(): string {
    return this.plain;
  }

  private get plain(): string {
    if (this.plainDirty) {
      this.plainCache = stripAnsi(this.raw);
      this.plainDirty = false;
    }
    return this.plainCache;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** Types keys (see KEYS). */
  write(keys: string | Uint8Array): void {
    if (this.exitInfo || this.child.stdin!.destroyed) return;
    this.child.stdin!.write(keys);
  }

  /** Closes the terminal's input side (the program keeps running until it exits). */
  endInput(): void {
    this.child.stdin!.end();
  }

  /** Sets the search start for the next waitFor() to the current end of the output. */
  mark(): number {
    this.markAt = this.plain.length;
    return this.markAt;
  }

  /** Resizes the terminal (python backend only). */
  resize(rows: number, cols: number): void {
    if (this.backend !== 'python') throw new Error('resize() needs the python pty backend (spawnPty(..., { backend: "python" }))');
    (this.child.stdio[3] as NodeJS.WritableStream).write(`${rows} ${cols}\n`);
    this.screen.resize(rows, cols);
  }

  /**
   * Waits until the output (ANSI-stripped, from the last mark or `since`) or the screen matches.
   * Resolves with the match; rejects on timeout or exit without a match, showing what was seen.
   * After a match on the output, the mark moves past it.
   */
  waitFor(pattern: RegExp | string, opts: WaitOptions = {}): Promise<RegExpMatchArray> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const since = opts.since ?? this.markAt;
    const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (opts.screen) {
          const m = this.screen.text().match(re);
          if (m) {
            done();
            resolve(m);
            return true;
          }
        } else {
          const hay = this.plain.slice(since);
          const m = hay.match(re);
          if (m) {
            this.markAt = since + (m.index ?? 0) + m[0].length;
            done();
            resolve(m);
            return true;
          }
        }
        if (this.exitInfo) {
          done();
          reject(new Error(`program exited (${JSON.stringify(this.exitInfo)}) before ${re} appeared; ${this.describe(since, opts.screen)}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re}; ${this.describe(since, opts.screen)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(listener);
      };
      const listener = () => void check();
      if (!check()) this.waiters.add(listener);
    });
  }

  private describe(since: number, screen?: boolean): string {
    return screen ? `screen:\n${this.screen.text()}` : `output since mark: ${JSON.stringify(this.plain.slice(since))}`;
  }

  private notify() {
    for (const w of [...this.waiters]) w();
  }

  /** Sends a signal to the pty relay (and thereby ends the session). */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (!this.exitInfo) this.child.kill(signal);
  }
}

export function spawnPty(command: string, args: string[], opts?: PtyOptions): PtySession {
  return new PtySession(command, args, opts);
}

/** Whether `path` exists and is executable by name lookup on PATH. */
export function onPath(name: string): boolean {
  if (name.includes('/')) return existsSync(name);
  return spawnSync('sh', ['-c', `command -v ${shellQuote(name)}`], { encoding: 'utf8' }).status === 0;
}
