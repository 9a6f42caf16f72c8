// Parsing docker command lines exactly as docker CLI 28.2.2 does.
export { parseDockerCommandLine, dockerHelpText, CLI_VERSION_LINE } from './docker';
export type { ParseOptions, ParseResult, RunResult, ExitResult } from './docker';
export { ParsedFlags } from './result';
export type { DaemonPing, ServerDetails } from './server';
export { serverDetails, CLIENT_API_VERSION } from './server';
export type { MountValue, NetworkAttachment, DeviceRequest, PortConfig, FileReference } from './values';
export { checkBeforeDaemon, type CheckOptions } from './validate';
