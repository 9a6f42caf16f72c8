// Runs every benchmark (or those named on the command line) and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { engineBench, type Figure } from './engine';
import { webBench } from './web';

const suites: Record<string, () => Promise<Figure[]>> = { engine: engineBench, web: webBench };
const want = process.argv.slice(2);
const figures: Figure[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (want.length > 0 && !want.includes(name)) continue;
  console.log(`\n# ${name}`);
  figures.push(...(await run()));
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${figures.length} figures)`);
process.exit(0);
