// Groups the trace into commands: one `docker run` is several operations (create, attach,
// start, and the exit of its program), each with its hops. A command is what the learner
// replays step by step.
//
// Operations join the current command while they follow each other closely in virtual time
// (a pause longer than `gap` starts a new one). A host that knows the command lines (the
// terminal) can say where each begins, and its words become the title.

import type { Hop, OpInfo, OpRecord } from '../source';
import { commandTitle } from './words';

export interface Step {
  op: OpInfo;
  hop: Hop;
}

export interface Command {
  /** 1, 2, 3… in order of arrival. */
  id: number;
  /** The command line when the host told it, else a guess from the operations ("docker run"). */
  title: string;
  /** The command line as typed, when known. */
  line: string | null;
  ops: OpInfo[];
  steps: Step[];
  /** Virtual time of the last thing that happened in it. */
  lastT: number;
}

/** Operations the daemon starts by itself, not a client: they never take a typed line's title. */
const BACKGROUND = new Set(['container.exit', 'container.restart-policy']);

export interface CommandLogOptions {
  /** Virtual ms of quiet after which the next operation starts a new command (default 1000). */
  gap?: number;
  /** Commands kept (default 50). */
  keep?: number;
}

export type Change = { kind: 'command'; command: Command } | { kind: 'step'; command: Command; step: Step; index: number } | null;

export class CommandLog {
  readonly commands: Command[] = [];
  private readonly byOp = new Map<number, Command>();
  private pendingLine: string | null = null;
  private nextId = 1;
  private readonly gap: number;
  private readonly keep: number;

  constructor(opts: CommandLogOptions = {}) {
    this.gap = opts.gap ?? 1000;
    this.keep = opts.keep ?? 50;
  }

  last(): Command | undefined {
    return this.commands[this.commands.length - 1];
  }

  /** The host says a command line was entered: the next client operation starts its command. */
  line(text: string): void {
    this.pendingLine = text.trim() || null;
  }

  /** Operations traced before the picture listened, oldest first. */
  load(ops: readonly OpRecord[]): void {
    for (const rec of ops) {
      const info: OpInfo = { id: rec.id, host: rec.host, op: rec.op, t: rec.t };
      this.begin(info);
      for (const h of rec.hops) this.hop(info, h);
    }
  }

  /** An operation begins. Returns the new command when it starts one. */
  begin(op: OpInfo): Change {
    if (this.byOp.has(op.id)) return null;
    const cur = this.last();
    const background = BACKGROUND.has(op.op);
    let cmd: Command;
    let started = false;
    if (this.pendingLine !== null && !background) {
      cmd = this.start(op.t, this.pendingLine);
      this.pendingLine = null;
      started = true;
    } else if (cur && op.t - cur.lastT <= this.gap) {
      cmd = cur;
    } else {
      cmd = this.start(op.t, null);
      started = true;
    }
    cmd.ops.push(op);
    cmd.lastT = Math.max(cmd.lastT, op.t);
    if (!cmd.line) cmd.title = commandTitle(cmd.ops.map((o) => o.op));
    this.byOp.set(op.id, cmd);
    return started ? { kind: 'command', command: cmd } : null;
  }

  /** A hop of an operation. Returns the step it adds (and the command, if one began). */
  hop(op: OpInfo, hop: Hop): Change {
    let began: Change = null;
    if (!this.byOp.has(op.id)) began = this.begin(op);
    const cmd = this.byOp.get(op.id)!;
    const step: Step = { op, hop };
    cmd.steps.push(step);
    cmd.lastT = Math.max(cmd.lastT, hop.t);
    return began ?? { kind: 'step', command: cmd, step, index: cmd.steps.length - 1 };
  }

  private start(t: number, line: string | null): Command {
    const cmd: Command = { id: this.nextId++, title: line ?? '', line, ops: [], steps: [], lastT: t };
    this.commands.push(cmd);
    if (this.commands.length > this.keep) {
      for (const old of this.commands.splice(0, this.commands.length - this.keep)) for (const o of old.ops) this.byOp.delete(o.id);
    }
    return cmd;
  }
}
