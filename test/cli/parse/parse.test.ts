import { describe, expect, it } from 'vitest';
import { checkBeforeDaemon, dockerHelpText, parseDockerCommandLine, type ParseOptions, type RunResult } from '../../../src/cli/parse';

const env = { HOME: '/root', B: 'from-env' };

function run(argv: string[], opts: ParseOptions = {}): RunResult {
  const r = parseDockerCommandLine(argv, { env, ...opts });
  if (r.kind !== 'run') throw new Error(`expected a command to run, got ${JSON.stringify(r)}`);
  return r;
}

describe('parsed command lines', () => {
  it('resolves shortcuts and aliases to the command and keeps its path', () => {
    expect(run(['ps']).path).toEqual(['ps']);
    expect(run(['container', 'list']).path).toEqual(['container', 'ls']);
    expect(run(['container', 'list']).commandPath).toBe('docker container ls');
    expect(run(['remove', 'x']).path).toEqual(['rm']);
    expect(run(['image', 'rmi', 'x']).useLine).toBe('docker image rm [OPTIONS] IMAGE [IMAGE...]');
  });

  it('types flag values', () => {
    const r = run(['run', '-dit', '-p', '8080:80', '-p9090:90/udp', '-e', 'A=1', '-e', 'B', '--memory', '1g', '--cpus=1.5',
      '--health-interval', '1m30s', '--name', 'web', '--restart', 'on-failure:3', 'nginx', 'sh', '-c', 'echo hi']);
    expect(r.flags.get('detach')).toBe(true);
    expect(r.flags.get('interactive')).toBe(true);
    expect(r.flags.get('tty')).toBe(true);
    expect(r.flags.get('publish')).toEqual(['8080:80', '9090:90/udp']);
    expect(r.flags.get('env')).toEqual(['A=1', 'B=from-env']);
    expect(r.flags.get('memory')).toBe(1024 ** 3);
    expect(r.flags.get('cpus')).toBe(1_500_000_000);
    expect(r.flags.get('health-interval')).toBe(90_000_000_000n);
    expect(r.flags.get('name')).toBe('web');
    expect(r.flags.changed('name')).toBe(true);
    expect(r.flags.changed('user')).toBe(false);
    expect(r.flags.get('memory-swappiness')).toBe(-1);
    expect(r.args).toEqual(['nginx', 'sh', '-c', 'echo hi']);
    expect(r.flags.setNames()).toEqual(['detach', 'interactive', 'tty', 'publish', 'env', 'memory', 'cpus', 'health-interval', 'name', 'restart']);
  });

  it('stops at the first argument for run, but not for ps', () => {
    expect(run(['run', 'nginx', '--rm']).args).toEqual(['nginx', '--rm']);
    expect(run(['run', 'nginx', '--rm']).flags.get('rm')).toBe(false);
    expect(run(['volume', 'ls', '-q', '--filter', 'dangling=true']).flags.get('quiet')).toBe(true);
    expect(run(['rm', 'a', '-f', 'b']).args).toEqual(['a', 'b']);
    const dash = run(['rm', 'a', '--', '-f']);
    expect(dash.args).toEqual(['a', '-f']);
    expect(dash.argsLenAtDash).toBe(1);
  });

  it('stores hidden aliases of flags in the flag they stand for', () => {
    const r = run(['run', '--net', 'foo', '--net-alias', 'db', '--dns-opt', 'ndots:1', 'nginx']);
    expect(r.flags.get('network')).toEqual([{ Target: 'foo' }]);
    expect(r.flags.get('network-alias')).toEqual(['db']);
    expect(r.flags.get('dns-option')).toEqual(['ndots:1']);
    expect(r.flags.changed('net')).toBe(true);
    expect(r.flags.changed('network')).toBe(false);
  });

  it('parses structured options', () => {
    const r = run(['run', '--mount', 'type=bind,src=./data,dst=/data,readonly', '--ulimit', 'nofile=1024:2048',
      '--add-host', 'db=10.0.0.5', '--dns', '0:0::1', '--label', 'a=b', '--sysctl', 'net.ipv4.ip_forward=1', 'nginx'], { cwd: '/home/u' });
    expect(r.flags.get('mount')).toEqual([{ Type: 'bind', Source: '/home/u/data', Target: '/data', ReadOnly: true }]);
    expect(r.flags.get('ulimit')).toEqual({ nofile: { Name: 'nofile', Soft: 1024, Hard: 2048 } });
    expect(r.flags.get('add-host')).toEqual(['db:10.0.0.5']);
    expect(r.flags.get('dns')).toEqual(['::1']);
    expect(r.flags.get('sysctl')).toEqual({ 'net.ipv4.ip_forward': '1' });
    const ps = run(['ps', '--filter', 'status=running', '--filter', ' Name = web ', '-f', 'status=exited']);
    expect(ps.flags.get('filter')).toEqual({ status: ['running', 'exited'], name: ['web'] });
    const svc = run(['service', 'create', '-p', '8080:80', '--publish', 'published=53,target=53,protocol=udp', '--replicas', '3', '--secret', 'src=db,target=pw,mode=0400', 'nginx']);
    expect(svc.flags.get('publish')).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' },
    ]);
    expect(svc.flags.get('replicas')).toBe(3);
    expect(run(['service', 'create', 'nginx']).flags.get('replicas')).toBeUndefined();
    expect(svc.flags.get('secret')).toEqual([{ Name: 'db', File: { Name: 'pw', UID: '0', GID: '0', Mode: 0o400 } }]);
    expect(run(['build', '--cache-from', 'a,b', '--cache-from', 'c', '.']).flags.get('cache-from')).toEqual(['a', 'b', 'c']);
  });

  it('gives the global options', () => {
    const r = run(['-H', 'tcp://h:2375', '--debug', '-l', 'warn', 'ps', '-a']);
    expect(r.globals.get('host')).toEqual(['tcp://h:2375']);
    expect(r.globals.get('debug')).toBe(true);
    expect(r.globals.get('log-level')).toBe('warn');
    expect(r.globals.get('config')).toBe('/root/.docker');
    expect(r.flags.get('all')).toBe(true);
  });

  it('reports what was printed before the command runs', () => {
    const stop = run(['stop', '--time', '3', 'web']);
    expect(stop.stdout).toBe('Flag --time has been deprecated, use --timeout instead\n');
    expect(stop.flags.get('timeout')).toBe(3);
    const build = run(['build', '.']);
    expect(build.stderr).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
  });

  it('environment-dependent defaults', () => {
    const r = run(['pull', 'alpine'], { env: { DOCKER_CONTENT_TRUST: '1', DOCKER_DEFAULT_PLATFORM: 'linux/arm64' } });
    expect(r.flags.get('disable-content-trust')).toBe(false);
    expect(r.flags.get('platform')).toBe('linux/arm64');
    expect(run(['pull', 'alpine']).flags.get('disable-content-trust')).toBe(true);
    const hidden = parseDockerCommandLine(['remove', 'x'], { env: { DOCKER_HIDE_LEGACY_COMMANDS: '1' } });
    expect(hidden.kind).toBe('exit');
  });
});

