// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const configCreateCmd: CommandSpec = {
  use: "create [OPTIONS] CONFIG file|-",
  short: "Create a config from a file or STDIN",
  args: {kind: "exact", n: 2},
  flags: [
    { name: "label", short: "l", kind: "list", validate: "label", usage: "Config labels" },
    { name: "template-driver", kind: "string", usage: "Template driver", annotations: { version: "1.37" } },
  ],
};

export const configInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] CONFIG [CONFIG...]",
  short: "Display detailed information on one or more configs",
  args: {kind: "min", n: 1},
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "pretty", kind: "bool", usage: "Print the information in a human friendly format" },
  ],
};

export const configLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List configs",
  args: {kind: "none"},
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display IDs" },
  ],
};

export const configRmCmd: CommandSpec = {
  use: "rm CONFIG [CONFIG...]",
  aliases: ["remove"],
  short: "Remove one or more configs",
  args: {kind: "min", n: 1},
  flags: [],
};

export const configCmd: CommandSpec = {
  use: "config",
  short: "Manage Swarm configs",
  annotations: { version: "1.30", swarm: "manager" },
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [configCreateCmd, configInspectCmd, configLsCmd, configRmCmd],
};
