// GET /containers/{id}/top: `ps -ef` on the host, narrowed to the container's processes.

import type { Container } from '../../sim/daemon/container';
import type { Daemon } from '../../sim/daemon/daemon';
import { processTable } from '../../sim/runtime/process';

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function cpuTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** ps on the host names a user by the host's passwd: root, or the number it does not know. */
function hostUser(uid: number): string {
  return uid === 0 ? 'root' : String(uid);
}

export function containerTop(d: Daemon, c: Container, psArgs: string): { Titles: string[]; Processes: string[][] } {
  const procs = processTable(c.processes.values());
  const shimPid = (c.main?.hostPid ?? 1000) - 21;
  const rows = procs.map((p) => [
    hostUser(p.uid),
    String(p.hostPid),
    String(p.pid === 1 ? shimPid : (c.main?.hostPid ?? shimPid)),
    '0',
    hhmm(p.startedAt),
    p.process.spec.tty ? 'pts/0' : '?',
    cpuTime(0),
    p.title,
  ]);
  if (psArgs === 'aux') {
    return {
      Titles: ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
      Processes: procs.map((p) => [hostUser(p.uid), String(p.hostPid), '0.0', '0.0', '1600', '980', p.process.spec.tty ? 'pts/0' : '?', 'Ss', hhmm(p.startedAt), '0:00', p.title]),
    };
  }
  return { Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], Processes: rows };
}
