// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';

export const loginCmd: CommandSpec = {
  use: "login [OPTIONS] [SERVER]",
  short: "Authenticate to a registry",
  long: "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
  annotations: { categoryTop: "8" },
  args: {kind: "max", n: 1},
  simulated: true,
  flags: [
    { name: "password", short: "p", kind: "string", usage: "Password or Personal Access Token (PAT)" },
    { name: "password-stdin", kind: "bool", usage: "Take the Password or Personal Access Token (PAT) from stdin" },
    { name: "username", short: "u", kind: "string", usage: "Username" },
  ],
};

export const logoutCmd: CommandSpec = {
  use: "logout [SERVER]",
  short: "Log out from a registry",
  long: "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
  annotations: { categoryTop: "9" },
  args: {kind: "max", n: 1},
  simulated: true,
  flags: [],
};

export const searchCmd: CommandSpec = {
  use: "search [OPTIONS] TERM",
  short: "Search Docker Hub for images",
  annotations: { categoryTop: "10" },
  args: {kind: "exact", n: 1},
  simulated: true,
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Filter output based on conditions provided" },
    { name: "format", kind: "string", usage: "Pretty-print search using a Go template" },
    { name: "limit", kind: "int", usage: "Max number of search results" },
    { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  ],
};
