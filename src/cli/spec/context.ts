// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const contextCreateCmd: CommandSpec = {
  use: "create [OPTIONS] CONTEXT",
  short: "Create a context",
  long: "Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context's Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description \"some description\" --docker \"host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file\"",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "description", kind: "string", usage: "Description of the context" },
    { name: "docker", kind: "stringToString", usage: "set the docker endpoint", def: "[]" },
    { name: "from", kind: "string", usage: "create context from a named context" },
  ],
};

export const contextExportCmd: CommandSpec = {
  use: "export [OPTIONS] CONTEXT [FILE|-]",
  short: "Export a context to a tar archive FILE or a tar stream on STDOUT.",
  args: {kind: "range", min: 1, max: 2},
  flags: [],
};

export const contextImportCmd: CommandSpec = {
  use: "import CONTEXT FILE|-",
  short: "Import a context from a tar or zip file",
  args: {kind: "exact", n: 2},
  flags: [],
};

export const contextInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] [CONTEXT] [CONTEXT...]",
  short: "Display detailed information on one or more contexts",
  args: {kind: "any"},
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};

export const contextLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List contexts",
  args: {kind: "none"},
  flags: [
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only show context names" },
  ],
};

export const contextRmCmd: CommandSpec = {
  use: "rm CONTEXT [CONTEXT...]",
  aliases: ["remove"],
  short: "Remove one or more contexts",
  args: {kind: "min", n: 1},
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the removal of a context in use" },
  ],
};

export const contextShowCmd: CommandSpec = {
  use: "show",
  short: "Print the name of the current context",
  args: {kind: "none"},
  flags: [],
};

export const contextUpdateCmd: CommandSpec = {
  use: "update [OPTIONS] CONTEXT",
  short: "Update a context",
  long: "Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context's Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description \"some description\" --docker \"host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file\"",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "description", kind: "string", usage: "Description of the context" },
    { name: "docker", kind: "stringToString", usage: "set the docker endpoint", def: "[]" },
  ],
};

export const contextUseCmd: CommandSpec = {
  use: "use CONTEXT",
  short: "Set the current docker context",
  args: {kind: "cobraExact", n: 1},
  flags: [],
};

export const contextCmd: CommandSpec = {
  use: "context",
  short: "Manage contexts",
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [contextCreateCmd, contextExportCmd, contextImportCmd, contextInspectCmd, contextLsCmd, contextRmCmd, contextShowCmd, contextUpdateCmd, contextUseCmd],
};
