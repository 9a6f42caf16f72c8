// What the host's own commands (docker, curl, ping, history, help, reset) reach beyond their
// CommandContext: the Engine API, the terminal, its size, the host's network facts.

import type { EngineClient } from '../engine-client';
import type { HostTerminal, TerminalSize } from './terminal';

export interface HostServices {
  engine: EngineClient;
  terminal: HostTerminal;
  size(): TerminalSize;
  /** Terminal resizes; returns an unsubscribe function. */
  onResize(listener: (size: TerminalSize) => void): () => void;
  /** The host's clock in ms (the World's, which follows real time). */
  now(): number;
  /** Waits on real time (a test may make it faster); ends early when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** The host's name and primary address. */
  hostname: string;
  hostIp: string;
  /** True for the terminal's own output (not a redirection or a pipe), e.g. to know if stderr is a tty. */
  isTerminal?(out: unknown): boolean;
  /** Starts over with a new World (the `reset` command); absent where that is not possible. */
  reset?(): void;
}
