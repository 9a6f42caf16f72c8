import { describe, expect, it } from 'vitest';
import { parseDockerCommandLine } from '../../../src/cli/parse';
import { DAEMONS, corpusEnv, python3, realDocker, runRealCases, type CliOutput, type RealCase } from '../parse/real-cli';
import { loadFixture } from '../parse/fixtures';
import { caseKey, helpCases } from './help-corpus';

const FIXTURE = new URL('./fixtures/help.json', import.meta.url);

function ours(c: RealCase): CliOutput {
  const r = parseDockerCommandLine(c.argv, { env: corpusEnv(c.env), daemon: DAEMONS[c.daemon], width: c.width });
  if (r.kind === 'run') return { stdout: r.stdout, stderr: r.stderr + '<parsed: runs the command>', exitCode: -1 };
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

function firstDifference(a: CliOutput, b: CliOutput): string {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (a[stream] === b[stream]) continue;
    const x = a[stream].split('\n');
    const y = b[stream].split('\n');
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] !== y[i]) return `${stream} line ${i + 1}: ours ${JSON.stringify(x[i])} real ${JSON.stringify(y[i])}`;
    }
  }
  return `exit code: ours ${a.exitCode} real ${b.exitCode}`;
}

function compare(cases: readonly RealCase[], expected: readonly CliOutput[]): string[] {
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const got = ours(c);
    const want = expected[i];
    if (got.stdout !== want.stdout || got.stderr !== want.stderr || got.exitCode !== want.exitCode) {
      mismatches.push(`docker ${c.argv.join(' ')} [${c.daemon}${c.env ? ' ' + JSON.stringify(c.env) : ''}${c.width ? ' width ' + c.width : ''}]: ${firstDifference(got, want)}`);
    }
  });
  return mismatches;
}

describe('docker <command> --help', () => {
  const cases = helpCases();

  it('covers every command and alias in several daemon states', () => {
    expect(cases.length).toBeGreaterThan(1500);
    expect(cases.some((c) => c.argv.join(' ') === 'container list --help')).toBe(true);
  });

  it.skipIf(!realDocker() || !python3())('is byte-identical to the real CLI', async () => {
    const real = await runRealCases(cases);
    expect(compare(cases, real)).toEqual([]);
  }, 300_000);

  it('is byte-identical to the recorded output of the real CLI', () => {
    const recorded = loadFixture(FIXTURE);
    expect(recorded).toBeDefined();
    const missing = cases.filter((c) => !recorded!.has(caseKey(c))).map((c) => c.argv.join(' '));
    expect(missing).toEqual([]);
    expect(compare(cases, cases.map((c) => recorded!.get(caseKey(c))!))).toEqual([]);
  });
});
