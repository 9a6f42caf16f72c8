// The host shell as a learner meets it: prompt, commands, errors, history, help, signals,
// heredocs typed over several lines, files that belong to the learner.

import { afterEach, describe, expect, test } from 'vitest';
import { FIRST_PROMPT } from '../../web/prompt';
import { KEYS, startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});
const start = (...args: Parameters<typeof startHost>): Host => (host = startHost(...args));

describe('the host shell', () => {
  test('the prompt is Ubuntu bash’s in colour, with the window title, and the page shows the same one first', async () => {
    const h = start();
    await h.waitFor('learner@docksim:~$ ');
    expect(h.session.prompt()).toBe(FIRST_PROMPT);
    await h.run('cd /tmp');
    expect(h.session.prompt()).toBe('\x1b]0;learner@docksim: /tmp\x07\x1b[01;32mlearner@docksim\x1b[00m:\x1b[01;34m/tmp\x1b[00m$ ');
    expect(await h.screen()).toMatch(/learner@docksim:\/tmp\$ $/);
  });

  test('unknown commands: bash: foo: command not found, status 127', async () => {
    const h = start();
    expect(await h.run('foo')).toBe('bash: foo: command not found');
    expect(await h.run('echo $?')).toBe('127');
  });

  test('the learner, the host and the environment', async () => {
    const h = start();
    expect(await h.run('whoami; hostname; pwd; echo $HOME $USER $SHELL $TERM')).toBe('learner\ndocksim\n/home/learner\n/home/learner learner /bin/bash xterm-256color');
    expect(await h.run('uname -sr')).toBe('Linux 6.8.0-60-generic');
    expect(await h.run('which ls docker curl ping')).toBe('/usr/bin/ls\n/usr/bin/docker\n/usr/bin/curl\n/usr/bin/ping');
    expect(await h.run('export GREETING=hi && env | grep GREETING')).toBe('GREETING=hi');
    expect(await h.run('echo $SHLVL; bash -c \'echo $SHLVL\'')).toBe('1\n2');
  });

  test("the terminal: tty names it, stty size is the window's; a pipe is not a terminal", async () => {
    const h = start();
    expect(await h.run('tty; stty size; tty < /dev/null; echo | stty size')).toMatch(/^\/dev\/pts\/0\n\d+ \d+\nnot a tty\nstty: 'standard input': Inappropriate ioctl for device$/);
  });

  test('files: mkdir, cd, a heredoc typed over several lines, pipes, redirects; new files belong to learner', async () => {
    const h = start();
    await h.run('mkdir site && cd site');
    await h.waitFor(/learner@docksim:~\/site\$ $/);
    h.type('cat > Dockerfile <<EOF\r');
    await h.waitFor(/\n> $/);
    h.type('FROM nginx\r');
    h.type('COPY . /usr/share/nginx/html\r');
    h.type('EOF\r');
    await h.waitFor(/EOF\n.*\$ $/);
    expect(await h.run('cat Dockerfile')).toBe('FROM nginx\nCOPY . /usr/share/nginx/html');
    expect(await h.run('wc -l < Dockerfile; grep -c nginx Dockerfile; sort Dockerfile | head -1')).toBe('2\n2\nCOPY . /usr/share/nginx/html');
    expect(await h.run("ls -l | tail -1 | cut -d' ' -f3,4")).toBe('learner learner');
    const st = h.world.daemon().hostFs.stat('/home/learner/site/Dockerfile');
    expect(st.uid).toBe(1000);
    expect(h.world.daemon().hostFs.readFile('/home/learner/site/Dockerfile')).toBe('FROM nginx\nCOPY . /usr/share/nginx/html\n');
  });

  test('history lists what was typed, numbered as bash does; Up recalls it', async () => {
    const h = start({ history: ['ls /'] });
    await h.run('echo one');
    await h.run('echo two');
    expect(await h.run('history')).toBe('    1  ls /\n    2  echo one\n    3  echo two\n    4  history');
    expect(await h.run('history 2')).toBe('    4  history\n    5  history 2');
    h.type(KEYS.up + KEYS.up);
    await h.waitFor(/\$ history$/);
    h.type(KEYS.up);
    await h.waitFor(/\$ echo two$/);
  });

  test('sudo runs a command as root without a password; builtins are not commands for sudo', async () => {
    const h = start();
    expect(await h.run('sudo whoami; sudo sh -c \'echo $HOME\'; whoami')).toBe('root\n/root\nlearner');
    expect(await h.run('sudo cd /; echo $?')).toBe('sudo: cd: command not found\n1');
  });

  test('a paste of several lines runs each in turn', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('\x1b[200~echo one\nsleep 1; echo two\necho three\n\x1b[201~');
    await h.waitFor(/\$ echo one\none\n.*\$ sleep 1; echo two\ntwo\n.*\$ echo three\nthree\nlearner@docksim:~\$ $/);
  });

  test('help lists what works', async () => {
    const h = start();
    const out = await h.run('help');
    expect(out).toContain('docker run, ps, images, pull, logs, exec');
    expect(out).toContain('curl localhost:8080');
    expect(out).toContain('reset');
  });

  test('Ctrl-C interrupts a command; $? is 130; the rest of the line does not run', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('sleep 100; echo after\r');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.session.busy).toBe(true);
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/sleep 100; echo after\n\^C\n.*\$ $/);
    expect(await h.screen()).not.toContain('after\nlearner');
    expect(await h.run('echo $?')).toBe('130');
  });

  test('a command reading the terminal gets lines as typed; Ctrl-D ends its input, Ctrl-C ends it', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('cat\r');
    await h.waitFor(/\$ cat$/);
    h.type('hello\r');
    await h.waitFor(/\$ cat\nhello\nhello$/);
    h.type(KEYS.ctrl('d'));
    await h.waitFor(/hello\nhello\nlearner@docksim:~\$ $/);
    expect(await h.run('echo $?')).toBe('0');
    h.type('wc -l\r');
    await h.waitFor(/\$ wc -l$/);
    await new Promise((r) => setTimeout(r, 50));
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/\$ wc -l\n\^C\nlearner@docksim:~\$ $/);
    expect(await h.run('echo $?')).toBe('130');
  });

  test('Ctrl-C on the line being typed abandons it and sets $? to 130', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('echo never');
    h.type(KEYS.ctrl('c'));
    await h.waitFor(/echo never\^C\n.*\$ $/);
    expect(await h.run('echo $?')).toBe('130');
  });

  test('background jobs run while the prompt waits; bash reports them Done before a prompt', async () => {
    const h = start();
    expect(await h.run('(sleep 5; echo from the background) &')).toBe('[1] 1235');
    await h.waitFor(/from the background\nlearner@docksim:~\$ $/);
    expect(await h.run('echo next')).toBe('next\n[1]+  Done                    (sleep 5; echo from the background)');
  });

  test('ps shows the terminal’s processes; kill reaches them, not others’', async () => {
    const h = start();
    expect(await h.run('ps')).toMatch(/^ +PID TTY +TIME CMD\n +1234 pts\/0 +00:00:00 bash\n +\d+ pts\/0 +00:00:00 ps$/);
    const pid = /^\[1\] (\d+)$/.exec(await h.run('sleep 1000 &'))![1];
    expect(await h.run('ps -f | grep sleep')).toMatch(new RegExp(`^learner +${pid} +1234 .* sleep 1000\nlearner +\\d+ +1234 .* grep --color=auto sleep$`));
    await h.run(`kill ${pid}`);
    expect(await h.run('ps | grep -c sleep')).toMatch(/^0\n\[1\]\+ .* sleep 1000$/);
    expect(await h.run('jobs')).toBe('');
    expect(await h.run('kill 1')).toBe('bash: kill: (1) - Operation not permitted');
    expect(await h.run('kill 4242')).toBe('bash: kill: (4242) - No such process');
  });

  test('exit ends the shell with its status', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('exit 4\r');
    await h.waitFor(/exit 4\nexit$/);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.session.shell.exited).toBe(true);
    expect(h.session.shell.status).toBe(4);
  });

  test('Ctrl-D on an empty line ends the shell as bash does (exit)', async () => {
    const h = start();
    await h.run('false');
    h.type(KEYS.ctrl('d'));
    await h.waitFor(/\$ exit$/);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.editor.editing).toBe(false);
  });

  test('stop() ends what runs (the page replaces the session)', async () => {
    const h = start();
    await h.waitFor('$ ');
    h.type('sleep 1000\r');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.session.busy).toBe(true);
    h.session.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.session.busy).toBe(false);
  });

  test('reset calls the page’s reset', async () => {
    let resets = 0;
    const h = start({ reset: () => resets++ });
    await h.run('reset');
    expect(resets).toBe(1);
  });
});
