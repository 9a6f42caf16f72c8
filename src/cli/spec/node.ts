// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const nodeDemoteCmd: CommandSpec = {
  use: "demote NODE [NODE...]",
  short: "Demote one or more nodes from manager in the swarm",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [],
};

export const nodeInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] self|NODE [NODE...]",
  short: "Display detailed information on one or more nodes",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "pretty", kind: "bool", usage: "Print the information in a human friendly format" },
  ],
};

export const nodeLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List nodes in the swarm",
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display IDs" },
  ],
};

export const nodePromoteCmd: CommandSpec = {
  use: "promote NODE [NODE...]",
  short: "Promote one or more nodes to manager in the swarm",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [],
};

export const nodePsCmd: CommandSpec = {
  use: "ps [OPTIONS] [NODE...]",
  short: "List tasks running on one or more nodes, defaults to current node",
  args: {kind: "min", n: 0},
  simulated: true,
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Pretty-print tasks using a Go template" },
    { name: "no-resolve", kind: "bool", usage: "Do not map IDs to Names" },
    { name: "no-trunc", kind: "bool", usage: "Do not truncate output" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display task IDs" },
  ],
};

export const nodeRmCmd: CommandSpec = {
  use: "rm [OPTIONS] NODE [NODE...]",
  aliases: ["remove"],
  short: "Remove one or more nodes from the swarm",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force remove a node from the swarm" },
  ],
};

export const nodeUpdateCmd: CommandSpec = {
  use: "update [OPTIONS] NODE",
  short: "Update a node",
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [
    { name: "availability", kind: "string", usage: "Availability of the node (\"active\", \"pause\", \"drain\")" },
    { name: "label-add", kind: "list", usage: "Add or update a node label (\"key=value\")" },
    { name: "label-rm", kind: "list", usage: "Remove a node label if exists" },
    { name: "role", kind: "string", usage: "Role of the node (\"worker\", \"manager\")" },
  ],
};

export const nodeCmd: CommandSpec = {
  use: "node",
  short: "Manage Swarm nodes",
  annotations: { version: "1.24", swarm: "manager" },
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [nodeDemoteCmd, nodeInspectCmd, nodeLsCmd, nodePromoteCmd, nodePsCmd, nodeRmCmd, nodeUpdateCmd],
};
