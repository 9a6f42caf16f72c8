// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const trustKeyGenerateCmd: CommandSpec = {
  use: "generate NAME",
  short: "Generate and load a signing key-pair",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "dir", kind: "string", usage: "Directory to generate key in, defaults to current directory" },
  ],
};

export const trustKeyLoadCmd: CommandSpec = {
  use: "load [OPTIONS] KEYFILE",
  short: "Load a private key file for signing",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "name", kind: "string", usage: "Name for the loaded key", def: "signer" },
  ],
};

export const trustSignerAddCmd: CommandSpec = {
  use: "add OPTIONS NAME REPOSITORY [REPOSITORY...] ",
  short: "Add a signer",
  args: {kind: "min", n: 2},
  flags: [
    { name: "key", kind: "list", usage: "Path to the signer's public key file" },
  ],
};

export const trustSignerRemoveCmd: CommandSpec = {
  use: "remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]",
  short: "Remove a signer",
  args: {kind: "min", n: 2},
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation before removing the most recent signer" },
  ],
};

export const trustInspectCmd: CommandSpec = {
  use: "inspect IMAGE[:TAG] [IMAGE[:TAG]...]",
  short: "Return low-level information about keys and signatures",
  args: {kind: "min", n: 1},
  flags: [
    { name: "pretty", kind: "bool", usage: "Print the information in a human friendly format" },
  ],
};

export const trustKeyCmd: CommandSpec = {
  use: "key",
  short: "Manage keys for signing Docker images",
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [trustKeyGenerateCmd, trustKeyLoadCmd],
};

export const trustRevokeCmd: CommandSpec = {
  use: "revoke [OPTIONS] IMAGE[:TAG]",
  short: "Remove trust for an image",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "yes", short: "y", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
};

export const trustSignCmd: CommandSpec = {
  use: "sign IMAGE:TAG",
  short: "Sign an image",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "local", kind: "bool", usage: "Sign a locally tagged image" },
  ],
};

export const trustSignerCmd: CommandSpec = {
  use: "signer",
  short: "Manage entities who can sign Docker images",
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [trustSignerAddCmd, trustSignerRemoveCmd],
};

export const trustCmd: CommandSpec = {
  use: "trust",
  short: "Manage trust on Docker images",
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [trustInspectCmd, trustKeyCmd, trustRevokeCmd, trustSignCmd, trustSignerCmd],
};
