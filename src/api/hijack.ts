// Attach and exec start: the two endpoints where moby hijacks the HTTP connection and turns it
// into a raw two-way stream (container output to the client, the client's stdin to the
// container). Without a TTY the output is multiplexed (stdcopy frames: 1 stdout, 2 stderr).

import { DaemonError } from '../sim/core/errors';
import { ExecStartConfig } from '../sim/daemon/apitypes';
import { decode } from '../sim/core/gotypes';
import { compareVersions, type Ctx } from './app';
import { boolValue } from './http';
import { detachKeyBytes } from '../sim/runtime/detach-keys';

export const MULTIPLEXED = 'application/vnd.docker.multiplexed-stream';
export const RAW = 'application/vnd.docker.raw-stream';

export interface Hijacked {
  contentType: string;
  /** Subscribe to output for the client; called with buffered output first. */
  onOutput(cb: (chunk: Uint8Array) => void): void;
  /** Called once when the server side is done (the client connection should close). */
  onEnd(cb: () => void): void;
  /** Input from the client. */
  write(data: Uint8Array): void;
  /** The client closed its write side. */
  closeWrite(): void;
  /** The client is gone. */
  abort(): void;
}

const enc = new TextEncoder();

/**
 * The content type of a container's output stream: multiplexed without a TTY, for clients of
 * API 1.42 and later (older ones are told raw-stream, though the frames are the same).
 */
export function streamType(ctx: { version: string }, tty: boolean): string {
  return !tty && compareVersions(ctx.version, '1.42') >= 0 ? MULTIPLEXED : RAW;
}

/** One stdcopy frame: [stream, 0, 0, 0, len BE32] + payload. */
export function frame(stream: 1 | 2 | 3, text: string): Uint8Array {
  const payload = enc.encode(text);
  const out = new Uint8Array(8 + payload.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, payload.length, false);
  out.set(payload, 8);
  return out;
}

class Pipe implements Hijacked {
  private buffered: Uint8Array[] = [];
  private out: ((chunk: Uint8Array) => void) | null = null;
  private endCbs: (() => void)[] = [];
  private ended = false;
  private dec = new TextDecoder();
  input: (text: string) => void = () => {};
  inputClosed: () => void = () => {};
  aborted: () => void = () => {};

  constructor(readonly contentType: string) {}

  push(chunk: Uint8Array): void {
    if (this.ended) return;
    if (this.out) this.out(chunk);
    else this.buffered.push(chunk);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const cbs = this.endCbs;
    this.endCbs = [];
    // let output already pushed reach the client first
    for (const cb of cbs) cb();
  }

  onOutput(cb: (chunk: Uint8Array) => void): void {
    this.out = cb;
    for (const b of this.buffered) cb(b);
    this.buffered = [];
  }

  onEnd(cb: () => void): void {
    if (this.ended) cb();
    else this.endCbs.push(cb);
  }

  write(data: Uint8Array): void {
    const text = this.dec.decode(data, { stream: true });
    if (text) this.input(text);
  }

  closeWrite(): void {
    this.inputClosed();
  }

  abort(): void {
    this.aborted();
    this.end();
  }
}

