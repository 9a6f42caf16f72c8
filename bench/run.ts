// Runs every benchmark (or those named on the command line) and writes bench/results.json.
// Running some suites keeps the figures of the others already in the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { engineBench, type Figure } from './engine';
import { webBench } from './web';
import { siteBench } from './site';

// web: the playground's figures (web.ts), then a lesson page's (site.ts)
const suites: Record<string, () => Promise<Figure[]>> = { engine: engineBench, web: async () => [...(await webBench()), ...(await siteBench())] };
const want = process.argv.slice(2);
const ran: string[] = [];
const figures: Figure[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (want.length > 0 && !want.includes(name)) continue;
  console.log(`\n# ${name}`);
  ran.push(name);
  figures.push(...(await run()));
}
const file = new URL('./results.json', import.meta.url);
const previous: Figure[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]) : [];
const kept = previous.filter((f) => !ran.some((s) => f.name.startsWith(`${s}.`)));
writeFileSync(file, `${JSON.stringify([...kept, ...figures], null, 2)}\n`);
console.log(`\nwrote bench/results.json (${figures.length} figures${kept.length ? `, ${kept.length} kept from other suites` : ''})`);
process.exit(0);
