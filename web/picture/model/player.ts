// The animation model: which hop is on screen, how far its token has travelled, and the OCI
// state each container has reached by then. No DOM and no clock of its own: the view calls
// tick(ms) from requestAnimationFrame, tests call it with whatever they like.
//
// Live, the player follows the trace: hops play one after the other as they arrive (faster when
// many are waiting, so it never falls far behind). The learner can take over: step to the
// previous or next hop, replay the command from its first hop, change the speed. A new command
// takes the picture back to live.

import type { Hop, OciState, OpInfo, OpRecord } from '../source';
import { CommandLog, type Command, type CommandLogOptions, type Step } from './commands';

/** Travel time of one hop at speed 1 (ms), and the pause after it arrives. */
export const TRAVEL_MS = 520;
export const DWELL_MS = 300;
/** Above this many waiting hops, live playback speeds up to catch up. */
export const BACKLOG = 8;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export type Mode = 'live' | 'manual';

export interface Frame {
  mode: Mode;
  /** Whether the token is moving (or will move on to the next hop). */
  playing: boolean;
  speed: number;
  command: Command | null;
  /** Index of the hop on screen in command.steps; -1 when there is none. */
  index: number;
  step: Step | null;
  /** 0 when the token leaves, 1 when it has arrived. */
  progress: number;
  /** OCI state per container (object id) with the hop on screen counted once it has arrived. */
  oci: ReadonlyMap<string, OciState>;
  /**
   * What runc shows: the container of the hop on screen (or the last one runc worked for) and
   * the OCI state it has reached, null before runc has created it.
   */
  runc: { object: string; state: OciState | null } | null;
  /** Hops not yet shown, across commands. */
  waiting: number;
}

export class Player {
  readonly log: CommandLog;
  mode: Mode = 'live';
  speed = 1;
  private cmd: Command | null = null;
  private index = -1;
  /** Elapsed ms in the current hop (travel then dwell), at speed 1. */
  private elapsed = 0;
  /** Manual: play on to the end of the command (replay), or stop after this hop (step). */
  private autoplay = false;
  private stopped = true;
  private ociCache: { key: string; map: Map<string, OciState>; lastObject: string | null } | null = null;

  constructor(opts: CommandLogOptions = {}) {
    this.log = new CommandLog(opts);
  }

  /** Operations traced before the picture listened: shown as done, ready to replay. */
  load(ops: readonly OpRecord[]): void {
    this.log.load(ops);
    const last = this.log.last();
    if (last && last.steps.length > 0) {
      this.cmd = last;
      this.index = last.steps.length - 1;
      this.elapsed = TRAVEL_MS + DWELL_MS;
      this.stopped = true;
    }
  }

  line(text: string): void {
    this.log.line(text);
  }

  /** The source's trace listener. */
  ingest(op: OpInfo, hop: Hop | null): void {
    const change = hop ? this.log.hop(op, hop) : this.log.begin(op);
    if (change?.kind === 'command') {
      // Someone typed something new: whatever the learner was looking at, follow it live.
      if (this.mode === 'manual') {
        this.mode = 'live';
        this.autoplay = false;
        this.cmd = change.command;
        this.index = -1;
        this.elapsed = 0;
        this.stopped = true;
      }
    }
    if (this.mode === 'live' && this.stopped) this.advance();
  }

  setSpeed(speed: number): void {
    if (Number.isFinite(speed) && speed > 0) this.speed = speed;
  }

  /** Next hop (into the next command at the end of this one); the learner takes over. */
  next(): void {
    this.takeOver();
    const pos = this.neighbour(+1);
    if (pos) this.show(pos.cmd, pos.index, false);
  }

  prev(): void {
    this.takeOver();
    const pos = this.neighbour(-1);
    if (pos) this.show(pos.cmd, pos.index, false);
  }

  /** Jump to a hop of the command on screen and play it. */
  jump(index: number): void {
    this.takeOver();
    if (this.cmd && index >= 0 && index < this.cmd.steps.length) this.show(this.cmd, index, false);
  }

  /** Plays the command on screen (the last one when nothing is) again from its first hop. */
  replay(): void {
    this.takeOver();
    const cmd = this.cmd ?? this.lastWithSteps();
    if (cmd && cmd.steps.length > 0) this.show(cmd, 0, true);
  }

  /** Pauses or resumes playback where it is. */
  toggle(): void {
    if (this.mode === 'live') {
      this.takeOver();
      this.stopped = true;
      return;
    }
    if (!this.stopped) {
      this.stopped = true;
      this.autoplay = false;
      return;
    }
    if (!this.cmd) return this.replay();
    if (this.index >= this.cmd.steps.length - 1 && this.arrived()) return this.replay();
    this.autoplay = true;
    if (this.arrived()) {
      const pos = this.neighbour(+1);
      if (pos && pos.cmd === this.cmd) this.show(pos.cmd, pos.index, true);
    } else this.stopped = false;
  }

  /** Back to following the trace, at its latest hop. */
  live(): void {
    this.mode = 'live';
    this.autoplay = false;
    const last = this.lastWithSteps();
    if (last) {
      this.cmd = last;
      this.index = last.steps.length - 1;
      this.elapsed = TRAVEL_MS + DWELL_MS;
    }
    this.stopped = true;
  }

