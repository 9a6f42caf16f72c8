// Container operations of dockerd, following moby v28.2.2 (daemon/create.go, start.go,
// monitor.go, stop.go, kill.go, pause.go, unpause.go, delete.go, rename.go, wait.go, list.go).
// Each operation checks the lifecycle machine, acts, records its hops on the trace and emits
// Docker's events. Operations that take time (stop, restart) return promises resolved on the
// virtual clock.

import { DaemonError, conflict, invalid, notFound, notModified, systemError } from '../core/errors';
import type { Filters } from '../core/filters';
import { unixSeconds, type Stamp } from '../core/time';
import type { TraceOp } from '../core/trace';
import { parseSignal, signalNumber } from '../runtime/signals';
import type { ContainerConfig, EndpointSettingsT, HostConfigT } from './apitypes';
import { Container, type Waiter } from './container';
import type { Daemon } from './daemon';
import type { Image } from './images';

export interface CreateOptions {
  name: string;
  config: ContainerConfig;
  hostConfig: HostConfigT;
  endpoints: Record<string, EndpointSettingsT | null>;
  platform?: string;
}

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** What the runtime (containerd, the shim, runc, the process) does for the daemon. */
export interface Runtime {
  /** Builds the container's root filesystem and mounts at create time. */
  createFs(c: Container, image: Image): void;
  /** Prepares the main process (runc create); throws a DaemonError when it cannot be started. */
  startMain(c: Container, op: TraceOp): void;
  /** Runs the prepared main process (runc start). */
  run(c: Container): void;
  /** Sends a signal to the main process; false if it ignored it. */
  signal(c: Container, signal: string): boolean;
  pause(c: Container): void;
  resume(c: Container): void;
  /** Releases the filesystem (and anonymous volumes when asked). */
  destroyFs(c: Container, removeVolumes: boolean): void;
  /** Connects the container to its networks and binds its ports; throws on conflicts. */
  connectNetworks(c: Container, op: TraceOp): void;
  disconnectNetworks(c: Container): void;
}

export class ContainerService {
  /** The image layers each container's writable layer holds, by container ID. */
  private readonly chains = new Map<string, readonly string[]>();

  constructor(
    private readonly d: Daemon,
    private readonly rt: Runtime,
  ) {}

  /** moby GetContainer, with its errors. */
  get(ref: string): Container {
    if (ref === '') throw invalid('invalid container identifier ""');
    const c = this.d.findContainer(ref);
    if (c) return c;
    if (/^[0-9a-f]+$/.test(ref)) {
      let n = 0;
      for (const k of this.d.containers.keys()) if (k.startsWith(ref)) n++;
      if (n > 1) throw invalid(`multiple IDs found with provided prefix: ${ref}`);
    }
    throw notFound(`No such container: ${ref}`);
  }

  // ---- create ------------------------------------------------------------------------------

