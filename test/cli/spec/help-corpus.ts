// The `--help` corpus: every command of the table, under every name it answers to, as the real
// CLI prints it for a daemon that cannot be reached, and the canonical names for daemons in the
// states that change help texts (swarm role, experimental, OS type, API version).
import { allCommands, commandNameOf } from '../../../src/cli/spec';
import type { DaemonName, RealCase } from '../parse/real-cli';

function aliasPaths(): string[][] {
  const out: string[][] = [];
  for (const { path, spec } of allCommands()) {
    out.push([...path]);
    for (const alias of spec.aliases ?? []) out.push([...path.slice(0, -1), alias]);
  }
  return out;
}

const STATES: DaemonName[] = ['linux', 'manager', 'worker', 'experimental', 'windows', 'api124', 'api140', 'noSwarmHeader'];

export function helpCases(): RealCase[] {
  const cases: RealCase[] = [];
  for (const path of aliasPaths()) cases.push({ argv: [...path, '--help'], daemon: 'unreachable' });
  for (const daemon of STATES) {
    for (const { path } of allCommands()) cases.push({ argv: [...path, '--help'], daemon });
  }
  // environment-dependent defaults and listings
  const envCases: [string[], Record<string, string>][] = [
    [[], { DOCKER_HIDE_LEGACY_COMMANDS: '1' }],
    [['container'], { DOCKER_HIDE_LEGACY_COMMANDS: '1' }],
    [['rm'], { DOCKER_HIDE_LEGACY_COMMANDS: '1' }],
    [[], { DOCKER_CERT_PATH: '/certs' }],
    [['pull'], { DOCKER_CONTENT_TRUST: '1' }],
    [['push'], { DOCKER_CONTENT_TRUST: 'nonsense' }],
    [['build'], { DOCKER_DEFAULT_PLATFORM: 'linux/arm64' }],
    [['run'], { DOCKER_DEFAULT_PLATFORM: 'linux/arm64' }],
  ];
  for (const [path, env] of envCases) cases.push({ argv: [...path, '--help'], daemon: 'unreachable', env });
  // wrapping at other terminal widths (stdin a terminal)
  const widthPaths = [[], ['run'], ['ps'], ['service', 'create'], ['swarm', 'init'], ['network', 'create'], ['volume', 'create']];
  for (const width of [30, 41, 50, 64, 100, 132, 250]) {
    for (const path of widthPaths) cases.push({ argv: [...path, '--help'], daemon: 'unreachable', width });
  }
  return cases;
}

export function caseKey(c: RealCase): string {
  return JSON.stringify([c.argv, c.daemon, c.env ?? {}, ...(c.width ? [c.width] : [])]);
}

export { commandNameOf };
