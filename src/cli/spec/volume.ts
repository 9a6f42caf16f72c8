// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const volumeCreateCmd: CommandSpec = {
  use: "create [OPTIONS] [VOLUME]",
  short: "Create a volume",
  args: {kind: "max", n: 1},
  simulated: true,
  flags: [
    { name: "availability", kind: "string", usage: "Cluster Volume availability (\"active\", \"pause\", \"drain\")", def: "active", annotations: { version: "1.42", swarm: "manager" } },
    { name: "driver", short: "d", kind: "string", usage: "Specify volume driver name", def: "local" },
    { name: "group", kind: "string", usage: "Cluster Volume group (cluster volumes)", annotations: { version: "1.42", swarm: "manager" } },
    { name: "label", kind: "list", validate: "label", usage: "Set metadata for a volume" },
    { name: "limit-bytes", kind: "bytes", usage: "Minimum size of the Cluster Volume in bytes", annotations: { version: "1.42", swarm: "manager" } },
    { name: "name", kind: "string", usage: "Specify volume name", hidden: true },
    { name: "opt", short: "o", kind: "map", usage: "Set driver specific options", def: "map[]" },
    { name: "required-bytes", kind: "bytes", usage: "Maximum size of the Cluster Volume in bytes", annotations: { version: "1.42", swarm: "manager" } },
    { name: "scope", kind: "string", usage: "Cluster Volume access scope (\"single\", \"multi\")", def: "single", annotations: { version: "1.42", swarm: "manager" } },
    { name: "secret", kind: "map", usage: "Cluster Volume secrets", def: "map[]", annotations: { version: "1.42", swarm: "manager" } },
    { name: "sharing", kind: "string", usage: "Cluster Volume access sharing (\"none\", \"readonly\", \"onewriter\", \"all\")", def: "none", annotations: { version: "1.42", swarm: "manager" } },
    { name: "topology-preferred", kind: "list", usage: "A topology that the Cluster Volume would be preferred in", annotations: { version: "1.42", swarm: "manager" } },
    { name: "topology-required", kind: "list", usage: "A topology that the Cluster Volume must be accessible from", annotations: { version: "1.42", swarm: "manager" } },
    { name: "type", kind: "string", usage: "Cluster Volume access type (\"mount\", \"block\")", def: "block", annotations: { version: "1.42", swarm: "manager" } },
  ],
};

export const volumeInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] VOLUME [VOLUME...]",
  short: "Display detailed information on one or more volumes",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};

export const volumeLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List volumes",
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "cluster", kind: "bool", usage: "Display only cluster volumes, and use cluster volume list formatting", annotations: { version: "1.42", swarm: "manager" } },
    { name: "filter", short: "f", kind: "filter", usage: "Provide filter values (e.g. \"dangling=true\")" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display volume names" },
  ],
};

export const volumePruneCmd: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused local volumes",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused volumes, not just anonymous ones", annotations: { version: "1.42" } },
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"label=<label>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
};

export const volumeRmCmd: CommandSpec = {
  use: "rm [OPTIONS] VOLUME [VOLUME...]",
  aliases: ["remove"],
  short: "Remove one or more volumes",
  long: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the removal of one or more volumes", annotations: { version: "1.25" } },
  ],
};

export const volumeUpdateCmd: CommandSpec = {
  use: "update [OPTIONS] [VOLUME]",
  short: "Update a volume (cluster volumes only)",
  annotations: { version: "1.42", swarm: "manager" },
  args: {kind: "exact", n: 1},
  flags: [
    { name: "availability", kind: "string", usage: "Cluster Volume availability (\"active\", \"pause\", \"drain\")", def: "active", annotations: { version: "1.42", swarm: "manager" } },
  ],
};

export const volumeCmd: CommandSpec = {
  use: "volume COMMAND",
  short: "Manage volumes",
  annotations: { version: "1.21" },
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [volumeCreateCmd, volumeInspectCmd, volumeLsCmd, volumePruneCmd, volumeRmCmd, volumeUpdateCmd],
};
