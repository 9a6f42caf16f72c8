// The CLI's config file (~/.docker/config.json, or $DOCKER_CONFIG/config.json): the default
// formats of list commands and the detach keys, when the host gives the CLI a filesystem.

import type { Cli } from './cli';

export interface ConfigFile {
  psFormat?: string;
  imagesFormat?: string;
  networksFormat?: string;
  volumesFormat?: string;
  statsFormat?: string;
  detachKeys?: string;
}

export function configDir(cli: Cli): string {
  return cli.env.DOCKER_CONFIG || `${cli.env.HOME || '/root'}/.docker`;
}

export function loadConfigFile(cli: Cli): ConfigFile {
  const fs = cli.io.fs;
  if (!fs) return {};
  try {
    const text = fs.readFile(`${configDir(cli)}/config.json`);
    const v = JSON.parse(text) as ConfigFile;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}
