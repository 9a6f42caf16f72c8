// Record the real docker CLI 28.2.2's answers to the CLI conformance corpora, so that the tests
// still check the emulator where the real CLI is not installed.
//   npx tsx scripts/cli-fixtures.ts
import { writeFileSync } from 'node:fs';
import { caseKey as helpKey, helpCases } from '../test/cli/spec/help-corpus';
import { corpusCases, caseKey as corpusKey } from '../test/cli/parse/corpus';
import { realDocker, runRealCases, type CliOutput, type RealCase } from '../test/cli/parse/real-cli';

async function record(cases: RealCase[], key: (c: RealCase) => string, file: URL): Promise<void> {
  const outputs = await runRealCases(cases);
  // identical answers are stored once: { outputs: [...], cases: { key: index } }
  const unique: CliOutput[] = [];
  const index = new Map<string, number>();
  const byCase: Record<string, number> = {};
  cases.forEach((c, i) => {
    const text = JSON.stringify(outputs[i]);
    if (!index.has(text)) {
      index.set(text, unique.length);
      unique.push(outputs[i]);
    }
    byCase[key(c)] = index.get(text)!;
  });
  writeFileSync(file, JSON.stringify({ outputs: unique, cases: byCase }, null, 1) + '\n');
  console.log(`${cases.length} cases -> ${file.pathname}`);
}

if (!realDocker()) {
  console.error('cli-fixtures: the real docker CLI 28.2.2 is not on PATH');
  process.exit(1);
}
await record(helpCases(), helpKey, new URL('../test/cli/spec/fixtures/help.json', import.meta.url));
await record(corpusCases(), corpusKey, new URL('../test/cli/parse/fixtures/corpus.json', import.meta.url));
