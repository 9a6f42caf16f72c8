// What the host shell needs of the terminal it runs on. The LineEditor of src/term fits this
// shape as it is (the page passes it); tests may pass anything with the same methods. src/shell
// does not import src/term: the two meet only in the page.

/** A Tab completion answer (the same shape as src/term's CompletionResult). */
export interface Completion {
  candidates: ReadonlyArray<string | { value: string; display?: string; suffix?: string }>;
  replaceFrom: number;
  replaceTo: number;
  suffix?: string;
}

export type Completer = (line: string, cursor: number) => Promise<Completion | null | undefined> | Completion | null | undefined;

/** Keys that raise a signal while a command runs (the tty's intr, quit and susp characters). */
export type TerminalSignal = 'SIGINT' | 'SIGQUIT' | 'SIGTSTP';

export interface TerminalHistory {
  readonly length: number;
  entries(): readonly string[];
  clear(): void;
}

export interface HostTerminal {
  /** Shows the prompt and edits a command (lines joined with "\n"); null at end of input. */
  readLine(prompt: string, options?: { continuationPrompt?: string }): Promise<string | null>;
  /** A line of input for the running command ("text\n"), text before Ctrl-D, or null at end of input. */
  readInput(options?: { signal?: AbortSignal }): Promise<string | null>;
  /** Complete lines typed ahead, removed from the queue ('' when none). */
  takeInput(): string;
  /** Raw mode: every chunk of input goes to the handler; null returns to the line discipline. */
  setRawMode(handler: ((data: string) => void) | null): void;
  /** Output (newlines become CR LF except in raw mode). */
  write(text: string): void;
  configure(options: {
    complete?: Completer;
    isComplete?: (text: string) => boolean;
    onSignal?: (signal: TerminalSignal) => void;
    onCancel?: () => string | void;
  }): void;
  readonly history: TerminalHistory;
  /** The column the next output lands in, when the terminal knows it. */
  readonly column?: number;
}

export interface TerminalSize {
  columns: number;
  rows: number;
}
