// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';
import { builderBuildCmd } from './image';

export const builderPruneCmd: CommandSpec = {
  use: "prune",
  short: "Remove build cache",
  annotations: { version: "1.39" },
  args: {kind: "none"},
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused build cache, not just dangling ones" },
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"until=24h\")" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
    { name: "keep-storage", kind: "bytes", usage: "Amount of disk space to keep for cache" },
  ],
};

export const bakeCmd: CommandSpec = {
  use: "bake [OPTIONS] [TARGET...]",
  short: "Build from a file",
  annotations: { categoryTop: "5", aliases: "docker buildx bake", version: "1.31" },
  hidden: true,
  args: {kind: "any"},
  action: "bakeStub",
  flags: [],
};

export const builderCmd: CommandSpec = {
  use: "builder",
  short: "Manage builds",
  annotations: { version: "1.31" },
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [builderBuildCmd, builderPruneCmd],
};
