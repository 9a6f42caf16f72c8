import { describe, expect, it } from 'vitest';
import { checkBeforeDaemon, parseDockerCommandLine, type ParseResult } from '../../../src/cli/parse';
import { caseKey, corpusCases } from './corpus';
import { loadFixture } from './fixtures';
import { DAEMONS, corpusEnv, realDocker, runRealCases, type CliOutput, type RealCase } from './real-cli';

const FIXTURE = new URL('./fixtures/corpus.json', import.meta.url);

// the parser, then the checks the CLI makes before calling the daemon (stdin is not a terminal)
function ours(c: RealCase): ParseResult {
  const r = parseDockerCommandLine(c.argv, { env: corpusEnv(c.env), daemon: DAEMONS[c.daemon], cwd: '/tmp' });
  if (r.kind === 'run') return checkBeforeDaemon(r, { stdinIsTerminal: false }) ?? r;
  return r;
}

/** the real CLI went past parsing and tried to talk to the daemon */
function reachedDaemon(real: CliOutput): boolean {
  return /Cannot connect to the Docker daemon|Error response from daemon|error during connect/.test(real.stderr);
}

function verdict(c: RealCase, real: CliOutput): string | undefined {
  const got = ours(c);
  const line = `docker ${c.argv.map((a) => (a === '' || /\s/.test(a) ? JSON.stringify(a) : a)).join(' ')} [${c.daemon}]`;
  if (got.kind === 'run') {
    if (!reachedDaemon(real)) return `${line}: parsed, but the real CLI stopped: ${JSON.stringify(real)}`;
    if (!real.stdout.startsWith(got.stdout)) return `${line}: stdout before running: ours ${JSON.stringify(got.stdout)} real ${JSON.stringify(real.stdout)}`;
    if (!real.stderr.startsWith(got.stderr)) return `${line}: stderr before running: ours ${JSON.stringify(got.stderr)} real ${JSON.stringify(real.stderr)}`;
    return undefined;
  }
  const mine: CliOutput = { stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode };
  if (mine.stdout !== real.stdout || mine.stderr !== real.stderr || mine.exitCode !== real.exitCode) {
    return `${line}:\n  ours ${JSON.stringify(mine)}\n  real ${JSON.stringify(real)}`;
  }
  return undefined;
}

describe('bad and tricky command lines', () => {
  const cases = corpusCases();

  it('has a large corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map(caseKey)).size).toBe(cases.length);
  });

  it.skipIf(!realDocker())('behave as with the real CLI', async () => {
    const real = await runRealCases(cases);
    expect(cases.map((c, i) => verdict(c, real[i])).filter(Boolean)).toEqual([]);
  }, 120_000);

  it('behave as recorded from the real CLI', () => {
    const recorded = loadFixture(FIXTURE);
    expect(recorded).toBeDefined();
    expect(cases.filter((c) => !recorded!.has(caseKey(c))).map((c) => c.argv.join(' '))).toEqual([]);
    expect(cases.map((c) => verdict(c, recorded!.get(caseKey(c))!)).filter(Boolean)).toEqual([]);
  });
});
