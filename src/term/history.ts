// The command history, as bash keeps it with HISTCONTROL=ignoreboth: a line that starts
// with a space is not recorded, nor a line equal to the one recorded just before it, nor an
// empty line. The oldest lines go when the list is full. The list is plain strings, so the
// host can save it (JSON.stringify(history)) and restore it (History.from(saved)).

export interface HistoryOptions {
  /** Most lines kept (bash's HISTSIZE); default 1000. */
  maxSize?: number;
  /** Do not record lines starting with a space (HISTCONTROL=ignorespace); default true. */
  ignoreSpace?: boolean;
  /** Do not record a line equal to the previous one (HISTCONTROL=ignoredups); default true. */
  ignoreDups?: boolean;
}

export class History {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<() => void>();
  readonly maxSize: number;
  readonly ignoreSpace: boolean;
  readonly ignoreDups: boolean;

  constructor(entries: Iterable<string> = [], options: HistoryOptions = {}) {
    this.maxSize = Math.max(0, Math.floor(options.maxSize ?? 1000));
    this.ignoreSpace = options.ignoreSpace ?? true;
    this.ignoreDups = options.ignoreDups ?? true;
    for (const e of entries) if (typeof e === 'string') this.lines.push(e);
    this.trim();
  }

  /** Restores a history saved with JSON.stringify(history); anything malformed is skipped. */
  static from(saved: unknown, options: HistoryOptions = {}): History {
    let data = saved;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        data = [];
      }
    }
    const entries = Array.isArray(data) ? data.filter((e): e is string => typeof e === 'string') : [];
    return new History(entries, options);
  }

  get length(): number {
    return this.lines.length;
  }

  /** The line at `index` (0 is the oldest), or undefined. */
  get(index: number): string | undefined {
    return this.lines[index];
  }

  /** All lines, oldest first. */
  entries(): readonly string[] {
    return this.lines;
  }

  /** Records a line if the rules allow it; returns whether it was recorded. */
  add(line: string): boolean {
    if (this.maxSize === 0) return false;
    if (line.trim() === '') return false;
    if (this.ignoreSpace && line.startsWith(' ')) return false;
    if (this.ignoreDups && this.lines.length > 0 && this.lines[this.lines.length - 1] === line) return false;
    this.lines.push(line);
    this.trim();
    this.changed();
    return true;
  }

  clear(): void {
    if (this.lines.length === 0) return;
    this.lines.length = 0;
    this.changed();
  }

  /** Calls `listener` after every change (to save the history); returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toJSON(): string[] {
    return this.lines.slice();
  }

  private trim(): void {
    if (this.lines.length > this.maxSize) this.lines.splice(0, this.lines.length - this.maxSize);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
