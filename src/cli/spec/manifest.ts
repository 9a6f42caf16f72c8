// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const manifestAnnotateCmd: CommandSpec = {
  use: "annotate [OPTIONS] MANIFEST_LIST MANIFEST",
  short: "Add additional information to a local image manifest",
  args: {kind: "exact", n: 2},
  flags: [
    { name: "arch", kind: "string", usage: "Set architecture" },
    { name: "os", kind: "string", usage: "Set operating system" },
    { name: "os-features", kind: "stringSlice", usage: "Set operating system feature" },
    { name: "os-version", kind: "string", usage: "Set operating system version" },
    { name: "variant", kind: "string", usage: "Set architecture variant" },
  ],
};

export const manifestCreateCmd: CommandSpec = {
  use: "create MANIFEST_LIST MANIFEST [MANIFEST...]",
  short: "Create a local manifest list for annotating and pushing to a registry",
  args: {kind: "min", n: 2},
  flags: [
    { name: "amend", short: "a", kind: "bool", usage: "Amend an existing manifest list" },
    { name: "insecure", kind: "bool", usage: "Allow communication with an insecure registry" },
  ],
};

export const manifestInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] [MANIFEST_LIST] MANIFEST",
  short: "Display an image manifest, or manifest list",
  args: {kind: "range", min: 1, max: 2},
  flags: [
    { name: "insecure", kind: "bool", usage: "Allow communication with an insecure registry" },
    { name: "verbose", short: "v", kind: "bool", usage: "Output additional info including layers and platform" },
  ],
};

export const manifestPushCmd: CommandSpec = {
  use: "push [OPTIONS] MANIFEST_LIST",
  short: "Push a manifest list to a repository",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "insecure", kind: "bool", usage: "Allow push to an insecure registry" },
    { name: "purge", short: "p", kind: "bool", usage: "Remove the local manifest list after push" },
  ],
};

export const manifestRmCmd: CommandSpec = {
  use: "rm MANIFEST_LIST [MANIFEST_LIST...]",
  short: "Delete one or more manifest lists from local storage",
  args: {kind: "min", n: 1},
  flags: [],
};

export const manifestCmd: CommandSpec = {
  use: "manifest COMMAND",
  short: "Manage Docker image manifests and manifest lists",
  long: "The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.",
  annotations: { experimentalCLI: true },
  args: {kind: "none"},
  action: "usageToStderr",
  flags: [],
  subcommands: [manifestAnnotateCmd, manifestCreateCmd, manifestInspectCmd, manifestPushCmd, manifestRmCmd],
};
