// A container's terminal (-t): its device under /dev/pts and its size, from the client's
// ConsoleSize at start and from resizes after; stty and tty see it, a pipe is not a terminal.

import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from '../programs/support';

describe("a container's terminal", () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['alpine', 'debian:bookworm']);
  });

  it('has the size the client gave at create (HostConfig.ConsoleSize); tty names /dev/pts/0', async () => {
    const id = await t.run({ Image: 'alpine', Tty: true, Cmd: ['sh', '-c', 'stty size; tty; stty size < /dev/null; echo "status $?"; tty -s < /dev/null; echo "tty $?"'], HostConfig: { ConsoleSize: [30, 100] } });
    await t.advance(100);
    // with a TTY the log is the terminal's raw output (no stdcopy frames)
    const out = (await (await t.call('GET', `/v1.50/containers/${id}/logs?stdout=1&stderr=1`)).text()).replace(/\r\n/g, '\n');
    expect(out).toBe('30 100\n/dev/pts/0\nstty: standard input: Not a tty\nstatus 1\ntty 1\n');
  });

  it('follows resizes (POST /containers/{id}/resize)', async () => {
    const id = await t.run({ Image: 'alpine', Tty: true, Cmd: ['sh', '-c', 'stty size; sleep 1; stty size'], HostConfig: { ConsoleSize: [24, 80] } });
    expect((await t.call('POST', `/v1.50/containers/${id}/resize?h=40&w=120`)).status).toBe(200);
    await t.advance(1_100);
    expect(await (await t.call('GET', `/v1.50/containers/${id}/logs?stdout=1`)).text()).toBe('24 80\r\n40 120\r\n');
  });

  it('an exec with a terminal gets the next device and a size of its own', async () => {
    const id = await t.run({ Image: 'debian:bookworm', Tty: true, OpenStdin: true, Cmd: ['sleep', 'infinity'], HostConfig: { ConsoleSize: [24, 80] } });
    expect((await t.call('POST', `/v1.50/containers/${id}/resize?h=40&w=120`)).status).toBe(200);
    const ex = await t.json('POST', `/v1.50/containers/${id}/exec`, { Cmd: ['sh', '-c', 'stty size; tty'], Tty: true, AttachStdout: true, AttachStderr: true, ConsoleSize: [10, 50] });
    expect(ex.status).toBe(201);
    const e = t.engine();
    let out = '';
    let code: number | null = null;
    e.execs.start(ex.body.Id, { output: (_s, text) => (out += text), done: (c) => (code = c) }, e.daemon.op('exec.start'), true);
    for (let i = 0; code === null && i < 100; i++) await t.advance(50);
    expect([code, out.replace(/\r\n/g, '\n')]).toEqual([0, '10 50\n/dev/pts/1\n']);
    // docker exec without -t: no terminal (GNU coreutils' messages in Debian)
    const plain = await t.exec(id, ['sh', '-c', 'tty; stty size']);
    expect(plain).toEqual({ stdout: 'not a tty\n', stderr: "stty: 'standard input': Inappropriate ioctl for device\n", code: 1 });
  });
});
