// Per-keystroke cost of the terminal line editor (feed + redraw) on a 200-character line.
// Run: node --import tsx bench/term-keystroke.mjs [rounds]
import { benchKeystrokes } from '../src/term/bench.ts';

const rounds = Number(process.argv[2] ?? 20000);
for (const f of benchKeystrokes(rounds)) console.log(`${f.name.padEnd(44)} ${String(f.value).padStart(10)} ${f.unit}`);
