// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const checkpointCreateCmd: CommandSpec = {
  use: "create [OPTIONS] CONTAINER CHECKPOINT",
  short: "Create a checkpoint from a running container",
  args: {kind: "exact", n: 2},
  flags: [
    { name: "checkpoint-dir", kind: "string", usage: "Use a custom checkpoint storage directory" },
    { name: "leave-running", kind: "bool", usage: "Leave the container running after checkpoint" },
  ],
};

export const checkpointLsCmd: CommandSpec = {
  use: "ls [OPTIONS] CONTAINER",
  aliases: ["list"],
  short: "List checkpoints for a container",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "checkpoint-dir", kind: "string", usage: "Use a custom checkpoint storage directory" },
  ],
};

export const checkpointRmCmd: CommandSpec = {
  use: "rm [OPTIONS] CONTAINER CHECKPOINT",
  aliases: ["remove"],
  short: "Remove a checkpoint",
  args: {kind: "exact", n: 2},
  flags: [
    { name: "checkpoint-dir", kind: "string", usage: "Use a custom checkpoint storage directory" },
  ],
};

export const checkpointCmd: CommandSpec = {
  use: "checkpoint",
  short: "Manage checkpoints",
  annotations: { version: "1.25", ostype: "linux", experimental: true },
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [checkpointCreateCmd, checkpointLsCmd, checkpointRmCmd],
};
