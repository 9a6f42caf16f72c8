// Answers the custom effects of programs running in containers (see programs/effects.ts):
// sockets, HTTP through the host's networks, the process table, signals between processes.

import type { Engine } from '../engine';
import type { Registry } from '../registry/registry';
import type { HttpHandler } from '../network/ports';
import type { Command } from '../../sh/types';
import { TCP_METHOD, type ChildExit, type ChildSpec, type DockerContainerInfo, type HttpClient, type MachineInfo, type ProcessInfo } from '../programs/effects';
import { Signal } from '../../sh/types';
import { resolveExec } from './exec';
import { signalNumber } from './signals';
import { lookupUser } from './users';
import { processTable, type CustomOutcome, type ShellChild, type SimProcess } from './process';
import type { CustomEffects, ProcessOwner } from './runtime';

export function containerEffects(engine: () => Engine): CustomEffects {
  return (proc: SimProcess, owner: ProcessOwner, name: string, data: unknown): CustomOutcome => {
    const e = engine();
    const c = owner.container;
    switch (name) {
      case 'serve-registry': {
        const { port, registry } = data as { port: number; registry: Registry };
        e.servedRegistries.set(c.id, { port, registry, pid: proc.pid });
        return { value: true };
      }
      case 'pause':
        return { suspend: () => () => {} };
      case 'listen': {
        const { port, proto, handler } = data as { port: number; proto: string; handler: HttpHandler };
        const taken = (e.net.listeners.get(c.id) ?? []).some((l) => l.port === port && l.proto === proto);
        if (taken) return { value: false };
        e.net.listen(c, { port, proto, handler, pid: proc.pid });
        return { value: true };
      }
      case 'unlisten': {
        const { port, proto } = data as { port: number; proto?: string };
        const list = e.net.listeners.get(c.id);
        if (list) e.net.listeners.set(c.id, list.filter((l) => !(l.port === port && l.proto === (proto ?? 'tcp') && l.pid === proc.pid)));
        return { value: undefined };
      }
      case 'http': {
        const u = data as { host: string; port: number; path: string; method?: string; headers?: Record<string, string>; body?: string };
        const r = e.net.http(c, u.host, u.port, { method: u.method ?? 'GET', path: u.path, headers: u.headers ?? {}, body: u.body ?? '' });
        if (r.ok) return { value: { ok: true, response: r.response } };
        if (r.error === 'timeout') {
          // an unanswered SYN: the caller waits for its own timeout
          return { suspend: (resume) => {
            const id = e.daemon.world.clock.setTimeout(() => resume({ ok: false, error: 'timeout' }), 10_000);
            return () => e.daemon.world.clock.clearTimeout(id);
          } };
        }
        return { value: { ok: false, error: r.error } };
      }
      case 'ps': {
        const names = new Map<number, string>();
        const userName = (uid: number): string => {
          let n = names.get(uid);
          if (n === undefined) {
            const u = lookupUser(c.fs, String(uid));
            n = u.ok && u.name ? u.name : String(uid);
            names.set(uid, n);
          }
          return n;
        };
        const list: ProcessInfo[] = processTable(c.processes.values()).map((p) => ({
          pid: p.pid,
          ppid: p.ppid,
          // ps names the user by the container's passwd, or by number
          user: userName(p.uid),
          argv: p.argv,
          title: p.title,
          startedMs: p.startedAt,
          // the fields src/sh's ps applet reads
          command: p.title,
          start: p.startedAt,
          tty: p.process.spec.tty ? 'pts/0' : '?',
          stat: p.pid === 1 ? 'Ss' : 'S',
        }));
        return { value: list };
      }
      case 'kill': {
        const { pid, signal } = data as { pid: number; signal: string };
        const target = c.processes.get(pid);
        if (!target) {
          // a command a shell runs: the shell delivers the signal to it
          for (const owner of c.processes.values()) {
            const ch = owner.state === 'running' ? owner.children.get(pid) : undefined;
            if (!ch || !ch.running()) continue;
            const num = (data as { number?: number }).number ?? signalNumber(signal);
            // kill(pid, 0) asks whether it exists
            if (num !== 0 && signal !== '0') {
              ch.signal(signal, num);
              owner.wake();
            }
            return { value: true };
          }
          return { value: false };
        }
        // kill(pid, 0): does the process exist?
        if (signal === '0') return { value: target.state === 'running' };
        // signals sent from inside the namespace obey PID 1's protection too
        target.kill(signal, proc.pid);
        return { value: true };
      }
      case 'resolve': {
        const { name: host } = data as { name: string };
        if (host === 'localhost') return { value: '127.0.0.1' };
        if (host === c.config.Hostname) return { value: [...c.networks.values()][0]?.IPAddress || '127.0.0.1' };
        const t = e.net.resolve(host, c);
        const ip = t ? [...t.networks.values()].find((ep) => ep.IPAddress)?.IPAddress ?? null : null;
        return { value: ip };
      }
      case 'getpid':
        return { value: { pid: proc.pid, ppid: proc.spec.ppid ?? (proc.pid === 1 ? 0 : 1) } };
      case 'signal-sender':
        return { value: proc.lastSender };
      case 'http-client': {
        // a synchronous client for request handlers (a proxy forwarding what it receives)
        const client: HttpClient = (host, port, req) => {
          const r = e.net.http(c, host, port, { method: req.method ?? 'GET', path: req.path, headers: req.headers ?? {}, body: req.body ?? '' });
          return r.ok ? { ok: true, response: r.response } : { ok: false, error: r.error };
        };
        return { value: client };
      }
      case 'child-started': {
        const ch = data as Omit<ShellChild, 'hostPid' | 'startedAt'>;
        for (const [pid, old] of proc.children) if (!old.running()) proc.children.delete(pid);
        proc.children.set(ch.pid, { ...ch, hostPid: e.daemon.hostPid(), startedAt: e.daemon.now() });
        return { value: undefined };
      }
      case 'set-title':
        proc.title = (data as { title: string }).title;
        return { value: undefined };
      case 'exec': {
        // execve: the new image keeps ignored signals; handlers are reset to the default
        for (const [sig, d] of [...proc.dispositions]) if (d === 'catch') proc.dispositions.delete(sig);
        const { argv, uid, gid } = data as { argv: string[]; uid: number; gid: number };
        proc.title = argv.join(' ');
        proc.uid = uid;
        proc.gid = gid;
        return { value: undefined };
      }
      case 'lookup-command': {
        const { argv, env, cwd } = data as { argv: string[]; env: Map<string, string>; cwd: string };
        return { value: resolveExec(c.fs, argv, env, cwd, e.runtime.programs) };
      }
      case 'wait-children': {
        const list = exitedChildren.get(proc) ?? [];
        exitedChildren.delete(proc);
        return { value: list };
      }
      case 'docker-containers': {
        // the Docker API through a bind-mounted /var/run/docker.sock (traefik's docker provider)
        if (!c.mounts.some((m) => m.Destination === '/var/run/docker.sock')) return { value: null };
        const list = (): DockerContainerInfo[] =>
          [...e.daemon.containers.values()]
            .filter((x) => x.running)
            .map((x) => ({
              id: x.id,
              name: x.bareName,
              labels: { ...(x.config.Labels ?? {}) },
              exposed: Object.keys(x.config.ExposedPorts ?? {}).map((k) => Number(k.split('/')[0])),
              networks: Object.fromEntries([...x.networks].map(([n, ep]) => [n, ep.IPAddress])),
            }));
        return { value: list };
      }
      case 'alloc-pid':
        return { value: c.nextPid++ };
      case 'pid-allocator':
        // for request handlers that fork per connection (a database backend)
        return { value: () => c.nextPid++ };
      case 'spawn-child': {
        const spec = data as ChildSpec;
        const pid = c.nextPid++;
        const child = e.runtime.spawn(
          c,
          {
            argv: spec.title.split(' '),
            env: proc.spec.env,
            cwd: proc.spec.cwd,
            tty: false,
            program: spec.program ?? idleChild,
            init: false,
            pid,
            ppid: proc.pid,
            catches: spec.catches ?? (spec.program ? [] : ['SIGTERM', 'SIGINT', 'SIGQUIT']),
            // a forked child runs as its parent does now
            user: `${proc.uid}:${proc.gid}`,
          },
          {
            container: c,
            execId: owner.execId,
            pty: owner.pty,
            onOutput: owner.onOutput,
            onExit: (code) => {
              // the parent is told with SIGCHLD (ignored unless it catches it) and reaps with waitChildren
              const list = exitedChildren.get(proc) ?? [];
              list.push({ pid, code, signal: child.termSignal });
              exitedChildren.set(proc, list);
              proc.kill('SIGCHLD', pid);
            },
          },
        );
        child.title = spec.title;
        child.stdin.close();
        if (e.runtime.frozen.has(c)) child.freeze();
        child.start();
        return { value: pid };
      }
      case 'machine': {
        const cpuset = typeof c.hostConfig.CpusetCpus === 'string' && c.hostConfig.CpusetCpus !== '' ? cpusetSize(c.hostConfig.CpusetCpus) : 0;
        const info: MachineInfo = {
          ncpu: cpuset > 0 ? Math.min(cpuset, e.daemon.info.ncpu) : e.daemon.info.ncpu,
          memTotal: e.daemon.info.memTotal,
          nofile: nofileOf(c.hostConfig.Ulimits as { Name?: string; Soft?: number; Hard?: number }[] | null | undefined),
        };
        return { value: info };
      }
      case 'tcp': {
        const u = data as { host: string; port: number; data: string };
        const r = e.net.http(c, u.host, u.port, { method: TCP_METHOD, path: '', headers: {}, body: u.data });
        if (r.ok) return { value: { ok: true, data: r.response.body } };
        if (r.error === 'timeout') {
          return { suspend: (resume) => {
            const id = e.daemon.world.clock.setTimeout(() => resume({ ok: false, error: 'timeout' }), 10_000);
            return () => e.daemon.world.clock.clearTimeout(id);
          } };
        }
        return { value: { ok: false, error: r.error } };
      }
      default:
        return { value: undefined };
    }
  };
}

/** Children that exited and were not reaped yet, per parent. */
const exitedChildren = new WeakMap<SimProcess, ChildExit[]>();

/** A forked child that only waits: it exits 0 when asked to stop. */
const idleChild: Command = function* () {
  for (;;) {
    try {
      yield { type: 'custom', name: 'pause' };
    } catch (e) {
      if (e instanceof Signal) return 0;
      throw e;
    }
  }
};

/** Number of CPUs in a cpuset list ("0-2,4"). */
function cpusetSize(list: string): number {
  let n = 0;
  for (const part of list.split(',')) {
    if (!/^\d+(-\d+)?$/.test(part)) continue;
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    n += b === undefined ? 1 : Math.max(0, b - a + 1);
  }
  return n;
}

/** RLIMIT_NOFILE of a container: its --ulimit nofile, or dockerd's default (1048576). */
function nofileOf(ulimits: { Name?: string; Soft?: number; Hard?: number }[] | null | undefined): [number, number] {
  const u = (ulimits ?? []).find((x) => x.Name === 'nofile');
  if (u && u.Soft !== undefined && u.Hard !== undefined) return [u.Soft, u.Hard];
  return [1_048_576, 1_048_576];
}
