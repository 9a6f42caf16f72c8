// Wires an @xterm/xterm Terminal to a LineEditor: what the terminal sends goes to feed(),
// resizes go to resize(). The editor writes to the Terminal (terminalOutput: parsed at once)
// and takes its measure of character widths, so that the editor wraps exactly where the
// terminal wraps, whatever Unicode version the page has activated.

import type { IDisposable, Terminal } from '@xterm/xterm';
import { LineEditor, type LineEditorOptions, type TerminalLike } from './editor';
import { wcwidth, type WidthFn } from './width';

export interface AttachedEditor extends IDisposable {
  readonly editor: LineEditor;
}

/** Creates a LineEditor on `terminal`; dispose() detaches it. */
export function attachLineEditor(terminal: Terminal, options: LineEditorOptions = {}): AttachedEditor {
  const editor = new LineEditor(terminalOutput(terminal), { ...options, wcwidth: options.wcwidth ?? terminalWidth(terminal) });
  const subscriptions = [terminal.onData((data) => editor.feed(data)), terminal.onResize(() => editor.resize())];
  return {
    editor,
    dispose() {
      for (const s of subscriptions) s.dispose();
    },
  };
}

interface UnicodeServiceLike {
  wcwidth(codePoint: number): number;
}

/**
 * The terminal's own width function (it follows terminal.unicode.activeVersion). It is not
 * public API, so when it cannot be found the default table (xterm's default rules) is used.
 */
export function terminalWidth(terminal: Terminal): WidthFn {
  const core = (terminal as unknown as { _core?: { unicodeService?: Partial<UnicodeServiceLike> } })._core;
  const service = core?.unicodeService;
  if (service && typeof service.wcwidth === 'function') {
    const fn = service.wcwidth.bind(service);
    return (cp) => fn(cp);
  }
  return wcwidth;
}

interface WriteBufferLike {
  writeSync(data: string): void;
  /** the chunks written and not parsed yet */
  _writeBuffer: unknown[];
}

/** Output parsed at once at most (xterm.js parses that much in a few milliseconds). */
const AT_ONCE = 256 * 1024;

/**
 * The Terminal as the editor's output. xterm.js parses what is written in a task of its own
 * (a timer) unless it follows a key at once: the output of a command, printed at its end,
 * then waits for that timer, which the browser runs after drawing a frame of the screen
 * without it, and is drawn a frame later. Here output is parsed as it is written, when
 * nothing written before is still waiting and it is not large (a flood is left to xterm.js,
 * which parses it a slice per frame), through the write buffer's synchronous path. That is not
 * public API: when it cannot be found, output is written as before.
 */
export function terminalOutput(terminal: Terminal): TerminalLike {
  const buffer = (terminal as unknown as { _core?: { _writeBuffer?: Partial<WriteBufferLike> } })._core?._writeBuffer;
  const sync = buffer && typeof buffer.writeSync === 'function' && Array.isArray(buffer._writeBuffer) ? (buffer as WriteBufferLike) : null;
  return {
    write(data) {
      // only alone: writeSync takes the chunks waiting before it too, and stops at an empty one
      // (term.write('', callback) waits for the writes before it), losing what follows
      if (sync && sync._writeBuffer.length === 0 && data !== '' && data.length <= AT_ONCE) sync.writeSync(data);
      else terminal.write(data);
    },
    get cols() {
      return terminal.cols;
    },
    get rows() {
      return terminal.rows;
    },
  };
}
