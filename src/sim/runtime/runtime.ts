// containerd, the shim and runc as one Docker host uses them: root filesystems (overlay2 over
// the image's layers), mounts, the container's processes and their stdio, pause/resume, and
// the network plumbing done at start (endpoints, published ports). Every step records its hop
// on the trace with the OCI runtime state it reaches.

import type { Command, SystemInfo } from '../../sh/types';
import { Layer, MemoryFs, MountFs, OverlayFs, copyTree } from '../../vfs';
import type { FileSystem } from '../../vfs/types';
import { invalid, systemError } from '../core/errors';
import type { TraceOp } from '../core/trace';
import type { Container } from '../daemon/container';
import type { ContainerService, Runtime } from '../daemon/containers';
import type { Daemon } from '../daemon/daemon';
import type { Image } from '../daemon/images';
import { ANONYMOUS_LABEL, type Volume } from '../daemon/volumes';
import { PortInUse } from '../network/ports';
import type { NetworkPlumbing } from '../network/plumbing';
import { DEFAULT_PATH, resolveExec, runtimeErrorText, type ProgramTable } from './exec';
import { processTable, SimProcess, type CustomOutcome, type ProcessHost } from './process';
import { procFs } from './procfs';
import { lookupUser } from './users';
import { Pty } from './pty';

export interface ProcessOwner {
  container: Container;
  /** The exec instance, for processes started by docker exec. */
  execId?: string;
  pty?: Pty;
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  onExit?: (code: number) => void;
}

/** Handles custom effects of simulated programs (network, processes...). */
export type CustomEffects = (proc: SimProcess, owner: ProcessOwner, name: string, data: unknown) => CustomOutcome;

const MAX_LOG_ENTRIES = 5000;

export class SimRuntime implements Runtime, ProcessHost {
  readonly owners = new WeakMap<SimProcess, ProcessOwner>();
  service!: ContainerService;
  /** Upper (writable) layers, to report sizes and diffs. */
  readonly rootfs = new WeakMap<Container, OverlayFs>();
  readonly frozen = new WeakSet<Container>();

  constructor(
    readonly d: Daemon,
    readonly programs: ProgramTable,
    readonly net: NetworkPlumbing,
    readonly effects: CustomEffects,
  ) {}

  get clock() {
    return this.d.world.clock;
  }

  // ---- filesystems ---------------------------------------------------------------------------

