// A lesson page's first script: the terminal with its prompt at once, the lesson panel over the
// prerendered text (progress saved earlier, hints, Run buttons), the tabs of small screens.
// The lesson's World, the shell and the picture load right after the prompt is drawn
// (runtime.ts); a command typed or Run before then waits for them.

import { pageEditor, type PageEditor } from '../../editor';
import { savedHistory } from '../../look';
import { FIRST_PROMPT } from '../../prompt';
import { LESSON_HISTORY_KEY, progressKey } from '../routes';
import { LessonPanel } from './panel';
import { savedDone } from './saved';
import { setupTabs } from './tabs';
import { createTerminal } from './terminal';

const layout = document.querySelector<HTMLElement>('.lesson-layout')!;
const lessonId = layout.dataset.lesson!;
const host = document.getElementById('terminal')!;
host.textContent = '';
const params = new URLSearchParams(location.search);
const term = createTerminal(host, { screenReader: params.has('sr') });
term.onTitleChange((t) => {
  host.setAttribute('aria-label', t ? `Terminal: ${t}` : 'Terminal');
});

const history = savedHistory(LESSON_HISTORY_KEY);

const first = pageEditor(term, history);
const firstLine = first.editor.readLine(FIRST_PROMPT);
first.flush();

// ---- typing for the Run buttons ----------------------------------------------------------------
// Commands are typed one at a time, each when the shell is back at its prompt, as a person would.
let editor: PageEditor = first;
const queue: string[] = [];
function pump(): void {
  if (queue.length === 0 || !editor.editor.editing || editor.editor.raw) return;
  const line = queue.shift()!;
  // Ctrl-E Ctrl-U: whatever was half typed on the line goes first
  term.input(`\x05\x15${line}\r`, true);
}
function typeCommands(commands: string[]): void {
  queue.push(...commands);
  pump();
}

const panel = new LessonPanel(layout, {
  run(commands) {
    showPane('lesson');
    typeCommands(commands);
    term.focus();
  },
  startOver() {
    void runtime.then((r) => r.reset()).then(() => term.focus());
  },
});
// progress saved earlier shows at once; the run confirms it once the World is back
let saved: string | null = null;
try {
  saved = localStorage.getItem(progressKey(lessonId));
} catch {
  saved = null;
}
panel.show({ done: savedDone(saved, lessonId), complete: savedDone(saved, lessonId).size >= panel.steps.length });

const showPane = setupTabs(layout, (pane) => {
  if (pane === 'picture') runtime.then((r) => r.showPicture()).catch(() => {});
});

// "Skip to the terminal" lands in it, ready for typing
for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href="#terminal"]'))
  a.addEventListener('click', (e) => {
    e.preventDefault();
    showPane('lesson');
    term.focus();
  });

// Where a learner expects to type: in the terminal, where a keyboard and a pointer are at hand
// (on a phone, focusing it would bring up the keyboard over the lesson).
if (window.matchMedia('(min-width: 960px) and (pointer: fine)').matches && !location.hash) term.focus();

// ---- the rest, once the prompt is drawn --------------------------------------------------------
const drawn = new Promise<void>((resolve) => {
  term.write('', () => {
    const d = term.onRender(() => {
      d.dispose();
      setTimeout(resolve, 0);
    });
  });
  setTimeout(resolve, 400);
});
const runtime = drawn
  .then(() => import('./runtime'))
  .then((m) =>
    m.bootLesson({
      term,
      history,
      first,
      firstLine,
      lessonId,
      panel,
      picture: document.getElementById('picture')!,
      onEditor(pe) {
        editor = pe;
        queue.length = 0;
      },
      onPrompt: pump,
    }),
  );
runtime.catch((e: unknown) => {
  term.write(`\r\n\x1b[31mdocksim could not start: ${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`);
});
