// Running the real docker CLI (28.2.2 on these machines) against a DOCKER_HOST.
//
//   if (!hasRealCli()) ...skip (realCliSkipReason() says why)
//   const r = await runDocker(['ps', '-a'], { host: 'tcp://127.0.0.1:2375' });
//   r.stdout, r.stderr, r.code, r.durationMs
//
//   const t = startDockerTty(['run', '-it', '--rm', 'mini', 'sh'], { host });
//   await t.waitFor('/ # '); t.write('exit 3\r'); (await t.result()).code === 3
//
// Each call gets a throwaway DOCKER_CONFIG directory (pass `configDir` to keep one across calls,
// e.g. for `docker login`), DOCKER_CLI_HINTS=false, and no DOCKER_*/BUILDKIT/BUILDX variables
// from the environment other than the ones set here.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnPty, ptyBackend, type PtyBackend, type PtySession, type WaitOptions } from './pty';

export { KEYS } from './pty';

export const EXPECTED_CLI_VERSION = '28.2.2';

export interface RunDockerOptions {
  /** DOCKER_HOST for the CLI: `unix:///path/docker.sock` or `tcp://127.0.0.1:PORT`. */
  host: string;
  /** Bytes for the CLI's stdin (in TTY mode: typed as keys, after the CLI has started). */
  stdin?: string | Uint8Array;
  /** Extra environment (undefined values remove a variable). */
  env?: Record<string, string | undefined>;
  /** Kill the CLI after this long (default 30 s); the result says timedOut. */
  timeoutMs?: number;
  /** Run under a pseudo-terminal: stdout then holds the terminal output (stdout and stderr merged). */
  tty?: boolean;
  /** DOCKER_CONFIG to use (kept); default: a fresh temporary directory, removed afterwards. */
  configDir?: string;
  cwd?: string;
  rows?: number;
  cols?: number;
  ptyBackend?: PtyBackend;
}

export interface DockerResult {
  stdout: string;
  stderr: string;
  /** Exit status, or null if killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  timedOut: boolean;
}

let cliCheck: { ok: boolean; version?: string; reason?: string } | undefined;

function checkCli() {
  if (cliCheck) return cliCheck;
  const r = spawnSync('docker', ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' } });
  if (r.error || r.status !== 0) {
    cliCheck = { ok: false, reason: `the real docker CLI is not on PATH (${r.error ? r.error.message : `exit ${r.status}`}); tests that drive it are skipped` };
  } else {
    const version = /Docker version ([^\s,]+)/.exec(r.stdout)?.[1];
    if (version !== EXPECTED_CLI_VERSION && process.env.DOCKSIM_ANY_DOCKER_CLI !== '1') {
      cliCheck = {
        ok: false,
        version,
        reason: `the docker CLI on PATH is ${version ?? 'of unknown version'}, not ${EXPECTED_CLI_VERSION} (put ${EXPECTED_CLI_VERSION} first on PATH, or set DOCKSIM_ANY_DOCKER_CLI=1); tests that drive it are skipped`,
      };
    } else cliCheck = { ok: true, version };
  }
  return cliCheck;
}

/** Whether the real docker CLI (28.2.2, or any with DOCKSIM_ANY_DOCKER_CLI=1) is on PATH. */
export function hasRealCli(): boolean {
  return checkCli().ok;
}

/** Its version (e.g. "28.2.2"), or undefined. */
export function realCliVersion(): string | undefined {
  return checkCli().version;
}

let warned = false;
/** Why tests that need the real CLI must skip, or undefined if they can run (logs the reason once). */
export function realCliSkipReason(): string | undefined {
  const c = checkCli();
  if (c.ok) return undefined;
  if (!warned) {
    warned = true;
    console.warn(`[docksim test support] ${c.reason}`);
  }
  return c.reason;
}

const SCRUB = /^(DOCKER_|BUILDKIT_|BUILDX_|COMPOSE_)/;

/** The environment the CLI runs with. */
export function dockerEnv(host: string, configDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!SCRUB.test(k) && v !== undefined) env[k] = v;
  env.DOCKER_HOST = host;
  env.DOCKER_CONFIG = configDir;
  env.DOCKER_CLI_HINTS = 'false';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** A fresh, empty DOCKER_CONFIG directory (the caller removes it, or leaves it to the OS). */
export function makeDockerConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'docksim-docker-config-'));
}

