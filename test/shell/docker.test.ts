// `docker` on the host: the CLI emulator with the terminal's streams, pipes on either side,
// raw mode for -it (keys to the container, Ctrl-P Ctrl-Q detaches), Ctrl-C for what follows.

import { afterEach, describe, expect, test } from 'vitest';
import { KEYS, startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});
const start = (...args: Parameters<typeof startHost>): Host => (host = startHost(...args));

describe('docker on the host', () => {
  test('hello-world: pulled, run, its message on the terminal', async () => {
    const h = start();
    const out = await h.run('docker run hello-world', 60_000);
    expect(out).toContain("Unable to find image 'hello-world:latest' locally");
    expect(out).toContain('Hello from Docker!');
    expect(await h.run('echo $?')).toBe('0');
  });

  test('output through a pipe reaches the next command; stdin from a pipe reaches the container', async () => {
    const h = start();
    await h.run('docker pull -q alpine >/dev/null; docker run --name one alpine true', 60_000);
    expect(await h.run('docker ps -a | grep -c one')).toBe('1');
    expect(await h.run('docker ps -a --format "{{.Names}}" | head -1')).toBe('one');
    await h.run('docker run -d --name box alpine sleep 1000');
    expect(await h.run('echo hello from a pipe | docker exec -i box cat')).toBe('hello from a pipe');
    expect(await h.run('docker exec -i box wc -l <<EOF\none\ntwo\nEOF')).toBe('> one\n> two\n> EOF\n2');
    expect(await h.run("docker run --rm alpine sh -c 'exit 3'; echo $?")).toBe('3');
  });

  test('docker run -it opens the container’s shell in raw mode; exit returns with its status', async () => {
    const h = start();
    await h.run('docker pull alpine', 60_000);
    h.type('docker run -it --name box alpine sh\r');
    await h.waitFor(/\/ # $/, 20_000);
    h.type('echo in $(hostname)\r');
    await h.waitFor(/\n\/ # $/);
    expect(h.editor.raw).toBe(true);
    h.type('exit 5\r');
    await h.waitFor(/exit 5\n.*learner@docksim:~\$ $/);
    expect(h.editor.raw).toBe(false);
    expect(await h.run('echo $?')).toBe('5');
    const screen = await h.screen();
    expect(screen).toMatch(/\/ # echo in \$\(hostname\)\nin [0-9a-f]{12}\n/);
  });

  test('Ctrl-P Ctrl-Q detaches from docker run -it; the container keeps running', async () => {
    const h = start();
    await h.run('docker pull alpine', 60_000);
    h.type('docker run -it --name box alpine sh\r');
    await h.waitFor(/\/ # $/, 20_000);
    h.type('\x10\x11');
    await h.waitFor(/learner@docksim:~\$ $/);
    expect(await h.run('docker ps --format "{{.Names}} {{.Status}}"')).toMatch(/^box Up/);
  });

  test('docker exec -it runs a shell in a running container; exit returns with its status', async () => {
    const h = start();
    await h.run('docker run -d --name box -e GREETING=hello alpine sleep 100000 >/dev/null', 60_000);
    h.type('docker exec -it box sh\r');
    await h.waitFor(/\/ # $/, 20_000);
    h.type('echo $GREETING; cat /etc/hostname\r');
    await h.waitFor(/\nhello\n[0-9a-f]{12}\n\/ # $/);
    h.type('exit 7\r');
    await h.waitFor(/exit 7\n.*learner@docksim:~\$ $/);
    expect(await h.run('echo $?')).toBe('7');
  });

  test('-t needs a terminal on stdin', async () => {
    const h = start();
    expect(await h.run('docker run -it alpine sh < /dev/null')).toBe('the input device is not a TTY');
  });

  test('Ctrl-C interrupts a pull', async () => {
    const h = start({ speed: 1 });
    h.type('docker pull nginx\r');
    await h.waitFor(/Pulling fs layer|Downloading|Waiting/, 20_000);
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/\^C\n.*learner@docksim:~\$ $/, 10_000);
    expect(h.session.busy).toBe(false);
  });

  test('Ctrl-C stops docker logs -f', async () => {
    const h = start();
    await h.run("docker run -d --name ticker alpine sh -c 'while true; do echo tick; sleep 1; done' >/dev/null", 60_000);
    h.type('docker logs -f ticker\r');
    await h.waitFor(/tick\n/, 20_000);
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/\^C\n.*learner@docksim:~\$ $/);
    expect(h.session.busy).toBe(false);
  });
});
