// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec, FlagSpec } from './types';

const systemInfoFlags: FlagSpec[] = [
  { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
];

const systemEventsFlags: FlagSpec[] = [
  { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
  { name: "format", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  { name: "since", kind: "string", usage: "Show all events created since timestamp" },
  { name: "until", kind: "string", usage: "Stream events until this timestamp" },
];

export const systemDfCmd: CommandSpec = {
  use: "df [OPTIONS]",
  short: "Show docker disk usage",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "format", kind: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "verbose", short: "v", kind: "bool", usage: "Show detailed information on space usage" },
  ],
};

export const systemDialStdioCmd: CommandSpec = {
  use: "dial-stdio",
  short: "Proxy the stdio stream to the daemon connection. Should not be invoked manually.",
  hidden: true,
  args: {kind: "none"},
  flags: [],
};

export const systemEventsCmd: CommandSpec = {
  use: "events [OPTIONS]",
  short: "Get real time events from the server",
  annotations: { aliases: "docker system events, docker events" },
  args: {kind: "none"},
  simulated: true,
  flags: systemEventsFlags,
};

export const systemInfoCmd: CommandSpec = {
  use: "info [OPTIONS]",
  short: "Display system-wide information",
  annotations: { categoryTop: "12", aliases: "docker system info, docker info" },
  args: {kind: "none"},
  simulated: true,
  flags: systemInfoFlags,
};

export const systemPruneCmd: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused data",
  annotations: { version: "1.25" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused images not just dangling ones" },
    { name: "filter", kind: "filter", usage: "Provide filter values (e.g. \"label=<key>=<value>\")", annotations: { version: "1.28" } },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
    { name: "volumes", kind: "bool", usage: "Prune anonymous volumes" },
  ],
};

export const eventsCmd: CommandSpec = {
  use: "events [OPTIONS]",
  short: "Get real time events from the server",
  annotations: { aliases: "docker system events, docker events" },
  args: {kind: "none"},
  legacy: true,
  simulated: true,
  flags: systemEventsFlags,
};

export const infoCmd: CommandSpec = {
  use: "info [OPTIONS]",
  short: "Display system-wide information",
  annotations: { categoryTop: "12", aliases: "docker system info, docker info" },
  args: {kind: "none"},
  simulated: true,
  flags: systemInfoFlags,
};

export const inspectCmd: CommandSpec = {
  use: "inspect [OPTIONS] NAME|ID [NAME|ID...]",
  short: "Return low-level information on Docker objects",
  args: {kind: "min", n: 1},
  legacy: true,
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: "size", short: "s", kind: "bool", usage: "Display total file sizes if the type is container" },
    { name: "type", kind: "string", usage: "Only inspect objects of the given type" },
  ],
};

export const systemCmd: CommandSpec = {
  use: "system",
  short: "Manage Docker",
  args: {kind: "none"},
  action: "showHelp",
  simulated: true,
  flags: [],
  subcommands: [systemDfCmd, systemDialStdioCmd, systemEventsCmd, systemInfoCmd, systemPruneCmd],
};

export const versionCmd: CommandSpec = {
  use: "version [OPTIONS]",
  short: "Show the Docker version information",
  annotations: { categoryTop: "10" },
  args: {kind: "none"},
  simulated: true,
  flags: [
    { name: "format", short: "f", kind: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};
