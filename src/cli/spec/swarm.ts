// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const swarmCaCmd: CommandSpec = {
  use: "ca [OPTIONS]",
  short: "Display and rotate the root CA",
  annotations: { version: "1.30", swarm: "manager" },
  args: {kind: "none"},
  flags: [
    { name: "ca-cert", kind: "pemFile", usage: "Path to the PEM-formatted root CA certificate to use for the new cluster" },
    { name: "ca-key", kind: "pemFile", usage: "Path to the PEM-formatted root CA key to use for the new cluster" },
    { name: "cert-expiry", kind: "duration", usage: "Validity period for node certificates (ns|us|ms|s|m|h)", def: "2160h0m0s" },
    { name: "detach", short: "d", kind: "bool", usage: "Exit immediately instead of waiting for the root rotation to converge" },
    { name: "external-ca", kind: "externalCA", usage: "Specifications of one or more certificate signing endpoints" },
    { name: "quiet", short: "q", kind: "bool", usage: "Suppress progress output" },
    { name: "rotate", kind: "bool", usage: "Rotate the swarm CA - if no certificate or key are provided, new ones will be generated" },
  ],
};

export const swarmInitCmd: CommandSpec = {
  use: "init [OPTIONS]",
  short: "Initialize a swarm",
  annotations: { version: "1.24", swarm: "" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "advertise-addr", kind: "string", usage: "Advertised address (format: \"<ip|interface>[:port]\")" },
    { name: "autolock", kind: "bool", usage: "Enable manager autolocking (requiring an unlock key to start a stopped manager)" },
    { name: "availability", kind: "string", usage: "Availability of the node (\"active\", \"pause\", \"drain\")", def: "active" },
    { name: "cert-expiry", kind: "duration", usage: "Validity period for node certificates (ns|us|ms|s|m|h)", def: "2160h0m0s" },
    { name: "data-path-addr", kind: "string", usage: "Address or interface to use for data path traffic (format: \"<ip|interface>\")", annotations: { version: "1.31" } },
    { name: "data-path-port", kind: "uint32", usage: "Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.", annotations: { version: "1.40" } },
    { name: "default-addr-pool", kind: "ipNetSlice", usage: "default address pool in CIDR format", def: "[]", annotations: { version: "1.39" } },
    { name: "default-addr-pool-mask-length", kind: "uint32", usage: "default address pool subnet mask length", def: "24", annotations: { version: "1.39" } },
    { name: "dispatcher-heartbeat", kind: "duration", usage: "Dispatcher heartbeat period (ns|us|ms|s|m|h)", def: "5s" },
    { name: "external-ca", kind: "externalCA", usage: "Specifications of one or more certificate signing endpoints" },
    { name: "force-new-cluster", kind: "bool", usage: "Force create a new cluster from current state" },
    { name: "listen-addr", kind: "nodeAddr", usage: "Listen address (format: \"<ip|interface>[:port]\")", def: "0.0.0.0:2377" },
    { name: "max-snapshots", kind: "uint", usage: "Number of additional Raft snapshots to retain", annotations: { version: "1.25" } },
    { name: "snapshot-interval", kind: "uint", usage: "Number of log entries between Raft snapshots", def: "10000", annotations: { version: "1.25" } },
    { name: "task-history-limit", kind: "int", usage: "Task history retention limit", def: "5" },
  ],
};

export const swarmJoinCmd: CommandSpec = {
  use: "join [OPTIONS] HOST:PORT",
  short: "Join a swarm as a node and/or manager",
  annotations: { version: "1.24", swarm: "" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [
    { name: "advertise-addr", kind: "string", usage: "Advertised address (format: \"<ip|interface>[:port]\")" },
    { name: "availability", kind: "string", usage: "Availability of the node (\"active\", \"pause\", \"drain\")", def: "active" },
    { name: "data-path-addr", kind: "string", usage: "Address or interface to use for data path traffic (format: \"<ip|interface>\")", annotations: { version: "1.31" } },
    { name: "listen-addr", kind: "nodeAddr", usage: "Listen address (format: \"<ip|interface>[:port]\")", def: "0.0.0.0:2377" },
    { name: "token", kind: "string", usage: "Token for entry into the swarm" },
  ],
};

export const swarmJoinTokenCmd: CommandSpec = {
  use: "join-token [OPTIONS] (worker|manager)",
  short: "Manage join tokens",
  annotations: { version: "1.24", swarm: "manager" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [
    { name: "quiet", short: "q", kind: "bool", usage: "Only display token" },
    { name: "rotate", kind: "bool", usage: "Rotate join token" },
  ],
};

export const swarmLeaveCmd: CommandSpec = {
  use: "leave [OPTIONS]",
  short: "Leave the swarm",
  annotations: { version: "1.24", swarm: "active" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force this node to leave the swarm, ignoring warnings" },
  ],
};

export const swarmUnlockCmd: CommandSpec = {
  use: "unlock",
  short: "Unlock swarm",
  annotations: { version: "1.24", swarm: "manager" },
  args: {kind: "none"},
  simulated: true,
  flags: [],
};

export const swarmUnlockKeyCmd: CommandSpec = {
  use: "unlock-key [OPTIONS]",
  short: "Manage the unlock key",
  annotations: { version: "1.24", swarm: "manager" },
  args: {kind: "none"},
  flags: [
    { name: "quiet", short: "q", kind: "bool", usage: "Only display token" },
    { name: "rotate", kind: "bool", usage: "Rotate unlock key" },
  ],
};

export const swarmUpdateCmd: CommandSpec = {
  use: "update [OPTIONS]",
  short: "Update the swarm",
  annotations: { version: "1.24", swarm: "manager" },
  args: {kind: "none"},
  helpWithoutFlags: true,
  simulated: true,
  flags: [
    { name: "autolock", kind: "bool", usage: "Change manager autolocking setting (true|false)" },
    { name: "cert-expiry", kind: "duration", usage: "Validity period for node certificates (ns|us|ms|s|m|h)", def: "2160h0m0s" },
    { name: "dispatcher-heartbeat", kind: "duration", usage: "Dispatcher heartbeat period (ns|us|ms|s|m|h)", def: "5s" },
    { name: "external-ca", kind: "externalCA", usage: "Specifications of one or more certificate signing endpoints" },
    { name: "max-snapshots", kind: "uint", usage: "Number of additional Raft snapshots to retain", annotations: { version: "1.25" } },
    { name: "snapshot-interval", kind: "uint", usage: "Number of log entries between Raft snapshots", def: "10000", annotations: { version: "1.25" } },
    { name: "task-history-limit", kind: "int", usage: "Task history retention limit", def: "5" },
  ],
};

export const swarmCmd: CommandSpec = {
  use: "swarm",
  short: "Manage Swarm",
  annotations: { version: "1.24", swarm: "" },
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [swarmCaCmd, swarmInitCmd, swarmJoinCmd, swarmJoinTokenCmd, swarmLeaveCmd, swarmUnlockCmd, swarmUnlockKeyCmd, swarmUpdateCmd],
};
