// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const networkConnectCmd: CommandSpec = {
  use: "connect [OPTIONS] NETWORK CONTAINER",
  short: "Connect a container to a network",
  args: {kind: "exact", n: 2},
  simulated: true,
  flags: [
    { name: "alias", kind: "stringSlice", usage: "Add network-scoped alias for the container" },
    { name: "driver-opt", kind: "stringSlice", usage: "driver options for the network" },
    { name: "gw-priority", kind: "int", usage: "Highest gw-priority provides the default gateway. Accepts positive and negative values." },
    { name: "ip", kind: "string", usage: "IPv4 address (e.g., \"172.30.100.104\")" },
    { name: "ip6", kind: "string", usage: "IPv6 address (e.g., \"2001:db8::33\")" },
    { name: "link", kind: "list", validate: "link", usage: "Add link to another container" },
    { name: "link-local-ip", kind: "stringSlice", usage: "Add a link-local address for the container" },
  ],
};

export const networkCreateCmd: CommandSpec = {
  use: "create [OPTIONS] NETWORK",
  short: "Create a network",
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [
    { name: "attachable", kind: "bool", usage: "Enable manual container attachment", annotations: { version: "1.25" } },
    { name: "aux-address", kind: "map", usage: "Auxiliary IPv4 or IPv6 addresses used by Network driver", def: "map[]" },
    { name: "config-from", kind: "string", usage: "The network from which to copy the configuration", annotations: { version: "1.30" } },
    { name: "config-only", kind: "bool", usage: "Create a configuration only network", annotations: { version: "1.30" } },
    { name: "driver", short: "d", kind: "string", usage: "Driver to manage the Network", def: "bridge" },
    { name: "gateway", kind: "stringSlice", usage: "IPv4 or IPv6 Gateway for the master subnet" },
    { name: "ingress", kind: "bool", usage: "Create swarm routing-mesh network", annotations: { version: "1.29" } },
    { name: "internal", kind: "bool", usage: "Restrict external access to the network" },
    { name: "ip-range", kind: "stringSlice", usage: "Allocate container ip from a sub-range" },
    { name: "ipam-driver", kind: "string", usage: "IP Address Management Driver", def: "default" },
    { name: "ipam-opt", kind: "map", usage: "Set IPAM driver specific options", def: "map[]" },
    { name: "ipv4", kind: "bool", usage: "Enable or disable IPv4 address assignment", def: "true" },
    { name: "ipv6", kind: "bool", usage: "Enable or disable IPv6 address assignment" },
    { name: "label", kind: "list", validate: "label", usage: "Set metadata on a network" },
    { name: "opt", short: "o", kind: "map", usage: "Set driver specific options", def: "map[]" },
    { name: "scope", kind: "string", usage: "Control the network's scope", annotations: { version: "1.30" } },
    { name: "subnet", kind: "stringSlice", usage: "Subnet in CIDR format that represents a network segment" },
  ],
};

export const networkDisconnectCmd: CommandSpec = {
  use: "disconnect [OPTIONS] NETWORK CONTAINER",
  short: "Disconnect a container from a network",
  args: {kind: "exact", n: 2},
  simulated: true,
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the container to disconnect from a network" },
  ],
};

export const networkInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] NETWORK [NETWORK...]",
  short: "Display detailed information on one or more networks",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "verbose", short: "v", kind: "bool", usage: "Verbose output for diagnostics" },
  ],
};

export const networkLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List networks",
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Provide filter values (e.g. \"driver=bridge\")" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "no-trunc", kind: "bool", usage: "Do not truncate the output" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display network IDs" },
  ],
};

export const networkPruneCmd: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove all unused networks",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"until=<timestamp>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
};

export const networkRmCmd: CommandSpec = {
  use: "rm NETWORK [NETWORK...]",
  aliases: ["remove"],
  short: "Remove one or more networks",
  args: {kind: "min", n: 1},
  simulated: true,
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Do not error if the network does not exist" },
  ],
};

export const networkCmd: CommandSpec = {
  use: "network",
  short: "Manage networks",
  annotations: { version: "1.21" },
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [networkConnectCmd, networkCreateCmd, networkDisconnectCmd, networkInspectCmd, networkLsCmd, networkPruneCmd, networkRmCmd],
};
