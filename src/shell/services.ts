// What the host's own commands (docker, curl, ping, history, help, reset) reach beyond their
// CommandContext: the Engine API, the daemon's addresses, the terminal, its size, the host's
// network facts.

import type { EngineClient } from '../engine-client';
import type { DaemonListeners } from './daemon';
import type { HostTerminal, TerminalSize } from './terminal';

export interface HostServices {
  /** The Engine API on the default socket (completion, the simulator's network). */
  engine: EngineClient;
  /** Where dockerd listens, and the Engine API at each address (docker -H, DOCKER_HOST, curl). */
  daemon: DaemonListeners;
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
