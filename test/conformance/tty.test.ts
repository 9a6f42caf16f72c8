// Interactive sessions on a pseudo-terminal: docker run -it and docker exec -it, the real CLI
// in raw mode talking to docksim over a hijacked raw stream. What is checked is what a user
// sees: busybox ash's prompt, a command's output with the terminal's CRLF, and the exit code of
// `exit 3` becoming the CLI's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../support/real-cli';
import { ttySkipReason } from './support/expect';
import { startHost, type Host } from './support/host';

const skip = ttySkipReason();

describe.skipIf(skip)('docker CLI 28.2.2 against docksim: -it in a pseudo-terminal', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ speed: 20 });
    expect((await host.docker(['pull', '-q', 'alpine'])).code).toBe(0);
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('docker run -it --rm alpine sh: prompt, output, exit 3', async () => {
    const t = host.dockerTty(['run', '-it', '--rm', 'alpine', 'sh'], { rows: 24, cols: 80, timeoutMs: 20_000 });
    await t.waitFor('/ # ', { timeoutMs: 15_000 });
    t.write('echo $((6*7))\r');
    // the terminal echoes the line, then the output, then the next prompt
    await t.waitFor(/echo \$\(\(6\*7\)\)\r?\n42\r?\n\/ # /);
    t.write('exit 3\r');
    const r = await t.result();
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(3);
    expect(t.screen()).toMatch(/^\/ # echo \$\(\(6\*7\)\)\n42\n\/ # exit 3/m);
  });

  // The container's terminal gets the CLI's size (POST /containers/{id}/resize after start).
  it("docker run -it: the container sees a terminal of the CLI's size", async () => {
    const t = host.dockerTty(['run', '-it', '--rm', 'alpine', 'sh', '-c', 'stty size; tty'], { rows: 30, cols: 100, timeoutMs: 20_000 });
    const r = await t.result();
    expect(r.code).toBe(0);
    expect(t.text.replace(/\r/g, '')).toBe('30 100\n/dev/pts/0\n');
  });

  it('docker exec -it web sh: prompt, output, exit 3', async () => {
    expect((await host.docker(['run', '-d', '--name', 'web', 'alpine', 'sleep', 'infinity'])).code).toBe(0);
    const t = host.dockerTty(['exec', '-it', 'web', 'sh'], { rows: 24, cols: 80, timeoutMs: 20_000 });
    await t.waitFor('/ # ', { timeoutMs: 15_000 });
    t.write('echo hello from $HOSTNAME\r');
    await t.waitFor(/\r?\nhello from [0-9a-f]{12}\r?\n\/ # /);
    t.write('exit 3\r');
    const r = await t.result();
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(3);
  });

  it('docker exec -it: Ctrl-D ends the shell with 0', async () => {
    const t = host.dockerTty(['exec', '-it', 'web', 'sh'], { rows: 24, cols: 80, timeoutMs: 20_000 });
    await t.waitFor('/ # ', { timeoutMs: 15_000 });
    t.write(KEYS.ctrlD);
    const r = await t.result();
    expect(r.code).toBe(0);
  });
});
