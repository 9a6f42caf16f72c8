// One docksim Node host per test file: `node --import tsx src/node/main.ts` on a free port,
// driven by the real docker CLI. `startHost()` resolves once `docker version` gets an answer
// from it; `stop()` ends the process.
//
//   const host = await startHost({ speed: 20 });
//   const r = await host.docker(['ps', '-a']);
//   await host.stop();

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { repoRoot } from '../../support/shared';
import { runDocker, startDockerTty, type DockerResult, type DockerTtySession, type RunDockerOptions } from '../../support/real-cli';

export interface HostOptions {
  /** Virtual time per real time (DOCKSIM_SPEED). Shrinks pulls and grace periods. */
  speed?: number;
  /** Seed of the world's id source (DOCKSIM_SEED). */
  seed?: string;
}

export type DockerOptions = Omit<RunDockerOptions, 'host'>;

export interface Host {
  /** DOCKER_HOST for the CLI. */
  readonly url: string;
  readonly port: number;
  /** Runs the real CLI against this host (TZ=UTC, so times print the same everywhere). */
  docker(args: string[], opts?: DockerOptions): Promise<DockerResult>;
  /** The real CLI under a pseudo-terminal. */
  dockerTty(args: string[], opts?: DockerOptions): DockerTtySession;
  /** What the host printed (its log), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const BASE_ENV = { TZ: 'UTC' };

export async function startHost(opts: HostOptions = {}): Promise<Host> {
  const port = await freePort();
  const url = `tcp://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/node/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DOCKSIM_DOCKER_PORT: String(port),
      DOCKSIM_DOCKER_HOST: '127.0.0.1',
      DOCKSIM_SPEED: String(opts.speed ?? 1),
      DOCKSIM_SEED: opts.seed ?? 'conformance',
      DOCKSIM_LOG: '',
      DOCKSIM_DOCKER_SOCKET: '',
      // fixed ports such as 8080 stay inside the simulation: tests share this machine
      DOCKSIM_PUBLISH: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const docker = (args: string[], o: DockerOptions = {}) => runDocker(args, { ...o, host: url, env: { ...BASE_ENV, ...o.env } });
  const dockerTty = (args: string[], o: DockerOptions = {}) => startDockerTty(args, { ...o, host: url, env: { ...BASE_ENV, ...o.env } });
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    const t = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, 3000);
    await exit;
    clearTimeout(t);
  };

  // Wait for the endpoint: the first `docker version` that reaches the server.
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (exited) throw new Error(`the docksim host exited before answering:\n${output}`);
    const r = await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 5000 });
    if (r.code === 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the docksim host on ${url} did not answer docker version:\n${r.stderr}\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, docker, dockerTty, log: () => output, stop };
}
