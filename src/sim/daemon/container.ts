// One container as dockerd keeps it: its configuration, its lifecycle actor, its filesystem,
// processes, logs and network endpoints. The JSON views (inspect, list) are built here in
// moby's field order (api/types/container at v28.2.2).

import { createActor, type Actor } from 'xstate';
import { humanDuration, humanDurationChangesAt } from '../../units';
import type { FileSystem } from '../../vfs/types';
import { rfc3339Nano, ZERO_TIME, type Stamp } from '../core/time';
import type { SimProcess } from '../runtime/process';
import type { ContainerConfig, EndpointSettingsT, HostConfigT } from './apitypes';
import { containerLifecycle, type ContainerStatus, type LifecycleEvent } from './lifecycle';

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  stamp: Stamp;
  text: string;
}

export interface MountPoint {
  Type: 'volume' | 'bind' | 'tmpfs';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export type OutputListener = (stream: 'stdout' | 'stderr', text: string) => void;

/** How long ago `since` was, as docker ps says it (no time at all without a stamp). */
function ago(now: number, since: Stamp | null): string {
  return humanDuration(since ? now - since.ms : 0);
}

function agoChangesAt(now: number, since: Stamp | null): number {
  return since ? since.ms + humanDurationChangesAt(now - since.ms) : Infinity;
}

export interface Waiter {
  condition: 'not-running' | 'next-exit' | 'removed';
  resolve: (r: { StatusCode: number; Error: { Message: string } | null }) => void;
}

export class Container {
  readonly actor: Actor<typeof containerLifecycle>;
  name: string; // with the leading '/'
  path: string;
  args: string[];
  pid = 0;
  exitCode = 0;
  error = '';
  startedAt: Stamp | null = null;
  finishedAt: Stamp | null = null;
  oomKilled = false;
  restartCount = 0;
  manuallyStopped = false;
  /** The restart manager's current back-off (ms); 0 before the first restart. */
  restartDelay = 0;
  /** Restarts counted by the restart manager (on-failure's maximum). */
  policyRestarts = 0;
  restartTimer: number | undefined;
  /** Set when a stop/kill asked the next exit not to restart (moby ExitOnNext). */
  exitOnNext = false;
  removalInProgress = false;
  fs!: FileSystem;
  /** Size of the writable layer, maintained by the filesystem owner. */
  sizeRw = () => 0;
  readonly logs: LogEntry[] = [];
  readonly processes = new Map<number, SimProcess>();
  main: SimProcess | null = null;
  nextPid = 1;
  readonly execIds: string[] = [];
  readonly waiters: Waiter[] = [];
  readonly listeners = new Set<OutputListener>();
  /** Called with each new log entry (docker logs -f). */
  readonly logListeners = new Set<(entry: LogEntry) => void>();
  /** Called when the main process's streams end (attached clients disconnect). */
  readonly streamEnd = new Set<() => void>();
  /** Endpoint settings per network name, in connection order. */
  readonly networks = new Map<string, EndpointSettingsT>();
  sandboxId = '';
  readonly mounts: MountPoint[] = [];
  ttySize: [number, number] = [0, 0];
  /** Host ports bound for this container while it runs: "0.0.0.0:8080/tcp" etc. */
  boundPorts: { hostIp: string; hostPort: number; containerPort: number; proto: string }[] = [];
  /** Partial output lines not yet terminated by "\n", per stream (json-file splits on newlines). */
  readonly partial = { stdout: '', stderr: '' };

  constructor(
    readonly id: string,
    name: string,
    readonly created: Stamp,
    /** The image ID (sha256:...). */
    readonly imageId: string,
    readonly config: ContainerConfig,
    readonly hostConfig: HostConfigT,
    readonly platform: string,
  ) {
    this.name = name;
    const entrypoint = config.Entrypoint ?? [];
    const cmd = config.Cmd ?? [];
    const all = [...entrypoint, ...cmd];
    this.path = all[0] ?? '';
    this.args = all.slice(1);
    this.actor = createActor(containerLifecycle).start();
  }

  get status(): ContainerStatus {
    return this.actor.getSnapshot().value as ContainerStatus;
  }

  can(event: LifecycleEvent): boolean {
    return this.actor.getSnapshot().can(event);
  }

  send(event: LifecycleEvent): void {
    if (!this.can(event)) throw new Error(`illegal container transition ${event.type} from ${this.status}`);
    this.actor.send(event);
  }

  /** moby's State.Running: true while running, paused or restarting. */
  get running(): boolean {
    const s = this.status;
    return s === 'running' || s === 'paused' || s === 'restarting';
  }

  shortId(): string {
    return this.id.slice(0, 12);
  }

  /** The name without its leading slash. */
  get bareName(): string {
    return this.name.slice(1);
  }

  /** The `Status` column of docker ps (moby container/state.go String()). */
  statusText(now: number): string {
    switch (this.status) {
      case 'running':
        return `Up ${ago(now, this.startedAt)}`;
      case 'paused':
        return `Up ${ago(now, this.startedAt)} (Paused)`;
      case 'restarting':
        return `Restarting (${this.exitCode}) ${ago(now, this.finishedAt)} ago`;
      case 'removing':
        return 'Removal In Progress';
      case 'dead':
        return 'Dead';
      default:
        if (!this.startedAt) return 'Created';
        if (!this.finishedAt) return '';
        return `Exited (${this.exitCode}) ${ago(now, this.finishedAt)} ago`;
    }
  }

  /**
   * The first time after `now` at which statusText may read differently, while the container
   * stays as it is (Infinity: never). Views that cache the Status text keep it until then.
   */
  statusChangesAt(now: number): number {
    switch (this.status) {
      case 'running':
      case 'paused':
        return agoChangesAt(now, this.startedAt);
      case 'restarting':
        return agoChangesAt(now, this.finishedAt);
      case 'removing':
      case 'dead':
        return Infinity;
      default:
        return this.startedAt && this.finishedAt ? agoChangesAt(now, this.finishedAt) : Infinity;
    }
  }

  /** The `State` object of inspect. */
  stateJson(): Record<string, unknown> {
    const s = this.status;
    return {
      Status: s === 'removed' ? 'removing' : s,
      Running: this.running,
      Paused: s === 'paused',
      Restarting: s === 'restarting',
      OOMKilled: this.oomKilled,
      Dead: s === 'dead',
      Pid: this.running && s !== 'restarting' ? this.pid : 0,
      ExitCode: this.exitCode,
      Error: this.error,
      StartedAt: this.startedAt ? rfc3339Nano(this.startedAt) : ZERO_TIME,
      FinishedAt: this.finishedAt ? rfc3339Nano(this.finishedAt) : ZERO_TIME,
    };
  }

  notifyWaiters(kind: 'exit' | 'removed' | 'stopped'): void {
    const done = (w: Waiter) => {
      if (kind === 'removed') return true;
      if (w.condition === 'next-exit') return kind === 'exit';
      if (w.condition === 'not-running') return kind === 'exit' || kind === 'stopped';
      return false;
    };
    for (let i = 0; i < this.waiters.length; ) {
      const w = this.waiters[i]!;
      if (done(w)) {
        this.waiters.splice(i, 1);
        w.resolve({ StatusCode: this.exitCode, Error: null });
      } else i++;
    }
  }
}
