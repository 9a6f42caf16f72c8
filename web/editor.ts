// A line editor on the page's terminal. Each host session gets its own (a reset replaces the
// session and its editor); an editor that is retired neither reads keys nor writes any more,
// so whatever the old session still had running cannot reach the screen.
//
// Output goes to xterm.js in as few writes as it comes in bursts: what a command prints and the
// prompt after it are gathered until the code that prints them pauses (a microtask later), then
// parsed at once (terminalOutput), all before the browser draws its next frame. The echo of a
// key is written at once.

import type { Terminal } from '@xterm/xterm';
import { LineEditor, terminalOutput, terminalWidth, type History } from '../src/term';

export interface PageEditor {
  editor: LineEditor;
  /** Hands what was written so far to the terminal now. */
  flush(): void;
  retire(): void;
}

export function pageEditor(term: Terminal, history: History): PageEditor {
  let live = true;
  let pending = '';
  let scheduled = false;
  /** true while the editor handles input from the terminal (its echo is written at once) */
  let answering = false;
  const output = terminalOutput(term);
  const flush = (): void => {
    if (pending === '') return;
    const s = pending;
    pending = '';
    output.write(s);
  };
  const out = {
    write(data: string) {
      if (!live) return;
      pending += data;
      if (answering) flush();
      else if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (live) flush();
        });
      }
    },
    get cols() {
      return term.cols;
    },
    get rows() {
      return term.rows;
    },
  };
  const editor = new LineEditor(out, { history, wcwidth: terminalWidth(term) });
  const subs = [
    term.onData((d) => {
      if (!live) return;
      answering = true;
      try {
        editor.feed(d);
      } finally {
        answering = false;
      }
    }),
    term.onResize(() => {
      if (live) editor.resize();
    }),
  ];
  return {
    editor,
    flush,
    retire() {
      flush();
      live = false;
      for (const s of subs) s.dispose();
    },
  };
}