describe('the daemon', () => {
  it('is asked only when the grammar depends on it', () => {
    let pings = 0;
    const daemon = () => {
      pings++;
      return { reachable: true as const, apiVersion: '1.50', osType: 'linux', swarm: 'inactive' };
    };
    run(['ps', '-a'], { daemon });
    run(['run', '--rm', 'nginx'], { daemon });
    expect(pings).toBe(0);
    const r = run(['run', '--cpus', '2', 'nginx'], { daemon });
    expect(pings).toBe(1);
    expect(r.server?.currentVersion).toBe('1.50');
    parseDockerCommandLine(['--help'], { daemon });
    expect(pings).toBe(2);
  });

  it('hides swarm commands from workers and non-swarm nodes', () => {
    const manager = dockerHelpText([], { daemon: { reachable: true, apiVersion: '1.50', osType: 'linux', swarm: 'active/manager' } });
    const inactive = dockerHelpText([], { daemon: { reachable: true, apiVersion: '1.50', osType: 'linux', swarm: 'inactive' } });
    expect(manager).toMatch(/\n {2}service {5}Manage Swarm services\n/);
    expect(inactive).not.toMatch(/\n {2}service /);
    expect(inactive).toMatch(/\n {2}swarm {7}Manage Swarm\n/);
  });

  it('refuses flags the daemon does not support', () => {
    const r = parseDockerCommandLine(['run', '--cpu-count', '2', 'x'], { daemon: { reachable: true, apiVersion: '1.50', osType: 'linux' } });
    expect(r).toMatchObject({ kind: 'exit', exitCode: 1, stderr: '"--cpu-count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n' });
  });
});

describe('help rendering', () => {
  it('wraps to the terminal on stdin', () => {
    const narrow = dockerHelpText(['ps'], { width: 50 });
    expect(narrow).toContain('  -a, --all             Show all containers\n                        (default shows just\n                        running)\n');
    expect(dockerHelpText(['ps'])).toContain('  -a, --all             Show all containers (default shows just running)\n');
  });

  it('makes the closing hint of docker --help bold on a terminal', () => {
    const r = parseDockerCommandLine(['--help'], { stdoutIsTerminal: true });
    expect(r.kind === 'exit' && r.stdout.endsWith('\x1b[1mFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\x1b[0m\n')).toBe(true);
  });
});

describe('checks before the daemon is called', () => {
  it('needs a terminal for run -it', () => {
    const r = run(['run', '-it', 'alpine']);
    expect(checkBeforeDaemon(r, { stdinIsTerminal: false })).toMatchObject({ exitCode: 1, stderr: 'the input device is not a TTY\n' });
    expect(checkBeforeDaemon(r, { stdinIsTerminal: true })).toBeUndefined();
  });

  it('refuses --rm with a restart policy the way docker run does', () => {
    const r = run(['container', 'run', '--rm', '--restart', 'always', 'alpine']);
    expect(checkBeforeDaemon(r)).toEqual({
      kind: 'exit',
      stdout: '',
      stderr: "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
  });
});
