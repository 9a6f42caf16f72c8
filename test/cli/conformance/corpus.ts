// The world both CLIs see, and the command lines run through both. Entries run in order on two
// identical worlds (the real CLI on one, the emulator on the other), so mutating commands keep
// the worlds identical as long as both CLIs send the same requests.

import type { SimHost } from './harness';

export interface Entry {
  args: string[];
  stdin?: string;
  env?: Record<string, string>;
  /**
   * move both clocks this far first: statuses of containers changed by the corpus then read
   * "10 minutes ago" instead of "23 seconds ago", which a fraction of a second of difference
   * between the twin worlds could tip over
   */
  advanceMs?: number;
  /** runs with a config directory kept across such entries (docker login, push, logout) */
  config?: boolean;
  /** why this line is here (shown in the test name when the args are not enough) */
  note?: string;
  /** normalisations for output that cannot be byte-identical (each says why) */
  normalize?: 'info-runtimes' | 'info-systemtime' | 'image-rows';
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The start of both worlds: four hours before the real clock, on a whole minute. */
export function worldStart(realNow: number): number {
  return Math.floor((realNow - 4 * HOUR) / MINUTE) * MINUTE;
}

async function ok(h: SimHost, method: string, path: string, body?: unknown): Promise<any> {
  const r = await h.call(method, path, body);
  if (r.status >= 300 && r.status !== 304) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.text ? JSON.parse(r.text) : null;
}

async function pull(h: SimHost, image: string, tag: string): Promise<void> {
  const r = await h.call('POST', `/v1.50/images/create?fromImage=${encodeURIComponent(image)}&tag=${tag}`);
  if (r.status !== 200 || r.text.includes('"error"')) throw new Error(`pull ${image}:${tag}: ${r.status} ${r.text}`);
}

async function create(h: SimHost, name: string, body: Record<string, unknown>): Promise<string> {
  const r = await ok(h, 'POST', `/v1.50/containers/create?name=${name}`, body);
  return r.Id as string;
}

/**
 * The state the read-only part of the corpus looks at. Built through the Engine API at fixed
 * virtual times: images pulled and containers made about four hours before the real now, then
 * the clock moved to two hours before it (so "Up 2 hours", "4 hours ago").
 */
export async function buildWorld(h: SimHost, realNow: number): Promise<void> {
  const t0 = worldStart(realNow);
  const at = (ms: number) => {
    if (h.world.now() < t0 + ms) h.world.clock.advanceTo(t0 + ms);
  };
  at(0);
  await pull(h, 'busybox', 'latest');
  await pull(h, 'alpine', 'latest');
  await pull(h, 'hello-world', 'latest');
  await pull(h, 'nginx', 'latest');
  at(MINUTE);
  await ok(h, 'POST', '/v1.50/networks/create', { Name: 'appnet', Driver: 'bridge', Labels: { team: 'a' } });
  await ok(h, 'POST', '/v1.50/volumes/create', { Name: 'data', Labels: { keep: 'yes' } });
  await ok(h, 'POST', '/v1.50/volumes/create', { Name: 'cache' });
  at(2 * MINUTE);
  const web = await create(h, 'web', {
    Image: 'busybox',
    Cmd: ['sleep', '86400'],
    Labels: { tier: 'front', 'com.example.owner': 'ops' },
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
  });
  await ok(h, 'POST', `/v1.50/containers/${web}/start`);
  at(3 * MINUTE);
  const db = await create(h, 'db', {
    Image: 'alpine',
    Cmd: ['sleep', '100000'],
    Env: ['MODE=test'],
    HostConfig: { NetworkMode: 'appnet', Binds: ['data:/data'], RestartPolicy: { Name: 'unless-stopped' } },
  });
  await ok(h, 'POST', `/v1.50/containers/${db}/start`);
  at(4 * MINUTE);
  const job = await create(h, 'job', { Image: 'busybox', Cmd: ['sh', '-c', 'echo done; echo oops >&2; exit 3'] });
  await ok(h, 'POST', `/v1.50/containers/${job}/start`);
  at(5 * MINUTE);
  const hello = await create(h, 'hello', { Image: 'hello-world' });
  await ok(h, 'POST', `/v1.50/containers/${hello}/start`);
  at(6 * MINUTE);
  await create(h, 'fresh', { Image: 'busybox', Cmd: ['echo', 'never started'], Labels: { tier: 'back' } });
  const sleeper = await create(h, 'sleeper', { Image: 'busybox', Cmd: ['sleep', '50000'] });
  await ok(h, 'POST', `/v1.50/containers/${sleeper}/start`);
  await ok(h, 'POST', `/v1.50/containers/${sleeper}/pause`);
  at(7 * MINUTE);
  for (const name of ['t-stop', 't-kill', 't-pause', 't-restart']) {
    const id = await create(h, name, { Image: 'busybox', Cmd: ['sleep', '90000'] });
    await ok(h, 'POST', `/v1.50/containers/${id}/start`);
  }
  await create(h, 't-start', { Image: 'busybox', Cmd: ['echo', 'started by the corpus'] });
  await create(h, 't-rm', { Image: 'busybox' });
  // two hours before the real clock: "Up 2 hours", created "4 hours ago"
  h.world.clock.advanceTo(Math.floor((realNow - 2 * HOUR) / 1000) * 1000);
}

const a = (line: string): string[] => {
  // a tiny shell-word splitter: single quotes group, nothing else is special
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  let has = false;
  for (const ch of line) {
    if (inQ) {
      if (ch === "'") inQ = false;
      else cur += ch;
    } else if (ch === "'") {
      inQ = true;
      has = true;
    } else if (ch === ' ') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
};

const e = (line: string, extra: Omit<Entry, 'args'> = {}): Entry => ({ args: a(line), ...extra });

export const CORPUS: Entry[] = [
  // ---------------------------------------------------------------- containers, read-only
  e('ps'),
  e('ps -a'),
  e('ps -a --no-trunc'),
  e('ps -q'),
  e('ps -aq'),
  e('ps -s'),
  e('ps -a -s'),
  e('ps -l'),
  e('ps -n 2'),
  e('ps -a --filter status=exited'),
  e('ps -a --filter name=web'),
  e('ps -a --filter label=tier=front'),
  e('ps -a --filter ancestor=busybox'),
  e('ps -a --filter status=paused'),
  e('ps -a --filter network=appnet'),
  e('ps -a --filter volume=data'),
  e('ps -a --filter exited=3'),
  e('ps --filter bogus=1'),
  e('ps --format json'),
  e("ps -a --format '{{.Names}}\\t{{.Status}}'"),
  e("ps -a --format 'table {{.Names}}\\t{{.Image}}\\t{{.Ports}}'"),
  e("ps -a --format 'table {{.ID}}\\t{{.Labels}}\\t{{.State}}'"),
  e("ps --format '{{.Nope}}'"),
  e("ps --format '{{.Names'"),
  e("ps -a --format '{{.Label \"tier\"}}'"),
  e('ps --format raw'),
  e("ps -a --format '{{.Names}} {{.Size}}'", { note: '.Size in a template turns --size on' }),
  e("ps -q --format '{{.Names}}'", { note: 'warning: --format ignored with --quiet' }),
  e("ps -a --format '{{json .Labels}}'"),
  e("ps -a --format '{{.Networks}} {{.Mounts}} {{.LocalVolumes}}'"),
  e("ps -a --format '{{.CreatedAt}}|{{.RunningFor}}'"),
  e("ps -a --format '{{.Command}}' --no-trunc"),
  e("ps -a --format '{{upper .Names}} {{len .Names}} {{split .Names \"e\"}}'"),
  e('container ls -a'),
  e('container list --all --quiet'),
  // ---------------------------------------------------------------- images, read-only
  e('images'),
  e('images -a'),
  e('images -q'),
  e('images --digests'),
  e('images --no-trunc'),
  e('images busybox'),
  e('images hello-world:latest'),
  e('images ls', { note: 'the ambiguous-name hint on stderr' }),
  e('images --format json'),
  e("images --format '{{.Repository}}:{{.Tag}}'"),
  e("images --format 'table {{.ID}}\\t{{.Size}}' --digests"),
  e("images --format '{{.Containers}} {{.SharedSize}} {{.UniqueSize}} {{.VirtualSize}}'"),
  e('images --filter dangling=true'),
  e('images --filter reference=busybox'),
  e('images --filter bogus=1'),
  e('image ls'),
  e('image ls -q --no-trunc'),
  e('history busybox'),
  e('history -q busybox'),
  e('history --no-trunc hello-world'),
  e('history -H=false busybox'),
  e('history --format json hello-world'),
  e("history --format '{{.CreatedBy}}|{{.Size}}' nginx"),
  e('history nope'),
  e('image history alpine'),
  // ---------------------------------------------------------------- inspect
  e('inspect web'),
  e('inspect db'),
  e('inspect job fresh'),
  e("inspect -f '{{.State.Status}} {{.State.ExitCode}}' web job"),
  e("inspect -f '{{json .Config.Labels}}' web"),
  e("inspect -f '{{.HostConfig.PortBindings}}' web"),
  e("inspect -f '{{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}' db"),
  e("inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' db"),
  e("inspect -f '{{.Config.Env}}' db"),
  e("inspect -f '{{.Nope}}' web"),
  e("inspect -f '{{' web"),
  e('inspect -f json web'),
  e("inspect -f '{{.State.Running}} {{.State.Pid}} {{.RestartCount}} {{.HostConfig.Binds}} {{.Config.Entrypoint}}' web db"),
  e("inspect -f '{{.HostConfig.LogConfig}} {{.HostConfig.RestartPolicy}}' db"),
  e("inspect -f '{{json .State}}' job"),
  e("inspect -f '{{.GraphDriver.Name}} {{.Platform}} {{len .Mounts}}' db"),
  e('inspect busybox'),
  e('inspect bridge'),
  e('inspect data'),
  e('inspect nope'),
  e('inspect web nope'),
  e('inspect --type image busybox'),
  e('inspect --type container busybox'),
  e('inspect --type bogus x'),
  e('inspect --type volume data'),
  e('inspect -s web'),
  e('inspect -s busybox'),
  e('container inspect web'),
  e('container inspect nope'),
  e('container inspect --size web'),
  e('image inspect busybox'),
  e('image inspect nope'),
  e("image inspect -f '{{.Os}}/{{.Architecture}} {{.Size}}' busybox"),
  e('network inspect bridge appnet'),
  e('network inspect nope'),
  e("network inspect -f '{{.Name}} {{.Driver}} {{.Labels}}' appnet"),
  e('volume inspect data'),
  e('volume inspect data cache'),
  e('volume inspect nope'),
  e("volume inspect -f '{{.Name}} {{.Driver}} {{.Labels}}' data"),
  e("volume inspect -f '{{.Nope}}' data"),
  e("image inspect -f '{{.RootFS.Type}} {{len .RootFS.Layers}} {{.Config.Cmd}} {{.RepoTags}}' busybox"),
  e("network inspect -f '{{.IPAM.Driver}} {{.EnableIPv6}} {{.Internal}}' appnet"),
  // ---------------------------------------------------------------- logs, port, top, diff, wait, stats
  e('logs job'),
  e('logs hello'),
  e('logs --tail 2 hello'),
  e('logs -n 0 job'),
  e('logs -t job'),
  e('logs --since 1h job'),
  e('logs --since bogus job'),
  e('logs nope'),
  e('container logs --details job'),
  e('port web'),
  e('port web 80'),
  e('port web 80/tcp'),
  e('port web 81'),
  e('port web abc'),
  e('port job'),
  e('port nope'),
  e('top web'),
  e('top web -o pid,comm'),
  e('top job'),
  e('top nope'),
  e('diff web'),
  e('diff nope'),
  e('wait job'),
  e('wait hello job'),
  e('wait nope'),
  e('stats --no-stream web'),
  e("stats --no-stream --format '{{.Name}} {{.PIDs}} {{.MemPerc}}' web db"),
  e('stats --no-stream --format json web'),
  e('stats --no-stream nope'),
  e('stats --no-stream job'),
  e("stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}}'"),
  e("stats --no-stream -a --format '{{.Name}} {{.PIDs}}'"),
  e("stats --no-stream --filter label=tier=front --format '{{.Name}}'"),
  e('stats --no-stream --filter name=web'),
  e('stats --no-stream --filter label=x web'),
  // ---------------------------------------------------------------- system
  e('version'),
  e('version', { env: { DOCKER_API_VERSION: '1.41' } }),
  e('ps -a --format {{.Names}}', { env: { DOCKER_API_VERSION: '1.45' } }),
  e('version', { env: { DOCKER_API_VERSION: '1.51' }, note: 'newer than the daemon: refused' }),
  e("version --format '{{.Server.Version}}'"),
  e('version --format json'),
  e("version -f '{{.Client.APIVersion}} {{.Client.Os}}'"),
  e("version --format '{{'"),
  e('info', { normalize: 'info-runtimes' }),
  e("info --format '{{.Containers}} {{.ContainersRunning}} {{.Images}}'"),
  e("info --format '{{json .Swarm}}'"),
  e("info -f '{{.ClientInfo.Context}}'"),
  e('info --format json', { normalize: 'info-systemtime' }),
  e('system info --format {{.Name}}'),
  e('system df'),
  e('system df -v'),
  e('system df --format json'),
  e("system df --format '{{.Type}}: {{.Size}} {{.Reclaimable}}'"),
  e('events --until {NOW}', { note: '{NOW}: the worlds\' current time, so the stream ends' }),
  e("events --since 0 --until {NOW} --filter type=network --format '{{.Action}} {{.Actor.Attributes.name}}'"),
  e('events --until {NOW} --format json --filter event=die'),
  e("events --until {NOW} --format '{{.Nope}}'"),
  e('events --since bogus --until {NOW}'),
  e("events --until {NOW} --filter container=job --format '{{.Type}} {{.Action}} {{.Actor.ID}} {{.Time}}'"),
  // ---------------------------------------------------------------- networks and volumes, read-only
  e('network ls'),
  e('network ls -q'),
  e('network ls --no-trunc'),
  e('network ls --format json'),
  e('network ls --filter driver=bridge'),
  e("network ls --format '{{.Name}} {{.Labels}} {{.Internal}} {{.IPv6}}'"),
  e('volume ls'),
  e('volume ls -q'),
  e('volume ls --format json'),
  e('volume ls --filter name=data'),
  e("volume ls --format 'table {{.Name}}\\t{{.Labels}}\\t{{.Mountpoint}}'"),
  // ---------------------------------------------------------------- registry search
  e('search nginx'),
  e('search --limit 3 busybox'),
  e("search --format '{{.Name}}: {{.StarCount}}' redis"),
  e('search --no-trunc nginx'),
  e('search --format json --limit 2 alpine'),
  // ---------------------------------------------------------------- exec
  e('exec web echo hi'),
  e('exec -w /tmp web pwd'),
  e('exec -e GREETING=hello web printenv GREETING'),
  e('exec web false'),
  e('exec job ls'),
  e('exec nope ls'),
  e('exec sleeper ls'),
  e('exec -d web sleep 1'),
  e('exec -i web cat', { stdin: 'hello\nworld\n' }),
  e("exec -i web sh -c 'read x; echo got $x; exit 4'", { stdin: 'hello\n' }),
  e('exec -i -t web cat', { stdin: 'x\n', note: 'no terminal' }),
  e('exec -it web sh', { note: 'no terminal: refused after the inspect' }),
  // ---------------------------------------------------------------- run and create
  e('run --rm busybox echo hello'),
  e("run --rm busybox sh -c 'exit 4'"),
  e("run --rm busybox sh -c 'echo to-stderr >&2; exit 5'"),
  e('run --rm busybox nosuchcmd'),
  e('run --rm hello-world'),
  e('run --rm -e A=1 busybox printenv A'),
  e('run --rm --entrypoint echo busybox via entrypoint'),
  e('run --rm -w /tmp busybox pwd'),
  e('run --rm -u 1000 busybox id -u'),
  e('run --rm -i busybox true', { stdin: 'piped input\n' }),
  e('run --rm -t busybox echo tty'),
  e('run -it busybox sh', { note: 'stdin is not a terminal' }),
  e('run -d -a stdout busybox'),
  e('run --rm --restart always busybox'),
  e('run -p 99999:80 busybox'),
  e('run --pull bogus busybox'),
  e('run --rm nosuchimage'),
  e('run --rm --pull never alpine:3.19'),
  e('run --rm -v /nonexistent/dir:/x busybox ls /x'),
  e('run --name dup busybox true'),
  e('run --name dup busybox true'),
  e('run -d --name bg --label role=bg busybox sleep 1000'),
  e('run -d --rm busybox sleep 5'),
  e('run --rm -a stdout busybox echo only-stdout'),
  e("run --rm -a stderr busybox sh -c 'echo out; echo err >&2'"),
  e('run --rm --network appnet busybox true'),
  e('run --rm --network nope busybox true'),
  e('run --rm --name bad/name busybox true'),
  e("run --rm busybox sh -c 'exit 130'"),
  e('create --name c2 busybox echo from-c2'),
  e('create --name c2 busybox'),
  e('create --name c3 -p 8081:80 --label x=y -e K=V --restart on-failure:3 busybox sleep 100'),
  e('create nosuchimage'),
  e('create --name mc memcached:alpine', { note: 'auto-pull of a multi-layer image, progress on stderr' }),
  e('pull redis:alpine'),
  e('run --rm --pull always hello-world'),
  e('create -q --pull always hello-world'),
  e('container create --name c4 --init --stop-signal SIGUSR1 --stop-timeout 3 busybox'),
  e("inspect -f '{{.HostConfig.RestartPolicy}} {{.Config.Labels}} {{.Config.Env}}' c3"),
  e("inspect -f '{{.HostConfig.Init}} {{.Config.StopSignal}} {{.Config.StopTimeout}}' c4"),
  // ---------------------------------------------------------------- lifecycle
  e('start c2'),
  e('start -a c2'),
  e('start nope1 nope2'),
  e('start c3'),
  e('pause c3'),
  e('pause c3'),
  e('unpause c3'),
  e('unpause c3'),
  e('stop t-stop'),
  e('stop t-stop nope'),
  e('stop -t 1 c3'),
  e('kill t-kill'),
  e('kill t-kill'),
  e('kill -s HUP bg'),
  e('kill nope1 nope2'),
  e('pause t-pause'),
  e('rm t-pause'),
  e('rm -f t-pause'),
  e('restart -t 1 t-restart'),
  e('restart nope'),
  e('start t-start'),
  e('wait t-start'),
  e('logs t-start'),
  e('attach job'),
  e("run -d -t --name ttyc busybox sh -c 'echo a; echo b'"),
  e('logs ttyc', { note: 'a TTY container: raw output with CR LF' }),
  e("inspect -f '{{.Config.Tty}} {{.State.Health}} {{.HostConfig.ConsoleSize}}' ttyc"),
  e('kill -s BOGUS bg'),
  e('stop -s SIGKILL -t 0 t-restart'),
  e('rm -v t-restart'),
  e("run -d --name ticker busybox sh -c 'for i in 1 2 3; do echo tick $i; sleep 1; done; echo bye >&2'"),
  e('logs -f ticker', { note: 'follows until the container exits' }),
  e('wait ticker'),
  e('logs --tail 1 ticker'),
  e('start -a ticker'),
  e("run -d --name later busybox sh -c 'sleep 2; echo late; exit 9'"),
  e('attach later', { note: 'attached until it exits: its status becomes the CLI\'s' }),
  e("run --rm busybox sh -c 'sleep 3; echo after three seconds'"),
  e('rm t-rm'),
  e('rm t-rm'),
  e('rm -f nope'),
  e('rm web'),
  e('rm ""'),
  e('rename fresh fresh2'),
  e('rename nope x'),
  e('rename fresh2 web'),
  e('update --restart always db'),
  e('update --memory 64m --memory-swap 128m bg'),
  e('update nope'),
  e('update --cpus 0.5 nope'),
  e('ps -a', { advanceMs: 630_000 }),
  // ---------------------------------------------------------------- images, mutating
  e('tag busybox mytool:2'),
  e('tag nope x'),
  e('tag busybox UPPER'),
  e('images', { normalize: 'image-rows', note: 'busybox has two repositories now: Go map order' }),
  e('images --format json', { normalize: 'image-rows' }),
  e('rmi mytool:2'),
  e('rmi nope'),
  e('rmi -f nope'),
  e('rmi busybox'),
  e('pull hello-world'),
  e('pull -q alpine'),
  e('pull nosuch/repo'),
  e('pull busybox:nosuchtag'),
  e('pull UPPER'),
  e('pull -a busybox:latest'),
  e('image pull --platform linux/amd64 hello-world'),
  // ---------------------------------------------------------------- registry logins and pushes
  e('tag busybox bob/tool:1'),
  e('push bob/tool:1', { config: true, note: 'not logged in: refused' }),
  e('login -u bob --password-stdin', { config: true, stdin: 'secret\n' }),
  e('login -u bob --password-stdin', { config: true, stdin: 'secret\n', note: 'same credentials: nothing saved, no warning' }),
  e('login -u bob -p secret2', { config: true }),
  e('push bob/tool:1', { config: true }),
  e('push -q bob/tool:1', { config: true }),
  e('push bob/tool', { config: true }),
  e('push nope/x:1', { config: true }),
  e('push bob/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', { config: true }),
  e('login', { config: true, note: 'stored credentials are tried first' }),
  e('logout myreg.example.com', { config: true }),
  e('logout', { config: true }),
  e('logout', { config: true }),
  e('login', { config: true, note: 'no terminal for the prompts' }),
  e('login --password-stdin', { config: true }),
  e('login -u bob myreg.example.com', { config: true }),
  e('login -u bob -p x --password-stdin', { config: true }),
  e("login -u '' --password-stdin", { config: true }),
  // ---------------------------------------------------------------- networks and volumes, mutating
  e('network create net2'),
  e('network create net2'),
  e('network create --subnet 10.9.0.0/16 --gateway 10.9.0.1 --label env=test net3'),
  e('network create --gateway 10.9.0.1 net4'),
  e('network connect net2 bg'),
  e('network connect net2 bg'),
  e('network disconnect net2 bg'),
  e('network connect nope bg'),
  e('network ls'),
  e('network rm net2 nope'),
  e('network rm -f nope'),
  e('volume create v2'),
  e('volume create --label a=b --name v3'),
  e('volume create'),
  e('volume create v4 --name v5'),
  e('volume ls'),
  e('volume rm v2 v3 nope'),
  e('volume rm data'),
  // ---------------------------------------------------------------- prune
  e('container prune', { stdin: 'n\n' }),
  e('network prune', { stdin: '\n' }),
  e('container prune -f'),
  e('network prune -f'),
  e('volume prune -f'),
  e('volume prune --all', { stdin: 'y\n' }),
  e('image prune -f'),
  e('image prune -a -f'),
  e('system prune', { stdin: 'N\n' }),
  e('system prune -a --volumes --filter label=x', { stdin: 'no\n' }),
  e('system prune -f'),
  e('ps -a', { advanceMs: 630_000 }),
  e('images', { normalize: 'image-rows', note: 'busybox still has two repositories: Go map order' }),
  e('system df'),
  // ---------------------------------------------------------------- grammar (no daemon)
  e('ps --bogus'),
  e('run'),
  e('frobnicate'),
  e('container'),
  e('rm'),
];
