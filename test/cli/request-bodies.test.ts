// The requests the emulator sends for flags that become request bodies (create/run, exec,
// update, network create, volume create, network connect), compared byte for byte with what the
// real docker CLI 28.2.2 sends, captured by a small logging server that answers the ping, a
// container inspect, and refuses the request under test.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realCliSkipReason } from '../support/real-cli';
import { runMine, runTheReal } from './conformance/harness';

interface Captured {
  method: string;
  url: string;
  body: string;
  /** X-Registry-Auth */
  auth?: string;
}

const skip = realCliSkipReason();

/** a stub daemon: logs every request; refuses the ones that change something */
function stub(): Promise<{ server: Server; host: string; log: Captured[] }> {
  const log: Captured[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = req.url ?? '';
      const auth = req.headers['x-registry-auth'];
      if (url !== '/_ping') log.push({ method: req.method ?? '', url: url.replace(/^\/v1\.\d+/, ''), body, ...(auth !== undefined ? { auth: String(auth) } : {}) });
      const h = { 'Api-Version': '1.50', Ostype: 'linux', Server: 'Docker/28.2.2 (linux)', 'Content-Type': 'application/json' };
      if (req.method === 'HEAD' || url === '/_ping') {
        res.writeHead(200, { ...h, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : 'OK');
        return;
      }
      if (req.method === 'GET' && /\/containers\/[^/]+\/json/.test(url)) {
        res.writeHead(200, h);
        res.end('{"Id":"0123456789ab","Config":{"Tty":false,"OpenStdin":false},"HostConfig":{"AutoRemove":false},"State":{"Running":true}}\n');
        return;
      }
      res.writeHead(500, h);
      res.end('{"message":"refused by the test"}\n');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, host: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`, log })));
}

/** Go ranges over maps for -e values and -v binds: their order in a body is random with several */
function canonical(c: Captured): Captured {
  if (!c.body) return c;
  const v = JSON.parse(c.body);
  if (Array.isArray(v?.Env)) v.Env.sort();
  if (Array.isArray(v?.HostConfig?.Binds)) v.HostConfig.Binds.sort();
  return { ...c, body: JSON.stringify(v) };
}

const CASES: { args: string[]; random?: boolean; noRequest?: boolean; stdin?: string }[] = [
  { args: ['create', 'busybox'] },
  { args: ['create', '--name', 'web', 'busybox', 'sleep', '100'] },
  { args: ['run', '-d', 'busybox'] },
  { args: ['run', 'busybox', 'echo', 'hi'] },
  { args: ['run', '-i', 'busybox', 'cat'] },
  { args: ['run', '-d', '-t', 'busybox'] },
  { args: ['create', '-it', 'busybox', 'sh'] },
  { args: ['create', '-e', 'A=1', 'busybox'] },
  { args: ['create', '-e', 'A=1', '-e', 'B=two words', '-e', 'A=3', 'busybox'], random: true },
  { args: ['create', '-e', 'UNSET_IN_ENV', 'busybox'] },
  { args: ['create', '-p', '8080:80', 'busybox'] },
  { args: ['create', '-p', '127.0.0.1:8080:80/udp', '-p', '443', 'busybox'] },
  { args: ['create', '-p', '8000-8002:9000-9002', 'busybox'] },
  { args: ['create', '-p', 'published=8080,target=80', 'busybox'] },
  { args: ['create', '-P', '--expose', '3000-3002', '--expose', '53/udp', 'busybox'] },
  { args: ['create', '-v', '/host:/ctr', 'busybox'] },
  { args: ['create', '-v', 'data:/data:ro', '-v', '/anon', 'busybox'], random: true },
  { args: ['create', '-v', './rel:/r', 'busybox'] },
  { args: ['create', '--mount', 'type=bind,src=/a,dst=/b,readonly', 'busybox'] },
  { args: ['create', '--mount', 'type=volume,source=v1,target=/v,volume-label=a=b,volume-nocopy', 'busybox'] },
  { args: ['create', '--mount', 'type=tmpfs,target=/t,tmpfs-size=64m,tmpfs-mode=1770', 'busybox'] },
  { args: ['create', '--tmpfs', '/run:rw,size=10m', '--tmpfs', '/x', 'busybox'] },
  { args: ['create', '--rm', '--restart', 'no', 'busybox'] },
  { args: ['create', '--restart', 'on-failure:5', 'busybox'] },
  { args: ['create', '--restart', 'unless-stopped', 'busybox'] },
  { args: ['create', '--network', 'mynet', '--network-alias', 'db', '--ip', '10.0.0.5', 'busybox'] },
  { args: ['create', '--network', 'name=n1,alias=a1', '--network', 'n2', 'busybox'] },
  { args: ['create', '--network', 'host', 'busybox'] },
  { args: ['create', '--hostname', 'h1', '--domainname', 'example.com', '-u', '1000:1000', '-w', '/srv', 'busybox'] },
  { args: ['create', '-l', 'a=b', '-l', 'c', '--label', 'com.example.x=y', 'busybox'] },
  { args: ['create', '--memory', '512m', '--memory-swap', '-1', '--memory-reservation', '256m', '--cpus', '1.5', 'busybox'] },
  { args: ['create', '--cpu-shares', '512', '--cpuset-cpus', '0-1', '--pids-limit', '100', '--oom-kill-disable', 'busybox'] },
  { args: ['create', '--entrypoint', '/bin/sh', 'busybox', '-c', 'echo hi'] },
  { args: ['create', '--entrypoint=', 'busybox'] },
  { args: ['create', '--stop-signal', 'SIGINT', '--stop-timeout', '20', '--init', 'busybox'] },
  { args: ['create', '--init=false', 'busybox'] },
  { args: ['create', '--read-only', '--privileged', '--cap-add', 'net_admin', '--cap-add', 'SYS_TIME', '--cap-drop', 'all', 'busybox'] },
  { args: ['create', '--dns', '8.8.8.8', '--dns-search', 'example.com', '--dns-option', 'ndots:2', '--add-host', 'db:10.0.0.2', 'busybox'] },
  { args: ['create', '--health-cmd', 'true', '--health-interval', '5s', '--health-retries', '3', 'busybox'] },
  { args: ['create', '--no-healthcheck', 'busybox'] },
  { args: ['create', '--log-driver', 'json-file', '--log-opt', 'max-size=10m', 'busybox'] },
  { args: ['create', '--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=64', 'busybox'] },
  { args: ['create', '--sysctl', 'net.ipv4.ip_forward=1', '--shm-size', '128m', 'busybox'] },
  { args: ['create', '--platform', 'linux/amd64', 'busybox'] },
  { args: ['create', '--security-opt', 'no-new-privileges', '--security-opt', 'systempaths=unconfined', 'busybox'] },
  { args: ['create', '--link', 'db:database', '--volumes-from', 'other', '--group-add', 'audio', 'busybox'] },
  { args: ['create', '--pid', 'host', '--ipc', 'host', '--uts', 'host', '--userns', 'host', '--cgroupns', 'private', 'busybox'] },
  { args: ['create', '--device', '/dev/fuse', '--device', '/dev/sda:/dev/xvda:r', 'busybox'] },
  { args: ['create', '--blkio-weight', '300', '--device-read-bps', '/dev/sda:1mb', '--device-write-iops', '/dev/sda:100', 'busybox'] },
  { args: ['create', '--gpus', 'all', 'busybox'] },
  { args: ['create', '--annotation', 'a=b', '--storage-opt', 'size=1G', 'busybox'] },
  { args: ['create', '-a', 'stdout', 'busybox'] },
  { args: ['create', '--env-file', '/nonexistent.env', 'busybox'], noRequest: true },
  { args: ['exec', 'web', 'ls', '-l'] },
  { args: ['exec', '-d', '-u', 'root', '-w', '/tmp', '-e', 'X=1', 'web', 'true'] },
  { args: ['exec', '-i', '--privileged', 'web', 'cat'] },
  { args: ['update', '--memory', '256m', '--cpus', '2', 'web'] },
  { args: ['update', '--restart', 'always', '--pids-limit', '10', 'web'] },
  { args: ['network', 'create', 'n1'] },
  { args: ['network', 'create', '-d', 'bridge', '--subnet', '10.1.0.0/16', '--gateway', '10.1.0.1', '--ip-range', '10.1.1.0/24', '--label', 'a=b', '-o', 'com.docker.network.bridge.name=br1', '--internal', '--ipv6', 'n2'] },
  { args: ['network', 'create', '--attachable', '--ipv4=false', 'n3'] },
  { args: ['network', 'connect', '--alias', 'x', '--ip', '10.1.0.9', 'n1', 'web'] },
  { args: ['network', 'disconnect', '-f', 'n1', 'web'] },
  { args: ['login', '-u', 'bob', '--password-stdin'], stdin: 'p<w>&d\n' },
  { args: ['login', '-u', 'bob', '--password-stdin', 'registry.example.com:5000'], stdin: 'pw' },
  { args: ['push', 'bob/tool:1'] },
  { args: ['pull', 'busybox'] },
  { args: ['volume', 'create', 'v1'] },
  { args: ['volume', 'create'] },
  { args: ['volume', 'create', '-d', 'local', '-o', 'type=tmpfs', '-o', 'device=tmpfs', '--label', 'k=v', 'v2'] },
];

describe.skipIf(skip)('request bodies: emulator vs real docker CLI 28.2.2', () => {
  let s: Awaited<ReturnType<typeof stub>>;
  beforeAll(async () => {
    s = await stub();
  });
  afterAll(() => new Promise<void>((r) => s.server.close(() => r())));

  it.each(CASES.map((c) => [c.args.join(' '), c] as const))('docker %s', async (_n, c) => {
    s.log.length = 0;
    const real = await runTheReal(s.host, c.args, { cwd: '/srv/app', stdin: c.stdin });
    const theirs = [...s.log];
    s.log.length = 0;
    const mine = await runMine(s.host, c.args, { displayHost: s.host, cwd: '/srv/app', stdin: c.stdin });
    const ours = [...s.log];
    const norm = (l: Captured[]) => (c.random ? l.map(canonical) : l);
    expect(theirs.length > 0).toBe(!c.noRequest);
    expect(norm(ours)).toEqual(norm(theirs));
    expect(mine).toEqual(real);
  });
});