function withConfig<T>(opts: RunDockerOptions, run: (dir: string) => Promise<T>): Promise<T> {
  if (opts.configDir) return run(opts.configDir);
  const dir = makeDockerConfigDir();
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** Runs `docker <args>` to completion. */
export function runDocker(args: string[], opts: RunDockerOptions): Promise<DockerResult> {
  if (opts.tty) return withConfig(opts, (dir) => runTty(args, opts, dir));
  return withConfig(
    opts,
    (dir) =>
      new Promise<DockerResult>((resolve) => {
        const t0 = performance.now();
        const child = spawn('docker', args, { env: dockerEnv(opts.host, dir, opts.env), cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let timedOut = false;
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.stdin.on('error', () => {});
        if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
        else child.stdin.end();
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs ?? 30_000);
        const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
          clearTimeout(timer);
          resolve({
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8') + (spawnError ? `[spawn error: ${spawnError.message}]\n` : ''),
            code,
            signal,
            durationMs: performance.now() - t0,
            timedOut,
          });
        };
        child.on('error', (e) => finish(null, null, e));
        child.on('close', (code, signal) => finish(code, signal));
      }),
  );
}

async function runTty(args: string[], opts: RunDockerOptions, dir: string): Promise<DockerResult> {
  const t = startDockerTty(args, { ...opts, configDir: dir });
  if (opts.stdin !== undefined) t.write(opts.stdin);
  return t.result();
}

export interface DockerTtySession {
  readonly pty: PtySession;
  /** Types keys (see KEYS in pty.ts). */
  write(keys: string | Uint8Array): void;
  /** Waits for output (or the screen, with { screen: true }) to match; see PtySession.waitFor. */
  waitFor(pattern: RegExp | string, opts?: WaitOptions): Promise<RegExpMatchArray>;
  /** The emulated screen's text. */
  screen(): string;
  /** Terminal output so far, ANSI-stripped. */
  readonly text: string;
  /** Waits for the CLI to exit (killing it after timeoutMs); stdout is the raw terminal output. */
  result(): Promise<DockerResult>;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts `docker <args>` under a pseudo-terminal, for `-it` sessions driven by keystrokes. */
export function startDockerTty(args: string[], opts: RunDockerOptions): DockerTtySession {
  const backend = opts.ptyBackend ?? ptyBackend();
  if (!backend) throw new Error('no pseudo-terminal backend (util-linux script or python3) is available');
  const ownDir = opts.configDir ? undefined : makeDockerConfigDir();
  const dir = opts.configDir ?? ownDir!;
  const t0 = performance.now();
  const pty = spawnPty('docker', args, {
    env: dockerEnv(opts.host, dir, { TERM: 'xterm', ...opts.env }),
    cwd: opts.cwd,
    rows: opts.rows,
    cols: opts.cols,
    backend,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    pty.kill('SIGKILL');
  }, opts.timeoutMs ?? 30_000);
  const done = pty.exited.then((exit) => {
    clearTimeout(timer);
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    return {
      stdout: pty.output,
      stderr: '',
      code: exit.code,
      signal: exit.signal,
      durationMs: performance.now() - t0,
      timedOut,
    } satisfies DockerResult;
  });
  return {
    pty,
    write: (keys) => pty.write(keys),
    waitFor: (pattern, o) => pty.waitFor(pattern, o),
    screen: () => pty.screen.text(),
    get text() {
      return pty.text;
    },
    result: () => done,
    kill: (signal) => pty.kill(signal),
  };
}
