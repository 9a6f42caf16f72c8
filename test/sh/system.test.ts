// Commands whose output depends on the simulated machine (user, host, clock, memory): checked
// against the formats the real tools print (see applets.test.ts for what is compared live).

import { describe, expect, it } from 'vitest';
import { runSh } from './harness';

const gnu = (script: string, o = {}) => runSh(script, { flavor: 'bash', ...o });
const bb = (script: string, o = {}) => runSh(script, { flavor: 'ash', table: 'busybox', ...o });

describe('identity', () => {
  it('id, whoami, hostname', () => {
    expect(gnu('id; id -u; id -un; id -G; whoami; hostname').stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin)\n0\nroot\n0 1\nroot\nbox\n',
    );
    expect(bb('id; id learner').stdout).toBe('uid=0(root) gid=0(root) groups=0(root),1(bin)\nuid=1000(learner) gid=1000(learner) groups=1000(learner)\n');
    expect(gnu('id nobodyx; echo $?').stderr).toBe('id: ‘nobodyx’: no such user\n');
    expect(bb('id nobodyx').stderr).toBe('id: unknown user nobodyx\n');
  });

  it('a non-root user', () => {
    const r = gnu('whoami; id; hostname newname; echo $?', { uid: 1000 });
    expect(r.stdout).toBe('learner\nuid=1000(learner) gid=1000(learner) groups=1000(learner)\n1\n');
    expect(r.stderr).toBe('hostname: you must be root to change the host name\n');
  });

  it('uname', () => {
    expect(gnu('uname; uname -r; uname -s -m; uname -a').stdout).toBe(
      'Linux\n6.8.0-45-generic\nLinux x86_64\nLinux box 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 x86_64 GNU/Linux\n',
    );
  });
});

describe('clock', () => {
  it('date on the driver clock, in UTC', () => {
    expect(gnu('date; date -u +%s; date +"%Y-%m-%d %H:%M"; date -R; date -I; date -Iseconds').stdout).toBe(
      'Mon Jan 15 10:30:00 UTC 2024\n1705314600\n2024-01-15 10:30\nMon, 15 Jan 2024 10:30:00 +0000\n2024-01-15\n2024-01-15T10:30:00+00:00\n',
    );
    expect(bb('date; date -d @0 +%F').stdout).toBe('Mon Jan 15 10:30:00 UTC 2024\n1970-01-01\n');
  });

  it('date -d relative and bad dates', () => {
    expect(gnu('date -d "2 days ago" +%F; date -d yesterday +%F; date -d tomorrow +%F').stdout).toBe('2024-01-13\n2024-01-14\n2024-01-16\n');
    expect(gnu('date -d bogus; echo $?').stderr).toBe('date: invalid date ‘bogus’\n');
    expect(bb('date -d bogus').stderr).toBe("date: invalid date 'bogus'\n");
  });

  it('date --rfc-3339 (what the mysql entrypoint stamps its notes with)', () => {
    expect(gnu('date --rfc-3339=seconds; date --rfc-3339=date; date --rfc-3339=ns; date --rfc-3339=s').stdout).toBe(
      '2024-01-15 10:30:00+00:00\n2024-01-15\n2024-01-15 10:30:00.000000000+00:00\n2024-01-15 10:30:00+00:00\n',
    );
    const bad = gnu('date --rfc-3339=x; echo $?');
    expect(bad.stderr).toBe("date: invalid argument ‘x’ for ‘--rfc-3339’\nValid arguments are:\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n");
    expect(bad.stdout).toBe('1\n');
  });

  it('sleep advances virtual time, with suffixes', () => {
    expect(gnu('sleep 1.5 2m').elapsed).toBe(121_500);
    expect(gnu('sleep').stderr).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect(gnu('sleep x').stderr).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
    expect(bb('sleep x').stderr).toBe("sleep: invalid number 'x'\n");
  });
});

