// Answers the custom effects of programs running in containers (see programs/effects.ts):
// sockets, HTTP through the host's networks, the process table, signals between processes.

import type { Engine } from '../engine';
import type { HttpHandler } from '../network/ports';
import type { ProcessInfo } from '../programs/effects';
import type { CustomOutcome, SimProcess } from './process';
import type { CustomEffects, ProcessOwner } from './runtime';

export function containerEffects(engine: () => Engine): CustomEffects {
  return (proc: SimProcess, owner: ProcessOwner, name: string, data: unknown): CustomOutcome => {
    const e = engine();
    const c = owner.container;
    switch (name) {
      case 'pause':
        return { suspend: () => () => {} };
      case 'listen': {
        const { port, proto, handler } = data as { port: number; proto: string; handler: HttpHandler };
        const taken = (e.net.listeners.get(c.id) ?? []).some((l) => l.port === port && l.proto === proto);
        if (taken) return { value: false };
        e.net.listen(c, { port, proto, handler, pid: proc.pid });
        return { value: true };
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
        const list: ProcessInfo[] = [...c.processes.values()]
          .filter((p) => p.state === 'running')
          .map((p) => ({ pid: p.pid, ppid: p.pid === 1 ? 0 : 1, user: c.config.User || 'root', argv: p.argv, startedMs: p.startedAt, tty: p.spec.tty }))
          .sort((a, b) => a.pid - b.pid);
        return { value: list };
      }
      case 'kill': {
        const { pid, signal } = data as { pid: number; signal: string };
        const target = c.processes.get(pid);
        if (!target) return { value: false };
        // signals sent from inside the namespace obey PID 1's protection too
        target.kill(signal);
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
      default:
        return { value: undefined };
    }
  };
}
