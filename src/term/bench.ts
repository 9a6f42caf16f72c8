// Micro benchmark of the editor's per-keystroke cost: feed() of one key plus the redraw it
// causes, on a 200-character line in an 80-column terminal (three rows), with output going
// nowhere. Run by bench/term-keystroke.mjs; returns figures in the shape bench/run.ts uses.

import { LineEditor } from './editor';

export interface KeystrokeFigure {
  name: string;
  value: number;
  unit: string;
}

interface Scenario {
  name: string;
  /** Puts the editor in the starting state. */
  setup(e: LineEditor): void;
  /** Keys fed in turn, each one timed (the sequence leaves the line as it found it). */
  keys: string[];
}

const LINE = 'docker run --name web -p 8080:80 -v data:/var/lib/data -e MODE=production '.repeat(3).slice(0, 200);

const SCENARIOS: Scenario[] = [
  { name: 'type_at_end', setup: (e) => e.feed(LINE.slice(0, 199)), keys: ['x', '\x7f'] },
  {
    name: 'type_in_middle',
    setup: (e) => {
      e.feed(LINE);
      for (let i = 0; i < 100; i++) e.feed('\x1b[D');
    },
    keys: ['x', '\x7f'],
  },
  {
    name: 'cursor_left_right',
    setup: (e) => {
      e.feed(LINE);
      for (let i = 0; i < 100; i++) e.feed('\x1b[D');
    },
    keys: ['\x1b[D', '\x1b[C'],
  },
  { name: 'home_end', setup: (e) => e.feed(LINE), keys: ['\x01', '\x05'] },
  { name: 'history_up_down', setup: (e) => e.feed(LINE), keys: ['\x1b[A', '\x1b[B'] },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Times each scenario; `rounds` key pairs per scenario after a warm-up. */
export function benchKeystrokes(rounds = 20000): KeystrokeFigure[] {
  const now = (): number => performance.now();
  const figures: KeystrokeFigure[] = [];
  for (const sc of SCENARIOS) {
    let bytes = 0;
    const editor = new LineEditor(
      {
        write: (s) => {
          bytes += s.length;
        },
        cols: 80,
        rows: 24,
      },
      { bell: () => {} },
    );
    editor.history.add(LINE.split('').reverse().join(''));
    void editor.readLine('\x1b[1;32muser@docksim\x1b[0m:\x1b[1;34m~\x1b[0m$ ');
    sc.setup(editor);
    for (let i = 0; i < 2000; i++) for (const k of sc.keys) editor.feed(k);
    bytes = 0;
    const samples: number[] = [];
    const t0 = now();
    for (let i = 0; i < rounds; i++) {
      for (const k of sc.keys) {
        const s = now();
        editor.feed(k);
        samples.push(now() - s);
      }
    }
    const total = now() - t0;
    const n = rounds * sc.keys.length;
    samples.sort((a, b) => a - b);
    figures.push(
      { name: `term.keystroke.${sc.name}.p50_us`, value: round(percentile(samples, 50) * 1000), unit: 'µs' },
      { name: `term.keystroke.${sc.name}.mean_us`, value: round((total / n) * 1000), unit: 'µs' },
      { name: `term.keystroke.${sc.name}.p99_us`, value: round(percentile(samples, 99) * 1000), unit: 'µs' },
      { name: `term.keystroke.${sc.name}.bytes`, value: round(bytes / n), unit: 'B' },
    );
  }
  return figures;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
