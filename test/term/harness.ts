// Drives a LineEditor with keys and looks at the screen it draws.

import { LineEditor, type LineEditorOptions } from '../../src/term/editor';
import { Screen } from './vt';

export const KEY = {
  enter: '\r',
  tab: '\t',
  backspace: '\x7f',
  del: '\x1b[3~',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  esc: '\x1b',
  ctrl: (c: string): string => String.fromCharCode(c.toUpperCase().charCodeAt(0) & 0x1f),
  alt: (c: string): string => '\x1b' + c,
};

export interface Harness {
  screen: Screen;
  editor: LineEditor;
  /** Lines returned by readLine, in order (null for end of input). */
  results: (string | null)[];
  /** Feeds input to the editor. */
  type(...chunks: string[]): void;
  /** Starts readLine(prompt) and records its result. */
  read(prompt?: string): Promise<string | null>;
  /** Waits for pending promise callbacks. */
  settle(): Promise<void>;
}

export function setup(options: LineEditorOptions & { cols?: number; rows?: number } = {}): Harness {
  const screen = new Screen(options.cols ?? 40, options.rows ?? 10);
  const term = {
    write: (d: string) => screen.write(d),
    get cols() {
      return screen.cols;
    },
    get rows() {
      return screen.rows;
    },
  };
  const editor = new LineEditor(term, options);
  const results: (string | null)[] = [];
  return {
    screen,
    editor,
    results,
    type(...chunks: string[]) {
      for (const c of chunks) editor.feed(c);
    },
    read(prompt = '$ ') {
      const p = editor.readLine(prompt);
      void p.then((r) => results.push(r));
      return p;
    },
    async settle() {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}
