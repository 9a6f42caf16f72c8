// src/sh: the shell language, its interpreter, and the commands learners type.
// See README.md in this folder.

export * from './types';
export { Shell, type ShellOptions, type ShellMode, GroupSignal, baseFs } from './shell';
export { parse, isComplete, Parser, type ParseOptions } from './parser';
export { ParseError, describeSyntaxError, type Flavor, type SyntaxDetail } from './syntax-error';
export type * as Ast from './ast';
export {
  hostCommands,
  busyboxCommands,
  debianCommands,
  APPLETS,
  BUSYBOX_LINKS,
  DEBIAN_BINS,
  DEFAULT_BUSYBOX_BANNER,
  type ShellCommandTable,
  type TableOptions,
} from './tables';
export type { ProcessInfo } from './applets/system';
export { StringOutput, StringInput, Pipe, readChunk, readAll, readLine, eachLine, nullOutput } from './io';
export { signalNumber, signalName, SIGNALS } from './signals';
export { matchPattern } from './pattern';
