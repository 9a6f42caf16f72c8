// A container's /proc: its processes (cmdline, status, fd), self, net/if_inet6; read-only.

import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from '../programs/support';

describe('/proc in a container', () => {
  let t: ProgramEngine;
  let id: string;
  beforeAll(async () => {
    t = await programEngine(['alpine']);
    id = await t.run({ Image: 'alpine', Cmd: ['sleep', 'infinity'] });
    await t.advance(200);
  });

  it('has a directory per process, with its command line and status', async () => {
    const r = await t.exec(id, ['sh', '-c', 'ls /proc/1; tr "\\0" " " < /proc/1/cmdline; echo; grep -E "^(Pid|PPid):" /proc/1/status; ls /proc/self/fd']);
    expect(r).toEqual({ stdout: 'cmdline\ncomm\ncwd\nenviron\nfd\nstatus\nsleep infinity \nPid:\t1\nPPid:\t0\n0\n1\n2\n', stderr: '', code: 0 });
  });

  it('has net/if_inet6 (IPv6 is available to the container)', async () => {
    const r = await t.exec(id, ['sh', '-c', '[ -f /proc/net/if_inet6 ] && echo ipv6']);
    expect(r.stdout).toBe('ipv6\n');
  });

  it('is read-only, but the fd links accept chown (as their pipes do)', async () => {
    const r = await t.exec(id, ['sh', '-c', 'chown root /proc/1/fd/1 /proc/1/fd/2; echo "chown $?"; echo x > /proc/version; echo "write $?"']);
    expect(r.stdout).toBe('chown 0\nwrite 1\n');
    expect(r.stderr).toBe("sh: can't create /proc/version: Permission denied\n");
  });

  it('stays out of the writable layer (docker diff)', async () => {
    const diff = await t.json('GET', `/v1.50/containers/${id}/changes`);
    expect(diff.body ?? []).toEqual([]);
  });
});
