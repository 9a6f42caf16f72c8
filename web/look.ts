// What the playground's and the lesson pages' terminals share: Ubuntu's look (its terminal
// colours and font), the terminal opened in its box, and a command history kept in
// localStorage under a key of the page's.

import { Terminal, type ITerminalOptions } from '@xterm/xterm';
import { deferViewportSync, History } from '../src/term';

const TERMINAL_THEME = {
  background: '#300a24',
  foreground: '#ffffff',
  cursor: '#ffffff',
  selectionBackground: '#b5d5ff66',
  black: '#2e3436',
  red: '#cc0000',
  green: '#4e9a06',
  yellow: '#c4a000',
  blue: '#3465a4',
  magenta: '#75507b',
  cyan: '#06989a',
  white: '#d3d7cf',
  brightBlack: '#555753',
  brightRed: '#ef2929',
  brightGreen: '#8ae234',
  brightYellow: '#fce94f',
  brightBlue: '#729fcf',
  brightMagenta: '#ad7fa8',
  brightCyan: '#34e2e2',
  brightWhite: '#eeeeec',
};

/** xterm's options for a page's terminal, at this font size. */
function terminalOptions(fontSize: number, screenReader: boolean): ITerminalOptions {
  return {
    fontFamily: '"Ubuntu Mono", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize,
    cursorBlink: true,
    scrollback: 10_000,
    screenReaderMode: screenReader,
    macOptionIsMeta: /Mac/.test(navigator.platform),
    theme: TERMINAL_THEME,
  };
}

/** A page's terminal at this font size, opened in `host`, its scrollbar following output once per frame. */
export function openTerminal(host: HTMLElement, fontSize: number, screenReader: boolean): Terminal {
  const term = new Terminal(terminalOptions(fontSize, screenReader));
  term.open(host);
  deferViewportSync(term);
  return term;
}

/** The history saved under `key`, saved again at each change (for as long as the page lives when storage fails). */
export function savedHistory(key: string): History {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    saved = null;
  }
  const history = History.from(saved ?? '[]');
  history.onChange(() => {
    try {
      localStorage.setItem(key, JSON.stringify(history));
    } catch {
      // storage full or disabled: the history lives as long as the page
    }
  });
  return history;
}
