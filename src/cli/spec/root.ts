// Generated from docker CLI 28.2.2's help output and command definitions, then maintained by hand.
import type { CommandSpec } from './types';
import { attachCmd, commitCmd, containerCmd, cpCmd, createCmd, diffCmd, execCmd, exportCmd, killCmd, logsCmd, pauseCmd, portCmd, psCmd, renameCmd, restartCmd, rmCmd, runCmd, startCmd, statsCmd, stopCmd, topCmd, unpauseCmd, updateCmd, waitCmd } from './container';
import { buildCmd, historyCmd, imageCmd, imagesCmd, importCmd, loadCmd, pullCmd, pushCmd, rmiCmd, saveCmd, tagCmd } from './image';
import { loginCmd, logoutCmd, searchCmd } from './registry';
import { eventsCmd, infoCmd, inspectCmd, systemCmd, versionCmd } from './system';
import { bakeCmd, builderCmd } from './builder';
import { checkpointCmd } from './checkpoint';
import { contextCmd } from './context';
import { manifestCmd } from './manifest';
import { networkCmd } from './network';
import { pluginCmd } from './plugin';
import { trustCmd } from './trust';
import { volumeCmd } from './volume';
import { configCmd } from './config';
import { nodeCmd } from './node';
import { secretCmd } from './secret';
import { serviceCmd } from './service';
import { stackCmd } from './stack';
import { swarmCmd } from './swarm';

export const rootCmd: CommandSpec = {
  use: "docker [OPTIONS] COMMAND [ARG...]",
  short: "A self-sufficient runtime for containers",
  annotations: { additionalHelp: "For more help on how to use Docker, head to https://docs.docker.com/go/guides/" },
  flags: [
    { name: "config", kind: "string", usage: "Location of client config files", def: "/root/.docker", envDefault: "config" },
    { name: "context", short: "c", kind: "string", usage: "Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with \"docker context use\")" },
    { name: "debug", short: "D", kind: "bool", usage: "Enable debug mode" },
    { name: "help", short: "h", kind: "bool", usage: "Print usage", hidden: true, shorthandDeprecated: "use --help", persistent: true },
    { name: "host", short: "H", kind: "list", usage: "Daemon socket to connect to" },
    { name: "log-level", short: "l", kind: "string", usage: "Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\")", def: "info" },
    { name: "tls", kind: "bool", usage: "Use TLS; implied by --tlsverify", envDefault: "DOCKER_TLS" },
    { name: "tlscacert", kind: "quotedString", usage: "Trust certs signed only by this CA", def: "/root/.docker/ca.pem", envDefault: "tlscacert" },
    { name: "tlscert", kind: "quotedString", usage: "Path to TLS certificate file", def: "/root/.docker/cert.pem", envDefault: "tlscert" },
    { name: "tlskey", kind: "quotedString", usage: "Path to TLS key file", def: "/root/.docker/key.pem", envDefault: "tlskey" },
    { name: "tlsverify", kind: "bool", usage: "Use TLS and verify the remote", envDefault: "DOCKER_TLS_VERIFY" },
    { name: "version", short: "v", kind: "bool", usage: "Print version information and quit" },
  ],
  subcommands: [attachCmd, bakeCmd, buildCmd, builderCmd, checkpointCmd, commitCmd, configCmd, containerCmd, contextCmd, cpCmd, createCmd, diffCmd, eventsCmd, execCmd, exportCmd, historyCmd, imageCmd, imagesCmd, importCmd, infoCmd, inspectCmd, killCmd, loadCmd, loginCmd, logoutCmd, logsCmd, manifestCmd, networkCmd, nodeCmd, pauseCmd, pluginCmd, portCmd, psCmd, pullCmd, pushCmd, renameCmd, restartCmd, rmCmd, rmiCmd, runCmd, saveCmd, searchCmd, secretCmd, serviceCmd, stackCmd, startCmd, statsCmd, stopCmd, swarmCmd, systemCmd, tagCmd, topCmd, trustCmd, unpauseCmd, updateCmd, versionCmd, volumeCmd, waitCmd],
};
