// docker exec: extra processes in a running container (moby daemon/exec.go). An exec instance is
// created, then started once; its output goes to whoever started it, and its exit code is kept
// for `GET /exec/{id}/json`.

import { conflict, invalid, notFound, systemError } from '../core/errors';
import { detachKeyBytes } from '../runtime/detach-keys';
import type { Stamp } from '../core/time';
import type { TraceOp } from '../core/trace';
import { resolveExec, runtimeErrorText } from '../runtime/exec';
import { lookupUser } from '../runtime/users';
import type { SimProcess } from '../runtime/process';
import type { Pty } from '../runtime/pty';
import type { SimRuntime } from '../runtime/runtime';
import type { Container } from './container';
import type { ContainerService } from './containers';
import type { Daemon } from './daemon';

export interface ExecOptions {
  User: string;
  Privileged: boolean;
  Tty: boolean;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  DetachKeys: string;
  Env: string[] | null;
  WorkingDir: string;
  Cmd: string[] | null;
  ConsoleSize: [number, number] | null;
}

export interface ExecInstance {
  id: string;
  container: Container;
  opts: ExecOptions;
  running: boolean;
  started: boolean;
  exitCode: number | null;
  pid: number;
  process: SimProcess | null;
  pty: Pty | null;
  /** The container's start this exec belongs to: moby unregisters a container's execs when it stops. */
  run: Stamp | null;
}

export interface ExecIo {
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** Called when the process has exited and its output is drained. */
  done(code: number): void;
}

export class ExecService {
  readonly execs = new Map<string, ExecInstance>();

  constructor(
    private readonly d: Daemon,
    private readonly rt: SimRuntime,
    private readonly containers: ContainerService,
  ) {}

  create(ref: string, opts: ExecOptions): string {
    // moby: the router checks the command first, then getActiveContainer (the paused error names
    // the container as the client did)
    if (!opts.Cmd || opts.Cmd.length === 0) throw invalid('No exec command specified');
    // moby returns this one untyped (500)
    if (opts.DetachKeys !== '' && !detachKeyBytes(opts.DetachKeys)) throw systemError(`Invalid escape keys (${opts.DetachKeys}) provided`);
    const c = this.containers.get(ref);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    if (c.status === 'paused') throw conflict(`Container ${ref} is paused, unpause the container before exec`);
    if (c.status === 'restarting') throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
    if (opts.User) {
      // moby looks the user up at create, for an early error
      const u = lookupUser(c.fs, opts.User);
      if (!u.ok) throw invalid(u.message);
    }
    const id = this.d.world.rng.id64();
    this.execs.set(id, { id, container: c, opts, running: false, started: false, exitCode: null, pid: 0, process: null, pty: null, run: c.startedAt });
    c.execIds.push(id);
    this.d.event('container', execAction('exec_create', opts.Cmd), c.id, { ...this.containers.attrs(c), execID: id });
    return id;
  }

  get(id: string): ExecInstance {
    const e = this.execs.get(id);
    const c = e?.container;
    // the container's stop unregistered its execs (moby daemon.Cleanup)
    if (e && c && (!this.d.containers.has(c.id) || !c.running || c.startedAt !== e.run)) this.execs.delete(id);
    else if (e) return e;
    throw notFound(`No such exec instance: ${id}`);
  }

  /** Starts the exec; output and exit go to `io`. */
  start(id: string, io: ExecIo, op: TraceOp, tty?: boolean): ExecInstance {
    const e = this.get(id);
    const c = e.container;
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    if (c.status === 'paused') throw conflict(`Container ${c.id} is paused, unpause the container before exec`);
    if (e.started) throw conflict(e.running ? `exec command ${id} is already running` : `exec command ${id} has already run`);
    e.started = true;
    const d = this.d;
    d.hop(op, 'dockerd', 'containerd', 'exec process in task', { object: c.id });
    d.hop(op, 'containerd', 'shim', 'exec', { object: c.id });
    d.hop(op, 'shim', 'runc', 'runc exec', { object: c.id, oci: 'running' });
    const useTty = tty ?? e.opts.Tty;
    const user = e.opts.User || c.config.User;
    const env = this.rt.envOf(c, e.opts.Env ?? [], useTty, user);
    const cwd = e.opts.WorkingDir || c.config.WorkingDir || '/';
    const argv = e.opts.Cmd ?? [];
    d.event('container', execAction('exec_start', argv), c.id, { ...this.containers.attrs(c), execID: id });
    // runc changes to the working directory before it looks the command up
    const cwdError = !c.fs.exists(cwd) ? 'no such file or directory' : c.fs.stat(cwd).type !== 'dir' ? 'not a directory' : '';
    const r = cwdError
      ? ({ ok: false, message: `chdir to cwd (${JSON.stringify(cwd)}) set in config.json failed: ${cwdError}`, code: 127 } as const)
      : resolveExec(c.fs, argv, env, cwd, this.rt.programs);
    // an exec that has exited leaves the container's ExecIDs (moby keeps only live ones there)
    const unlist = () => {
      const i = c.execIds.indexOf(id);
      if (i >= 0) c.execIds.splice(i, 1);
    };
    if (!r.ok) {
      e.exitCode = r.code;
      unlist();
      io.output('stdout', `${runtimeErrorText(`OCI runtime exec failed: exec failed: unable to start container process: ${r.message}: unknown`)}\r\n`);
      io.done(r.code);
      d.event('container', 'exec_die', c.id, { ...this.containers.attrs(c), execID: id, exitCode: String(r.code) });
      return e;
    }
    e.running = true;
    const proc = this.rt.spawn(
      c,
      { argv: r.argv, env, cwd, tty: useTty, program: r.program, init: false, user, winsize: () => e.opts.ConsoleSize ?? [0, 0] },
      {
        container: c,
        execId: id,
        onOutput: (stream, text) => io.output(stream, text),
        onExit: (code) => {
          e.running = false;
          e.exitCode = code;
          e.process = null;
          unlist();
          d.event('container', 'exec_die', c.id, { ...this.containers.attrs(c), execID: id, exitCode: String(code) });
          io.done(code);
        },
      },
    );
    e.process = proc;
    e.pid = proc.hostPid;
    if (useTty) {
      e.pty = this.rt.makePty(proc, (t) => io.output('stdout', t));
      const owner = this.rt.owners.get(proc);
      if (owner) owner.pty = e.pty;
    }
    if (!e.opts.AttachStdin) proc.stdin.close();
    proc.start();
    return e;
  }

  write(id: string, data: string): void {
    const e = this.execs.get(id);
    if (!e?.process) return;
    if (e.pty) e.pty.input(data);
    else e.process.stdin.write(data);
  }

  closeStdin(id: string): void {
    const e = this.execs.get(id);
    if (e?.process && !e.opts.Tty) e.process.stdin.close();
  }

  resize(id: string, h: number, w: number): void {
    const e = this.get(id);
    if (!e.running) throw conflict(`Exec ${id} is not running, so it can not be resized.`);
    e.opts.ConsoleSize = [h, w];
  }

  /** Drops exec records of a removed container. */
  forget(c: Container): void {
    for (const id of c.execIds) this.execs.delete(id);
  }
}

/** The action of exec events: moby joins the entrypoint and the arguments with a space, even when there are none. */
function execAction(action: string, cmd: string[]): string {
  return `${action}: ${cmd[0] ?? ''} ${cmd.slice(1).join(' ')}`;
}
