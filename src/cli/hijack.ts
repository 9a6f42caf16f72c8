// Streaming a hijacked attach / exec connection as cli/command/container/hijack.go does: the
// container's output to stdout/stderr (demultiplexed unless TTY), the CLI's stdin to the
// container (raw mode and the detach keys with a TTY), half-close at end of input.

import { demux, type Duplex } from '../engine-client';
import type { Cli } from './cli';
import { CliError } from './cli';

/** term.EscapeError: the user typed the detach key sequence. */
export class EscapeError extends CliError {
  constructor() {
    super('read escape sequence');
  }
}

const DEFAULT_ESCAPE_KEYS = [16, 17]; // ctrl-p, ctrl-q

const ASCII = [
  'ctrl-@', 'ctrl-a', 'ctrl-b', 'ctrl-c', 'ctrl-d', 'ctrl-e', 'ctrl-f', 'ctrl-g', 'ctrl-h', 'ctrl-i', 'ctrl-j', 'ctrl-k',
  'ctrl-l', 'ctrl-m', 'ctrl-n', 'ctrl-o', 'ctrl-p', 'ctrl-q', 'ctrl-r', 'ctrl-s', 'ctrl-t', 'ctrl-u', 'ctrl-v', 'ctrl-w',
  'ctrl-x', 'ctrl-y', 'ctrl-z', 'ctrl-[', 'ctrl-\\', 'ctrl-]', 'ctrl-^', 'ctrl-_',
];

/** term.ToBytes */
export function detachKeyBytes(keys: string): number[] | undefined {
  const out: number[] = [];
  for (const key of keys.split(',')) {
    if (key.length !== 1) {
      const code = ASCII.indexOf(key);
      if (code >= 0) out.push(code);
      else if (key === 'DEL') out.push(127);
      else return undefined;
    } else out.push(key.charCodeAt(0));
  }
  return out;
}

/** term.NewEscapeProxy over chunks of input */
export class EscapeProxy {
  private pos = 0;
  constructor(private readonly keys: number[]) {}

  /** bytes to forward, and whether the escape sequence completed */
  feed(chunk: Uint8Array): { data: Uint8Array; escaped: boolean } {
    const out: number[] = [];
    for (const b of chunk) {
      if (this.keys.length > 0 && b === this.keys[this.pos]) {
        this.pos++;
        if (this.pos === this.keys.length) return { data: Uint8Array.from(out), escaped: true };
        continue;
      }
      if (this.pos > 0) {
        out.push(...this.keys.slice(0, this.pos));
        this.pos = 0;
        if (this.keys.length > 0 && b === this.keys[0]) {
          this.pos = 1;
          continue;
        }
      }
      out.push(b);
    }
    return { data: Uint8Array.from(out), escaped: false };
  }
}

export interface StreamOptions {
  /** forward the CLI's stdin */
  stdin: boolean;
  /** write container stdout / stderr (run -a can leave either out) */
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  detachKeys?: string;
  /** stop streaming (ctx.Done) */
  signal?: AbortSignal;
}

const enc = new TextEncoder();

/**
 * hijackedIOStreamer.stream: resolves when the output ends (or the input ends with no output
 * attached); rejects with EscapeError on detach, or with `error from daemon in stream`.
 */
export async function streamHijacked(cli: Cli, conn: Duplex, o: StreamOptions): Promise<void> {
  const raw = o.stdin && o.tty;
  let restored = false;
  const restore = () => {
    if (raw && !restored) {
      restored = true;
      cli.stdin.setRawMode?.(false);
    }
  };
  if (raw) cli.stdin.setRawMode?.(true);
  const inputAbort = new AbortController();
  try {
    const outputDone: Promise<void> | undefined =
      o.stdout || o.stderr
        ? (async () => {
            if (o.tty) {
              for await (const chunk of conn.output) if (o.stdout) cli.out(chunk);
              restore();
              return;
            }
            for await (const f of demux(conn.output)) {
              if (f.stream === 1) {
                if (o.stdout) cli.out(f.data);
              } else if (f.stream === 2) {
                if (o.stderr) cli.err(f.data);
              } else if (f.stream === 3) {
                throw new CliError(`error from daemon in stream: ${new TextDecoder().decode(f.data)}`);
              }
            }
          })()
        : undefined;

    let detached = false;
    const inputDone = (async () => {
      if (o.stdin) {
        let proxy: EscapeProxy | undefined;
        if (raw) proxy = new EscapeProxy((o.detachKeys ? detachKeyBytes(o.detachKeys) : undefined) ?? DEFAULT_ESCAPE_KEYS);
        for (;;) {
          const chunk = await cli.stdin.read(inputAbort.signal);
          if (chunk === null) break;
          let bytes = typeof chunk === 'string' ? enc.encode(chunk) : chunk;
          if (proxy) {
            const r = proxy.feed(bytes);
            bytes = r.data;
            if (bytes.length > 0) conn.write(bytes);
            if (r.escaped) {
              detached = true;
              restore();
              return;
            }
          } else conn.write(bytes);
        }
        restore();
      }
      if (!inputAbort.signal.aborted) conn.closeWrite();
    })();

    const aborted = new Promise<'aborted'>((resolve) => {
      if (!o.signal) return;
      if (o.signal.aborted) resolve('aborted');
      o.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });

    if (outputDone) {
      const first = await Promise.race([outputDone.then(() => 'output' as const), inputDone.then(() => 'input' as const), aborted]);
      if (first === 'input') {
        if (detached) throw new EscapeError();
        await Promise.race([outputDone, aborted]);
      }
      if (first === 'aborted') return;
      return;
    }
    await Promise.race([inputDone, aborted]);
    if (detached) throw new EscapeError();
  } finally {
    inputAbort.abort();
    restore();
  }
}

/** the bytes of a string (for container input written by the CLI) */
export function bytesOf(s: string): Uint8Array {
  return enc.encode(s);
}
