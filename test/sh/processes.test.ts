// Time, signals, pipelines and background jobs: the interpreter's scheduler on a fake clock.

import { describe, expect, it } from 'vitest';
import { Signal, type ProcessInfo } from '../../src/sh';
import { runMain, runSh } from './harness';
import { Clock, drive } from './driver';

const TERM = () => new Signal('SIGTERM', 15);
const INT = () => new Signal('SIGINT', 2);

describe('signals to a container shell (PID 1, non-interactive)', () => {
  it('defers a trapped TERM until the foreground command finishes, then runs the handler', () => {
    const r = runSh(`trap 'echo caught; exit 0' TERM; while true; do sleep 1; done`, {
      flavor: 'ash',
      signals: [{ at: 3500, signal: TERM() }],
    });
    expect(r.stdout).toBe('caught\n');
    expect(r.status).toBe(0);
    // The sleep that was running when the signal came (3 s .. 4 s) ran to its end.
    expect(r.elapsed).toBe(4000);
  });

  it('interrupts `wait` at once for a trapped signal (the `sleep & wait` idiom)', () => {
    const r = runSh(`trap 'echo bye; exit 0' TERM; sleep 1000 & wait`, {
      flavor: 'dash',
      table: 'debian',
      signals: [{ at: 2000, signal: TERM() }],
    });
    expect(r.stdout).toBe('bye\n');
    expect(r.status).toBe(0);
    expect(r.elapsed).toBe(2000);
  });

  it('wait returns 128+N before the handler runs', () => {
    const r = runSh(`trap 'echo handler' USR1; sleep 100 & wait; echo "wait=$?"`, {
      flavor: 'bash',
      signals: [{ at: 1000, signal: new Signal('SIGUSR1', 10) }],
    });
    expect(r.stdout).toBe('handler\nwait=138\n');
  });

  it('dies with 128+N without a trap', () => {
    const r = runSh('echo start; sleep 10; echo never', { flavor: 'ash', signals: [{ at: 2000, signal: TERM() }] });
    expect(r.stdout).toBe('start\n');
    expect(r.status).toBe(143);
    expect(r.elapsed).toBe(2000);
  });

  it('SIGKILL cannot be trapped', () => {
    const r = runSh(`trap 'echo no' KILL TERM; sleep 10`, { flavor: 'bash', signals: [{ at: 1000, signal: new Signal('SIGKILL', 9) }] });
    expect(r.status).toBe(137);
    expect(r.stdout).toBe('');
  });

  it('an ignored signal (trap "" TERM) does nothing', () => {
    const r = runSh(`trap '' TERM; sleep 3; echo done`, { flavor: 'ash', signals: [{ at: 1000, signal: TERM() }] });
    expect(r.stdout).toBe('done\n');
    expect(r.status).toBe(0);
  });

  it('runs the EXIT trap when the script ends', () => {
    const r = runMain(['sh', '-c', `trap 'echo cleanup' EXIT; echo work`], { flavor: 'ash' });
    expect(r.stdout).toBe('work\ncleanup\n');
  });
});