  create(opts: CreateOptions, image: Image, op: TraceOp): { Id: string; Warnings: string[] } {
    const d = this.d;
    const { config, hostConfig } = opts;
    let name = opts.name;
    if (name !== '') {
      if (!NAME_RE.test(name)) throw invalid(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      if (!name.startsWith('/')) name = `/${name}`;
      const holder = d.names.get(name);
      if (holder)
        throw conflict(
          `Conflict. The container name "${name}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
    }
    validateConfig(config, hostConfig);
    const warnings: string[] = [];

    mergeImageConfig(config, (image.config.config ?? {}) as Partial<ContainerConfig>);
    if ((config.Cmd ?? []).length === 0 && (config.Entrypoint ?? []).length === 0) throw invalid('no command specified');

    const id = d.world.rng.id64();
    if (name === '') name = this.randomName();
    if (config.Hostname === '') config.Hostname = id.slice(0, 12);
    applyHostConfigDefaults(hostConfig);

    const c = new Container(id, name, d.stamp(), image.id, config, hostConfig, 'linux');
    c.actor.subscribe(() => d.version++);
    d.hop(op, 'dockerd', 'dockerd', 'create container metadata and writable layer', { object: id });
    this.rt.createFs(c, image);
    d.images.holdChain(image.chain);
    this.chains.set(id, image.chain);
    for (const [netName, ep] of Object.entries(opts.endpoints)) c.networks.set(netName, ep ?? ({} as EndpointSettingsT));
    if (c.networks.size === 0 && hostConfig.NetworkMode !== '') c.networks.set(hostConfig.NetworkMode, {} as EndpointSettingsT);
    d.containers.set(id, c);
    d.names.set(name, id);
    const attrs: Record<string, string> = { image: config.Image, name: c.bareName, ...(config.Labels ?? {}) };
    d.event('container', 'create', id, attrs);
    return { Id: id, Warnings: warnings };
  }

  private randomName(): string {
    const r = this.d.world.rng;
    for (let retry = 0; retry < 6; retry++) {
      const n = `/${this.d.world.randomName(retry)}`;
      if (!this.d.names.has(n)) return n;
    }
    return `/${r.hex(12)}`;
  }

  // ---- start -------------------------------------------------------------------------------

  start(ref: string, op: TraceOp): void {
    const c = this.get(ref);
    if (c.status === 'paused') throw conflict('cannot start a paused container, try unpause instead');
    if (c.running) throw notModified();
    if (c.status === 'removing' || c.status === 'dead') throw conflict('container is marked for removal and cannot be started');
    this.resetRestartManager(c);
    this.startProcess(c, op);
  }

  /** container.ResetRestartManager(true) of a manual start or restart: a new count and back-off. */
  private resetRestartManager(c: Container): void {
    c.manuallyStopped = false;
    c.exitOnNext = false;
    c.restartDelay = 0;
    c.policyRestarts = 0;
    c.restartCount = 0;
  }

  /** daemon.containerStart: networking, runc create + start, the main process. */
  private startProcess(c: Container, op: TraceOp): void {
    const d = this.d;
    d.hop(op, 'dockerd', 'containerd', 'create container (OCI spec, rootfs snapshot)', { object: c.id });
    try {
      this.rt.connectNetworks(c, op);
    } catch (e) {
      c.error = e instanceof Error ? e.message : String(e);
      if (c.exitCode === 0) c.exitCode = 128;
      this.afterFailedStart(c);
      throw e;
    }
    try {
      this.rt.startMain(c, op);
    } catch (e) {
      this.rt.disconnectNetworks(c);
      this.unmountVolumes(c);
      if (e instanceof DaemonError) {
        c.error = e.message;
        this.afterFailedStart(c);
      }
      throw e;
    }
    c.error = '';
    c.startedAt = d.stamp();
    c.send(c.status === 'restarting' ? { type: 'RESTART' } : { type: 'START' });
    d.event('container', 'start', c.id, this.attrs(c));
    this.rt.run(c);
  }

  /** daemon.Cleanup, after releasing the network: each volume is unmounted, with its event. */
  private unmountVolumes(c: Container): void {
    for (const m of c.mounts)
      if (m.Type === 'volume' && m.Name) this.d.event('volume', 'unmount', m.Name, { container: c.id, driver: m.Driver ?? 'local' });
  }

  private afterFailedStart(c: Container): void {
    // attached clients are told the streams are over (the CLI then reports the error)
    for (const end of [...c.streamEnd]) end();
    if (c.status === 'restarting') {
      c.send({ type: 'EXIT' });
      c.notifyWaiters('stopped');
    }
    if (c.hostConfig.AutoRemove) this.removeNow(c, true);
  }

  /** Called by the runtime when the main process has exited (moby handleContainerExit). */
  handleExit(c: Container, code: number, op: TraceOp): void {
    const d = this.d;
    if (c.status !== 'running' && c.status !== 'paused') return;
    const exitedAt = d.stamp();
    const execMs = exitedAt.ms - (c.startedAt?.ms ?? exitedAt.ms);
    c.exitCode = code;
    c.finishedAt = exitedAt;
    c.pid = 0;
    c.execIds.length = 0; // daemon.Cleanup unregisters the container's execs
    d.hop(op, 'shim', 'containerd', `task exit (status ${code})`, { object: c.id, oci: 'stopped' });
    d.hop(op, 'containerd', 'dockerd', 'TaskExit event', { object: c.id });
    d.hop(op, 'dockerd', 'containerd', 'delete task', { object: c.id });
    d.hop(op, 'shim', 'runc', 'runc delete', { object: c.id });
    this.rt.disconnectNetworks(c);
    this.unmountVolumes(c);

    const restart = this.shouldRestart(c, code, execMs);
    if (restart) {
      c.restartCount++;
      c.send({ type: 'EXIT_RESTART' });
    } else {
      c.send({ type: 'EXIT' });
    }
    d.event('container', 'die', c.id, { ...this.attrs(c), exitCode: String(code), execDuration: String(Math.floor(execMs / 1000)) });
    c.notifyWaiters('exit');
    if (restart) {
      c.restartTimer = d.world.clock.setTimeout(() => {
        c.restartTimer = undefined;
        if (c.status !== 'restarting') return;
        const rop = d.op('container.restart-policy');
        d.hop(rop, 'dockerd', 'dockerd', `restart policy "${c.hostConfig.RestartPolicy.Name}": restarting`, { object: c.id });
        try {
          this.startProcess(c, rop);
        } catch {
          // the failed start left the container stopped (afterFailedStart)
        }
      }, c.restartDelay);
    } else if (c.hostConfig.AutoRemove) {
      this.removeNow(c, true);
    }
  }

  /** The restart manager's decision and back-off (restartmanager.ShouldRestart). */
  private shouldRestart(c: Container, code: number, execMs: number): boolean {
    const policy = c.hostConfig.RestartPolicy;
    const mode = policy.Name || 'no';
    if (mode === 'no' || c.exitOnNext) {
      c.exitOnNext = false;
      return false;
    }
    if (execMs >= 10_000) c.restartDelay = 0;
    if (c.restartDelay === 0) c.restartDelay = 100;
    else if (c.restartDelay < 60_000) c.restartDelay *= 2;
    if (c.restartDelay > 60_000) c.restartDelay = 60_000;
    let restart = false;
    if (mode === 'always') restart = true;
    else if (mode === 'unless-stopped') restart = !c.manuallyStopped;
    else if (mode === 'on-failure') {
      const max = policy.MaximumRetryCount;
      if (max === 0 || c.policyRestarts < max) restart = code !== 0;
    }
    if (restart) c.policyRestarts++;
    return restart;
  }

  // ---- signals, stop, kill -----------------------------------------------------------------

  /** daemon.killWithSignal. */
  private killWithSignal(c: Container, signal: string, op: TraceOp): void {
    const d = this.d;
    const stopSig = c.config.StopSignal ? parseSignal(c.config.StopSignal) : null;
    let unpause = false;
    if (!stopSig || signal === 'SIGKILL' || stopSig === signal) {
      c.exitOnNext = true;
      unpause = c.status === 'paused';
    }
    c.manuallyStopped = true;
    if (c.status === 'restarting') {
      // the pending restart is cancelled; the container stays stopped (moby sends no signal
      // and logs no kill event for a restarting container)
      d.world.clock.clearTimeout(c.restartTimer);
      c.restartTimer = undefined;
      c.exitOnNext = false;
      c.send({ type: 'CANCEL_RESTART' });
      c.notifyWaiters('stopped');
      if (c.hostConfig.AutoRemove) this.removeNow(c, true);
      return;
    }
    d.hop(op, 'dockerd', 'containerd', `kill task (${signal})`, { object: c.id });
    d.hop(op, 'containerd', 'shim', `kill ${signal}`, { object: c.id });
    d.hop(op, 'shim', 'runc', `runc kill ${signal}`, { object: c.id });
    // moby logs the kill event as soon as the signal is sent; the exit it causes reaches the
    // daemon afterwards (die, then destroy for --rm), so the event comes before the delivery here
    d.event('container', 'kill', c.id, { ...this.attrs(c), signal: String(signalNum(signal)) });
    if (unpause) {
      // the task is resumed so the signal arrives; containerd's resumed event unpauses the
      // container, unless SIGKILL ended it first (its exit clears the paused state)
      this.rt.resume(c);
      if (signal !== 'SIGKILL') {
        c.send({ type: 'UNPAUSE' });
        d.event('container', 'unpause', c.id, this.attrs(c));
      }
    }
    this.rt.signal(c, signal);
  }

  /** POST /containers/{id}/kill: moby's ContainerKill, every error wrapped by the router. */
  kill(ref: string, signal: string, op: TraceOp): void {
    try {
      let sig = 'SIGKILL';
      if (signal !== '') {
        const p = parseSignal(signal);
        if (!p) {
          // signal.ParseSignal takes any non-zero number; ValidSignalForPlatform refuses it
          if (/^[+-]?\d+$/.test(signal) && Number(signal) !== 0) throw invalid(`the linux daemon does not support signal ${Number(signal)}`);
          throw invalid(`invalid signal: ${signal}`);
        }
        sig = p;
      }
      const c = this.get(ref);
      if (!c.running) throw conflict(`container ${c.id} is not running`);
      this.killWithSignal(c, sig, op);
    } catch (e) {
      if (e instanceof DaemonError) throw new DaemonError(e.kind, `cannot kill container: ${ref}: ${e.message}`);
      throw e;
    }
  }

  /** POST /containers/{id}/stop. Resolves when the container has stopped. */
  async stop(ref: string, opts: { signal?: string; timeout?: number | null }, op: TraceOp): Promise<void> {
    const c = this.get(ref);
    if (!c.running) throw notModified();
    await this.stopContainer(c, opts, op);
  }

  /** daemon.containerStop: stop signal, grace period, then SIGKILL. */
  private async stopContainer(c: Container, opts: { signal?: string; timeout?: number | null }, op: TraceOp): Promise<void> {
    if (!c.running) return;
    let sig = c.config.StopSignal ? (parseSignal(c.config.StopSignal) ?? 'SIGTERM') : 'SIGTERM';
    if (opts.signal) {
      const p = parseSignal(opts.signal);
      if (!p) throw invalid(`invalid signal: ${opts.signal}`);
      sig = p;
    }
    const timeout = opts.timeout ?? c.config.StopTimeout ?? 10;
    this.killWithSignal(c, sig, op);
    const exited = await this.waitNotRunning(c, timeout < 0 ? null : timeout * 1000);
    if (!exited) {
      this.d.hop(op, 'dockerd', 'dockerd', `no exit after ${timeout}s: SIGKILL`, { object: c.id });
      this.killWithSignal(c, 'SIGKILL', op);
      await this.waitNotRunning(c, 10_000);
    }
    if (this.d.containers.has(c.id)) this.d.event('container', 'stop', c.id, this.attrs(c));
  }

  /** Resolves true when the container is not running, false after `ms` (null: no limit). */
  private waitNotRunning(c: Container, ms: number | null): Promise<boolean> {
    if (!c.running || !this.d.containers.has(c.id)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const clock = this.d.world.clock;
      let timer: number | undefined;
      const w: Waiter = {
        condition: 'not-running',
        resolve: () => {
          clock.clearTimeout(timer);
          resolve(true);
        },
      };
      c.waiters.push(w);
      if (ms !== null)
        timer = clock.setTimeout(() => {
          const i = c.waiters.indexOf(w);
          if (i >= 0) c.waiters.splice(i, 1);
          resolve(!c.running);
        }, ms);
    });
  }

  async restart(ref: string, opts: { signal?: string; timeout?: number | null }, op: TraceOp): Promise<void> {
    const c = this.get(ref);
    if (c.running) {
      await this.stopContainer(c, opts, op);
    }
    if (!this.d.containers.has(c.id)) return;
    if (c.status === 'created' || c.status === 'exited') {
      this.resetRestartManager(c);
      this.startProcess(c, op);
    } else {
      c.manuallyStopped = false;
      c.exitOnNext = false;
    }
    this.d.event('container', 'restart', c.id, this.attrs(c));
  }

  pause(ref: string, op: TraceOp): void {
    const c = this.get(ref);
    if (!c.running) throw conflict(`container ${c.id} is not running`);
    if (c.status === 'paused') throw conflict(`Container ${c.id} is already paused`);
    if (c.status === 'restarting') throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
    this.d.hop(op, 'dockerd', 'containerd', 'pause task', { object: c.id });
    this.d.hop(op, 'shim', 'runc', 'runc pause (cgroup freezer)', { object: c.id, oci: 'paused' });
    this.rt.pause(c);
    c.send({ type: 'PAUSE' });
    this.d.event('container', 'pause', c.id, this.attrs(c));
  }

  unpause(ref: string, op: TraceOp): void {
    const c = this.get(ref);
    if (c.status !== 'paused') throw systemError(`Container ${c.id} is not paused`);
    this.d.hop(op, 'dockerd', 'containerd', 'resume task', { object: c.id });
    this.d.hop(op, 'shim', 'runc', 'runc resume', { object: c.id, oci: 'running' });
    this.rt.resume(c);
    c.send({ type: 'UNPAUSE' });
    this.d.event('container', 'unpause', c.id, this.attrs(c));
  }

  // ---- remove ------------------------------------------------------------------------------

  remove(ref: string, opts: { force: boolean; volumes: boolean; link: boolean }, op: TraceOp): void {
    const c = this.get(ref);
    if (c.removalInProgress || c.status === 'removing') throw conflict(`removal of container ${ref} is already in progress`);
    if (opts.link) throw invalid(`Conflict, cannot remove the default link name of the container`);
    if (c.running) {
      if (!opts.force) {
        if (c.status === 'paused') throw conflict(`cannot remove container "${ref}": container is paused and must be unpaused first`);
        throw conflict(`cannot remove container "${ref}": container is ${c.status}: stop the container before removing or force remove`);
      }
      this.killWithSignal(c, 'SIGKILL', op);
    }
    if (this.d.containers.has(c.id)) this.removeNow(c, opts.volumes, ref);
  }

  private removeNow(c: Container, removeVolumes: boolean, ref = c.id): void {
    const d = this.d;
    if (!d.containers.has(c.id) || c.status === 'removing') return;
    for (const p of c.processes.values()) p.kill('SIGKILL');
    c.send({ type: 'REMOVE' });
    if (d.faults.failNextRemoval) {
      // removal failed part-way: the container is left dead (moby SetRemovalError)
      d.faults.failNextRemoval = false;
      c.send({ type: 'REMOVE_FAILED' });
      c.error = `unable to remove filesystem: unlinkat /var/lib/docker/containers/${c.id}/mounts/shm: device or resource busy`;
      throw systemError(`cannot remove container "${ref}": ${c.error}`);
    }
    this.rt.destroyFs(c, removeVolumes);
    d.images.releaseChain(this.chains.get(c.id) ?? []);
    this.chains.delete(c.id);
    d.containers.delete(c.id);
    d.names.delete(c.name);
    c.send({ type: 'REMOVED' });
    d.event('container', 'destroy', c.id, this.attrs(c));
    c.notifyWaiters('removed');
  }

  // ---- wait, rename, update ----------------------------------------------------------------

  wait(ref: string, condition: string): Promise<{ StatusCode: number; Error: { Message: string } | null }> {
    const c = this.get(ref);
    const cond = condition === '' ? 'not-running' : condition;
    if (cond !== 'not-running' && cond !== 'next-exit' && cond !== 'removed') throw invalid(`invalid condition: "${condition}"`);
    if (cond === 'not-running' && !c.running) return Promise.resolve({ StatusCode: c.exitCode, Error: null });
    return new Promise((resolve) => c.waiters.push({ condition: cond, resolve }));
  }

  rename(ref: string, newName: string): void {
    // moby daemon/rename.go: empty names first, then the container, the same name, and the
    // name's reservation (whose errors are wrapped, with the name canonicalised to "/name")
    if (ref === '' || newName === '') throw invalid('Neither old nor new names may be empty');
    const c = this.get(ref);
    const oldName = c.name;
    const n = newName.startsWith('/') ? newName : `/${newName}`;
    if (n === oldName) throw invalid('Renaming a container with the same name as its current name');
    if (!NAME_RE.test(n)) throw invalid(`Error when allocating new name: Invalid container name (${n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const holder = this.d.names.get(n);
    if (holder)
      throw conflict(
        `Error when allocating new name: Conflict. The container name "${n}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    this.d.names.delete(oldName);
    this.d.names.set(n, c.id);
    c.name = n;
    this.d.event('container', 'rename', c.id, { ...this.attrs(c), oldName });
  }

  update(ref: string, patch: Record<string, unknown>, restartPolicy: { Name: string; MaximumRetryCount: number } | null): string[] {
    const c = this.get(ref);
    if (restartPolicy && restartPolicy.Name !== '') {
      if (c.hostConfig.AutoRemove && restartPolicy.Name !== 'no') throw invalid("Restart policy cannot be updated because AutoRemove is enabled for the container");
      validateRestartPolicy(restartPolicy);
      c.hostConfig.RestartPolicy = restartPolicy;
    }
    for (const [k, v] of Object.entries(patch)) {
      if (v !== 0 && v !== '' && v !== null && !(Array.isArray(v) && v.length === 0)) c.hostConfig[k] = v;
    }
    if ((patch.Memory as number) > 0 && c.hostConfig.MemorySwap === 0) c.hostConfig.MemorySwap = (patch.Memory as number) * 2;
    this.d.event('container', 'update', c.id, this.attrs(c));
    return [];
  }

  // ---- list, prune -------------------------------------------------------------------------

  list(opts: { all: boolean; limit: number; filters: Filters }, isAncestor: (c: Container, ref: string) => boolean): Container[] {
    const f = opts.filters;
    f.validate(['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose']);
    // moby daemon/list.go foldFilter: exit codes first, then states; only a status filter (or a
    // limit) lists stopped containers without `all`
    for (const e of f.get('exited')) if (!/^[+-]?\d+$/.test(e)) throw invalid(`invalid filter 'exited=${e}': strconv.Atoi: parsing "${e}": invalid syntax`);
    const states = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
    for (const s of f.get('status'))
      if (!states.includes(s)) throw invalid(`invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${states.join(', ')}`);
    const all = opts.all || f.has('status') || opts.limit > 0;
    let list = this.d.containerList();
    const refIdx = (key: string): number | null => {
      const refs = f.get(key);
      if (refs.length === 0) return null;
      const c = this.get(refs[0]!);
      return list.indexOf(c);
    };
    const beforeIdx = refIdx('before');
    const sinceIdx = refIdx('since');
    list = list.filter((c, i) => {
      if (!all && !c.running) return false;
      if (beforeIdx !== null && i <= beforeIdx) return false;
      if (sinceIdx !== null && i >= sinceIdx) return false;
      if (!f.fuzzyMatch('id', c.id)) return false;
      if (f.has('name') && !f.match('name', c.bareName) && !f.match('name', c.name)) return false;
      if (!f.matchKVList('label', c.config.Labels)) return false;
      if (f.has('status') && !f.exactMatch('status', c.status)) return false;
      if (f.has('exited') && !(c.status === 'exited' && f.get('exited').map(Number).includes(c.exitCode))) return false;
      if (f.has('ancestor') && !f.get('ancestor').some((a) => isAncestor(c, a))) return false;
      if (f.has('network') && !f.get('network').some((n) => c.networks.has(n) || [...c.networks.values()].some((e) => e.NetworkID?.startsWith(n))))
        return false;
      if (f.has('volume') && !f.get('volume').some((v) => c.mounts.some((m) => m.Name === v || m.Destination === v))) return false;
      if (f.has('is-task') && f.getBool('is-task', false) !== 'com.docker.swarm.task' in (c.config.Labels ?? {})) return false;
      if (f.has('publish') && !f.get('publish').some((p) => publishMatches(c, p))) return false;
      if (f.has('expose') && !f.get('expose').some((p) => Object.keys(c.config.ExposedPorts ?? {}).includes(p.includes('/') ? p : `${p}/tcp`)))
        return false;
      return true;
    });
    if (opts.limit > 0) list = list.slice(0, opts.limit);
    return list;
  }

  prune(filters: Filters, op: TraceOp): { ContainersDeleted: string[] | null; SpaceReclaimed: number } {
    filters.validate(['until', 'label', 'label!']);
    const until = filters.get('until');
    const cutoff = until.length > 0 ? parseUntil(until[0]!, this.d.now()) : null;
    const deleted: string[] = [];
    let space = 0;
    // moby walks daemon.List(): newest first by creation time
    const byCreated = this.d.containerList().sort((a, b) => compareStamps(b.created, a.created));
    for (const c of byCreated) {
      if (c.running) continue;
      if (!filters.matchKVList('label', c.config.Labels)) continue;
      if (filters.has('label!') && negLabelMatch(filters.get('label!'), c.config.Labels)) continue;
      if (cutoff !== null && c.created.ms >= cutoff) continue;
      space += c.sizeRw();
      this.remove(c.id, { force: false, volumes: false, link: false }, op);
      deleted.push(c.id);
    }
    this.d.event('container', 'prune', '', { reclaimed: String(space) });
    return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
  }

  /** Attributes every container event carries: image, name and the container's labels. */
  attrs(c: Container): Record<string, string> {
    return { ...(c.config.Labels ?? {}), image: c.config.Image, name: c.bareName };
  }

  createdUnix(c: Container): number {
    return unixSeconds(c.created);
  }
}

function signalNum(sig: string): number {
  const rt = /^SIGRTMIN\+(\d+)$/.exec(sig);
  return rt ? 34 + Number(rt[1]) : signalNumber(sig);
}

function publishMatches(c: Container, p: string): boolean {
  const [port, proto = 'tcp'] = p.split('/');
  return c.boundPorts.some((b) => String(b.hostPort) === port && b.proto === proto);
}

function negLabelMatch(values: string[], labels: Record<string, string> | null): boolean {
  for (const v of values) {
    const i = v.indexOf('=');
    const k = i < 0 ? v : v.slice(0, i);
    if (labels && k in labels && (i < 0 || labels[k] === v.slice(i + 1))) return true;
  }
  return false;
}

/** `until` filter values: a Unix timestamp, an RFC 3339 date, or a Go duration before now. */
export function parseUntil(v: string, now: number): number {
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const dur = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(v);
  if (dur) {
    const mult: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    return now - Number(dur[1]) * mult[dur[2]!]!;
  }
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return t;
  throw invalid(`failed to parse value as time or duration: "${v}"`);
}

/**
 * A `since`/`until` argument to the nanosecond, as moby's timetypes.ParseTimestamps reads the
 * `<seconds>.<nanoseconds>` the CLI sends (other forms as parseUntil).
 */
export function parseTimeArg(v: string, now: number): Stamp {
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(v);
  if (m) {
    const frac = (m[2] ?? '').padEnd(9, '0');
    return { ms: Number(m[1]) * 1000 + Number(frac.slice(0, 3)), ns: Number(frac.slice(3)) };
  }
  const t = parseUntil(v, now);
  const ms = Math.floor(t);
  return { ms, ns: Math.round((t - ms) * 1e6) };
}

/** Orders two stamps: negative, zero or positive. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.ns - b.ns;
}

/** moby daemon/commit.go merge(): image defaults fill what the user left empty. */
export function mergeImageConfig(user: ContainerConfig, image: Partial<ContainerConfig>): void {
  if (user.User === '') user.User = image.User ?? '';
  const userPorts = user.ExposedPorts ?? {};
  if (Object.keys(userPorts).length === 0) user.ExposedPorts = image.ExposedPorts ?? null;
  else for (const p of Object.keys(image.ExposedPorts ?? {})) userPorts[p] ??= {};
  if (!user.Env || user.Env.length === 0) user.Env = image.Env ?? null;
  else
    for (const ie of image.Env ?? []) {
      const k = ie.split('=')[0];
      if (!user.Env.some((ue) => ue.split('=')[0] === k)) user.Env.push(ie);
    }
  user.Labels ??= {};
  for (const [k, v] of Object.entries(image.Labels ?? {})) if (!(k in user.Labels)) user.Labels[k] = v;
  if (!user.Entrypoint || user.Entrypoint.length === 0) {
    if (!user.Cmd || user.Cmd.length === 0) user.Cmd = image.Cmd ?? null;
    if (user.Entrypoint === null) user.Entrypoint = image.Entrypoint ?? null;
  }
  if (image.Healthcheck && !user.Healthcheck) user.Healthcheck = image.Healthcheck;
  if (user.WorkingDir === '') user.WorkingDir = image.WorkingDir ?? '';
  if (!user.Volumes || Object.keys(user.Volumes).length === 0) user.Volumes = image.Volumes ?? null;
  else Object.assign(user.Volumes, image.Volumes ?? {});
  if (user.StopSignal === '') user.StopSignal = image.StopSignal ?? '';
}

function validateConfig(config: ContainerConfig, hc: HostConfigT): void {
  if (config.WorkingDir !== '' && !config.WorkingDir.startsWith('/'))
    throw invalid(`the working directory '${config.WorkingDir}' is invalid, it needs to be an absolute path`);
  if (config.StopSignal && !parseSignal(config.StopSignal)) throw invalid(`invalid signal: ${config.StopSignal}`);
  for (const e of config.Env ?? []) {
    if (e === '' || e.startsWith('=')) throw invalid(`invalid environment variable: ${e}`);
  }
  if (hc.AutoRemove && hc.RestartPolicy.Name !== '' && hc.RestartPolicy.Name !== 'no')
    throw invalid("can't create 'AutoRemove' container with restart policy");
  for (const [port, bindings] of Object.entries(hc.PortBindings ?? {})) {
    const p = port.split('/')[0]!;
    if (!validPortOrRange(p)) throw invalid(`invalid port specification: "${p}"`);
    for (const b of bindings ?? []) {
      const hp = (b.HostPort ?? '').split('/')[0]!;
      if (hp !== '' && !validPortOrRange(hp)) throw invalid(`invalid port specification: "${hp}"`);
    }
  }
  validateRestartPolicy(hc.RestartPolicy);
}

function validPortOrRange(p: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(p);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a <= 65535 && b <= 65535 && b >= a;
}

/** container.ValidateRestartPolicy. */
function validateRestartPolicy(p: { Name: string; MaximumRetryCount: number }): void {
  switch (p.Name) {
    case '':
      // engines before 25.0 stored an empty name by default: any count is accepted with it
      return;
    case 'no':
    case 'always':
    case 'unless-stopped':
      if (p.MaximumRetryCount !== 0)
        throw invalid(
          `invalid restart policy: maximum retry count can only be used with 'on-failure'${p.MaximumRetryCount < 0 ? ' and cannot be negative' : ''}`,
        );
      return;
    case 'on-failure':
      if (p.MaximumRetryCount < 0) throw invalid('invalid restart policy: maximum retry count cannot be negative');
      return;
    default:
      throw invalid(`invalid restart policy: unknown policy '${p.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

const DEFAULT_MASKED = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
const DEFAULT_READONLY = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** Defaults dockerd fills at create (adaptContainerSettings and friends, cgroup v2 host). */
export function applyHostConfigDefaults(hc: HostConfigT): void {
  if (hc.NetworkMode === '' || hc.NetworkMode === 'default') hc.NetworkMode = 'bridge';
  if (!hc.RestartPolicy.Name) hc.RestartPolicy.Name = 'no';
  if (hc.LogConfig.Type === '') hc.LogConfig = { Type: 'json-file', Config: hc.LogConfig.Config ?? {} };
  if (hc.LogConfig.Config === null) hc.LogConfig.Config = {};
  if (hc.Memory > 0 && hc.MemorySwap === 0) hc.MemorySwap = hc.Memory * 2;
  if (hc.ShmSize === 0) hc.ShmSize = 67108864;
  if (hc.IpcMode === '') hc.IpcMode = 'private';
  if (hc.CgroupnsMode === '') hc.CgroupnsMode = 'private';
  if (hc.Runtime === '' || hc.Runtime === undefined) hc.Runtime = 'runc';
  if (hc.OomKillDisable === null) hc.OomKillDisable = false;
  // PortBindings stays as sent: null when the request has none (the docker CLI sends {})
  if (hc.MaskedPaths === null && !hc.Privileged) hc.MaskedPaths = [...DEFAULT_MASKED];
  if (hc.ReadonlyPaths === null && !hc.Privileged) hc.ReadonlyPaths = [...DEFAULT_READONLY];
  (hc as Record<string, unknown>).KernelMemory = 0;
}
