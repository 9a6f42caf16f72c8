// What the conformance tests compare: stdout, stderr and the exit code of one CLI run, after
// an optional mask (see mask.ts).

import type { DockerResult } from '../../support/real-cli';
import { spawnSync } from 'node:child_process';
import { EXPECTED_CLI_VERSION, realCliSkipReason } from '../../support/real-cli';
import { ptyBackend } from '../../support/pty';

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The run as compared: exit code, stdout and stderr, each through `f`. */
export function outcome(r: DockerResult, f: (s: string) => string = (s) => s, g: (s: string) => string = f): Outcome {
  if (r.timedOut) throw new Error(`docker timed out\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return { code: r.code, stdout: f(r.stdout), stderr: g(r.stderr) };
}

/** Why the suite cannot run here (no real docker CLI 28.2.2), or undefined. */
export function conformanceSkipReason(): string | undefined {
  const reason = realCliSkipReason();
  if (!reason) return undefined;
  // a spawn that failed on a loaded machine is not a missing CLI: look again before skipping
  for (let i = 0; i < 3; i++) {
    const r = spawnSync('docker', ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && (r.stdout.startsWith(`Docker version ${EXPECTED_CLI_VERSION},`) || process.env.DOCKSIM_ANY_DOCKER_CLI === '1')) return undefined;
  }
  return reason;
}

/** Why pseudo-terminal tests cannot run here, or undefined. */
export function ttySkipReason(): string | undefined {
  return conformanceSkipReason() ?? (ptyBackend() ? undefined : 'no pseudo-terminal backend (util-linux script or python3)');
}

/** `docker run`/`create` errors: the CLI's "docker: …" + help hint (cli/command/container/run.go). */
export function runError(message: string, command = 'run'): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information\n`;
}
