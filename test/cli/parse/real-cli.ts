// Drive the real docker CLI (when it is installed) for conformance tests: it prints help and usage
// errors without a daemon, and asks the daemon's /_ping only for what depends on it, which a tiny
// fake daemon answers here.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DaemonPing } from '../../../src/cli/parse';

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Daemon states the conformance corpora use, by name. */
export const DAEMONS = {
  unreachable: { reachable: false },
  linux: { reachable: true, apiVersion: '1.50', osType: 'linux', experimental: false, swarm: 'inactive' },
  manager: { reachable: true, apiVersion: '1.50', osType: 'linux', experimental: false, swarm: 'active/manager' },
  worker: { reachable: true, apiVersion: '1.50', osType: 'linux', experimental: false, swarm: 'active/worker' },
  experimental: { reachable: true, apiVersion: '1.50', osType: 'linux', experimental: true, swarm: 'inactive' },
  windows: { reachable: true, apiVersion: '1.50', osType: 'windows', experimental: false, swarm: 'inactive' },
  api124: { reachable: true, apiVersion: '1.24', osType: 'linux', experimental: false, swarm: 'inactive' },
  api140: { reachable: true, apiVersion: '1.40', osType: 'linux', experimental: false, swarm: 'active/manager' },
  noSwarmHeader: { reachable: true, apiVersion: '1.50', osType: 'linux', experimental: false },
} as const satisfies Record<string, DaemonPing>;

export type DaemonName = keyof typeof DAEMONS;

/** The fixed client config directory the corpora use (it appears in `docker --help`). */
export const CONFIG_DIR = '/tmp/docksim-cli-conformance/config';

/** Environment of both CLIs in the corpora (besides DOCKER_HOST for the real one). */
export function corpusEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { DOCKER_CONFIG: CONFIG_DIR, HOME: '/root', ...extra };
}

let dockerPath: string | null | undefined;
/** Path of the real docker CLI 28.2.2, or null when it is not installed. */
export function realDocker(): string | null {
  if (dockerPath === undefined) {
    const r = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' });
    const p = r.status === 0 ? r.stdout.trim() : '';
    if (p) {
      const v = spawnSync(p, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      dockerPath = v.stdout.startsWith('Docker version 28.2.2,') ? p : null;
    } else dockerPath = null;
  }
  return dockerPath;
}

/** A fake daemon answering /_ping with the given state; every other path is a 404. */
export async function startFakeDaemon(ping: DaemonPing): Promise<{ host: string; close(): Promise<void> }> {
  if (!ping.reachable) return { host: 'tcp://127.0.0.1:9', close: async () => {} };
  const server: Server = createServer((req, res) => {
    if (req.url === '/_ping' && (req.method === 'HEAD' || req.method === 'GET')) {
      const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache, no-store, must-revalidate' };
      if (ping.apiVersion) headers['Api-Version'] = ping.apiVersion;
      if (ping.osType) headers['Ostype'] = ping.osType;
      headers['Docker-Experimental'] = String(ping.experimental === true);
      if (ping.swarm) headers['Swarm'] = ping.swarm;
      if (ping.builderVersion) headers['Builder-Version'] = ping.builderVersion;
      res.writeHead(200, headers);
      res.end(req.method === 'GET' ? 'OK' : undefined);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"message":"page not found"}\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `tcp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Runs a program with a pseudo-terminal of the given width on its stdin (docker reads the
// window size of fd 0 to wrap help text); stdout and stderr stay pipes.
const WITH_TTY_STDIN = `
import fcntl, os, pty, struct, sys, termios
master, slave = pty.openpty()
os.set_inheritable(master, True)
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, int(sys.argv[1]), 0, 0))
os.dup2(slave, 0)
os.execv(sys.argv[2], sys.argv[2:])
`;

let python: string | null | undefined;
/** python3, used to give the real CLI a terminal of a chosen width; null when missing */
export function python3(): string | null {
  if (python === undefined) {
    const r = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' });
    python = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
  }
  return python;
}

/** Run the real CLI once (with a terminal of `width` columns on stdin when given). */
export function runRealDocker(argv: readonly string[], host: string, env: Record<string, string>, width?: number): Promise<CliOutput> {
  const bin = realDocker();
  if (!bin) throw new Error('the real docker CLI is not installed');
  mkdirSync(CONFIG_DIR, { recursive: true });
  let program = bin;
  let programArgs = [...argv];
  if (width !== undefined) {
    const py = python3();
    if (!py) throw new Error('python3 is needed to run the real CLI with a terminal');
    program = py;
    programArgs = ['-c', WITH_TTY_STDIN, String(width), bin, ...argv];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(program, programArgs, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, DOCKER_HOST: host },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: '/tmp',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

export interface RealCase {
  argv: readonly string[];
  daemon: DaemonName;
  env?: Record<string, string>;
  /** columns of a terminal on the CLI's stdin */
  width?: number;
}

/** Run many cases against the real CLI, a few at a time, one fake daemon per daemon state. */
export async function runRealCases(cases: readonly RealCase[], parallel = 8): Promise<CliOutput[]> {
  const hosts = new Map<DaemonName, { host: string; close(): Promise<void> }>();
  try {
    for (const c of cases) if (!hosts.has(c.daemon)) hosts.set(c.daemon, await startFakeDaemon(DAEMONS[c.daemon]));
    const out: CliOutput[] = new Array(cases.length);
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i];
        out[i] = await runRealDocker(c.argv, hosts.get(c.daemon)!.host, corpusEnv(c.env), c.width);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return out;
  } finally {
    for (const h of hosts.values()) await h.close();
  }
}
