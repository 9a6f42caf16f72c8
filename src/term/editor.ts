// The line editor: bash's readline (emacs mode) over any terminal that accepts ANSI output.
//
// The editor owns the terminal's input side, like a tty does, and is in one of three modes:
//   - edit: readLine() is waiting for a line. Keys edit it, the prompt and line are redrawn,
//     Enter returns it (or asks for more with the continuation prompt when the host says the
//     command is incomplete), Ctrl-C abandons it, Ctrl-D on an empty line is end of input.
//   - idle: a command runs. Input goes through a line discipline (echo, Backspace, Ctrl-U,
//     Ctrl-C → onSignal('SIGINT')); completed lines wait for the command (readInput()) or
//     for the next prompt, which receives them as type-ahead. Several lines pasted at a
//     prompt are therefore run one after another, each when the previous one has finished.
//   - raw: every input chunk goes to the host's handler untouched (docker run -it).
// Output from commands should go through write(), which converts newlines as a tty does,
// keeps track of the cursor column and, while a line is edited, draws the output above it.
//
// Nothing here touches the DOM, so the editor runs the same in the browser and in tests.

import { commonPrefix, formatColumns, normalizeCandidates, type Candidate, type Completer, type CompletionResult } from './completion';
import { LineDiscipline, type TtySignal } from './cooked';
import { History } from './history';
import { parseKey, type Key } from './keys';
import { KillRing } from './killring';
import { cursorPosition, layout } from './layout';
import { parsePrompt, plainCells, type ParsedPrompt, type PromptCell } from './prompt';
import { Renderer } from './render';
import { nextBoundary, prevBoundary, wcwidth, type WidthFn } from './width';
import { backwardWord, forwardWord, lastArgument, unixWordStart } from './words';

/** What the editor needs of a terminal. An @xterm/xterm Terminal fits as it is. */
export interface TerminalLike {
  write(data: string): void;
  readonly cols: number;
  readonly rows?: number;
}

export interface LineEditorOptions {
  /** The history to navigate and record into; a new empty one by default. */
  history?: History;
  /** Finds Tab completion candidates. Without it, Tab rings the bell. */
  complete?: Completer;
  /** Says whether the text typed so far is a whole command (default: always). */
  isComplete?: (text: string) => boolean;
  /** Prompt for continuation lines (bash's PS2); default '> '. */
  continuationPrompt?: string;
  /**
   * How a command typed over several lines is recorded in the history; by default the
   * lines joined with newlines (they are shown as typed when recalled).
   */
  historyEntry?: (lines: string[]) => string;
  /** Ctrl-C, Ctrl-\ or Ctrl-Z typed while a command runs (no line is being edited). */
  onSignal?: (signal: TtySignal) => void;
  /**
   * Ctrl-C abandoned the line being edited (the editor printed ^C and starts over, as bash
   * does; bash then sets $? to 130). May return the prompt to show next; default: the same.
   */
  onCancel?: () => string | void;
  /** Rings the bell; by default writes BEL to the terminal. */
  bell?: () => void;
  /** Ask before listing this many completions or more (completion-query-items); default 100. */
  completionQueryItems?: number;
  /** Enable bracketed paste while editing, as bash 5.1+ does; default true. */
  bracketedPaste?: boolean;
  /** Columns a code point takes in the terminal; default: xterm.js's own rules. */
  wcwidth?: WidthFn;
}

export interface ReadLineOptions {
  /** Overrides the editor's continuation prompt for this line. */
  continuationPrompt?: string;
  /** Overrides the editor's isComplete for this line. */
  isComplete?: (text: string) => boolean;
  /** Text to start with (like read -e -i), cursor at its end. */
  initial?: string;
  /** Record the line in the history (default true). */
  history?: boolean;
}

export interface ReadInputOptions {
  /** Abandons the read: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

type Mode = 'idle' | 'edit' | 'raw';
type Sub = 'normal' | 'isearch' | 'query' | 'more' | 'quoted';

interface Snapshot {
  line: string;
  point: number;
}

interface ISearch {
  reverse: boolean;
  query: string;
  lines: string[];
  saveLine: number;
  savePoint: number;
  /** The line being searched and the index in it. */
  pos: number;
  sline: string;
  idx: number;
  lastFound: number;
  prevFound: string | null;
  failed: boolean;
}

const CSI = '\x1b[';
const PASTE_START = '\x1b[200~';

export class LineEditor {
  readonly history: History;
  private readonly term: TerminalLike;
  private readonly options: Omit<LineEditorOptions, 'history'>;
  private readonly width: WidthFn;
  private readonly renderer: Renderer;
  private readonly discipline: LineDiscipline;
  private readonly kills = new KillRing();

  private mode: Mode = 'idle';
  private sub: Sub = 'normal';
  private out = '';
  private outCol = 0;

  // Input waiting to be processed in edit mode.
  private input = '';
  /**
   * Keys that arrived with a line but after its end (the rest of a paste): not echoed, not
   * yet seen by the tty discipline, older than anything the discipline holds.
   */
  private typeahead = '';
  private inPos = 0;
  private pumping = false;

  // The read in progress.
  private resolveLine: ((line: string | null) => void) | null = null;
  private readOpts: ReadLineOptions = {};
  private primaryPrompt = '';
  private prompt: ParsedPrompt = { prefix: '', cells: [], width: 0 };
  private col0 = 0;
  private lines: string[] = [];
  private text = '';
  private point = 0;
  private dirty = false;
  /** Offset from which the line changed since the last redraw (Infinity: unchanged). */
  private changedFrom = 0;
  /** The prompt cells of the last redraw. */
  private shownPrompt: readonly PromptCell[] | null = null;
  private pasting = false;

  // History navigation within the read.
  private histIndex = 0;
  private edits = new Map<number, string>();
  private initialText = '';
  private nextHistoryIndex = -1;

  // Command memory.
  private lastCmd = '';
  private thisCmd = '';
  private lastKey = '';
  private undoStack: Snapshot[] = [];
  private ctrlX = false;
  private lastArg: { start: number; end: number; skip: number } | null = null;

