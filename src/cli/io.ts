// What the docker CLI emulator needs from its host (the browser terminal, a test, a Node
// process): output streams, the terminal's facts, stdin, Ctrl-C, resizes, files, the Engine API.

import type { EngineClient } from '../engine-client';
import type { FileSystem } from '../vfs';

/** Where the CLI writes. Container output arrives as bytes; the CLI's own text as strings. */
export interface CliWriter {
  write(data: string | Uint8Array): void;
}

/** The CLI's standard input. */
export interface CliStdin {
  /** stdin is a terminal (`docker run -it` requires one) */
  readonly isTTY: boolean;
  /**
   * The next chunk of input, or null at end of input (Ctrl-D on an empty line of a cooked
   * terminal, the end of a pipe). When `signal` aborts, the read resolves with null and the
   * chunk it would have returned stays for the next reader.
   */
  read(signal?: AbortSignal): Promise<Uint8Array | string | null>;
  /** Raw mode for `-t` sessions: keys arrive unprocessed, no echo, no line editing. */
  setRawMode?(raw: boolean): void;
}

/** Signals the user sends to the CLI process (Ctrl-C is SIGINT). */
export type CliSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGQUIT';

export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** stdout is a terminal (progress bars, `docker stats` redrawn in place, bold help) */
  isTTY: boolean;
  /** stderr is a terminal (default: isTTY) */
  stderrIsTTY?: boolean;
  /** terminal size (default 80×24) */
  columns?: number;
  rows?: number;
  /** the CLI's environment (DOCKER_HOST is shown in messages; DOCKER_API_VERSION, HOME, ...) */
  env?: Readonly<Record<string, string | undefined>>;
  /** stdin (default: empty, not a terminal) */
  stdin?: CliStdin;
  /** aborted on Ctrl-C (SIGINT): what the real CLI does on its first SIGINT */
  signal?: AbortSignal;
  /** every signal, each time it is sent (sig-proxy forwards each to the container) */
  onSignal?(listener: (sig: CliSignal) => void): () => void;
  /** terminal resizes (SIGWINCH): the new size is read from columns/rows */
  onResize?(listener: (columns: number, rows: number) => void): () => void;
  /** files of the machine the CLI runs on (--env-file, --label-file, --cidfile) */
  fs?: FileSystem;
  /** working directory (default "/") */
  cwd?: string;
  /** the Engine API */
  engine: EngineClient;
  /** wall clock in ms for relative times ("2 minutes ago"); default Date.now */
  now?: () => number;
  /** the local time zone for printed times (default UTC) */
  timeZone?: { name: string; offsetSeconds: number };
}

/** A stdin that holds the given text and then ends (a pipe). */
export function stdinFromText(text: string | Uint8Array = ''): CliStdin {
  let data: Uint8Array | string | null = text.length > 0 ? text : null;
  return {
    isTTY: false,
    async read() {
      const d = data;
      data = null;
      return d;
    },
  };
}

/** A stdin with nothing in it. */
export const EMPTY_STDIN: CliStdin = {
  isTTY: false,
  read: async () => null,
};