describe('machine resources (fixed tables)', () => {
  it('free', () => {
    const r = gnu('free', { sys: { memTotalKiB: 8_000_000 } });
    expect(r.stdout.split('\n')[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(r.stdout).toMatch(/^Mem: {9}8000000 /m);
    expect(r.stdout).toMatch(/^Swap: {14}0 {11}0 {11}0$/m);
    const b = bb('free', { sys: { memTotalKiB: 8_000_000 } });
    expect(b.stdout.split('\n')[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(b.stdout).toMatch(/^Mem: {8}8000000 /m);
  });

  it('df', () => {
    expect(gnu('df | head -n 2').stdout).toBe('Filesystem     1K-blocks    Used Available Use% Mounted on\noverlay         61202244 9482516  48659616  17% /\n');
    expect(bb('df | head -n 2').stdout).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on\noverlay               61202244   9482516  48659616  17% /\n');
  });

  it('nproc', () => {
    expect(gnu('nproc', { sys: { cpus: 4 } }).stdout).toBe('4\n');
    expect(gnu('nproc').stdout).toBe('2\n');
  });
});

describe('terminal', () => {
  it('clear', () => {
    expect(gnu('clear').stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(bb('clear').stdout).toBe('\x1b[H\x1b[J');
  });

  it('ls in columns when stdout is a terminal, one per line otherwise', () => {
    const files = Object.fromEntries(['one', 'two', 'three', 'four'].map((n) => [n, '']));
    expect(gnu('ls', { files, isatty: true, columns: 80 }).stdout).toBe('four  one  three  two\n');
    expect(gnu('ls | cat', { files, isatty: true, columns: 80 }).stdout).toBe('four\none\nthree\ntwo\n');
    expect(bb('ls', { files, isatty: true, columns: 80 }).stdout).toBe('four   one    three  two\n');
  });
});

describe('busybox usage messages', () => {
  it('a bad option prints the applet usage (musl getopt words it differently from glibc)', () => {
    const r = bb('ls -z; echo $?');
    expect(r.stderr).toBe(
      'ls: unrecognized option: z\nBusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n',
    );
    expect(r.stdout).toBe('1\n');
  });

  it('GNU: invalid option and Try --help', () => {
    const r = gnu('ls -z; echo $?; cat --nope; echo $?');
    expect(r.stderr).toBe(
      "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\ncat: unrecognized option '--nope'\nTry 'cat --help' for more information.\n",
    );
    expect(r.stdout).toBe('2\n1\n');
  });

  it('busybox without arguments lists its applets', () => {
    const r = bb('busybox | head -n 2');
    expect(r.stdout).toBe('BusyBox v1.36.1 (2023-06-02 00:42:02 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\n');
  });
});

describe('environment', () => {
  it('env and printenv see exported variables only', () => {
    const r = gnu('X=1; export Y=2; env | grep -E "^(X|Y)="; printenv Y; printenv X; echo $?');
    expect(r.stdout).toBe('Y=2\n2\n1\n');
  });

  it('env runs a command with changes, or says it cannot', () => {
    expect(gnu('env A=1 sh -c "echo \\$A"').stdout).toBe('1\n');
    expect(gnu('env nosuch; echo $?').stderr).toBe('env: ‘nosuch’: No such file or directory\n');
    expect(bb('env nosuch').stderr).toBe("env: can't execute 'nosuch': No such file or directory\n");
  });
});

describe('GNU ls quotes names on a terminal', () => {
  it('like the shell would need them, aligning the unquoted ones', () => {
    const files = { 'my file': '', plain: '', "it's": '', 'x$y': '' };
    const r = gnu('ls -1; ls -1 | cat', { files, isatty: true });
    expect(r.stdout).toBe(`"it's"\n'my file'\nplain\n'x$y'\nit's\nmy file\nplain\nx$y\n`);
    const l = gnu('ls -l', { files, isatty: true });
    expect(l.stdout.split('\n').map((x) => x.replace(/^.*? 2020 /, ''))).toEqual(['total 0', `"it's"`, "'my file'", ' plain', "'x$y'", '']);
  });
});
