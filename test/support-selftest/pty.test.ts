import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KEYS, TerminalScreen, ptyBackend, spawnPty, stripAnsi, type PtyBackend } from '../support/pty';

const backends: PtyBackend[] = [];
if (spawnSync('script', ['--version']).status === 0) backends.push('script');
if (spawnSync('python3', ['-c', 'import pty']).status === 0) backends.push('python');

describe('TerminalScreen', () => {
  it('prints, returns, erases and moves the cursor', () => {
    const s = new TerminalScreen(5, 20);
    s.write('hello world\r\nsecond line');
    s.write('\rSEC');
    expect(s.lines().slice(0, 2)).toEqual(['hello world', 'SECond line']);
    s.write('\x1b[1;7H\x1b[K'); // row 1 col 7, erase to end of line
    expect(s.lines()[0]).toBe('hello');
    s.write('\x1b[2J\x1b[H');
    expect(s.text()).toBe('');
  });

  it('wraps long lines and scrolls at the bottom', () => {
    const s = new TerminalScreen(4, 5);
    s.write('abcdefg\r\nl2\r\nl3');
    expect(s.lines()).toEqual(['abcde', 'fg', 'l2', 'l3']);
    s.write('\r\nl4');
    expect(s.lines()).toEqual(['fg', 'l2', 'l3', 'l4']);
  });

  it('keeps escape sequences split across writes together, ignores colours', () => {
    const s = new TerminalScreen(2, 20);
    s.write('\x1b[3');
    s.write('1mred\x1b[0m plain');
    expect(s.lines()[0]).toBe('red plain');
  });

  it('answers a cursor position query', () => {
    const replies: string[] = [];
    const s = new TerminalScreen(24, 80, (r) => replies.push(r));
    s.write('/ # \x1b[6n');
    expect(replies).toEqual(['\x1b[1;5R']);
  });

  it('stripAnsi leaves the text a reader sees', () => {
    expect(stripAnsi('\x1b[1mbold\x1b[0m\r\n\x1b]0;title\x07next')).toBe('bold\nnext');
  });
});

describe.each(backends)('spawnPty (%s backend)', (backend) => {
  it('runs under a terminal of the given size, takes keys and reports the exit code', async () => {
    const s = spawnPty('sh', ['-c', 'test -t 0 && echo tty:yes; stty size; printf "name? "; read x; echo "got:$x"; exit 4'], { backend, rows: 30, cols: 100 });
    await s.waitFor('tty:yes');
    await s.waitFor('30 100');
    await s.waitFor('name? ');
    s.write('bob' + KEYS.enter);
    await s.waitFor(/got:bob/);
    expect(await s.exited).toEqual({ code: 4, signal: null });
    expect(s.screen.text()).toContain('name? bob\ngot:bob');
  });

  it('Ctrl-C interrupts the foreground program', async () => {
    const s = spawnPty('sh', ['-c', 'echo ready; sleep 30'], { backend });
    await s.waitFor('ready');
    await new Promise((r) => setTimeout(r, 100));
    s.write(KEYS.ctrlC);
    const exit = await s.exited;
    expect(exit.code).toBe(130);
  });

  it('waitFor rejects on timeout with what it saw', async () => {
    const s = spawnPty('sh', ['-c', 'echo something; sleep 5'], { backend });
    await expect(s.waitFor('never', { timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms waiting for \/never\/; output since mark: ".*something/);
    s.kill('SIGKILL');
    await s.exited;
  });
});

describe.runIf(backends.includes('python'))('resize (python backend)', () => {
  it('changes the terminal size and signals the program', async () => {
    const s = spawnPty('sh', ['-c', 'trap "stty size" WINCH; echo ready; read x; stty size'], { backend: 'python', rows: 24, cols: 80 });
    await s.waitFor('ready');
    s.resize(40, 120);
    await s.waitFor('40 120');
    s.write(KEYS.enter);
    expect((await s.exited).code).toBe(0);
  });
});

it('a backend is available on this machine', () => {
  expect(ptyBackend()).not.toBeNull();
});