export async function hijackAttach(ctx: Ctx, ref: string, params: URLSearchParams): Promise<Hijacked | Response> {
  const { d, e } = ctx;
  const c = e.containers.get(ref);
  const wantStdin = boolValue(params.get('stdin'));
  const wantStdout = boolValue(params.get('stdout'));
  const wantStderr = boolValue(params.get('stderr'));
  const logs = boolValue(params.get('logs'));
  const streamLive = boolValue(params.get('stream'));
  const keys = detachKeyBytes(params.get('detachKeys') ?? '');
  if (!keys) throw new DaemonError('invalid', `Invalid detach keys (${params.get('detachKeys')}) provided`);
  const tty = c.config.Tty;
  const pipe = new Pipe(streamType(ctx, tty));
  const send = (stream: 'stdout' | 'stderr', text: string) => {
    if (stream === 'stdout' && !wantStdout) return;
    if (stream === 'stderr' && !wantStderr) return;
    pipe.push(tty ? enc.encode(text) : frame(stream === 'stdout' ? 1 : 2, text));
  };
  if (logs) for (const l of c.logs) send(l.stream, l.text);
  const op = d.op('container.attach');
  d.hop(op, 'client', 'dockerd', `POST /containers/${c.shortId()}/attach (hijacked stream)`, { object: c.id });
  d.event('container', 'attach', c.id, e.containers.attrs(c));
  if (!streamLive) {
    pipe.end();
    return pipe;
  }
  const listener = (stream: 'stdout' | 'stderr', text: string) => send(stream, text);
  c.listeners.add(listener);
  const finish = () => {
    c.listeners.delete(listener);
    c.streamEnd.delete(finish);
    pipe.end();
  };
  // a stopped container's streams are attached too: output comes with its next start, and the
  // stream ends when that run does (moby copies from the container's stream broadcaster)
  c.streamEnd.add(finish);
  let matched = 0;
  pipe.input = (text) => {
    if (!wantStdin) return;
    // detach sequence, only meaningful for an interactive TTY
    let pass = '';
    for (const ch of text) {
      if (tty && ch.charCodeAt(0) === keys[matched]) {
        matched++;
        if (matched === keys.length) {
          finish();
          return;
        }
        continue;
      }
      if (matched > 0) {
        pass += String.fromCharCode(...keys.slice(0, matched));
        matched = 0;
      }
      pass += ch;
    }
    if (pass) e.runtime.writeStdin(c, pass);
  };
  pipe.inputClosed = () => {
    if (wantStdin) e.runtime.closeStdin(c);
  };
  pipe.aborted = () => {
    c.listeners.delete(listener);
    c.streamEnd.delete(finish);
  };
  return pipe;
}

export async function hijackExec(ctx: Ctx, id: string, req: Request): Promise<Hijacked | Response> {
  const { d, e } = ctx;
  const text = await req.text();
  let body: { Detach: boolean; Tty: boolean; ConsoleSize: [number, number] | null } = { Detach: false, Tty: false, ConsoleSize: null };
  if (text.trim() !== '') {
    try {
      body = decode(ExecStartConfig, JSON.parse(text), 'ExecStartOptions') as typeof body;
    } catch (err) {
      throw new DaemonError('invalid', `invalid JSON: ${err instanceof Error ? err.message : err}`);
    }
  }
  const inst = e.execs.get(id);
  const op = d.op('exec.start');
  d.hop(op, 'client', 'dockerd', `POST /exec/${id.slice(0, 12)}/start`, { object: inst.container.id });
  const tty = body.Tty || inst.opts.Tty;
  // the console's size at start (moby's process spec), when the client gives one
  if (body.ConsoleSize && (body.ConsoleSize[0] > 0 || body.ConsoleSize[1] > 0)) inst.opts.ConsoleSize = body.ConsoleSize;
  if (body.Detach) {
    e.execs.start(id, { output: () => {}, done: () => {} }, op, tty);
    return new Response(null, { status: 200 });
  }
  const pipe = new Pipe(streamType(ctx, tty));
  try {
    e.execs.start(
      id,
      {
        output: (stream, t) => {
          if (stream === 'stdout' && !inst.opts.AttachStdout) return;
          if (stream === 'stderr' && !inst.opts.AttachStderr) return;
          pipe.push(tty ? enc.encode(t) : frame(stream === 'stdout' ? 1 : 2, t));
        },
        done: () => pipe.end(),
      },
      op,
      tty,
    );
  } catch (err) {
    // moby has hijacked the connection by now: the error goes down the stream, on stdout
    if (!(err instanceof DaemonError)) throw err;
    pipe.push(tty ? enc.encode(`${err.message}\r\n`) : frame(1, `${err.message}\r\n`));
    pipe.end();
    return pipe;
  }
  pipe.input = (t) => {
    if (inst.opts.AttachStdin) e.execs.write(id, t);
  };
  pipe.inputClosed = () => e.execs.closeStdin(id);
  return pipe;
}

