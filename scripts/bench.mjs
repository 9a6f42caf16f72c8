// `npm run bench`: runs the benchmarks, prints their figures, writes bench/results.json as
// [{ "name", "value", "unit" }]. Goals are checked here, by reading the figures, not in tests.
import { spawnSync } from 'node:child_process';
import { hostNodeFlags } from './host-flags.mjs';
const r = spawnSync(process.execPath, ['--expose-gc', ...hostNodeFlags(), '--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
