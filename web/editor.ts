// A line editor on the page's terminal. Each host session gets its own (a reset replaces the
// session and its editor); an editor that is retired neither reads keys nor writes any more,
// so whatever the old session still had running cannot reach the screen.

import type { Terminal } from '@xterm/xterm';
import { LineEditor, terminalWidth, type History } from '../src/term';

export interface PageEditor {
  editor: LineEditor;
  retire(): void;
}

export function pageEditor(term: Terminal, history: History): PageEditor {
  let live = true;
  const out = {
    write(data: string) {
      if (live) term.write(data);
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
      if (live) editor.feed(d);
    }),
    term.onResize(() => {
      if (live) editor.resize();
    }),
  ];
  return {
    editor,
    retire() {
      live = false;
      for (const s of subs) s.dispose();
    },
  };
}