  // Completion.
  private busy = false;
  private completionGen = 0;
  private completionChanged = false;
  private lastCompletionFailed = false;
  private pendingList: Candidate[] = [];
  private pagerRows: string[] = [];
  private pagerLines = 0;

  // Incremental search.
  private search: ISearch | null = null;
  private lastSearch = '';

  // Idle and raw modes.
  private reader: { resolve: (v: string | null) => void; reject: (e: unknown) => void } | null = null;
  private rawHandler: ((data: string) => void) | null = null;

  constructor(terminal: TerminalLike, options: LineEditorOptions = {}) {
    this.term = terminal;
    this.options = { ...options };
    this.width = options.wcwidth ?? wcwidth;
    this.history = options.history ?? new History();
    this.renderer = new Renderer((s) => {
      this.out += s;
    });
    this.discipline = new LineDiscipline(
      {
        write: (s) => this.emitTracked(s),
        column: () => this.outCol,
        signal: (sig) => this.options.onSignal?.(sig),
        ready: () => this.deliverInput(),
      },
      this.width,
    );
  }

  // ---------------------------------------------------------------- public API

  /** Changes options after construction (a completer, handlers, the continuation prompt...). */
  configure(options: Omit<LineEditorOptions, 'history' | 'wcwidth'>): void {
    Object.assign(this.options, options);
  }

  /** True while readLine() waits for a line. */
  get editing(): boolean {
    return this.mode === 'edit';
  }

  /** True while raw mode is on. */
  get raw(): boolean {
    return this.mode === 'raw';
  }

  /** The line being edited (the current line of a multi-line command) and the cursor in it. */
  get state(): { line: string; cursor: number; lines: readonly string[] } {
    return { line: this.line, cursor: this.point, lines: this.lines };
  }

  /** Echo of typed characters while a command runs (stty echo); turn off to read a password. */
  get echo(): boolean {
    return this.discipline.echo;
  }
  set echo(on: boolean) {
    this.discipline.echo = on;
  }

  /**
   * Shows `prompt` and edits a line. Resolves with the command (lines joined with "\n" when
   * it took several), or null at end of input (Ctrl-D on an empty line).
   */
  readLine(prompt: string, options: ReadLineOptions = {}): Promise<string | null> {
    if (this.mode === 'edit') return Promise.reject(new Error('readLine: a line is already being read'));
    if (this.mode === 'raw') return Promise.reject(new Error('readLine: the terminal is in raw mode'));
    if (this.reader) return Promise.reject(new Error('readLine: a command is reading input'));
    return new Promise<string | null>((resolve) => {
      this.mode = 'edit';
      this.resolveLine = resolve;
      this.readOpts = options;
      this.primaryPrompt = prompt;
      this.lines = [];
      this.input = this.typeahead + this.discipline.drain();
      this.typeahead = '';
      this.inPos = 0;
      this.pasting = false;
      this.startLine(options.initial ?? '');
      if (this.nextHistoryIndex >= 0 && this.nextHistoryIndex < this.history.length && options.initial === undefined) {
        this.histIndex = this.nextHistoryIndex;
        this.line = this.history.get(this.histIndex) ?? '';
        this.point = this.line.length;
      }
      this.nextHistoryIndex = -1;
      if (this.options.bracketedPaste !== false) this.out += CSI + '?2004h';
      this.showPrompt(prompt, true);
      this.pump();
      this.flush();
    });
  }

  /** Input from the terminal (xterm's onData). */
  feed(data: string): void {
    if (data === '') return;
    switch (this.mode) {
      case 'raw':
        this.rawHandler?.(data);
        break;
      case 'idle':
        this.settleTypeahead();
        this.discipline.feed(stripPasteMarkers(data));
        break;
      case 'edit':
        this.input += data;
        if (this.busy && data.includes('\x03')) {
          // Ctrl-C while waiting for completions: give up on them.
          this.completionGen++;
          this.busy = false;
        }
        this.pump();
        break;
    }
    this.flush();
  }

  /**
   * Output from commands. Newlines become CR LF (as a tty's onlcr does) except in raw mode;
   * while a line is being edited, the output appears above the prompt, which is redrawn.
   */
  write(text: string): void {
    if (text === '') return;
    if (this.mode === 'raw') {
      this.emitTracked(text);
      this.flush();
      return;
    }
    const converted = text.replace(/\r?\n/g, '\r\n');
    if (this.mode === 'edit' && !this.busyWithScreen()) {
      this.render();
      this.renderer.moveToStart();
      this.out += CSI + 'J';
      this.outCol = this.col0;
      this.emitTracked(converted);
      if (this.outCol !== 0) this.emitTracked('\r\n');
      this.redrawAll();
      this.flush();
      return;
    }
    this.emitTracked(converted);
    this.flush();
  }

