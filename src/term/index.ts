// The browser terminal's line editing: a DOM-free core (LineEditor) and the xterm.js adapter.

export { LineEditor, advanceColumn } from './editor';
export type { LineEditorOptions, ReadLineOptions, ReadInputOptions, TerminalLike } from './editor';
export { History } from './history';
export type { HistoryOptions } from './history';
export type { Completer, CompletionCandidate, CompletionResult } from './completion';
export type { TtySignal } from './cooked';
export { wcwidth, textWidth, stripAnsi } from './width';
export type { WidthFn } from './width';
export { attachLineEditor, terminalOutput, terminalWidth } from './xterm';
export type { AttachedEditor } from './xterm';
export { deferViewportSync } from './viewport';
export { benchKeystrokes } from './bench';
