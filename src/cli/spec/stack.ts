// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const stackConfigCmd: CommandSpec = {
  use: "config [OPTIONS]",
  short: "Outputs the final config file, after doing merges and interpolations",
  args: {kind: "none"},
  flags: [
    { name: "compose-file", short: "c", kind: "stringSlice", usage: "Path to a Compose file, or \"-\" to read from stdin" },
    { name: "skip-interpolation", kind: "bool", usage: "Skip interpolation and output only merged config" },
  ],
};

export const stackDeployCmd: CommandSpec = {
  use: "deploy [OPTIONS] STACK",
  aliases: ["up"],
  short: "Deploy a new stack or update an existing stack",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "compose-file", short: "c", kind: "stringSlice", usage: "Path to a Compose file, or \"-\" to read from stdin", annotations: { version: "1.25" } },
    { name: "detach", short: "d", kind: "bool", usage: "Exit immediately instead of waiting for the stack services to converge", def: "true" },
    { name: "prune", kind: "bool", usage: "Prune services that are no longer referenced", annotations: { version: "1.27" } },
    { name: "quiet", short: "q", kind: "bool", usage: "Suppress progress output" },
    { name: "resolve-image", kind: "string", usage: "Query the registry to resolve image digest and supported platforms (\"always\", \"changed\", \"never\")", def: "always", annotations: { version: "1.30" } },
    { name: "with-registry-auth", kind: "bool", usage: "Send registry authentication details to Swarm agents" },
  ],
};

export const stackLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List stacks",
  args: {kind: "none"},
  flags: [
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};

export const stackPsCmd: CommandSpec = {
  use: "ps [OPTIONS] STACK",
  short: "List the tasks in the stack",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "no-resolve", kind: "bool", usage: "Do not map IDs to Names" },
    { name: "no-trunc", kind: "bool", usage: "Do not truncate output" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display task IDs" },
  ],
};

export const stackRmCmd: CommandSpec = {
  use: "rm [OPTIONS] STACK [STACK...]",
  aliases: ["remove","down"],
  short: "Remove one or more stacks",
  args: {kind: "min", n: 1},
  flags: [
    { name: "detach", short: "d", kind: "bool", usage: "Do not wait for stack removal", def: "true" },
  ],
};

export const stackServicesCmd: CommandSpec = {
  use: "services [OPTIONS] STACK",
  short: "List the services in the stack",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display IDs" },
  ],
};

export const stackCmd: CommandSpec = {
  use: "stack [OPTIONS]",
  short: "Manage Swarm stacks",
  annotations: { version: "1.25", swarm: "manager" },
  args: {kind: "none"},
  action: "showHelp",
  flags: [
    { name: "orchestrator", kind: "string", usage: "Orchestrator to use (swarm|all)", hidden: true, deprecated: "option will be ignored", persistent: true },
  ],
  subcommands: [stackConfigCmd, stackDeployCmd, stackLsCmd, stackPsCmd, stackRmCmd, stackServicesCmd],
};