  createFs(c: Container, image: Image): void {
    const d = this.d;
    const now = () => d.now();
    const lower: Layer[] = image.chain.map((id) => d.images.layers.get(id)!.content as Layer);
    lower.push(initLayer(c));
    const root = new OverlayFs({ lower, now });
    this.rootfs.set(c, root);
    // what `docker diff` lists: /etc/hosts, /etc/hostname and /etc/resolv.conf are bind mounts
    // in moby, outside the writable layer, so a fresh container's SizeRw is 0
    c.sizeRw = () => {
      let size = 0;
      for (const ch of this.changes(c)) {
        if (ch.Kind === 2) continue;
        const st = root.lstat(ch.Path);
        if (st.type !== 'dir') size += st.size;
      }
      return size;
    };
    const mounts: { path: string; fs: FileSystem; readOnly: boolean }[] = [];
    const volumesCreated: Volume[] = [];

    const useVolume = (name: string, dest: string, anonymous: boolean, readOnly: boolean, noCopy: boolean, mode = readOnly ? 'ro' : 'z') => {
      let v = d.volumes.get(name);
      if (!v) {
        v = {
          name,
          driver: 'local',
          created: d.stamp(),
          labels: anonymous ? { [ANONYMOUS_LABEL]: '' } : null,
          options: null,
          anonymous,
          fs: new MemoryFs({ now }),
          users: new Set(),
        };
        d.volumes.add(v);
        volumesCreated.push(v);
        d.event('volume', 'create', name, { driver: 'local' });
      }
      v.users.add(c.id);
      // copy-up: an empty volume gets the image's content at the mount point
      if (!noCopy && v.fs.readdir('/').length === 0 && root.exists(dest) && root.stat(dest).type === 'dir') copyTree(root, dest, v.fs, '/');
      mounts.push({ path: dest, fs: v.fs, readOnly });
      c.mounts.push({
        Type: 'volume',
        Name: name,
        Source: d.volumes.mountpoint(name),
        Destination: dest,
        Driver: 'local',
        Mode: mode,
        RW: !readOnly,
        Propagation: '',
      });
    };
    const bind = (src: string, dest: string, readOnly: boolean, mode: string, create: boolean) => {
      if (!d.hostFs.exists(src)) {
        if (!create) throw invalid(`invalid mount config for type "bind": bind source path does not exist: ${src}`);
        d.hostFs.mkdir(src, { recursive: true });
      }
      mounts.push({ path: dest, fs: subFs(d.hostFs, src), readOnly });
      c.mounts.push({ Type: 'bind', Source: src, Destination: dest, Mode: mode, RW: !readOnly, Propagation: 'rprivate' });
    };

    const taken = new Set<string>();
    for (const b of c.hostConfig.Binds ?? []) {
      const parts = b.split(':');
      if (parts.length < 2 || parts.length > 3) throw invalid(`invalid volume specification: '${b}'`);
      const [src, dest, mode = ''] = parts as [string, string, string?];
      if (!dest.startsWith('/')) throw invalid(`invalid volume specification: '${b}': invalid mount config for type "volume": invalid mount path: '${dest}' mount path must be absolute`);
      const ro = mode.split(',').includes('ro');
      taken.add(cleanPath(dest));
      if (src.startsWith('/')) bind(cleanPath(src), cleanPath(dest), ro, mode, true);
      else useVolume(src, cleanPath(dest), false, ro, mode.split(',').includes('nocopy'));
    }
    for (const m of c.hostConfig.Mounts ?? []) {
      const dest = cleanPath(m.Target ?? '');
      taken.add(dest);
      if (m.Type === 'bind') bind(cleanPath(m.Source ?? ''), dest, !!m.ReadOnly, m.ReadOnly ? 'ro' : '', !!m.BindOptions?.CreateMountpoint);
      else if (m.Type === 'volume') useVolume(m.Source || d.world.rng.id64(), dest, !m.Source, !!m.ReadOnly, !!m.VolumeOptions?.NoCopy);
      else if (m.Type === 'tmpfs') {
        mounts.push({ path: dest, fs: new MemoryFs({ now }), readOnly: false });
        c.mounts.push({ Type: 'tmpfs', Source: '', Destination: dest, Mode: '', RW: true, Propagation: '' });
      }
    }
    for (const dest of Object.keys(c.hostConfig.Tmpfs ?? {})) {
      taken.add(cleanPath(dest));
      mounts.push({ path: cleanPath(dest), fs: new MemoryFs({ now }), readOnly: false });
    }
    for (const dest of Object.keys(c.config.Volumes ?? {})) {
      const p = cleanPath(dest);
      // moby's mount points for Config.Volumes carry no mode
      if (!taken.has(p)) useVolume(d.world.rng.id64(), p, true, false, false, '');
    }
    // the kernel's /proc (processes, net/if_inet6...): outside the writable layer, as a mount
    mounts.push({
      path: '/proc',
      readOnly: false,
      fs: procFs({
        processes: () => processTable(c.processes.values()),
        started: () => (c.startedAt ?? c.created).ms,
        now,
        kernelVersion: () => d.info.kernelVersion,
        mounts: () =>
          ['overlay / overlay rw,relatime 0 0', 'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0', 'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0', ...c.mounts.map((m) => `${m.Type === 'tmpfs' ? 'tmpfs' : '/dev/sda1'} ${m.Destination} ${m.Type === 'tmpfs' ? 'tmpfs' : 'ext4'} ${m.RW ? 'rw' : 'ro'},relatime 0 0`)].join('\n') + '\n',
      }),
    });
    c.fs = new MountFs(root, mounts);
  }