describe('the interactive host shell', () => {
  it('Ctrl-C stops the foreground command and the rest of the line, with status 130', () => {
    const r = runSh('sleep 10; echo after', { flavor: 'bash', interactive: true, signals: [{ at: 1000, signal: INT() }] });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(130);
    expect(r.elapsed).toBe(1000);
    expect(r.shell.exited).toBe(false);
  });

  it('keeps working after an interrupted command', () => {
    const clock = new Clock();
    const first = runSh('sleep 10', { interactive: true, clock, signals: [{ at: 500, signal: INT() }] });
    expect(first.status).toBe(130);
    const next = drive(first.shell.run('echo "status was $?"; echo ok'), { clock });
    expect(next.status).toBe(0);
    expect(first.out.text).toBe('status was 130\nok\n');
  });

  it('ignores SIGTERM (bash and ash do when interactive)', () => {
    const r = runSh('sleep 2; echo survived', { interactive: true, signals: [{ at: 1000, signal: TERM() }] });
    expect(r.stdout).toBe('survived\n');
  });

  it('Ctrl-C breaks out of a loop of builtins', () => {
    const r = runSh('while true; do :; done; echo never', { interactive: true, signalAtEffect: [{ n: 0, signal: INT() }] });
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('background jobs: [1] PID when started, Done after the line that saw them finish', () => {
    const clock = new Clock();
    const first = runSh('sleep 1 &', { interactive: true, clock });
    expect(first.stderr).toBe('[1] 2\n');
    drive(first.shell.run('sleep 2'), { clock });
    expect(first.err.text).toBe('[1] 2\n[1]+  Done                    sleep 1\n');
  });

  it('a background job that reads the terminal stops instead of taking the input', () => {
    const r = runSh('cat & sleep 1; jobs; echo done', { interactive: true, stdin: ['typed\n'] });
    expect(r.stdout).toBe('[1]+  Stopped                 cat\ndone\n');
    expect(r.elapsed).toBe(1000);
  });

  it('`exit` marks the shell as exited and prints "exit" (bash)', () => {
    const r = runSh('exit 3', { interactive: true });
    expect(r.status).toBe(3);
    expect(r.shell.exited).toBe(true);
    expect(r.stderr).toBe('exit\n');
  });

  it('reads a line typed at the terminal', () => {
    const r = runSh('read name; echo "hi $name"', { interactive: true, stdin: ['bob\n'] });
    expect(r.stdout).toBe('hi bob\n');
  });

  it('cat copies terminal input until end of input', () => {
    const r = runSh('cat; echo end', { interactive: true, stdin: ['one\n', 'two\n'] });
    expect(r.stdout).toBe('one\ntwo\nend\n');
  });
});

describe('pipelines and jobs run concurrently on the virtual clock', () => {
  it('stages of a pipeline sleep at the same time', () => {
    const r = runSh('sleep 1 | sleep 2; echo done');
    expect(r.stdout).toBe('done\n');
    expect(r.elapsed).toBe(2000);
  });

  it('a reader waits for its writer', () => {
    const r = runSh('(echo a; sleep 1; echo b) | (cat; echo reader-done)');
    expect(r.stdout).toBe('a\nb\nreader-done\n');
    expect(r.elapsed).toBe(1000);
  });

  it('yes | head ends: the writer gets SIGPIPE when the reader is gone', () => {
    const r = runSh('yes | head -n 2; echo $?');
    expect(r.stdout).toBe('y\ny\n0\n');
  });

  it('background jobs run while the foreground sleeps', () => {
    const r = runSh('(sleep 1; echo bg) & sleep 2; echo fg; wait');
    expect(r.stdout).toBe('bg\nfg\n');
    expect(r.elapsed).toBe(2000);
  });

  it('tail -f follows a growing file', () => {
    const r = runSh('echo one > log; (sleep 1; echo two >> log; sleep 1; echo three >> log) & tail -f log', {
      flavor: 'ash',
      signals: [{ at: 3500, signal: TERM() }],
    });
    expect(r.stdout).toBe('one\ntwo\nthree\n');
    expect(r.status).toBe(143);
  });

  it('tail -f | grep streams lines as they arrive', () => {
    // tail polls once a second: what is appended at 1 s shows at its 2 s poll.
    const r = runSh('echo start > log; (sleep 1; echo hit >> log; echo miss >> log) & tail -f log | grep -n i', {
      signals: [{ at: 2500, signal: TERM() }],
    });
    expect(r.stdout).toBe('2:hit\n3:miss\n');
  });

  it('jobs and $!', () => {
    const r = runSh('sleep 5 & echo "pid=$!"; jobs; wait; jobs; echo end', { flavor: 'bash' });
    expect(r.stdout).toBe('pid=2\n[1]+  Running                 sleep 5 &\nend\n');
    expect(r.elapsed).toBe(5000);
  });
});

describe('time and timeout', () => {
  it("bash's time keyword reports virtual time on stderr", () => {
    const r = runSh('time sleep 1.5');
    expect(r.stderr).toBe('\nreal\t0m1.500s\nuser\t0m0.000s\nsys\t0m0.000s\n');
  });

  it("busybox's time", () => {
    const r = runSh('time sleep 65.25', { flavor: 'ash' });
    expect(r.stderr).toBe('real\t1m 5.25s\nuser\t0m 0.00s\nsys\t0m 0.00s\n');
  });

  it('timeout stops a command at its deadline with 124', () => {
    const r = runSh('timeout 2 sleep 10; echo $?; timeout 5 sleep 1; echo $?; timeout 1 nosuch; echo $?');
    expect(r.stdout).toBe('124\n0\n127\n');
    expect(r.stderr).toBe('timeout: failed to run command ‘nosuch’: No such file or directory\n');
    expect(r.elapsed).toBe(3000);
  });
});

describe('processes seen through the driver', () => {
  const procs: ProcessInfo[] = [
    { pid: 1, ppid: 0, user: 'root', command: 'sh -c sleep 1000', tty: '?', stat: 'Ss', start: Date.UTC(2024, 0, 15, 10, 0, 0), cpuMs: 0 },
    { pid: 7, ppid: 1, user: 'root', command: 'ps', tty: '?', stat: 'R', start: Date.UTC(2024, 0, 15, 10, 30, 0), cpuMs: 0 },
  ];
  const custom = (name: string) => (name === 'ps' ? procs : undefined);

  it('busybox ps', () => {
    const r = runSh('ps', { flavor: 'ash', custom });
    expect(r.stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 1000\n    7 root      0:00 ps\n');
  });

  it('GNU ps, ps -ef, ps aux', () => {
    const r = runSh('ps; ps -ef; ps aux', { flavor: 'bash', custom });
    expect(r.stdout).toBe(
      [
        '    PID TTY          TIME CMD',
        '      1 ?        00:00:00 sh',
        '      7 ?        00:00:00 ps',
        'UID          PID    PPID  C STIME TTY          TIME CMD',
        'root           1       0  0 10:00 ?        00:00:00 sh -c sleep 1000',
        'root           7       1  0 10:30 ?        00:00:00 ps',
        'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
        'root           1  0.0  0.0   4624  3712 ?        Ss   10:00   0:00 sh -c sleep 1000',
        'root           7  0.0  0.0   4624  3712 ?        R    10:30   0:00 ps',
        '',
      ].join('\n'),
    );
  });

  it('kill of another process is a custom effect; the driver says whether it exists', () => {
    const seen: unknown[] = [];
    const r = runSh('kill 42; echo $?; kill -9 43; echo $?', {
      flavor: 'bash',
      custom: (name, data) => {
        seen.push({ name, data });
        return (data as { pid: number }).pid === 42 ? true : 'No such process';
      },
    });
    expect(seen).toEqual([
      { name: 'kill', data: { pid: 42, signal: 'SIGTERM', number: 15 } },
      { name: 'kill', data: { pid: 43, signal: 'SIGKILL', number: 9 } },
    ]);
    expect(r.stdout).toBe('0\n1\n');
    expect(r.stderr).toBe('bash: line 1: kill: (43) - No such process\n');
  });
});

describe('prompts', () => {
  it('expand bash escapes and parameters', () => {
    const r = runSh('cd /home/learner/app', {
      interactive: true,
      env: { HOME: '/home/learner', PS1: '\\[\\e[32m\\]\\u@\\h\\[\\e[0m\\]:\\w\\$ ', PS2: '> ' },
      files: { '/home/learner/app/x': '' },
      sys: { user: 'learner', uid: 1000, gid: 1000 },
    });
    expect(r.shell.prompt()).toBe('\x1b[32mlearner@box\x1b[0m:~/app$ ');
    expect(r.shell.prompt('PS2')).toBe('> ');
    r.shell.assign('PS1', '[$?] \\W \\A> ');
    expect(r.shell.prompt()).toBe('[0] app 10:30> ');
  });

  it('default prompts: bash user@host:dir$, ash dir #, dash #', () => {
    expect(runSh('cd /tmp', { interactive: true }).shell.prompt()).toBe('root@box:/tmp# ');
    expect(runSh('cd /tmp', { interactive: true, flavor: 'ash' }).shell.prompt()).toBe('/tmp # ');
    expect(runSh('cd /tmp', { interactive: true, flavor: 'dash' }).shell.prompt()).toBe('# ');
  });
});

describe('an interactive container shell (docker run -it alpine sh)', () => {
  it('prompts, runs lines, continues incomplete input with PS2, exits at end of input', () => {
    const r = runMain(['sh'], {
      flavor: 'ash',
      interactive: true,
      isatty: true,
      cwd: '/',
      stdin: ['echo hi\n', 'for i in 1 2\n', 'do echo $i; done\n', 'cd /tmp\n', 'exit 5\n'],
    });
    expect(r.stdout).toBe('hi\n1\n2\n');
    expect(r.stderr).toBe('/ # / # > / # /tmp # ');
    expect(r.status).toBe(5);
  });

  it('bash in a Debian image shows user@host:dir# and says exit at end of input', () => {
    const r = runMain(['bash'], { flavor: 'bash', table: 'debian', interactive: true, isatty: true, cwd: '/', stdin: ['pwd\n'] });
    expect(r.stdout).toBe('/\n');
    expect(r.stderr).toBe('root@box:/# root@box:/# exit\n');
  });

  it('without a terminal, sh reads commands from stdin and exits at its end', () => {
    const r = runMain(['sh'], { flavor: 'ash', stdin: ['echo one\necho two\n'] });
    expect(r.stdout).toBe('one\ntwo\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the shell as a process among processes', () => {
  // A command that reports what the driver tells it about itself.
  const whoami = function* () {
    const me = (yield { type: 'custom', name: 'getpid' }) as { pid: number; ppid: number };
    yield { type: 'custom', name: 'set-title', data: { title: 'renamed' } };
    return me.pid;
  };

  it('forks take the next process ids: commands, pipeline stages, substitutions, jobs', () => {
    // from pid 1 the ids count up: $(true) is a fork (2) whose command runs in it; the pipeline
    // forks twice (3, 4); the job is 5
    const r = runSh('x=$(true); true | true; sleep 0 & echo $!', { flavor: 'dash', table: 'debian' });
    expect(r.stdout).toBe('5\n');
  });

  it('answers a child\'s questions about itself; only the shell\'s own reach the driver', () => {
    const seen: string[] = [];
    const r = runSh('me; echo "pid $?"; (me; echo "in subshell $?")', {
      flavor: 'bash',
      extra: { me: whoami as never },
      custom: (name) => {
        seen.push(name);
        return name === 'getpid' ? { pid: 1, ppid: 0 } : undefined;
      },
    });
    expect(r.stdout).toBe('pid 2\nin subshell 3\n');
    expect(seen).not.toContain('getpid');
    expect(seen).not.toContain('set-title');
  });

  it('exec of a program hands the process over: the driver sees exec with the new argv and credentials', () => {
    const seen: unknown[] = [];
    const r = runMain(['bash', '-c', 'echo before; exec me one two'], {
      flavor: 'bash',
      extra: { me: whoami as never },
      custom: (name, data) => {
        seen.push([name, data]);
        return name === 'getpid' ? { pid: 1, ppid: 0 } : undefined;
      },
    });
    expect(r.stdout).toBe('before\n');
    // the program runs as the process itself: its pid is the shell's
    expect(r.status).toBe(1);
    expect(seen).toEqual([
      ['exec', { argv: ['me', 'one', 'two'], uid: expect.any(Number), gid: expect.any(Number) }],
      ['getpid', undefined],
      ['set-title', { title: 'renamed' }],
    ]);
  });
});
