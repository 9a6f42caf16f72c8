// The playground's first script: the terminal and its line editor, and the prompt at once.
// Everything else (the World, the Engine API, the docker CLI, the shell) loads right after
// the prompt is shown (runtime.ts); a command typed before it is ready waits for it.

import '@xterm/xterm/css/xterm.css';
import './style.css';
import { pageEditor } from './editor';
import { openTerminal, savedHistory } from './look';
import { FIRST_PROMPT } from './prompt';
const HISTORY_KEY = 'docksim.history';

const params = new URLSearchParams(location.search);
const host = document.getElementById('terminal')!;
const term = openTerminal(host, 15, params.has('sr'));
fit();
term.onTitleChange((t) => {
  document.title = t ? `${t} — docksim` : 'docksim';
});

const history = savedHistory(HISTORY_KEY);

const first = pageEditor(term, history);
const firstLine = first.editor.readLine(FIRST_PROMPT);
// keys typed at index.html's prompt, before the terminal was there
const early = (window as { __boot?: { take(): string } }).__boot?.take() ?? '';
if (early) first.editor.feed(early);
first.flush();
term.focus();

/** Resolves once the terminal has drawn the prompt (and what was typed). */
const drawn = new Promise<void>((resolve) => {
  term.write('', () => {
    const sub = term.onRender(() => {
      sub.dispose();
      resolve();
    });
  });
});
void drawn.then(() => document.getElementById('boot')?.remove());

/** Fits the terminal to its box: as many cells as the box holds. */
function fit(): void {
  const core = (term as unknown as { _core?: { _renderService?: { dimensions?: { css: { cell: { width: number; height: number } } } } } })._core;
  const cell = core?._renderService?.dimensions?.css.cell;
  if (!cell || cell.width === 0 || cell.height === 0) return;
  const box = host.getBoundingClientRect();
  const cols = Math.max(20, Math.floor((box.width - 14) / cell.width));
  const rows = Math.max(5, Math.floor((box.height - 8) / cell.height));
  if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
}
let fitTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(fitTimer);
  fitTimer = setTimeout(fit, 50);
});

// The rest loads once the prompt is drawn, so that fetching and compiling it does not hold the
// prompt up (and at the latest after a moment: a background tab draws nothing).
const load = (): Promise<typeof import('./runtime')> =>
  new Promise<void>((resolve) => {
    void drawn.then(() => setTimeout(resolve, 0));
    setTimeout(resolve, 400);
  }).then(() => import('./runtime'));
load()
  .then((m) => m.boot({ term, history, first, firstLine, resetButton: document.getElementById('reset') as HTMLButtonElement | null }))
  .catch((e: unknown) => {
    term.write(`\r\n\x1b[31mdocksim could not start: ${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`);
  });