  destroyFs(c: Container, removeVolumes: boolean): void {
    const d = this.d;
    for (const m of c.mounts) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const v = d.volumes.get(m.Name);
      if (!v) continue;
      v.users.delete(c.id);
      if (removeVolumes && v.anonymous && v.users.size === 0) {
        d.volumes.remove(v.name);
        d.event('volume', 'destroy', v.name, { driver: 'local' });
      }
    }
  }

  // ---- processes -----------------------------------------------------------------------------

  /** Environment of a container's processes: its Env, HOSTNAME, a default PATH, TERM with -t. */
  envOf(c: Container, extra: string[] = [], tty = c.config.Tty, user = c.config.User): Map<string, string> {
    const env = new Map<string, string>();
    env.set('PATH', DEFAULT_PATH);
    env.set('HOSTNAME', c.config.Hostname);
    for (const e of [...(c.config.Env ?? []), ...extra]) {
      const i = e.indexOf('=');
      if (i < 0) continue;
      env.set(e.slice(0, i), e.slice(i + 1));
    }
    if (tty && !env.has('TERM')) env.set('TERM', 'xterm');
    if (!env.has('HOME')) env.set('HOME', homeOf(c.fs, user));
    return env;
  }

  startMain(c: Container, op: TraceOp): void {
    const d = this.d;
    for (const m of c.mounts) {
      if (m.Type !== 'volume' || !m.Name) continue;
      d.event('volume', 'mount', m.Name, { container: c.id, destination: m.Destination, driver: m.Driver ?? 'local', propagation: m.Propagation, 'read/write': String(m.RW) });
    }
    d.hop(op, 'containerd', 'shim', 'start shim (containerd-shim-runc-v2)', { object: c.id });
    d.hop(op, 'shim', 'runc', 'runc create', { object: c.id, oci: 'creating' });
    // the spec's process user (moby WithUser): a name the image does not know fails the start
    const user = lookupUser(c.fs, c.config.User);
    if (!user.ok) {
      c.exitCode = 128;
      throw systemError(user.message);
    }
    const argv = [c.path, ...c.args];
    const env = this.envOf(c);
    const cwd = c.config.WorkingDir || '/';
    if (c.config.WorkingDir && !c.fs.exists(cwd)) c.fs.mkdir(cwd, { recursive: true });
    // --init: runc starts docker-init (bind-mounted from the host), which runs the command
    const tini = c.hostConfig.Init === true ? this.programs.get('docker-init') : undefined;
    const r: ReturnType<typeof resolveExec> = tini
      ? { ok: true, program: tini, argv: ['/sbin/docker-init', '--', ...argv], path: '/sbin/docker-init' }
      : resolveExec(c.fs, argv, env, cwd, this.programs);
    if (!r.ok) {
      c.exitCode = r.code;
      throw invalid(
        runtimeErrorText(
          `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${r.message}: unknown`,
        ),
      );
    }
    d.hop(op, 'runc', 'shim', 'container created (runc init waits)', { object: c.id, oci: 'created' });
    d.hop(op, 'shim', 'runc', 'runc start', { object: c.id, oci: 'running' });
    c.exitCode = 0;
    // the process's console starts at the size the client gave (HostConfig.ConsoleSize), as in moby's OCI spec
    const [rows, columns] = c.hostConfig.ConsoleSize ?? [0, 0];
    if (c.config.Tty && (rows > 0 || columns > 0)) c.ttySize = [rows, columns];
    const proc = this.spawn(c, { argv: r.argv, env, cwd, tty: c.config.Tty, program: r.program, init: true }, { container: c });
    c.main = proc;
    c.pid = proc.hostPid;
    if (!c.config.OpenStdin) proc.stdin.close();
    const owner = this.owners.get(proc)!;
    if (c.config.Tty) owner.pty = this.makePty(proc, (t) => this.containerOutput(c, 'stdout', t, true));
    // what an attached client sent before the start (docker run -i attaches first)
    const early = this.earlyStdin.get(c);
    if (early) {
      this.earlyStdin.delete(c);
      if (early.data) this.writeStdin(c, early.data);
      if (early.closed) this.closeStdin(c);
    }
    // The main process runs once the daemon has recorded the start: see run().
  }

  /** Runs the main process prepared by startMain. */
  run(c: Container): void {
    c.main?.start();
  }

  spawn(
    c: Container,
    opts: {
      argv: string[];
      env: Map<string, string>;
      cwd: string;
      tty: boolean;
      program: Command;
      init: boolean;
      pid?: number;
      ppid?: number;
      catches?: readonly string[];
      /** The `User` to run as (an exec's); the container's by default. */
      user?: string;
      /** With tty: the terminal's size as it is now ([rows, columns]; 0 where unknown). */
      winsize?: () => readonly [number, number];
    },
    owner: ProcessOwner,
  ): SimProcess {
    const pid = opts.pid ?? c.nextPid;
    if (opts.pid === undefined) c.nextPid += opts.init ? 6 : 7;
    const proc = new SimProcess(this, {
      pid: opts.init ? 1 : pid,
      ppid: opts.ppid,
      catches: opts.catches,
      hostPid: this.d.hostPid(),
      argv: opts.argv,
      env: opts.env,
      cwd: opts.cwd,
      fs: c.fs,
      sys: {
        hostname: c.config.Hostname,
        ...this.processUser(c, opts.user),
        kernelName: 'Linux',
        kernelRelease: this.d.info.kernelVersion,
        kernelVersion: '#60-Ubuntu SMP PREEMPT_DYNAMIC Fri May  2 10:45:01 UTC 2025',
        machine: this.d.info.architecture,
        os: 'GNU/Linux',
        now: () => this.d.now(),
        terminal: opts.tty ? this.terminal(c, opts.winsize ?? (() => c.ttySize)) : undefined,
      },
      tty: opts.tty,
      columns: c.ttySize[1] || 80,
      init: opts.init,
      program: opts.program,
    });
    c.processes.set(proc.pid, proc);
    this.owners.set(proc, owner);
    return proc;
  }

  /** A new pseudo-terminal of the container's devpts: the lowest number no running process holds. */
  private terminal(c: Container, winsize: () => readonly [number, number]): NonNullable<SystemInfo['terminal']> {
    const held = new Set<string>();
    for (const p of c.processes.values()) if (p.state === 'running' && p.spec.sys.terminal) held.add(p.spec.sys.terminal.path);
    let n = 0;
    while (held.has(`/dev/pts/${n}`)) n++;
    return {
      path: `/dev/pts/${n}`,
      size: () => {
        const [rows, columns] = winsize();
        return { rows, columns };
      },
    };
  }

  /** Name, uid and gid a process runs with (root when the user cannot be found). */
  processUser(c: Container, spec = c.config.User): { user: string; uid: number; gid: number } {
    const u = lookupUser(c.fs, spec ?? '');
    return u.ok ? { user: u.name, uid: u.uid, gid: u.gid } : { user: 'root', uid: 0, gid: 0 };
  }

  makePty(proc: SimProcess, toTerminal: (text: string) => void): Pty {
    return new Pty({
      toTerminal,
      toProcess: (data) => proc.stdin.write(data),
      eof: () => proc.stdin.close(),
      signal: (sig) => {
        proc.kill(sig);
      },
    });
  }

  /** ProcessHost: output of a process. */
  output(proc: SimProcess, stream: 'stdout' | 'stderr', text: string): void {
    const owner = this.owners.get(proc);
    if (!owner) return;
    if (owner.execId !== undefined || owner.onOutput) {
      const t = owner.pty ? owner.pty.output(text) : text;
      owner.onOutput?.(owner.pty ? 'stdout' : stream, t);
      return;
    }
    const c = owner.container;
    if (owner.pty) this.containerOutput(c, 'stdout', owner.pty.output(text), true);
    else this.containerOutput(c, stream, text, false);
  }

  /** The main process's output: to attached clients and to the json-file log. */
  containerOutput(c: Container, stream: 'stdout' | 'stderr', text: string, _tty: boolean): void {
    for (const l of [...c.listeners]) l(stream, text);
    if (c.hostConfig.LogConfig.Type === 'none') return;
    let buf = c.partial[stream] + text;
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      this.log(c, stream, buf.slice(0, nl + 1));
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
    }
    c.partial[stream] = buf;
  }

  private log(c: Container, stream: 'stdout' | 'stderr', text: string): void {
    const entry = { stream, stamp: this.d.stamp(), text };
    c.logs.push(entry);
    for (const l of [...c.logListeners]) l(entry);
    if (c.logs.length > MAX_LOG_ENTRIES) c.logs.splice(0, c.logs.length - MAX_LOG_ENTRIES);
  }

  /** ProcessHost: a process ended. */
  exited(proc: SimProcess, code: number): void {
    const owner = this.owners.get(proc);
    if (!owner) return;
    const c = owner.container;
    c.processes.delete(proc.pid);
    // its sockets close with it
    this.net.unlistenPid(c, proc.pid);
    if (owner.execId !== undefined || owner.onExit) {
      owner.onExit?.(code);
      return;
    }
    for (const s of ['stdout', 'stderr'] as const) {
      if (c.partial[s] !== '') {
        this.log(c, s, c.partial[s]);
        c.partial[s] = '';
      }
    }
    for (const end of [...c.streamEnd]) end();
    // PID 1 gone: the kernel kills the rest of the namespace.
    for (const p of [...c.processes.values()]) p.kill('SIGKILL');
    if (c.main === proc) c.main = null;
    const op = this.d.op('container.exit');
    this.d.hop(op, 'container', 'shim', `process exited (${code})`, { object: c.id });
    this.service.handleExit(c, code, op);
  }

  custom(proc: SimProcess, name: string, data: unknown): CustomOutcome {
    const owner = this.owners.get(proc);
    if (!owner) return { value: undefined };
    return this.effects(proc, owner, name, data);
  }

  /** `docker diff`: the writable layer's changes, without the files the daemon mounts. */
  changes(c: Container): { Path: string; Kind: number }[] {
    const root = this.rootfs.get(c);
    if (!root) return [];
    const mounted = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
    const list = root.diff().filter((ch) => !mounted.has(ch.Path));
    // /etc is only "modified" because of those mounts unless something else changed below it
    return list.filter((ch) => ch.Path !== '/etc' || list.some((o) => o.Path.startsWith('/etc/')));
  }

  // ---- signals, pause ------------------------------------------------------------------------

  signal(c: Container, signal: string): boolean {
    const main = c.main;
    if (!main) return false;
    if (this.frozen.has(c) && signal !== 'SIGKILL') return true; // delivered on thaw; runc queues it
    return main.kill(signal);
  }

  pause(c: Container): void {
    this.frozen.add(c);
    for (const p of c.processes.values()) p.freeze();
  }

  resume(c: Container): void {
    this.frozen.delete(c);
    for (const p of c.processes.values()) p.thaw();
  }

  /** Input from an attached client to the main process (through the pty with -t). */
  /** Stdin sent by attached clients before the main process exists, kept for it. */
  private readonly earlyStdin = new WeakMap<Container, { data: string; closed: boolean }>();

  writeStdin(c: Container, data: string): void {
    const main = c.main;
    if (!main) {
      if (!c.running && c.config.OpenStdin) {
        const e = this.earlyStdin.get(c) ?? { data: '', closed: false };
        if (!e.closed) e.data += data;
        this.earlyStdin.set(c, e);
      }
      return;
    }
    const owner = this.owners.get(main);
    if (owner?.pty) owner.pty.input(data);
    else main.stdin.write(data);
  }

  closeStdin(c: Container): void {
    const main = c.main;
    if (!main) {
      if (!c.running && c.config.OpenStdin) this.earlyStdin.set(c, { data: this.earlyStdin.get(c)?.data ?? '', closed: true });
      return;
    }
    if (c.config.StdinOnce || !c.config.Tty) main.stdin.close();
  }

  // ---- networking ----------------------------------------------------------------------------

  connectNetworks(c: Container, op: TraceOp): void {
    try {
      this.net.connect(c, op);
    } catch (e) {
      if (e instanceof PortInUse) {
        throw systemError(
          `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.bareName} (${e.endpointId}): ${e.message}`,
        );
      }
      throw e;
    }
  }

  disconnectNetworks(c: Container): void {
    this.net.disconnect(c);
  }
}

