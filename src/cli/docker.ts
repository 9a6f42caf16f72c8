// `docker <argv>`: parse the command line as docker CLI 28.2.2 does, run the command against the
// Engine API, print what docker prints and return its exit code.

import { ApiError } from '../engine-client';
import { Cli, CliError, ConnectionError, errorText, type Invocation } from './cli';
import { COMMANDS } from './commands';
import type { CliIo } from './io';
import { CancelledError } from './prompt';
import { checkBeforeDaemon, parseDockerCommandLine, type DaemonPing, type ParseResult } from './parse';

class NeedPing extends Error {}

/** canonical handler name of a parsed command path */
const SHORTCUTS: Record<string, string> = {
  ps: 'container ls',
  images: 'image ls',
  rmi: 'image rm',
  events: 'system events',
  info: 'system info',
  build: 'image build',
  history: 'image history',
  import: 'image import',
  load: 'image load',
  pull: 'image pull',
  push: 'image push',
  save: 'image save',
  tag: 'image tag',
};
const CONTAINER_SHORTCUTS = new Set(['attach', 'commit', 'cp', 'create', 'diff', 'exec', 'export', 'kill', 'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'run', 'start', 'stats', 'stop', 'top', 'unpause', 'update', 'wait']);

export function handlerName(path: readonly string[]): string {
  const p = path.join(' ');
  if (path.length === 1) {
    if (SHORTCUTS[p]) return SHORTCUTS[p];
    if (CONTAINER_SHORTCUTS.has(p)) return `container ${p}`;
  }
  return p;
}

async function pingOf(cli: Cli): Promise<DaemonPing> {
  try {
    const p = await cli.engine.ping();
    return { reachable: true, apiVersion: p.apiVersion, osType: p.osType, experimental: p.experimental, builderVersion: p.builderVersion || undefined, swarm: p.swarm || undefined };
  } catch {
    return { reachable: false };
  }
}

function parse(argv: readonly string[], io: CliIo, daemon: DaemonPing | undefined): ParseResult {
  return parseDockerCommandLine(argv, {
    env: io.env ?? {},
    cwd: io.cwd ?? '/',
    daemon: () => {
      if (!daemon) throw new NeedPing();
      return daemon;
    },
    width: io.stdin?.isTTY ? (io.columns ?? 80) : undefined,
    stdoutIsTerminal: io.isTTY,
    stderrIsTerminal: io.stderrIsTTY ?? io.isTTY,
  });
}

/** Runs `docker <argv>`; resolves with the exit code. */
export async function runDocker(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = new Cli(io);
  let r: ParseResult;
  try {
    r = parse(argv, io, undefined);
  } catch (e) {
    if (!(e instanceof NeedPing)) throw e;
    r = parse(argv, io, await pingOf(cli));
  }
  cli.out(r.stdout);
  cli.err(r.stderr);
  if (r.kind === 'exit') return r.exitCode;
  const checked = checkBeforeDaemon({ ...r, stdout: '', stderr: '' }, { stdinIsTerminal: cli.stdin.isTTY });
  if (checked) {
    cli.out(checked.stdout);
    cli.err(checked.stderr);
    return checked.exitCode;
  }
  const name = handlerName(r.path);
  const handler = COMMANDS[name];
  const inv: Invocation = { name, flags: r.flags, args: r.args, argsLenAtDash: r.argsLenAtDash, commandPath: r.commandPath };
  if (!handler) {
    cli.err(`${r.commandPath}: this command is not available in docksim\n`);
    return 1;
  }
  try {
    await handler(cli, inv);
    return 0;
  } catch (e) {
    return reportError(cli, e);
  }
}

/** main(): print the error (unless empty) and pick the exit code. */
export function reportError(cli: Cli, e: unknown): number {
  if (e instanceof CancelledError) return 0;
  if (e instanceof CliError) {
    if (e.message !== '') cli.err(e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof ApiError || e instanceof ConnectionError) {
    cli.err(errorText(e) + '\n');
    return 1;
  }
  if (e instanceof Error && e.name === 'AbortError') return 130;
  cli.err(errorText(e) + '\n');
  return 1;
}
