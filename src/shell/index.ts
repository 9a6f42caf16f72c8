// src/shell: the host shell of the browser terminal (see README.md).

export { HostSession, type HostSessionOptions } from './session';
export type { HostTerminal, TerminalSize, TerminalSignal, Completion, Completer, TerminalHistory } from './terminal';
export type { HostServices } from './services';
export { EffectDriver, realSleep, type EffectHandlers } from './driver';
export { connectDocker, dockerCommand, type DockerRunner } from './docker';
export { curlCommand, wgetCommand, type CurlHost } from './curl';
export {
  DEFAULT_DOCKER_HOST,
  REFUSED,
  dockerConnection,
  dockerHostOptions,
  goResponseHead,
  hostAddresses,
  listenerFor,
  parseDockerHost,
  type AddressContext,
  type DaemonListeners,
  type DockerConnection,
} from './daemon';
export { pingCommand } from './ping';
export { historyCommand, helpCommand, resetCommand, sudoCommand, helpText } from './commands';
export { hostCompleter, pathCandidates, names } from './complete';
export { completionContext, quoteFor } from './words';
export { expandPrompt, UBUNTU_PS1 } from './prompt';
export { userFs, applyFsOp, type FsOp, type UserFsOptions } from './userfs';
export { resolveName, echoFate, parseUrl, hostHttp } from './network';