/** The init layer moby puts between the image and the container's writable layer. */
function initLayer(c: Container): Layer {
  const mtime = c.created.ms;
  return Layer.fromEntries([
    { path: '/.dockerenv', type: 'file', mode: 0o755, content: '', mtime },
    { path: '/dev', type: 'dir', mode: 0o755, mtime },
    { path: '/dev/pts', type: 'dir', mode: 0o755, mtime },
    { path: '/dev/shm', type: 'dir', mode: 0o755, mtime },
    { path: '/dev/console', type: 'file', mode: 0o755, content: '', mtime },
    { path: '/etc', type: 'dir', mode: 0o755, mtime },
    { path: '/etc/hostname', type: 'file', mode: 0o644, content: `${c.config.Hostname}\n`, mtime },
    { path: '/etc/hosts', type: 'file', mode: 0o644, content: '', mtime },
    { path: '/etc/resolv.conf', type: 'file', mode: 0o644, content: '', mtime },
    { path: '/etc/mtab', type: 'symlink', target: '/proc/mounts', mtime },
    { path: '/proc', type: 'dir', mode: 0o755, mtime },
    { path: '/sys', type: 'dir', mode: 0o755, mtime },
  ]);
}

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return `/${parts.join('/')}`;
}

function homeOf(fs: FileSystem, user: string): string {
  const name = user.split(':')[0] || 'root';
  try {
    for (const line of fs.readFile('/etc/passwd').split('\n')) {
      const f = line.split(':');
      if (f[0] === name || f[2] === name) return f[5] || '/';
    }
  } catch {
    // no /etc/passwd
  }
  return name === 'root' || name === '0' ? '/root' : '/';
}