  /**
   * Reads a line of input for a running command (its stdin on the terminal): resolves with
   * the line including its "\n", with the text typed before Ctrl-D, or null at end of input.
   */
  readInput(options: ReadInputOptions = {}): Promise<string | null> {
    if (this.mode === 'edit') return Promise.reject(new Error('readInput: a line is being edited'));
    if (this.reader) return Promise.reject(new Error('readInput: a read is already pending'));
    this.settleTypeahead();
    const ready = this.discipline.take();
    if (ready !== undefined) return Promise.resolve(ready);
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<string | null>((resolve, reject) => {
      const onAbort = (): void => {
        if (this.reader?.resolve === done) this.reader = null;
        reject(signal?.reason);
      };
      const done = (v: string | null): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      };
      this.reader = { resolve: done, reject };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Completed input lines waiting to be read, removed from the queue ('' when none). */
  takeInput(): string {
    this.settleTypeahead();
    let s = '';
    // Stop at end of input: readInput() reports it.
    while (typeof this.discipline.peek() === 'string') s += this.discipline.take()!;
    return s;
  }

  /**
   * Raw mode: every input chunk goes to `handler` as it arrives (bytes for a container's
   * TTY); input typed ahead is delivered first. Pass null to leave raw mode.
   */
  setRawMode(handler: ((data: string) => void) | null): void {
    if (handler) {
      if (this.mode === 'edit') throw new Error('setRawMode: a line is being edited');
      this.mode = 'raw';
      this.rawHandler = handler;
      const pending = stripPasteMarkers(this.typeahead) + this.discipline.drain();
      this.typeahead = '';
      if (pending) handler(pending);
    } else if (this.mode === 'raw') {
      this.mode = 'idle';
      this.rawHandler = null;
    }
  }

  /** The terminal changed size (the editor also notices by itself on the next key). */
  resize(): void {
    if (this.mode === 'edit' && !this.busyWithScreen()) {
      this.dirty = true;
      this.render();
      this.flush();
    }
  }

  /** The column where the next output will appear, as far as the editor knows. */
  get column(): number {
    return this.outCol;
  }

  /** The line being edited. Assigning it redraws it whole; replace() redraws from the change. */
  private get line(): string {
    return this.text;
  }
  private set line(value: string) {
    this.text = value;
    this.changedFrom = 0;
    this.dirty = true;
  }

  // ---------------------------------------------------------------- output helpers

  private cols(): number {
    return Math.max(2, Math.floor(this.term.cols) || 80);
  }

  private flush(): void {
    if (this.out) {
      const s = this.out;
      this.out = '';
      this.term.write(s);
    }
  }

  private emitTracked(s: string): void {
    this.out += s;
    this.outCol = advanceColumn(this.outCol, s, this.cols(), this.width);
  }

  private ding(): void {
    if (this.options.bell) this.options.bell();
    else this.out += '\x07';
  }

  /** True while the screen shows a completion query or pager rather than the line. */
  private busyWithScreen(): boolean {
    return this.sub === 'query' || this.sub === 'more';
  }

  // ---------------------------------------------------------------- display

  private startLine(text: string): void {
    this.line = text;
    this.point = text.length;
    this.initialText = text;
    this.histIndex = this.history.length;
    this.edits = new Map();
    this.undoStack = [];
    this.sub = 'normal';
    this.search = null;
    this.lastCmd = '';
    this.lastKey = '';
    this.ctrlX = false;
    this.lastArg = null;
  }

  /** Prints the prompt at the cursor and starts a new display after it. */
  private showPrompt(prompt: string, withPrefix: boolean): void {
    this.prompt = parsePrompt(prompt, this.width);
    const cols = this.cols();
    let col0 = this.outCol;
    if (withPrefix && this.prompt.prefix) {
      this.out += this.prompt.prefix;
      col0 = 0;
    } else if (col0 >= cols) {
      this.out += '\r\n';
      col0 = 0;
    }
    this.col0 = col0;
    this.renderer.begin(cols, col0);
    this.dirty = true;
    this.render();
  }

  /** Full redraw on a fresh row: prompt (with its leading lines) and line. */
  private redrawAll(): void {
    this.out += this.prompt.prefix;
    this.col0 = 0;
    this.renderer.begin(this.cols(), 0);
    this.dirty = true;
    this.render();
  }

  private promptCells(): readonly PromptCell[] {
    const s = this.search;
    if (this.sub === 'isearch' && s) {
      const msg = `(${s.failed ? 'failed ' : ''}${s.reverse ? 'reverse-' : ''}i-search)\`${s.query}': `;
      return plainCells(msg, this.width);
    }
    return this.prompt.cells;
  }

  private render(): void {
    if (this.mode !== 'edit') return;
    const cols = this.cols();
    const shown = this.renderer.display;
    if (shown.cols !== cols) {
      // The terminal was resized. xterm.js does not reflow the rows holding the cursor, so
      // our rows are where they were, cut to the new width: redraw from the prompt's start.
      this.renderer.clampColumn(cols);
      const col0 = this.col0 < cols ? this.col0 : 0;
      this.renderer.moveToStart();
      if (col0 === 0) this.out += '\r';
      this.out += CSI + 'J';
      this.col0 = col0;
      this.renderer.begin(cols, col0);
      this.dirty = true;
    }
    if (!this.dirty) return;
    this.dirty = false;
    const cells = this.promptCells();
    const same = cells === this.shownPrompt && shown.n > 0 && shown.cols === cols && shown.col0 === this.col0;
    const from = same ? this.changedFrom : 0;
    this.shownPrompt = cells;
    this.changedFrom = Infinity;
    if (from === Infinity) {
      // Only the cursor moved.
      this.renderer.placeCursor(cursorPosition(shown, this.point));
      return;
    }
    const d = layout(cells, this.text, cols, this.col0, this.width, from > 0 ? shown : undefined, from);
    this.renderer.render(d, cursorPosition(d, this.point), d.reused);
  }

  // ---------------------------------------------------------------- input loop

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.mode === 'edit' && !this.busy && this.inPos < this.input.length) {
        const single = this.sub !== 'normal' && !this.pasting;
        let parsed = parseKey(this.input, this.inPos, single);
        if (!parsed) {
          // An escape sequence not finished yet. A lone ESC while searching or answering a
          // question is the Escape key itself; in editing it waits to become Alt-<key>.
          if (this.sub !== 'normal' && this.input.length - this.inPos === 1) {
            parsed = { key: { name: 'Escape', text: '', seq: '\x1b' }, end: this.inPos + 1 };
          } else {
            break;
          }
        }
        this.inPos = parsed.end;
        this.dispatch(parsed.key);
      }
      if (this.mode === 'edit') {
        if (this.inPos > 0) {
          this.input = this.input.slice(this.inPos);
          this.inPos = 0;
        }
        if (!this.busy && !this.busyWithScreen()) this.render();
      }
    } finally {
      this.pumping = false;
    }
  }

  private dispatch(key: Key): void {
    switch (this.sub) {
      case 'isearch':
        this.isearchKey(key);
        break;
      case 'query':
        this.queryKey(key);
        break;
      case 'more':
        this.pagerKey(key);
        break;
      case 'quoted':
        this.sub = 'normal';
        this.insert(key.name === 'text' ? key.text : key.seq);
        this.lastCmd = 'quoted-insert';
        break;
      default:
        this.editKey(key);
    }
    this.lastKey = key.name;
  }

  // ---------------------------------------------------------------- editing

  private editKey(key: Key): void {
    if (key.name === 'PasteStart') {
      this.pasting = true;
      return;
    }
    if (key.name === 'PasteEnd') {
      this.pasting = false;
      return;
    }
    if (this.pasting) {
      // Pasted text is inserted as it is; each line ends a command line.
      if (key.name === 'text') this.runCommand('self-insert', key);
      else if (key.name === 'Enter' || key.name === 'C-j') this.runCommand('accept-line', key);
      else if (key.name === 'Tab') this.runCommand('tab-insert', key);
      return;
    }
    let cmd: string | undefined;
    if (this.ctrlX) {
      this.ctrlX = false;
      cmd = CTRL_X_BINDINGS[key.name];
      if (!cmd) {
        this.ding();
        return;
      }
    } else {
      cmd = key.name === 'text' ? 'self-insert' : BINDINGS[key.name];
    }
    if (!cmd) return;
    this.runCommand(cmd, key);
  }

  private runCommand(cmd: string, key: Key): void {
    this.thisCmd = cmd;
    if (MODIFIES.has(cmd)) this.saveUndo(cmd);
    this.execute(cmd, key);
    this.lastCmd = this.thisCmd;
  }

  private execute(cmd: string, key: Key): void {
    const line = this.line;
    const p = this.point;
    switch (cmd) {
      case 'self-insert':
        this.insert(key.text);
        break;
      case 'tab-insert':
        this.insert('\t');
        break;
      case 'accept-line':
        this.acceptLine();
        break;
      case 'beginning-of-line':
        this.setPoint(0);
        break;
      case 'end-of-line':
        this.setPoint(line.length);
        break;
      case 'forward-char':
        if (p >= line.length) this.ding();
        else this.setPoint(nextBoundary(line, p, this.width));
        break;
      case 'backward-char':
        if (p === 0) this.ding();
        else this.setPoint(prevBoundary(line, p, this.width));
        break;
      case 'forward-word':
        this.setPoint(forwardWord(line, p, this.width));
        break;
      case 'backward-word':
        this.setPoint(backwardWord(line, p, this.width));
        break;
      case 'backward-delete-char':
        if (p === 0) this.ding();
        else this.replace(prevBoundary(line, p, this.width), p, '');
        break;
      case 'delete-char':
        if (p >= line.length) this.ding();
        else this.replace(p, nextBoundary(line, p, this.width), '');
        break;
      case 'delete-char-or-eof':
        if (line === '' && this.lastKey !== 'C-d') this.endOfInput();
        else if (p >= line.length) this.ding();
        else this.replace(p, nextBoundary(line, p, this.width), '');
        break;
      case 'kill-line':
        this.kill(p, line.length);
        break;
      case 'unix-line-discard':
        this.kill(0, p);
        break;
      case 'unix-word-rubout':
        if (p === 0) this.ding();
        else this.kill(unixWordStart(line, p), p);
        break;
      case 'kill-word':
        this.kill(p, forwardWord(line, p, this.width));
        break;
      case 'backward-kill-word':
        this.kill(backwardWord(line, p, this.width), p);
        break;
      case 'yank': {
        const text = this.kills.current();
        if (text === undefined) this.ding();
        else this.insert(text);
        break;
      }
      case 'yank-pop': {
        const cur = this.kills.current();
        if ((this.lastCmd !== 'yank' && this.lastCmd !== 'yank-pop') || cur === undefined || !line.slice(0, p).endsWith(cur)) {
          this.ding();
          this.thisCmd = '';
          break;
        }
        const next = this.kills.rotate() ?? '';
        this.replace(p - cur.length, p, next);
        break;
      }
      case 'yank-last-arg':
        this.yankLastArg();
        break;
      case 'clear-screen':
        this.out += CSI + 'H' + CSI + '2J';
        this.redrawAll();
        break;
      case 'previous-history':
        this.historyMove(this.histIndex - 1);
        break;
      case 'next-history':
        if (this.histIndex < this.history.length) this.historyMove(this.histIndex + 1);
        break;
      case 'beginning-of-history':
        this.historyMove(0);
        break;
      case 'end-of-history':
        this.historyMove(this.history.length);
        break;
      case 'reverse-search-history':
        this.isearchStart(true);
        break;
      case 'forward-search-history':
        this.isearchStart(false);
        break;
      case 'transpose-chars':
        this.transposeChars();
        break;
      case 'upcase-word':
      case 'downcase-word':
      case 'capitalize-word':
        this.changeCase(cmd);
        break;
      case 'complete':
        this.complete(this.lastCmd === 'complete' && !this.completionChanged ? 'list' : 'tab');
        break;
      case 'possible-completions':
        this.complete('list');
        break;
      case 'abort':
        this.ding();
        break;
      case 'quoted-insert':
        this.sub = 'quoted';
        break;
      case 'undo':
        this.undo();
        break;
      case 'revert-line':
        this.revertLine();
        break;
      case 'interrupt':
        this.interrupt();
        break;
      case 'operate-and-get-next':
        if (this.histIndex < this.history.length) this.nextHistoryIndex = this.histIndex + 1;
        this.acceptLine();
        break;
      case 'insert-comment':
        this.line = '#' + line;
        this.point = 0;
        this.dirty = true;
        this.acceptLine();
        break;
      case 'delete-horizontal-space': {
        let a = p;
        let b = p;
        while (a > 0 && (line[a - 1] === ' ' || line[a - 1] === '\t')) a--;
        while (b < line.length && (line[b] === ' ' || line[b] === '\t')) b++;
        this.replace(a, b, '');
        break;
      }
      case 'prefix-ctrl-x':
        this.ctrlX = true;
        this.thisCmd = this.lastCmd;
        break;
      case 'ignore':
        break;
    }
  }

  private setPoint(p: number): void {
    if (p !== this.point) {
      this.point = p;
      this.dirty = true;
    }
  }

  private insert(text: string): void {
    if (text === '') return;
    this.replace(this.point, this.point, text);
  }

  /** Replaces line[from, to) with text and puts the cursor after it. */
  private replace(from: number, to: number, text: string): void {
    this.text = this.text.slice(0, from) + text + this.text.slice(to);
    this.point = from + text.length;
    if (from < this.changedFrom) this.changedFrom = from;
    this.dirty = true;
  }

  private kill(from: number, to: number): void {
    const join = KILLS.has(this.lastCmd);
    this.kills.kill(this.line.slice(from, to), from >= this.point, join);
    if (from !== to) this.replace(from, to, '');
  }

  private saveUndo(cmd: string): void {
    if (cmd === 'undo') return;
    const coalesce =
      cmd === 'self-insert' && this.lastCmd === 'self-insert' && this.undoStack.length > 0;
    if (coalesce) return;
    this.undoStack.push({ line: this.line, point: this.point });
    if (this.undoStack.length > 200) this.undoStack.shift();
  }

  private undo(): void {
    const s = this.undoStack.pop();
    if (!s) {
      this.ding();
      return;
    }
    this.line = s.line;
    this.point = s.point;
    this.dirty = true;
  }

  private revertLine(): void {
    const original = this.histIndex < this.history.length ? (this.history.get(this.histIndex) ?? '') : this.initialText;
    this.line = original;
    this.point = original.length;
    this.undoStack = [];
    this.dirty = true;
  }

  private transposeChars(): void {
    const line = this.line;
    let p = this.point;
    if (p === 0 || line.length < 2 || prevBoundary(line, line.length, this.width) === 0) {
      this.ding();
      return;
    }
    if (p >= line.length) p = prevBoundary(line, p, this.width);
    const a = prevBoundary(line, p, this.width);
    const b = nextBoundary(line, p, this.width);
    const first = line.slice(a, p);
    const second = line.slice(p, b);
    this.line = line.slice(0, a) + second + first + line.slice(b);
    this.point = b;
    this.dirty = true;
  }

  private changeCase(cmd: string): void {
    const start = this.point;
    const end = forwardWord(this.line, start, this.width);
    const seg = this.line.slice(start, end);
    let out: string;
    if (cmd === 'upcase-word') out = seg.toUpperCase();
    else if (cmd === 'downcase-word') out = seg.toLowerCase();
    else {
      out = '';
      let inWord = false;
      for (const ch of seg) {
        const isW = /[\p{L}\p{N}]/u.test(ch);
        out += isW ? (inWord ? ch.toLowerCase() : ch.toUpperCase()) : ch;
        inWord = isW;
      }
    }
    if (out.length !== seg.length) out = seg; // case mapping changed the length: leave it
    this.line = this.line.slice(0, start) + out + this.line.slice(end);
    this.point = end;
    this.dirty = true;
  }

  private yankLastArg(): void {
    let skip = 0;
    if (this.lastCmd === 'yank-last-arg' && this.lastArg) {
      skip = this.lastArg.skip + 1;
      // Take back the argument inserted by the previous Alt-.
      this.line = this.line.slice(0, this.lastArg.start) + this.line.slice(this.lastArg.end);
      this.point = this.lastArg.start;
      this.dirty = true;
    }
    const index = this.histIndex - 1 - skip;
    const entry = index >= 0 ? this.history.get(index) : undefined;
    const arg = entry === undefined ? '' : lastArgument(entry);
    if (!arg) {
      this.ding();
      this.lastArg = null;
      this.thisCmd = '';
      return;
    }
    const start = this.point;
    this.insert(arg);
    this.lastArg = { start, end: start + arg.length, skip };
  }

  // ---------------------------------------------------------------- history

  private historyMove(to: number): void {
    const len = this.history.length;
    if (to < 0 || to > len) {
      this.ding();
      return;
    }
    if (to === this.histIndex) return;
    this.edits.set(this.histIndex, this.line);
    this.histIndex = to;
    this.line = this.edits.get(to) ?? (to === len ? '' : (this.history.get(to) ?? ''));
    this.point = this.line.length;
    this.undoStack = [];
    this.dirty = true;
  }

  // ---------------------------------------------------------------- accept, EOF, interrupt

  private acceptLine(): void {
    this.render();
    this.renderer.finish();
    this.outCol = 0;
    const text = this.lines.length > 0 ? [...this.lines, this.line].join('\n') : this.line;
    const isComplete = this.readOpts.isComplete ?? this.options.isComplete;
    if (isComplete && !isComplete(text)) {
      this.lines.push(this.line);
      this.startLine('');
      this.showPrompt(this.readOpts.continuationPrompt ?? this.options.continuationPrompt ?? '> ', false);
      return;
    }
    this.lines.push(this.line);
    this.finishRead(text, this.lines);
  }

  private endOfInput(): void {
    if (this.lines.length > 0) {
      // End of input inside an unfinished command: return what there is; the shell reports
      // the syntax error ("unexpected EOF while looking for matching ...").
      const lines = this.lines;
      this.render();
      const c = this.renderer.cursor;
      this.outCol = c.pending ? this.cols() : c.col;
      this.finishRead(lines.join('\n'), lines);
      return;
    }
    this.render();
    const c = this.renderer.cursor;
    this.outCol = c.pending ? this.cols() : c.col;
    this.finishRead(null, []);
  }

  private finishRead(text: string | null, lines: string[]): void {
    if (text !== null && this.readOpts.history !== false) {
      const entry = lines.length > 1 ? (this.options.historyEntry ?? ((l: string[]) => l.join('\n')))(lines) : text;
      this.history.add(entry);
    }
    if (this.options.bracketedPaste !== false) this.out += CSI + '?2004l';
    const resolve = this.resolveLine;
    this.resolveLine = null;
    this.mode = 'idle';
    this.sub = 'normal';
    this.search = null;
    this.lines = [];
    // Keys typed after the line are type-ahead for whoever reads next.
    // Keys typed after the line wait for whoever reads next; the rest of a paste stays a paste.
    const rest = this.input.slice(this.inPos);
    this.typeahead = this.pasting && rest ? PASTE_START + rest : rest;
    this.input = '';
    this.inPos = 0;
    this.pasting = false;
    resolve?.(text);
  }

  /** Ctrl-C while editing: ^C where the cursor is, a new line, and a fresh prompt. */
  private interrupt(): void {
    if (this.busyWithScreen()) {
      // The screen shows a question or a page of completions, below the line.
      this.out += '^C\r\n';
    } else {
      this.render();
      this.renderer.writePlain('^C');
      this.renderer.moveRow(this.renderer.bottomRow);
      this.out += '\r\n';
    }
    this.sub = 'normal';
    this.pendingList = [];
    this.pagerRows = [];
    this.outCol = 0;
    this.completionGen++;
    this.busy = false;
    this.lines = [];
    this.startLine('');
    const next = this.options.onCancel?.();
    if (typeof next === 'string') this.primaryPrompt = next;
    this.showPrompt(this.primaryPrompt, true);
  }

  // ---------------------------------------------------------------- completion

  private complete(what: 'tab' | 'list'): void {
    const completer = this.options.complete;
    if (!completer) {
      this.ding();
      this.completionChanged = false;
      return;
    }
    const line = this.line;
    const point = this.point;
    let result: ReturnType<Completer>;
    try {
      result = completer(line, point);
    } catch {
      result = null;
    }
    if (isPromise(result)) {
      const gen = ++this.completionGen;
      this.busy = true;
      this.render();
      this.flush();
      result.then(
        (r) => this.completionArrived(gen, what, line, point, r ?? null),
        () => this.completionArrived(gen, what, line, point, null),
      );
      return;
    }
    this.applyCompletion(what, line, point, (result as CompletionResult | null | undefined) ?? null);
  }

  private completionArrived(gen: number, what: 'tab' | 'list', line: string, point: number, r: CompletionResult | null): void {
    if (gen !== this.completionGen || this.mode !== 'edit') return;
    this.busy = false;
    this.applyCompletion(what, line, point, r);
    this.pump();
    this.flush();
  }

  private applyCompletion(what: 'tab' | 'list', line: string, point: number, result: CompletionResult | null): void {
    if (this.line !== line || this.point !== point) return;
    const cands = result ? normalizeCandidates(result) : [];
    const failedBefore = this.lastCompletionFailed;
    if (!result || cands.length === 0) {
      this.ding();
      this.completionChanged = false;
      this.lastCompletionFailed = true;
      return;
    }
    this.lastCompletionFailed = false;
    const from = clamp(result.replaceFrom, 0, line.length);
    const to = clamp(result.replaceTo, from, line.length);
    const word = line.slice(from, to);
    if (what === 'list') {
      if (failedBefore && cands.length === 1) {
        this.insertSingle(cands[0], from, to);
      } else {
        this.listCandidates(cands);
      }
      this.completionChanged = this.line !== line;
      return;
    }
    if (cands.length === 1) {
      this.insertSingle(cands[0], from, to);
    } else {
      const prefix = commonPrefix(cands.map((c) => c.value));
      if (prefix !== word && prefix.length >= word.length) this.replace(from, to, prefix);
      this.ding();
    }
    this.completionChanged = this.line !== line;
  }

  private insertSingle(c: Candidate, from: number, to: number): void {
    this.replace(from, to, c.value);
    const s = c.suffix;
    if (!s) return;
    const at = this.line[this.point];
    if (s === '/') {
      if (at !== '/') this.insert('/');
    } else if (this.point === this.line.length) {
      this.insert(s);
    }
  }

  /** bash's display-completions: a list below the line, then the prompt again. */
  private listCandidates(cands: Candidate[]): void {
    this.render();
    this.renderer.moveRow(this.renderer.bottomRow);
    if (cands.length === 1) {
      this.out += '\r\n' + cands[0].display + '\r\n';
      this.redrawAll();
      return;
    }
    const limit = this.options.completionQueryItems ?? 100;
    if (limit > 0 && cands.length >= limit) {
      this.out += `\r\nDisplay all ${cands.length} possibilities? (y or n)`;
      this.pendingList = cands;
      this.sub = 'query';
      return;
    }
    this.showList(cands);
  }

  private showList(cands: Candidate[]): void {
    this.pagerRows = formatColumns(
      cands.map((c) => c.display),
      this.cols(),
      this.width,
    );
    this.pagerLines = 0;
    this.out += '\r\n';
    this.continueList();
  }

  private continueList(): void {
    const rows = this.term.rows;
    while (this.pagerRows.length > 0) {
      this.out += this.pagerRows.shift()! + '\r\n';
      this.pagerLines++;
      if (rows && rows > 1 && this.pagerLines >= rows - 1 && this.pagerRows.length > 0) {
        this.out += '--More--';
        this.sub = 'more';
        return;
      }
    }
    this.sub = 'normal';
    this.redrawAll();
  }

  private queryKey(key: Key): void {
    const t = key.name === 'text' ? key.text : '';
    if (t === 'y' || t === 'Y' || t === ' ') {
      this.sub = 'normal';
      const cands = this.pendingList;
      this.pendingList = [];
      this.showList(cands);
    } else if (t === 'n' || t === 'N' || key.name === 'Backspace') {
      this.sub = 'normal';
      this.pendingList = [];
      this.out += '\r\n';
      this.redrawAll();
    } else if (key.name === 'C-g') {
      this.ding();
      this.sub = 'normal';
      this.pendingList = [];
      this.out += '\r\n';
      this.redrawAll();
    } else if (key.name === 'C-c') {
      this.pendingList = [];
      this.interrupt();
    } else {
      this.ding();
    }
  }

  private pagerKey(key: Key): void {
    const t = key.name === 'text' ? key.text : '';
    const erase = (): void => {
      this.out += '\r' + CSI + 'K\r';
    };
    if (t === 'y' || t === 'Y' || t === ' ') {
      erase();
      this.pagerLines = 0;
      this.sub = 'normal';
      this.continueList();
    } else if (key.name === 'Enter' || key.name === 'C-j') {
      erase();
      this.pagerLines--;
      this.sub = 'normal';
      this.continueList();
    } else if (t === 'n' || t === 'N' || t === 'q' || t === 'Q' || key.name === 'Backspace' || key.name === 'C-g') {
      if (key.name === 'C-g') this.ding();
      erase();
      this.pagerRows = [];
      this.sub = 'normal';
      this.redrawAll();
    } else if (key.name === 'C-c') {
      this.pagerRows = [];
      this.interrupt();
    } else {
      this.ding();
    }
  }

  // ---------------------------------------------------------------- incremental search

  private isearchStart(reverse: boolean): void {
    this.edits.set(this.histIndex, this.line);
    const len = this.history.length;
    const lines: string[] = [];
    for (let i = 0; i < len; i++) lines.push(this.edits.get(i) ?? this.history.get(i) ?? '');
    lines.push(this.edits.get(len) ?? this.line);
    this.search = {
      reverse,
      query: '',
      lines,
      saveLine: this.histIndex,
      savePoint: this.point,
      pos: this.histIndex,
      sline: this.line,
      idx: this.point,
      lastFound: this.histIndex,
      prevFound: null,
      failed: false,
    };
    this.sub = 'isearch';
    this.dirty = true;
  }

  private isearchKey(key: Key): void {
    const s = this.search!;
    const name = key.name;
    if (name === 'text') {
      for (const ch of key.text) {
        s.query += ch;
        this.isearchRun();
      }
      return;
    }
    const reverseKey = name === 'C-r';
    const forwardKey = name === 'C-s';
    if (reverseKey || forwardKey) {
      if (reverseKey === s.reverse) {
        // Search again.
        if (s.query === '') {
          if (this.lastSearch) {
            s.query = this.lastSearch;
            this.dirty = true;
            this.isearchRun();
          }
          return;
        }
        if (s.reverse && s.idx >= 0) s.idx--;
        else if (!s.reverse && s.idx !== s.sline.length) s.idx++;
        else this.ding();
      } else {
        s.reverse = !s.reverse;
      }
      this.isearchRun();
      return;
    }
    switch (name) {
      case 'Backspace':
      case 'C-h':
        if (s.query === '') this.ding();
        else {
          s.query = s.query.slice(0, prevBoundary(s.query, s.query.length, this.width));
          if (s.query === '') this.ding();
        }
        this.isearchRun();
        return;
      case 'C-g':
        this.line = s.lines[s.saveLine];
        this.point = s.savePoint;
        this.histIndex = s.saveLine;
        this.isearchEnd(false);
        return;
      case 'C-w': {
        const start = this.point + s.query.length;
        if (start >= this.line.length || !/[\p{L}\p{N}]/u.test(this.line[start])) {
          this.ding();
          return;
        }
        let n = start + 1;
        while (n < this.line.length && /[\p{L}\p{N}]/u.test(this.line[n])) n++;
        s.query += this.line.slice(start, n);
        this.isearchRun();
        return;
      }
      case 'C-y': {
        const start = this.point + s.query.length;
        if (start >= this.line.length) {
          this.ding();
          return;
        }
        s.query += this.line.slice(start);
        this.isearchRun();
        return;
      }
      case 'PasteStart':
      case 'PasteEnd':
        return;
      case 'C-c':
        // ^C appears over the search display, as readline leaves it.
        this.interrupt();
        return;
      case 'Escape':
      case 'C-j':
        this.isearchEnd(true);
        return;
      default:
        // Any other key ends the search and then does what it does.
        this.isearchEnd(true);
        this.editKey(key);
    }
  }

  /** One step of readline's search loop, from the current position. */
  private isearchRun(): void {
    const s = this.search!;
    const dir = s.reverse ? -1 : 1;
    s.failed = false;
    let found = false;
    this.dirty = true;
    for (;;) {
      const q = s.query;
      if (q === '') {
        s.failed = true;
        break;
      }
      const limit = s.sline.length - q.length + 1;
      while (s.reverse ? s.idx >= 0 : s.idx < limit) {
        if (s.sline.startsWith(q, s.idx)) {
          found = true;
          break;
        }
        s.idx += dir;
        if (s.idx < 0 || s.idx > s.sline.length) {
          s.idx = 0;
          break;
        }
      }
      if (found) break;
      let failed = false;
      do {
        s.pos += dir;
        if (s.reverse ? s.pos < 0 : s.pos >= s.lines.length) {
          failed = true;
          break;
        }
        s.sline = s.lines[s.pos];
      } while ((s.prevFound !== null && s.prevFound === s.lines[s.pos]) || q.length > s.lines[s.pos].length);
      if (failed) {
        s.failed = true;
        if (s.idx < 0 || s.idx > s.sline.length) s.idx = 0;
        break;
      }
      s.idx = s.reverse ? s.sline.length - q.length : 0;
    }
    if (s.failed) {
      this.ding();
      s.pos = s.lastFound;
      return;
    }
    s.prevFound = s.lines[s.pos];
    this.line = s.lines[s.pos];
    this.point = s.idx;
    s.lastFound = s.pos;
  }

  /** Leaves the search; with `keep`, on the line found (moving there in the history). */
  private isearchEnd(keep: boolean): void {
    const s = this.search!;
    this.search = null;
    this.sub = 'normal';
    this.dirty = true;
    if (!keep) return;
    if (s.query) this.lastSearch = s.query;
    let point = s.idx;
    this.histIndex = s.lastFound;
    this.line = s.lines[s.lastFound];
    if (point < 0) point = s.lastFound === s.saveLine ? s.savePoint : this.line.length;
    this.point = Math.min(point, this.line.length);
    this.undoStack = [];
  }

  // ---------------------------------------------------------------- idle input

  /** Hands the unechoed type-ahead to the tty discipline (before anything newer). */
  private settleTypeahead(): void {
    if (this.typeahead) {
      const t = this.typeahead;
      this.typeahead = '';
      this.discipline.feed(stripPasteMarkers(t), false);
    }
  }

  private deliverInput(): void {
    if (!this.reader) return;
    const c = this.discipline.take();
    if (c === undefined) return;
    const r = this.reader;
    this.reader = null;
    r.resolve(c);
  }
}

