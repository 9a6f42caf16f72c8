// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const secretCreateCmd: CommandSpec = {
  use: "create [OPTIONS] SECRET [file|-]",
  short: "Create a secret from a file or STDIN as content",
  args: {kind: "range", min: 1, max: 2},
  flags: [
    { name: "driver", short: "d", kind: "string", usage: "Secret driver", annotations: { version: "1.31" } },
    { name: "label", short: "l", kind: "list", validate: "label", usage: "Secret labels" },
    { name: "template-driver", kind: "string", usage: "Template driver", annotations: { version: "1.37" } },
  ],
};

export const secretInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] SECRET [SECRET...]",
  short: "Display detailed information on one or more secrets",
  args: {kind: "min", n: 1},
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "pretty", kind: "bool", usage: "Print the information in a human friendly format" },
  ],
};

export const secretLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List secrets",
  args: {kind: "none"},
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display IDs" },
  ],
};

export const secretRmCmd: CommandSpec = {
  use: "rm SECRET [SECRET...]",
  aliases: ["remove"],
  short: "Remove one or more secrets",
  args: {kind: "min", n: 1},
  flags: [],
};

export const secretCmd: CommandSpec = {
  use: "secret",
  short: "Manage Swarm secrets",
  annotations: { version: "1.25", swarm: "manager" },
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [secretCreateCmd, secretInspectCmd, secretLsCmd, secretRmCmd],
};
