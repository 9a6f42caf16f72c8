// Inputs and outputs the shell hands to commands: captured output, fixed input, pipes, and
// helpers for commands that read their stdin.

import { Signal, type Input, type Output, type Run } from './types';

/** Collects everything written to it. */
export class StringOutput implements Output {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** Discards everything (/dev/null). */
export const nullOutput: Output = { write() {} };

/** An Input that can take back text it handed out (so `read` consumes one line only). */
export interface PushbackInput extends Input {
  unread(text: string): void;
}

export function canUnread(i: Input): i is PushbackInput {
  return typeof (i as Partial<PushbackInput>).unread === 'function';
}

/** Input from a fixed string (a file, a here-document): everything is there, then EOF. */
export class StringInput implements PushbackInput {
  readonly interactive = false;
  constructor(private buf: string) {}
  take(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }
  get ended(): boolean {
    return this.buf === '';
  }
  unread(text: string): void {
    this.buf = text + this.buf;
  }
}

/** An input at end of file (</dev/null, or a closed stdin). */
export function emptyInput(): StringInput {
  return new StringInput('');
}

/**
 * Wraps an Input given by the driver (a terminal, a container's attached stdin) so that text
 * read too far can be pushed back.
 */
export class BufferedInput implements PushbackInput {
  private back = '';
  constructor(readonly source: Input) {}
  get interactive(): boolean {
    return this.source.interactive;
  }
  take(): string {
    const s = this.back + this.source.take();
    this.back = '';
    return s;
  }
  get ended(): boolean {
    return this.back === '' && this.source.ended;
  }
  unread(text: string): void {
    this.back = text + this.back;
  }
}

/** Wraps an Input so that `isPushback` holds; returns it unchanged when it already can. */
export function pushbackInput(i: Input): PushbackInput {
  return canUnread(i) ? i : new BufferedInput(i);
}

/**
 * A pipe between two commands of a pipeline. Writing after the reading end is closed raises
 * SIGPIPE in the writer, as on Unix (`yes | head -1` ends `yes`).
 */
export class Pipe implements Output, PushbackInput {
  private buf = '';
  writerClosed = false;
  readerClosed = false;
  readonly interactive = false;
  constructor(readonly owner: unknown) {}
  write(text: string): void {
    if (this.readerClosed) throw new Signal('SIGPIPE', 13);
    this.buf += text;
  }
  take(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }
  get ended(): boolean {
    return this.writerClosed && this.buf === '';
  }
  get hasData(): boolean {
    return this.buf !== '';
  }
  unread(text: string): void {
    this.buf = text + this.buf;
  }
}

/**
 * Reads the next chunk of stdin: what is buffered, or waits (a `read` effect) for more.
 * Returns null at end of input.
 */
export function* readChunk(stdin: Input): Run<string | null> {
  for (;;) {
    const s = stdin.take();
    if (s !== '') return s;
    if (stdin.ended) return null;
    const r = yield { type: 'read' };
    if (r === null) return null;
    if (typeof r === 'string' && r !== '') return r;
    // Resumed without data: the driver buffered it in stdin (or nothing arrived); look again.
    if (r === undefined && stdin.ended) return null;
  }
}

/** Reads all of stdin until end of input. */
export function* readAll(stdin: Input): Run<string> {
  let out = '';
  for (;;) {
    const c = yield* readChunk(stdin);
    if (c === null) return out;
    out += c;
  }
}

/**
 * Reads one line (without its newline). Returns null at end of input; a last line without a
 * newline is returned with `eof: true`. Text after the line is pushed back when possible.
 */
export function* readLine(stdin: Input): Run<{ line: string; eof: boolean } | null> {
  let acc = '';
  for (;;) {
    const c = yield* readChunk(stdin);
    if (c === null) return acc === '' ? null : { line: acc, eof: true };
    const nl = c.indexOf('\n');
    if (nl < 0) {
      acc += c;
      continue;
    }
    acc += c.slice(0, nl);
    const rest = c.slice(nl + 1);
    if (rest && canUnread(stdin)) stdin.unread(rest);
    return { line: acc, eof: false };
  }
}

/**
 * Calls fn for each line of stdin as it arrives (streaming, so `tail -f log | grep x` works).
 * The line includes its trailing newline when it had one. fn returns false to stop reading;
 * any unread text is pushed back.
 */
export function* eachLine(stdin: Input, fn: (line: string) => boolean | void): Run<void> {
  let acc = '';
  for (;;) {
    const c = yield* readChunk(stdin);
    if (c === null) {
      if (acc !== '') fn(acc);
      return;
    }
    acc += c;
    let nl: number;
    while ((nl = acc.indexOf('\n')) >= 0) {
      const line = acc.slice(0, nl + 1);
      acc = acc.slice(nl + 1);
      if (fn(line) === false) {
        if (acc && canUnread(stdin)) stdin.unread(acc);
        return;
      }
    }
  }
}