// ------------------------------------------------------------------ bindings

/** Key → readline command, emacs mode, with the arrow keys of Debian's /etc/inputrc. */
const BINDINGS: Record<string, string> = {
  Enter: 'accept-line',
  'C-j': 'accept-line',
  'C-a': 'beginning-of-line',
  Home: 'beginning-of-line',
  'C-e': 'end-of-line',
  End: 'end-of-line',
  'C-f': 'forward-char',
  Right: 'forward-char',
  'C-b': 'backward-char',
  Left: 'backward-char',
  'M-f': 'forward-word',
  'C-Right': 'forward-word',
  'M-Right': 'forward-word',
  'M-b': 'backward-word',
  'C-Left': 'backward-word',
  'M-Left': 'backward-word',
  Backspace: 'backward-delete-char',
  'C-h': 'backward-delete-char',
  Delete: 'delete-char',
  'C-d': 'delete-char-or-eof',
  'C-k': 'kill-line',
  'C-u': 'unix-line-discard',
  'C-w': 'unix-word-rubout',
  'M-d': 'kill-word',
  'M-Backspace': 'backward-kill-word',
  'M-C-h': 'backward-kill-word',
  'C-y': 'yank',
  'M-y': 'yank-pop',
  'M-.': 'yank-last-arg',
  'M-_': 'yank-last-arg',
  'C-l': 'clear-screen',
  Up: 'previous-history',
  'C-p': 'previous-history',
  Down: 'next-history',
  'C-n': 'next-history',
  'M-<': 'beginning-of-history',
  'M->': 'end-of-history',
  'C-r': 'reverse-search-history',
  'C-s': 'forward-search-history',
  'C-t': 'transpose-chars',
  'M-u': 'upcase-word',
  'M-l': 'downcase-word',
  'M-c': 'capitalize-word',
  Tab: 'complete',
  'M-Escape': 'complete',
  'M-?': 'possible-completions',
  'M-=': 'possible-completions',
  'C-g': 'abort',
  'C-v': 'quoted-insert',
  'C-q': 'quoted-insert',
  'C-_': 'undo',
  'M-r': 'revert-line',
  'C-c': 'interrupt',
  'C-o': 'operate-and-get-next',
  'M-#': 'insert-comment',
  'M-Tab': 'tab-insert',
  'M-\\': 'delete-horizontal-space',
  'C-x': 'prefix-ctrl-x',
};

