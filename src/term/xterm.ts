// Wires an @xterm/xterm Terminal to a LineEditor: what the terminal sends goes to feed(),
// resizes go to resize(). The Terminal itself is the editor's output (it has write and
// cols). The only other thing taken from the terminal is its measure of character widths,
// so that the editor wraps exactly where the terminal wraps, whatever Unicode version the
// page has activated.

import type { IDisposable, Terminal } from '@xterm/xterm';
import { LineEditor, type LineEditorOptions } from './editor';
import { wcwidth, type WidthFn } from './width';

export interface AttachedEditor extends IDisposable {
  readonly editor: LineEditor;
}

/** Creates a LineEditor on `terminal`; dispose() detaches it. */
export function attachLineEditor(terminal: Terminal, options: LineEditorOptions = {}): AttachedEditor {
  const editor = new LineEditor(terminal, { ...options, wcwidth: options.wcwidth ?? terminalWidth(terminal) });
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