/** A view of a directory of another filesystem as a filesystem of its own (bind mounts). */
function subFs(fs: FileSystem, dir: string): FileSystem {
  const map = (p: string) => (p === '/' ? dir : `${dir}${p}`);
  return {
    stat: (p) => fs.stat(map(p)),
    lstat: (p) => fs.lstat(map(p)),
    exists: (p) => fs.exists(map(p)),
    readFile: (p) => fs.readFile(map(p)),
    writeFile: (p, data, o) => fs.writeFile(map(p), data, o),
    readdir: (p) => fs.readdir(map(p)),
    mkdir: (p, o) => fs.mkdir(map(p), o),
    rm: (p, o) => fs.rm(map(p), o),
    rmdir: (p) => fs.rmdir(map(p)),
    rename: (a, b) => fs.rename(map(a), map(b)),
    symlink: (t, p) => fs.symlink(t, map(p)),
    readlink: (p) => fs.readlink(map(p)),
    realpath: (p) => {
      const r = fs.realpath(map(p));
      return r.startsWith(dir) ? r.slice(dir.length) || '/' : r;
    },
    chmod: (p, m) => fs.chmod(map(p), m),
    chown: (p, u, g) => fs.chown(map(p), u, g),
    utimes: (p, t) => fs.utimes(map(p), t),
  };
}

