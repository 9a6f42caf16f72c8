// GET /containers/{id}/stats: resource usage as a cgroup v2 host reports it. The figures are
// modelled, not measured: a container's memory and CPU follow its image's program and age, so
// `docker stats` shows plausible, steady numbers (and zeros for a stopped container).

import { rfc3339Nano, ZERO_TIME } from '../../sim/core/time';
import type { Container } from '../../sim/daemon/container';
import type { Daemon } from '../../sim/daemon/daemon';

const MIB = 1024 * 1024;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The stats as moby encodes them. `pids_stats.limit` of an unlimited cgroup is 2^64-1, which a
 * JavaScript number cannot hold: JSON.stringify would write 18446744073709552000, and Go's
 * decoder (the CLI) refuses it as overflowing uint64, so `docker stats` shows nothing.
 */
export function statsJson(stats: Record<string, unknown>): string {
  return JSON.stringify(stats).replace(/"limit":18446744073709552000(?=[,}])/g, '"limit":18446744073709551615');
}

export function containerStats(d: Daemon, c: Container, oneShot: boolean): Record<string, unknown> {
  const now = d.now();
  const running = c.running && c.status !== 'restarting';
  const read = running ? rfc3339Nano({ ms: now, ns: 0 }) : ZERO_TIME;
  const preread = running && !oneShot ? rfc3339Nano({ ms: now - 1000, ns: 0 }) : ZERO_TIME;
  const h = hash(c.id);
  const procs = running ? c.processes.size : 0;
  const upMs = running && c.startedAt ? now - c.startedAt.ms : 0;
  const cpuNs = Math.floor(upMs * 1e3 * (1 + (h % 7)));
  const sys = Math.floor(now * 1e6 * d.info.ncpu);
  const mem = running ? (2 + (h % 40)) * MIB + procs * 512 * 1024 : 0;
  const limit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : d.info.memTotal;
  const cpu = (usage: number, system: number) => ({
    cpu_usage: { total_usage: usage, usage_in_kernelmode: Math.floor(usage / 3), usage_in_usermode: usage - Math.floor(usage / 3) },
    ...(running ? { system_cpu_usage: system, online_cpus: d.info.ncpu } : {}),
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  });
  const out: Record<string, unknown> = {
    name: c.name,
    id: c.id,
    read,
    preread,
    pids_stats: running ? { current: procs, limit: 18_446_744_073_709_551_615 } : {},
    blkio_stats: {
      io_service_bytes_recursive: running ? [{ major: 254, minor: 0, op: 'read', value: (h % 900) * 4096 }, { major: 254, minor: 0, op: 'write', value: 0 }] : null,
      io_serviced_recursive: null,
      io_queue_recursive: null,
      io_service_time_recursive: null,
      io_wait_time_recursive: null,
      io_merged_recursive: null,
      io_time_recursive: null,
      sectors_recursive: null,
    },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: running ? cpu(cpuNs, sys) : cpu(0, 0),
    precpu_stats: running && !oneShot ? cpu(Math.max(0, cpuNs - 1_000_000 * (1 + (h % 7))), sys - 1e9 * d.info.ncpu) : cpu(0, 0),
    memory_stats: running ? { usage: mem, stats: { anon: Math.floor(mem * 0.6), file: Math.floor(mem * 0.3), inactive_file: Math.floor(mem * 0.1) }, limit } : {},
  };
  if (running) {
    const rx = 1000 + (h % 5000) + Math.floor(upMs / 100);
    out.networks = { eth0: { rx_bytes: rx, rx_packets: Math.floor(rx / 90), rx_errors: 0, rx_dropped: 0, tx_bytes: Math.floor(rx / 5), tx_packets: Math.floor(rx / 400), tx_errors: 0, tx_dropped: 0 } };
  }
  return out;
}
