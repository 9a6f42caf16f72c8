// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const pluginCreateCmd: CommandSpec = {
  use: "create [OPTIONS] PLUGIN PLUGIN-DATA-DIR",
  short: "Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.",
  args: {kind: "min", n: 2},
  flags: [
    { name: "compress", kind: "bool", usage: "Compress the context using gzip" },
  ],
};

export const pluginDisableCmd: CommandSpec = {
  use: "disable [OPTIONS] PLUGIN",
  short: "Disable a plugin",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the disable of an active plugin" },
  ],
};

export const pluginEnableCmd: CommandSpec = {
  use: "enable [OPTIONS] PLUGIN",
  short: "Enable a plugin",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "timeout", kind: "int", usage: "HTTP client timeout (in seconds)", def: "30" },
  ],
};

export const pluginInspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] PLUGIN [PLUGIN...]",
  short: "Display detailed information on one or more plugins",
  args: {kind: "min", n: 1},
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};

export const pluginInstallCmd: CommandSpec = {
  use: "install [OPTIONS] PLUGIN [KEY=VALUE...]",
  short: "Install a plugin",
  args: {kind: "min", n: 1},
  flags: [
    { name: "alias", kind: "string", usage: "Local name for plugin" },
    { name: "disable", kind: "bool", usage: "Do not enable the plugin on install" },
    { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
    { name: "grant-all-permissions", kind: "bool", usage: "Grant all permissions necessary to run the plugin" },
  ],
};

export const pluginLsCmd: CommandSpec = {
  use: "ls [OPTIONS]",
  aliases: ["list"],
  short: "List plugins",
  args: {kind: "none"},
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Provide filter values (e.g. \"enabled=true\")" },
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display plugin IDs" },
  ],
};

export const pluginPushCmd: CommandSpec = {
  use: "push [OPTIONS] PLUGIN[:TAG]",
  short: "Push a plugin to a registry",
  args: {kind: "exact", n: 1},
  flags: [
    { name: "disable-content-trust", kind: "bool", usage: "Skip image signing", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
  ],
};

export const pluginRmCmd: CommandSpec = {
  use: "rm [OPTIONS] PLUGIN [PLUGIN...]",
  aliases: ["remove"],
  short: "Remove one or more plugins",
  args: {kind: "min", n: 1},
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the removal of an active plugin" },
  ],
};

export const pluginSetCmd: CommandSpec = {
  use: "set PLUGIN KEY=VALUE [KEY=VALUE...]",
  short: "Change settings for a plugin",
  args: {kind: "min", n: 2},
  flags: [],
};

export const pluginUpgradeCmd: CommandSpec = {
  use: "upgrade [OPTIONS] PLUGIN [REMOTE]",
  short: "Upgrade an existing plugin",
  annotations: { version: "1.26" },
  args: {kind: "range", min: 1, max: 2},
  flags: [
    { name: "disable-content-trust", kind: "bool", usage: "Skip image verification", def: "true", envDefault: "DOCKER_CONTENT_TRUST" },
    { name: "grant-all-permissions", kind: "bool", usage: "Grant all permissions necessary to run the plugin" },
    { name: "skip-remote-check", kind: "bool", usage: "Do not check if specified remote plugin matches existing plugin image" },
  ],
};

export const pluginCmd: CommandSpec = {
  use: "plugin",
  short: "Manage plugins",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  action: "showHelp",
  flags: [],
  subcommands: [pluginCreateCmd, pluginDisableCmd, pluginEnableCmd, pluginInspectCmd, pluginInstallCmd, pluginLsCmd, pluginPushCmd, pluginRmCmd, pluginSetCmd, pluginUpgradeCmd],
};