  /**
   * Live, with hops of earlier commands still waiting (the picture was off screen): skip to the
   * first hop of the latest command, so the learner sees what they just did.
   */
  skipToLatest(): void {
    if (this.mode !== 'live') return;
    const last = this.lastWithSteps();
    if (!last || last === this.cmd || this.waiting() === 0) return;
    this.show(last, 0, false);
  }

  /** Moves time on by `ms` of real time. Returns whether anything on screen changed. */
  tick(ms: number): boolean {
    if (this.stopped || !this.cmd || this.index < 0) return false;
    let budget = ms * this.speed * this.catchUp();
    let changed = false;
    while (budget > 0 && !this.stopped) {
      const left = TRAVEL_MS + DWELL_MS - this.elapsed;
      if (budget < left) {
        this.elapsed += budget;
        return true;
      }
      budget -= left;
      this.elapsed = TRAVEL_MS + DWELL_MS;
      changed = true;
      if (this.mode === 'live' || this.autoplay) {
        const pos = this.neighbour(+1);
        const stay = this.mode === 'manual' && pos?.cmd !== this.cmd;
        if (pos && !stay) {
          this.cmd = pos.cmd;
          this.index = pos.index;
          this.elapsed = 0;
        } else {
          this.stopped = true;
          this.autoplay = false;
        }
      } else this.stopped = true;
    }
    return changed;
  }

  frame(): Frame {
    const step = this.cmd && this.index >= 0 ? (this.cmd.steps[this.index] ?? null) : null;
    const progress = step ? Math.min(1, this.elapsed / TRAVEL_MS) : 0;
    const { map, runc } = this.ociAt(step, progress >= 1);
    return {
      mode: this.mode,
      playing: !this.stopped,
      speed: this.speed,
      command: this.cmd,
      index: step ? this.index : -1,
      step,
      progress,
      oci: map,
      runc,
      waiting: this.waiting(),
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  private takeOver(): void {
    this.mode = 'manual';
    this.autoplay = false;
  }

  private show(cmd: Command, index: number, autoplay: boolean): void {
    this.cmd = cmd;
    this.index = index;
    this.elapsed = 0;
    this.autoplay = autoplay;
    this.stopped = false;
  }

  private arrived(): boolean {
    return this.elapsed >= TRAVEL_MS + DWELL_MS;
  }

  /** Live, nothing moving: go to the next hop that arrived, if any. */
  private advance(): void {
    if (!this.cmd || this.index < 0) {
      const first = this.log.commands.find((c) => c.steps.length > 0 && (!this.cmd || c.id >= this.cmd.id));
      if (first) this.show(first, 0, false);
      return;
    }
    const pos = this.neighbour(+1);
    if (pos) this.show(pos.cmd, pos.index, false);
  }

  private neighbour(dir: 1 | -1): { cmd: Command; index: number } | null {
    const cmds = this.log.commands;
    if (!this.cmd) {
      const last = this.lastWithSteps();
      return last ? { cmd: last, index: dir > 0 ? 0 : last.steps.length - 1 } : null;
    }
    const i = this.index + dir;
    if (i >= 0 && i < this.cmd.steps.length) return { cmd: this.cmd, index: i };
    let at = cmds.indexOf(this.cmd);
    if (at < 0) return null;
    for (at += dir; at >= 0 && at < cmds.length; at += dir) {
      const c = cmds[at]!;
      if (c.steps.length > 0) return { cmd: c, index: dir > 0 ? 0 : c.steps.length - 1 };
    }
    return null;
  }

  private lastWithSteps(): Command | null {
    const cmds = this.log.commands;
    for (let i = cmds.length - 1; i >= 0; i--) if (cmds[i]!.steps.length > 0) return cmds[i]!;
    return null;
  }

  private waiting(): number {
    if (!this.cmd) return this.log.commands.reduce((n, c) => n + c.steps.length, 0);
    let n = this.cmd.steps.length - 1 - Math.max(this.index, -1);
    const cmds = this.log.commands;
    for (let at = cmds.indexOf(this.cmd) + 1; at > 0 && at < cmds.length; at++) n += cmds[at]!.steps.length;
    return n;
  }

  private catchUp(): number {
    if (this.mode !== 'live') return 1;
    const w = this.waiting();
    return w > BACKLOG ? w / BACKLOG : 1;
  }

  /** OCI states reached by each container up to the hop on screen. */
  private ociAt(step: Step | null, arrived: boolean): { map: Map<string, OciState>; runc: Frame['runc'] } {
    const key = `${this.cmd?.id ?? 0}:${this.index}:${arrived}:${this.log.commands[0]?.id ?? 0}`;
    if (!this.ociCache || this.ociCache.key !== key) {
      const map = new Map<string, OciState>();
      let lastObject: string | null = null;
      outer: for (const c of this.log.commands) {
        for (let i = 0; i < c.steps.length; i++) {
          const s = c.steps[i]!;
          const isCurrent = c === this.cmd && i === this.index;
          if (isCurrent && !arrived) break outer;
          if (s.hop.oci && s.hop.object) {
            map.set(s.hop.object, s.hop.oci);
            lastObject = s.hop.object;
          }
          if (isCurrent) break outer;
        }
        if (c === this.cmd && this.index < 0) break;
      }
      this.ociCache = { key, map, lastObject };
    }
    const { map, lastObject } = this.ociCache;
    const object = step?.hop.object ?? lastObject;
    return { map, runc: object ? { object, state: map.get(object) ?? null } : null };
  }
}
