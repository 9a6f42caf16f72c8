// Containers: run, create, start, ps, logs, inspect, top, stats, rename, update, wait,
// pause/unpause, restart, kill, stop, rm, exec, attach, events, container prune, system df and
// prune — one story on one docksim host, driven by the real docker CLI.
// Expectations: docker/cli v28.2.2 cli/command/container/*.go, cli/command/formatter/*.go,
// cli/command/system/{events,df,prune}.go; moby v28.2.2 daemon/*.go (messages, list order,
// states), api/server/router/container (error wrapping). See shared/reference/cli-output.md.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSkipReason, outcome, runError } from './support/expect';
import { startHost, type Host } from './support/host';
import { hubIds, hubImage, type HubImage } from './support/hub';
import { Masker, renderTable as table } from './support/mask';

const skip = conformanceSkipReason();
const HELLO = readFileSync(new URL('./fixtures/hello-world.txt', import.meta.url), 'utf8');

describe.skipIf(skip)('docker CLI 28.2.2 against docksim: containers', () => {
  let host: Host;
  let alpine: HubImage;
  let hello: HubImage;
  const ids: Record<string, string> = {};
  /** A masker that knows the Hub's ids and names the containers created so far. */
  const masker = () => {
    const m = new Masker({ keep: hubIds(alpine, hello) });
    for (const [name, id] of Object.entries(ids)) m.alias(id, name);
    return m;
  };
  const idOf = async (name: string) => {
    const r = await host.docker(['inspect', '--format', '{{.Id}}', name]);
    expect(r.code).toBe(0);
    ids[name] = r.stdout.trim();
    return ids[name]!;
  };
  const field = async (name: string, format: string) => (await host.docker(['inspect', '--format', format, name])).stdout.trim();

  beforeAll(async () => {
    alpine = hubImage('alpine');
    hello = hubImage('hello-world');
    host = await startHost({ speed: 50 });
    expect((await host.docker(['pull', '-q', 'alpine'])).code).toBe(0);
  });
  afterAll(async () => {
    await host?.stop();
  });

  describe('run', () => {
    it('docker run --rm hello-world: the image is pulled first (progress on stderr), then its greeting', async () => {
      const r = await host.docker(['run', '--rm', 'hello-world']);
      const l = hello.layers;
      expect(outcome(r)).toEqual({
        code: 0,
        stdout: HELLO,
        stderr: [
          "Unable to find image 'hello-world:latest' locally",
          'latest: Pulling from library/hello-world',
          ...l.map((x) => `${x}: Pulling fs layer`),
          ...l.flatMap((x) => [`${x}: Verifying Checksum`, `${x}: Download complete`]),
          ...l.map((x) => `${x}: Pull complete`),
          `Digest: ${hello.digest}`,
          'Status: Downloaded newer image for hello-world:latest',
          '',
        ].join('\n'),
      });
      const ps = await host.docker(['ps', '-a', '-q']);
      expect(outcome(ps)).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('docker run --name hello hello-world: the image is there, only the greeting', async () => {
      const r = await host.docker(['run', '--name', 'hello', 'hello-world']);
      expect(outcome(r)).toEqual({ code: 0, stdout: HELLO, stderr: '' });
      await idOf('hello');
    });

    it('docker run nope: unknown image, pull access denied, exit 125', async () => {
      const r = await host.docker(['run', 'nope']);
      expect(outcome(r)).toEqual({
        code: 125,
        stdout: '',
        stderr:
          "Unable to find image 'nope:latest' locally\n" +
          runError(
            "Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
          ),
      });
    });

    it('docker run -d --name web -p 8080:80 -e FOO=bar --restart unless-stopped alpine sleep infinity: the full id', async () => {
      const r = await host.docker(['run', '-d', '--name', 'web', '-p', '8080:80', '-e', 'FOO=bar', '--restart', 'unless-stopped', 'alpine', 'sleep', 'infinity']);
      expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
      ids.web = r.stdout.trim();
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stdout: '<ID:web>\n', stderr: '' });
    });

    it('docker run --name web alpine true: name conflict, exit 125', async () => {
      const r = await host.docker(['run', '--name', 'web', 'alpine', 'true']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 125,
        stdout: '',
        stderr: runError(
          'Error response from daemon: Conflict. The container name "/web" is already in use by container "<ID:web>". You have to remove (or rename) that container to be able to reuse that name.',
        ),
      });
    });

    it('bad port specs are refused by the CLI: -p 99999:80 and -p 80:abc', async () => {
      const a = await host.docker(['run', '-p', '99999:80', 'alpine', 'true']);
      expect(outcome(a)).toEqual({ code: 125, stdout: '', stderr: runError('invalid hostPort: 99999') });
      const b = await host.docker(['run', '-p', '80:abc', 'alpine', 'true']);
      expect(outcome(b)).toEqual({ code: 125, stdout: '', stderr: runError('invalid containerPort: abc') });
    });

    it("docker run --rm alpine sh -c 'exit 3': the container's exit code becomes the CLI's", async () => {
      const r = await host.docker(['run', '--rm', 'alpine', 'sh', '-c', 'exit 3']);
      expect(outcome(r)).toEqual({ code: 3, stdout: '', stderr: '' });
    });

    it('docker run --rm -e GREETING=hi alpine sh -c: stdout and stderr stay apart', async () => {
      const r = await host.docker(['run', '--rm', '-e', 'GREETING=hi', 'alpine', 'sh', '-c', 'echo $GREETING; echo oops >&2']);
      expect(outcome(r)).toEqual({ code: 0, stdout: 'hi\n', stderr: 'oops\n' });
    });

    it('docker run --name nocmd alpine nope: the command is not found, exit 127', async () => {
      const r = await host.docker(['run', '--name', 'nocmd', 'alpine', 'nope']);
      expect(outcome(r)).toEqual({
        code: 127,
        stdout: '',
        stderr: runError(
          'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH: unknown',
        ),
      });
      // the container was created and stays, never started
      expect(await field('nocmd', '{{.State.Status}} {{.State.ExitCode}}')).toBe('created 127');
      expect(outcome(await host.docker(['rm', 'nocmd']))).toEqual({ code: 0, stdout: 'nocmd\n', stderr: '' });
    });

    it('docker run --name failed alpine false: exit 1', async () => {
      const r = await host.docker(['run', '--name', 'failed', 'alpine', 'false']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: '' });
      await idOf('failed');
    });
  });

  describe('create and start', () => {
    it('docker create --name fresh alpine echo hi: the full id', async () => {
      const r = await host.docker(['create', '--name', 'fresh', 'alpine', 'echo', 'hi']);
      ids.fresh = r.stdout.trim();
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stdout: '<ID:fresh>\n', stderr: '' });
      expect(await field('fresh', '{{.State.Status}}')).toBe('created');
    });

    it('docker start -a fresh: attached to its output', async () => {
      const r = await host.docker(['start', '-a', 'fresh']);
      expect(outcome(r)).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
    });

    it('docker start nope: the daemon error, then the summary', async () => {
      const r = await host.docker(['start', 'nope']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\nError: failed to start containers: nope\n' });
    });
  });

  describe('ps', () => {
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
    const ports = '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp';
    const rows = () => ({
      fresh: ['<id:fresh>', 'alpine', '"echo hi"', '<dur> ago', 'Exited (0) <dur> ago', '', 'fresh'],
      failed: ['<id:failed>', 'alpine', '"false"', '<dur> ago', 'Exited (1) <dur> ago', '', 'failed'],
      web: ['<id:web>', 'alpine', '"sleep infinity"', '<dur> ago', 'Up <dur>', ports, 'web'],
      hello: ['<id:hello>', 'hello-world', '"/hello"', '<dur> ago', 'Exited (0) <dur> ago', '', 'hello'],
    });

    it('docker ps: running containers', async () => {
      const r = await host.docker(['ps']);
      expect(outcome(r, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, rows().web]) });
    });

    it('docker ps -a: all, newest first', async () => {
      const r = await host.docker(['ps', '-a']);
      const x = rows();
      expect(outcome(r, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.fresh, x.failed, x.web, x.hello]) });
    });

    it('docker ps -a -q', async () => {
      const r = await host.docker(['ps', '-a', '-q']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: '<id:fresh>\n<id:failed>\n<id:web>\n<id:hello>\n' });
    });

    it('docker ps --no-trunc', async () => {
      const r = await host.docker(['ps', '--no-trunc']);
      const web = rows().web;
      web[0] = '<ID:web>';
      expect(outcome(r, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, web]) });
    });

    it('docker ps -s: the size column (SizeRw and the virtual size)', async () => {
      const r = await host.docker(['ps', '-s']);
      expect(outcome(r, (s) => masker().table(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          [...header, 'SIZE'],
          [...rows().web, `0B (virtual ${alpine.sizeText})`],
        ]),
      });
    });

    it('docker ps -n 2 and docker ps -l: the last created, in any state', async () => {
      const x = rows();
      const n = await host.docker(['ps', '-n', '2']);
      expect(outcome(n, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.fresh, x.failed]) });
      const l = await host.docker(['ps', '-l']);
      expect(outcome(l, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.fresh]) });
    });

    it('docker ps --filter status=exited (a status filter lists every state) and --filter exited=1', async () => {
      const x = rows();
      const st = await host.docker(['ps', '--filter', 'status=exited']);
      expect(outcome(st, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.fresh, x.failed, x.hello]) });
      const ex = await host.docker(['ps', '-a', '--filter', 'exited=1']);
      expect(outcome(ex, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.failed]) });
    });

    it('docker ps -a --filter name=fr and --filter ancestor=hello-world', async () => {
      const x = rows();
      const n = await host.docker(['ps', '-a', '--filter', 'name=fr']);
      expect(outcome(n, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.fresh]) });
      const a = await host.docker(['ps', '-a', '--filter', 'ancestor=hello-world']);
      expect(outcome(a, (s) => masker().table(s))).toEqual({ code: 0, stderr: '', stdout: table([header, x.hello]) });
    });

    it('docker ps --filter status=bogus: the daemon refuses it', async () => {
      const r = await host.docker(['ps', '--filter', 'status=bogus']);
      expect(outcome(r)).toEqual({
        code: 1,
        stdout: '',
        stderr:
          "Error response from daemon: invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead\n",
      });
    });

    it('docker ps --format with a Go template', async () => {
      const r = await host.docker(['ps', '-a', '--format', '{{.Names}}\t{{.Image}}\t{{.State}}\t{{.Command}}']);
      expect(outcome(r)).toEqual({
        code: 0,
        stderr: '',
        stdout: 'fresh\talpine\texited\t"echo hi"\nfailed\talpine\texited\t"false"\nweb\talpine\trunning\t"sleep infinity"\nhello\thello-world\texited\t"/hello"\n',
      });
    });

    it('docker ps --format json', async () => {
      const r = await host.docker(['ps', '--format', 'json']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout:
          '{"Command":"\\"sleep infinity\\"","CreatedAt":"<ts>","ID":"<id:web>","Image":"alpine","Labels":"","LocalVolumes":"0","Mounts":"","Names":"web","Networks":"bridge","Platform":null,' +
          '"Ports":"0.0.0.0:8080-\\u003e80/tcp, [::]:8080-\\u003e80/tcp","RunningFor":"<dur> ago","Size":"0B","State":"running","Status":"Up <dur>"}\n',
      });
    });
  });

  describe('logs', () => {
    it('docker logs hello', async () => {
      expect(outcome(await host.docker(['logs', 'hello']))).toEqual({ code: 0, stdout: HELLO, stderr: '' });
    });

    it('docker logs --tail 3 hello', async () => {
      const r = await host.docker(['logs', '--tail', '3', 'hello']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: `${HELLO.split('\n').slice(-4).join('\n')}` });
    });

    it('docker logs -t --tail 2 hello: RFC 3339 with nine fraction digits', async () => {
      const r = await host.docker(['logs', '-t', '--tail', '2', 'hello']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: '<ts>  https://docs.docker.com/get-started/\n<ts> \n' });
      for (const line of r.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    });

    it('docker logs --since and --until (times from inspect)', async () => {
      const started = await field('hello', '{{.State.StartedAt}}');
      const finished = await field('hello', '{{.State.FinishedAt}}');
      const created = await field('hello', '{{.Created}}');
      expect(outcome(await host.docker(['logs', '--since', started, 'hello']))).toEqual({ code: 0, stdout: HELLO, stderr: '' });
      expect(outcome(await host.docker(['logs', '--since', finished, 'hello']))).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(outcome(await host.docker(['logs', '--until', created, 'hello']))).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('docker logs -f on an exited container returns at the end', async () => {
      expect(outcome(await host.docker(['logs', '-f', 'fresh']))).toEqual({ code: 0, stdout: 'hi\n', stderr: '' });
    });

    it('docker logs -f follows a running container until it exits', async () => {
      expect((await host.docker(['run', '-d', '--name', 'follow', 'alpine', 'sh', '-c', 'echo a; sleep 20; echo b'])).code).toBe(0);
      expect(outcome(await host.docker(['logs', '-f', 'follow']))).toEqual({ code: 0, stdout: 'a\nb\n', stderr: '' });
      expect((await host.docker(['rm', 'follow'])).code).toBe(0);
    });

    it('docker logs keeps stderr apart', async () => {
      expect((await host.docker(['run', '--name', 'errs', 'alpine', 'sh', '-c', 'echo out; echo err >&2'])).code).toBe(0);
      expect(outcome(await host.docker(['logs', 'errs']))).toEqual({ code: 0, stdout: 'out\n', stderr: 'err\n' });
      expect((await host.docker(['rm', 'errs'])).code).toBe(0);
    });

    it('docker logs nope', async () => {
      expect(outcome(await host.docker(['logs', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
    });
  });

  describe('inspect', () => {
    it('docker inspect --format (state, config, host config)', async () => {
      const r = await host.docker([
        'inspect',
        '--format',
        '{{.Name}} {{.State.Status}} {{.State.Running}} {{.State.ExitCode}} {{.Config.Image}} {{.HostConfig.RestartPolicy.Name}} {{index .Config.Env 0}} {{json .Config.Cmd}}',
        'web',
      ]);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: '/web running true 0 alpine unless-stopped FOO=bar ["sleep","infinity"]\n' });
    });

    it('docker inspect --format {{json .NetworkSettings.Ports}}', async () => {
      const r = await host.docker(['inspect', '--format', '{{json .NetworkSettings.Ports}}', 'web']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n' });
    });

    it('docker inspect -s: SizeRw and SizeRootFs', async () => {
      const r = await host.docker(['inspect', '-s', '--format', '{{.SizeRw}} {{.SizeRootFs}}', 'web']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: `0 ${alpine.size}\n` });
    });

    it('docker inspect --type image and --type container', async () => {
      const img = await host.docker(['inspect', '--type', 'image', '--format', '{{.Id}}', 'alpine']);
      expect(outcome(img)).toEqual({ code: 0, stderr: '', stdout: `${alpine.id}\n` });
      const ctr = await host.docker(['inspect', '--type', 'container', 'alpine']);
      expect(outcome(ctr)).toEqual({ code: 1, stdout: '[]\n', stderr: 'Error response from daemon: No such container: alpine\n' });
    });

    it('docker inspect nope: no such object', async () => {
      expect(outcome(await host.docker(['inspect', 'nope']))).toEqual({ code: 1, stdout: '[]\n', stderr: 'Error: No such object: nope\n' });
    });
  });

  describe('top and stats', () => {
    it('docker top web (ps -ef columns; PIDs and start time are the host\'s)', async () => {
      const r = await host.docker(['top', 'web']);
      const pid = () => '<pid>';
      const o = outcome(r, (s) => masker().table(s, { minwidth: 20, columns: { PID: pid, PPID: pid, STIME: () => '<stime>', TIME: (t) => (/^\d\d:\d\d:\d\d$/.test(t) ? '<time>' : t) } }));
      expect(o).toEqual({
        code: 0,
        stderr: '',
        stdout: table(
          [
            ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
            ['root', '<pid>', '<pid>', '0', '<stime>', '?', '<time>', 'sleep infinity'],
          ],
          { minwidth: 20 },
        ),
      });
    });

    it('docker top on an exited container', async () => {
      const r = await host.docker(['top', 'fresh']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: container <ID:fresh> is not running\n' });
    });

    it('docker stats --no-stream web (usage figures depend on the instant)', async () => {
      const r = await host.docker(['stats', '--no-stream', 'web']);
      const pct = (s: string) => (/^\d+\.\d\d%$/.test(s) ? '<pct>' : s);
      const io = (s: string) => (/^[\d.]+[kMGT]?B \/ [\d.]+[kMGT]?B$/.test(s) ? '<io>' : s);
      const mem = (s: string) => s.replace(/^[\d.]+[KMGT]?i?B \//, '<mem> /');
      const o = outcome(r, (s) => masker().table(s, { columns: { 'CPU %': pct, 'MEM %': pct, 'NET I/O': io, 'BLOCK I/O': io, 'MEM USAGE / LIMIT': mem } }));
      expect(o).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          ['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'],
          ['<id:web>', 'web', '<pct>', '<mem> / 7.753GiB', '<pct>', '<io>', '<io>', '1'],
        ]),
      });
    });

    it('docker stats --no-stream --format', async () => {
      const r = await host.docker(['stats', '--no-stream', '--format', '{{.Name}} {{.Container}} {{.PIDs}}', 'web']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'web web 1\n' });
    });
  });

  describe('rename, update, wait', () => {
    it('docker rename failed failed2 prints nothing', async () => {
      expect(outcome(await host.docker(['rename', 'failed', 'failed2']))).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await field('failed2', '{{.Name}}')).toBe('/failed2');
    });

    it('docker rename to a name in use, and from an unknown container', async () => {
      const r = await host.docker(['rename', 'failed2', 'web']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'Error response from daemon: Error when allocating new name: Conflict. The container name "/web" is already in use by container "<ID:web>". You have to remove (or rename) that container to be able to reuse that name.\n' +
          'Error: failed to rename container named failed2\n',
      });
      const n = await host.docker(['rename', 'nope', 'x1']);
      expect(outcome(n)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\nError: failed to rename container named nope\n' });
    });

    it('docker update --restart always --cpus 0.5 web', async () => {
      expect(outcome(await host.docker(['update', '--restart', 'always', '--cpus', '0.5', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await field('web', '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.NanoCpus}}')).toBe('always 500000000');
    });

    it('docker update without flags, and of an unknown container', async () => {
      expect(outcome(await host.docker(['update', 'web']))).toEqual({ code: 1, stdout: '', stderr: 'you must provide one or more flags when using this command\n' });
      expect(outcome(await host.docker(['update', '--cpus', '1', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
    });

    it('docker wait prints each exit code', async () => {
      expect(outcome(await host.docker(['wait', 'hello', 'failed2']))).toEqual({ code: 0, stdout: '0\n1\n', stderr: '' });
      expect(outcome(await host.docker(['wait', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
    });
  });

  describe('exec', () => {
    it('docker exec web true / false: the exec exit code', async () => {
      expect(outcome(await host.docker(['exec', 'web', 'true']))).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(outcome(await host.docker(['exec', 'web', 'false']))).toEqual({ code: 1, stdout: '', stderr: '' });
    });

    it("docker exec -e FOO=baz -w /tmp web sh -c 'echo $FOO; pwd; exit 3'", async () => {
      const r = await host.docker(['exec', '-e', 'FOO=baz', '-w', '/tmp', 'web', 'sh', '-c', 'echo $FOO; pwd; exit 3']);
      expect(outcome(r)).toEqual({ code: 3, stdout: 'baz\n/tmp\n', stderr: '' });
    });

    it('docker exec sees the container environment', async () => {
      const r = await host.docker(['exec', 'web', 'sh', '-c', 'echo $FOO $HOSTNAME']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stdout: 'bar <id:web>\n', stderr: '' });
    });

    it('docker exec -d web sleep 1: detached, nothing printed', async () => {
      expect(outcome(await host.docker(['exec', '-d', 'web', 'sleep', '1']))).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('docker exec web nope: not found, exit 127 (the daemon writes the error into the stdout stream)', async () => {
      // moby api/server/router/container/exec.go: a failed ContainerExecStart is printed with
      // "%v\r\n" to the hijacked stdout
      const r = await host.docker(['exec', 'web', 'nope']);
      expect(outcome(r)).toEqual({
        code: 127,
        stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n',
        stderr: '',
      });
    });

    it('docker exec on an unknown and on a stopped container', async () => {
      expect(outcome(await host.docker(['exec', 'nope', 'true']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
      const r = await host.docker(['exec', 'fresh', 'true']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: container <ID:fresh> is not running\n' });
    });
  });

  describe('pause, unpause, restart, kill, stop', () => {
    it('docker pause web; ps shows (Paused); pausing again fails; exec is refused', async () => {
      expect(outcome(await host.docker(['pause', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      const ps = await host.docker(['ps', '--format', '{{.Names}} {{.Status}}']);
      expect(outcome(ps, (s) => masker().mask(s))).toEqual({ code: 0, stdout: 'web Up <dur> (Paused)\n', stderr: '' });
      const again = await host.docker(['pause', 'web']);
      expect(outcome(again, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: Container <ID:web> is already paused\n' });
      const ex = await host.docker(['exec', 'web', 'true']);
      expect(outcome(ex, (s) => masker().mask(s))).toEqual({
        code: 1,
        stdout: '',
        // daemon/exec.go getActiveContainer: errExecPaused(name), the name as the CLI sent it
        stderr: 'Error response from daemon: Container web is paused, unpause the container before exec\n',
      });
    });

    it('docker unpause web; unpausing again fails', async () => {
      expect(outcome(await host.docker(['unpause', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      const again = await host.docker(['unpause', 'web']);
      expect(outcome(again, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: Container <ID:web> is not paused\n' });
    });

    it('docker restart web', async () => {
      const before = await field('web', '{{.State.StartedAt}}');
      expect(outcome(await host.docker(['restart', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await field('web', '{{.State.Status}}')).toBe('running');
      expect(await field('web', '{{.State.StartedAt}}')).not.toBe(before);
    });

    it('docker kill -s HUP web: sleep as PID 1 has no handler, so it keeps running', async () => {
      expect(outcome(await host.docker(['kill', '-s', 'HUP', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await field('web', '{{.State.Status}}')).toBe('running');
    });

    it('docker kill -s BOGUS web: invalid signal', async () => {
      const r = await host.docker(['kill', '-s', 'BOGUS', 'web']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: cannot kill container: web: invalid signal: BOGUS\n' });
    });

    it('docker stop -t 1 web: SIGTERM is ignored by PID 1, SIGKILL after the grace period: 137', async () => {
      expect(outcome(await host.docker(['stop', '-t', '1', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await field('web', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 137');
      const ps = await host.docker(['ps', '-a', '--filter', 'name=web', '--format', '{{.Status}}']);
      expect(outcome(ps, (s) => masker().mask(s))).toEqual({ code: 0, stdout: 'Exited (137) <dur> ago\n', stderr: '' });
    });

    it('docker stop on a stopped container succeeds (304); kill fails', async () => {
      expect(outcome(await host.docker(['stop', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      const k = await host.docker(['kill', 'web']);
      expect(outcome(k, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: cannot kill container: web: container <ID:web> is not running\n' });
    });

    it('docker start web; docker kill web: SIGKILL, exit 137', async () => {
      expect(outcome(await host.docker(['start', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(outcome(await host.docker(['kill', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect(await field('web', '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 137');
    });

    it('docker kill, stop, restart, pause of an unknown container', async () => {
      expect(outcome(await host.docker(['kill', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: cannot kill container: nope: No such container: nope\n' });
      expect(outcome(await host.docker(['stop', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
      expect(outcome(await host.docker(['restart', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
      expect(outcome(await host.docker(['pause', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
    });
  });

  describe('attach', () => {
    it('docker attach to a stopped container', async () => {
      const r = await host.docker(['attach', 'fresh']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'You cannot attach to a stopped container, start it first\n' });
    });

    it('docker attach sends stdin to a container started with -i and shows its output', async () => {
      const started = await host.docker(['run', '-d', '-i', '--name', 'reader', 'alpine', 'sh', '-c', 'read line; echo got $line; exit 4']);
      expect(started.code).toBe(0);
      const r = await host.docker(['attach', 'reader'], { stdin: 'hello\n' });
      expect(outcome(r)).toEqual({ code: 4, stdout: 'got hello\n', stderr: '' });
      expect((await host.docker(['rm', 'reader'])).code).toBe(0);
    });
  });

  describe('events', () => {
    it('docker events --since/--until --filter container=hello: create, attach, start, die', async () => {
      const since = await field('hello', '{{.Created}}');
      // die is logged after the exit is recorded (moby daemon/monitor.go): a little after FinishedAt
      const until = later(await field('hello', '{{.State.FinishedAt}}'), 50);
      const r = await host.docker(['events', '--since', since, '--until', until, '--filter', 'container=hello']);
      const attrs = '(image=hello-world, name=hello)';
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          `<ts> container create <ID:hello> ${attrs}`,
          `<ts> container attach <ID:hello> ${attrs}`,
          `<ts> container start <ID:hello> ${attrs}`,
          '<ts> container die <ID:hello> (execDuration=0, exitCode=0, image=hello-world, name=hello)',
          '',
        ].join('\n'),
      });
    });

    it('docker events --filter type=network: the container joins and leaves the default bridge', async () => {
      const since = await field('hello', '{{.Created}}');
      const until = later(await field('hello', '{{.State.FinishedAt}}'), 50);
      const bridge = (await host.docker(['network', 'inspect', '--format', '{{.Id}}', 'bridge'])).stdout.trim();
      const r = await host.docker(['events', '--since', since, '--until', until, '--filter', 'type=network']);
      const m = masker().alias(bridge, 'bridge');
      expect(outcome(r, (s) => m.mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          '<ts> network connect <ID:bridge> (container=<ID:hello>, name=bridge, type=bridge)',
          '<ts> network disconnect <ID:bridge> (container=<ID:hello>, name=bridge, type=bridge)',
          '',
        ].join('\n'),
      });
    });

    it('docker events --since later than --until: refused', async () => {
      const r = await host.docker(['events', '--since', '2030-01-02T00:00:00Z', '--until', '2030-01-01T00:00:00Z']);
      expect(outcome(r)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'Error response from daemon: `since` time (1893542400.000000000) cannot be after `until` time (1893456000.000000000)\n',
      });
    });
  });

  describe('rm', () => {
    it('docker rm of a running container is refused', async () => {
      expect((await host.docker(['start', 'web'])).code).toBe(0);
      const r = await host.docker(['rm', 'web']);
      expect(outcome(r)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
      });
    });

    it('docker run -d -p 8080:80 while web holds the port: the start fails, exit 125', async () => {
      const r = await host.docker(['run', '-d', '--name', 'web2', '-p', '8080:80', 'alpine', 'sleep', 'infinity']);
      // the CLI prints the id from a goroutine started before the start request (run.go): it
      // comes out in practice, but nothing waits for it when the start fails
      expect(r.stdout).toMatch(/^([0-9a-f]{64}\n)?$/);
      if (r.stdout) ids.web2 = r.stdout.trim();
      // libnetwork names the endpoint by its (random) id
      expect(new Masker().mask(r.stderr)).toBe(
        runError(
          'Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (<ID1>): Bind for 0.0.0.0:8080 failed: port is already allocated',
        ),
      );
      expect(r.code).toBe(125);
      expect(await field('web2', '{{.State.Status}}')).toBe('created');
      expect(outcome(await host.docker(['rm', 'web2']))).toEqual({ code: 0, stdout: 'web2\n', stderr: '' });
    });

    it('docker rm -f web', async () => {
      expect(outcome(await host.docker(['rm', '-f', 'web']))).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
    });

    it('docker rm nope fails; docker rm -f nope prints the error but succeeds', async () => {
      expect(outcome(await host.docker(['rm', 'nope']))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
      expect(outcome(await host.docker(['rm', '-f', 'nope']))).toEqual({ code: 0, stdout: '', stderr: 'Error response from daemon: No such container: nope\n' });
    });

    it('docker rm -v removes the anonymous volumes of the container', async () => {
      expect((await host.docker(['create', '--name', 'withvol', '-v', '/data', 'alpine'])).code).toBe(0);
      const vol = (await host.docker(['inspect', '--format', '{{(index .Mounts 0).Name}}', 'withvol'])).stdout.trim();
      expect(vol).toMatch(/^[0-9a-f]{64}$/);
      expect(outcome(await host.docker(['volume', 'ls', '-q']))).toEqual({ code: 0, stdout: `${vol}\n`, stderr: '' });
      expect(outcome(await host.docker(['rm', '-v', 'withvol']))).toEqual({ code: 0, stdout: 'withvol\n', stderr: '' });
      expect(outcome(await host.docker(['volume', 'ls', '-q']))).toEqual({ code: 0, stdout: '', stderr: '' });
    });
  });

  describe('container prune, system df, system prune', () => {
    it('docker system df', async () => {
      const r = await host.docker(['system', 'df']);
      // images: alpine (used by fresh and failed2) and hello-world (used by hello), sharing no
      // layer, so nothing is reclaimable; three stopped containers that wrote nothing
      expect(outcome(r, (s) => masker().table(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
          ['Images', '2', '2', humanSize4(alpine.size + hello.size), '0B (0%)'],
          ['Containers', '3', '0', '0B', '0B'],
          ['Local Volumes', '0', '0', '0B', '0B'],
          ['Build Cache', '0', '0', '0B', '0B'],
        ]),
      });
    });

    it('docker container prune -f: the stopped containers, newest first', async () => {
      const r = await host.docker(['container', 'prune', '-f']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: 'Deleted Containers:\n<ID:fresh>\n<ID:failed>\n<ID:hello>\n\nTotal reclaimed space: 0B\n',
      });
      expect(outcome(await host.docker(['ps', '-a', '-q']))).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('docker system prune -f: containers, networks, dangling images, build cache', async () => {
      const r = await host.docker(['system', 'prune', '-f']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'Total reclaimed space: 0B\n' });
    });

    it('docker system prune -a -f: every unused image too', async () => {
      const r = await host.docker(['system', 'prune', '-a', '-f']);
      // moby walks the images to prune in Go map order: the images come in either order
      const group = (i: HubImage) => {
        const name = i.repo.replace('library/', '');
        return [`untagged: ${name}:latest`, `untagged: ${name}@${i.digest}`, `deleted: ${i.id}`, ...i.diffIds.map((d) => `deleted: ${d}`)].join('\n');
      };
      const o = outcome(r);
      const m = /^Deleted Images:\n([\s\S]*)\n\nTotal reclaimed space: (.*)\n$/.exec(o.stdout);
      expect(m, o.stdout).not.toBeNull();
      const groups = m![1]!.split(/\n(?=untagged: [^@\n]+:latest(?:\n|$))/).sort();
      expect({ code: o.code, stderr: o.stderr, groups, total: m![2] }).toEqual({
        code: 0,
        stderr: '',
        groups: [group(alpine), group(hello)].sort(),
        total: humanSize4(alpine.size + hello.size),
      });
    });
  });
});

/** go-units HumanSize: 4 significant digits, decimal units, trailing zeros dropped. */
function humanSize4(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  let x = n;
  while (x >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  return `${Number(x.toPrecision(4))}${units[i]}`;
}

/** An RFC 3339 time plus `ms` milliseconds, as `<seconds>.<nanoseconds>` (a form the CLI accepts for --since/--until). */
function later(rfc3339: string, ms: number): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!m) throw new Error(`not an RFC 3339 time: ${rfc3339}`);
  const ns = BigInt(Date.parse(`${m[1]}Z`)) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0')) + BigInt(ms) * 1_000_000n;
  return `${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;
}
