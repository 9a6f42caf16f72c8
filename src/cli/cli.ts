// The state of one docker CLI invocation: its streams, terminal, environment and the Engine API,
// plus the error types commands throw (cli.StatusError and plain errors, as docker prints them).

import { ApiError, EngineClient, responseText, type Query } from '../engine-client';
import type { ParsedFlags } from './parse';
import type { CliIo, CliSignal, CliStdin } from './io';
import { EMPTY_STDIN } from './io';
import { goMarshal } from './gojson';
import { UTC, type GoZone } from '../units';

/**
 * An error that ends the command: `message` goes to stderr (with a newline, unless empty) and
 * the CLI exits with `exitCode` (cli.StatusError; plain errors exit 1).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The daemon could not be reached (client.ErrorConnectionFailed). */
export class ConnectionError extends Error {
  constructor(host: string) {
    super(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`);
    this.name = 'ConnectionError';
  }
}

/** What docker prints for an error from the API client. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return `Error response from daemon: ${e.message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404;
}

export interface Invocation {
  /** canonical command path, e.g. "container ls" */
  name: string;
  flags: ParsedFlags;
  args: string[];
  argsLenAtDash: number;
  /** the command path docker prints ("docker container ls") */
  commandPath: string;
}

export class Cli {
  readonly engine: EngineClient;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: CliStdin;
  readonly cwd: string;

  constructor(readonly io: CliIo) {
    this.env = io.env ?? {};
    // DOCKER_API_VERSION fixes the API version (no negotiation upwards), for this invocation only
    const pinned = this.env.DOCKER_API_VERSION;
    if (pinned) {
      this.engine = new EngineClient(io.engine.transport);
      this.engine.version = pinned;
    } else this.engine = io.engine;
    this.stdin = io.stdin ?? EMPTY_STDIN;
    this.cwd = io.cwd ?? '/';
  }

  /** DOCKER_HOST as the CLI names the daemon in messages */
  get host(): string {
    return this.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  }

  out(s: string | Uint8Array): void {
    if (s.length > 0) this.io.stdout.write(s);
  }

  err(s: string | Uint8Array): void {
    if (s.length > 0) this.io.stderr.write(s);
  }

  get outIsTerminal(): boolean {
    return this.io.isTTY;
  }

  get errIsTerminal(): boolean {
    return this.io.stderrIsTTY ?? this.io.isTTY;
  }

  /** the terminal width as docker reads it (0 when stdout is not a terminal) */
  get width(): number {
    return this.io.isTTY ? (this.io.columns ?? 80) : 0;
  }

  get height(): number {
    return this.io.isTTY ? (this.io.rows ?? 24) : 0;
  }

  now(): number {
    return this.io.now ? this.io.now() : Date.now();
  }

  /** the CLI's local time zone (Go's time.Local) */
  get zone(): GoZone {
    return this.io.timeZone ?? UTC;
  }

  get signal(): AbortSignal | undefined {
    return this.io.signal;
  }

  onSignal(listener: (sig: CliSignal) => void): () => void {
    if (this.io.onSignal) return this.io.onSignal(listener);
    if (this.io.signal) {
      const s = this.io.signal;
      const h = () => listener('SIGINT');
      s.addEventListener('abort', h);
      return () => s.removeEventListener('abort', h);
    }
    return () => {};
  }

  // ------------------------------------------------------------------ the Engine API

  /** A request; a transport failure becomes docker's "Cannot connect" error. */
  async request(method: string, path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<Response> {
    try {
      return await this.engine.request(method, path, opts);
    } catch (e) {
      throw this.transportError(e);
    }
  }

  async json<T = any>(method: string, path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const res = await this.request(method, path, opts);
    const text = await responseText(res);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** GET returning both the decoded object and the raw bytes (inspect keeps the daemon's JSON). */
  async getRaw(path: string, query?: Query): Promise<{ value: any; raw: string }> {
    const res = await this.request('GET', path, { query });
    const raw = await responseText(res);
    return { value: raw ? JSON.parse(raw) : null, raw };
  }

  transportError(e: unknown): unknown {
    if (e instanceof ApiError || e instanceof CliError) return e;
    if (e instanceof Error && e.name === 'AbortError') return e;
    if (e instanceof TypeError || (e instanceof Error && /ECONNREFUSED|ENOENT|fetch failed|connect/i.test(e.message))) return new ConnectionError(this.host);
    return e;
  }

  /** POST/PUT with a JSON body encoded as the Go client encodes it (see gojson.ts). */
  async send(method: string, path: string, body: unknown, query?: Query, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(method, path, { query, raw: goMarshal(body) + '\n', headers: { 'Content-Type': 'application/json', ...headers } });
  }

}
