// Recorded answers of the real docker CLI (written by scripts/cli-fixtures.ts).
import { existsSync, readFileSync } from 'node:fs';
import type { CliOutput } from './real-cli';

export function loadFixture(file: URL): Map<string, CliOutput> | undefined {
  if (!existsSync(file)) return undefined;
  const { outputs, cases } = JSON.parse(readFileSync(file, 'utf8')) as { outputs: CliOutput[]; cases: Record<string, number> };
  return new Map(Object.entries(cases).map(([k, i]) => [k, outputs[i]]));
}
