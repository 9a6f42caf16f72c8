// Command tables: PATH lookup over an image's filesystem, busybox symlinks, scripts.

import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/sh';
import { Clock } from './driver';
import { makeFs, runMain, runSh } from './harness';

describe('busybox images', () => {
  it('runs applets through the symlinks to /bin/busybox', () => {
    const r = runSh('ls -l /bin/ls; echo hi | /bin/cat; busybox echo direct; /bin/busybox basename /a/b', { flavor: 'ash', table: 'busybox' });
    expect(r.stdout).toMatch(/^lrwxrwxrwx +1 root +root +12 Jan 15 10:30 \/bin\/ls -> \/bin\/busybox\nhi\ndirect\nb\n$/);
  });

  it('a command is missing when its link is missing', () => {
    const r = runSh('rm /bin/ls; ls; echo $?; busybox ls -d /', { flavor: 'ash', table: 'busybox' });
    expect(r.stderr).toBe('sh: ls: not found\n');
    expect(r.stdout).toBe('127\n/\n');
  });

  it('a link with a name busybox does not know', () => {
    const r = runSh('ln -s /bin/busybox /usr/bin/mycat; mycat; echo $?', { flavor: 'ash', table: 'busybox' });
    expect(r.stderr).toBe('mycat: applet not found\n');
    expect(r.stdout).toBe('127\n');
  });

  it('which, command -v and type give paths', () => {
    const r = runSh('which ls head; command -v sed; type tail', { flavor: 'ash', table: 'busybox' });
    expect(r.stdout).toBe('/bin/ls\n/usr/bin/head\n/bin/sed\ntail is /usr/bin/tail\n');
  });

  it('busybox --list names its applets', () => {
    const r = runSh('busybox --list | grep -c .; busybox --list | head -n 3', { flavor: 'ash', table: 'busybox' });
    expect(r.stdout.split('\n')[1]).toBe('[');
  });

  it('sh -c runs ash', () => {
    const r = runMain(['sh', '-c', 'echo $0 $1; nosuch', 'name', 'arg'], { flavor: 'ash', table: 'busybox' });
    expect(r.stdout).toBe('name arg\n');
    expect(r.stderr).toBe('name: nosuch: not found\n');
    expect(r.status).toBe(127);
  });
});

describe('Debian images', () => {
  it('/bin/sh is dash, bash is bash', () => {
    const r = runSh('sh -c nosuch; bash -c nosuch; /bin/sh -c "echo \\$0"', { flavor: 'bash', table: 'debian' });
    expect(r.stderr).toBe('sh: 1: nosuch: not found\nbash: line 1: nosuch: command not found\n');
    expect(r.stdout).toBe('/bin/sh\n');
  });

  it('what the image does not have is not found', () => {
    const r = runSh('ps; echo $?', { flavor: 'dash', table: 'debian', name: 'sh' });
    expect(r.stderr).toBe('sh: 1: ps: not found\n');
    expect(r.stdout).toBe('127\n');
  });

  it('RUN lines fail as docker build shows them', () => {
    const r = runMain(['/bin/sh', '-c', 'apt-get update'], { flavor: 'dash', table: 'debian' });
    expect(r.stderr).toBe('/bin/sh: 1: apt-get: not found\n');
    expect(r.status).toBe(127);
  });

  it('GNU messages in the C locale use plain quotes', () => {
    const r = runSh('mkdir /tmp; echo $?', { flavor: 'dash', table: 'debian' });
    expect(r.stderr).toBe("mkdir: cannot create directory '/tmp': File exists\n");
  });

  it('which finds /usr/bin first', () => {
    const r = runSh('which ls; type cat', { flavor: 'dash', table: 'debian' });
    expect(r.stdout).toBe('/usr/bin/ls\ncat is /usr/bin/cat\n');
  });
});

describe('scripts', () => {
  const files = {
    '/work/s.sh': { content: '#!/bin/sh\necho "script $1 $0"\n', mode: 0o755 },
    '/work/b.sh': { content: '#!/usr/bin/env bash\necho "bash ${BASH_VERSION-x} $#"\n', mode: 0o755 },
    '/work/plain': { content: 'echo no shebang\n', mode: 0o755 },
    '/work/noexec.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o644 },
    '/work/bad.sh': { content: '#!/usr/bin/python3\nprint(1)\n', mode: 0o755 },
  };

  it('run with their interpreter', () => {
    const r = runSh('./s.sh one; ./b.sh a b; ./plain', { flavor: 'bash', table: 'debian', files });
    expect(r.stdout).toBe('script one ./s.sh\nbash 5.2.21(1)-release 2\nno shebang\n');
  });

  it('need the execute bit', () => {
    const r = runSh('./noexec.sh; echo $?; sh noexec.sh', { flavor: 'bash', table: 'debian', files });
    expect(r.stderr).toBe('bash: line 1: ./noexec.sh: Permission denied\n');
    expect(r.stdout).toBe('126\nhi\n');
  });

  it('a missing interpreter is reported', () => {
    const r = runSh('./bad.sh; echo $?', { flavor: 'bash', table: 'debian', files });
    expect(r.stderr).toBe('./bad.sh: /usr/bin/python3: bad interpreter: No such file or directory\n');
    expect(r.stdout).toBe('126\n');
  });

  it('are found through PATH', () => {
    const r = runSh('mkdir -p /root/bin; printf "#!/bin/sh\\necho mine\\n" > /root/bin/tool; chmod +x /root/bin/tool; PATH=/root/bin:$PATH; tool', { flavor: 'bash' });
    expect(r.stdout).toBe('mine\n');
  });
});

describe('the host', () => {
  const docker: Command = function* (ctx) {
    ctx.stdout.write(`docker ${ctx.args.slice(1).join(' ')}\n`);
    return 0;
  };

  it('has GNU coreutils at /usr/bin without files for them, plus the extras', () => {
    const r = runSh('which ls docker; ls -d /; docker ps -a; /usr/bin/echo abs; echo a b | xargs docker rm', { extra: { docker } });
    expect(r.stdout).toBe('/usr/bin/ls\n/usr/bin/docker\n/\ndocker ps -a\nabs\ndocker rm a b\n');
  });

  it('an empty PATH finds nothing but builtins', () => {
    const r = runSh('PATH=; ls; echo $?; echo still');
    expect(r.stderr).toBe('bash: line 1: ls: No such file or directory\n'.replace('ls: No such file or directory', 'ls: command not found'));
    expect(r.stdout).toBe('127\nstill\n');
  });

  it('sh on the host is dash', () => {
    const clock = new Clock();
    const fs = makeFs(clock);
    const r = runSh('sh -c "nosuch"', { fs, clock });
    expect(r.stderr).toBe('sh: 1: nosuch: not found\n');
  });
});