const CTRL_X_BINDINGS: Record<string, string> = {
  'C-u': 'undo',
  'C-g': 'abort',
};

/** Commands that change the line (an undo step is recorded before them). */
const MODIFIES = new Set([
  'self-insert',
  'tab-insert',
  'backward-delete-char',
  'delete-char',
  'delete-char-or-eof',
  'kill-line',
  'unix-line-discard',
  'unix-word-rubout',
  'kill-word',
  'backward-kill-word',
  'yank',
  'yank-pop',
  'yank-last-arg',
  'transpose-chars',
  'upcase-word',
  'downcase-word',
  'capitalize-word',
  'complete',
  'delete-horizontal-space',
  'quoted-insert',
]);

/** Commands whose killed text joins the previous kill when they follow each other. */
const KILLS = new Set(['kill-line', 'unix-line-discard', 'unix-word-rubout', 'kill-word', 'backward-kill-word']);

// ------------------------------------------------------------------ helpers

function isPromise<T>(v: unknown): v is Promise<T> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return hi;
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}

function stripPasteMarkers(s: string): string {
  return s.indexOf('\x1b[20') < 0 ? s : s.replace(/\x1b\[20[01]~/g, '');
}

/**
 * The cursor column after writing `s` from column `col` (approximately: printable text,
 * CR, LF, BS, TAB and the cursor motions of CSI sequences). `cols` means "waiting to wrap".
 */
export function advanceColumn(col: number, s: string, cols: number, width: WidthFn = wcwidth): number {
  let i = 0;
  const n = s.length;
  // A CR sends the column to 0 whatever came before it; without escape sequences (which could
  // swallow a CR) only the text after the last CR counts: a long output is not walked through.
  const cr = s.lastIndexOf('\r');
  if (cr > 0 && s.indexOf('\x1b') < 0) {
    col = 0;
    i = cr + 1;
  }
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (col >= cols) col = 0;
      col++;
      i++;
      continue;
    }
    if (c === 0x0d) {
      col = 0;
      i++;
      continue;
    }
    if (c === 0x0a) {
      if (col >= cols) col = cols - 1;
      i++;
      continue;
    }
    if (c === 0x08) {
      col = Math.max(0, Math.min(col, cols - 1) - 1);
      i++;
      continue;
    }
    if (c === 0x09) {
      col = Math.min(cols - 1, (Math.floor(Math.min(col, cols - 1) / 8) + 1) * 8);
      i++;
      continue;
    }
    if (c === 0x1b) {
      if (s.charCodeAt(i + 1) === 0x5d) {
        // OSC (titles, hyperlinks): invisible up to BEL or ESC \.
        const bel = s.indexOf('\x07', i + 2);
        const st = s.indexOf('\x1b\\', i + 2);
        const end = bel < 0 ? (st < 0 ? n : st + 2) : st < 0 || bel < st ? bel + 1 : st + 2;
        i = end;
        continue;
      }
      const m = /^\x1b(?:\[([0-?]*)[ -/]*([@-~])|.)/s.exec(s.slice(i, i + 64));
      if (!m) {
        i++;
        continue;
      }
      if (m[2]) {
        const params = m[1].split(';').map((x) => Number(x) || 0);
        const p1 = params[0] || 1;
        const base = Math.min(col, cols - 1);
        switch (m[2]) {
          case 'G':
          case '`':
            col = Math.min(cols - 1, p1 - 1);
            break;
          case 'C':
            col = Math.min(cols - 1, base + p1);
            break;
          case 'D':
            col = Math.max(0, base - p1);
            break;
          case 'H':
          case 'f':
            col = Math.min(cols - 1, (params[1] || 1) - 1);
            break;
          case 'A':
          case 'B':
          case 'K':
            col = base;
            break;
        }
      }
      i += m[0].length;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const w = width(cp);
    if (w > 0) {
      if (col + w > cols) col = 0;
      col += w;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return col;
}

