// docker create, and the container creation docker run shares with it (cli/command/container
// create.go): the --pull policy, "Unable to find image ... locally" and the pull on stderr, the
// retry, warnings, --cidfile.

import { ApiError } from '../../../engine-client';
import { familiarString, parseAnyReference, parseNormalizedNamed, tagNameOnly, tagOf, digestOf, type NamedReference } from '../../../reference';
import { Cli, CliError, errorText, type Invocation } from '../../cli';
import { displayStream } from '../../jsonstream';
import { registryAuthFor } from '../registry';
import { containerConfig, createRequestBody, type ContainerConfig } from './opts';

export const REGISTRY_AUTH_NONE = 'e30=';

export interface CreateOptions {
  name: string;
  pull: string;
  quiet: boolean;
  platform: string;
}

export function createOptionsOf(inv: Invocation): CreateOptions {
  const f = inv.flags;
  return { name: f.get<string>('name'), pull: f.get<string>('pull'), quiet: f.get<boolean>('quiet'), platform: f.get<string>('platform') };
}

/** platforms.Parse + formatPlatform, as far as docksim's daemon (linux/amd64) needs it */
export function normalizePlatform(p: string): string {
  const parts = p.toLowerCase().split('/');
  const oses = ['linux', 'windows', 'darwin', 'freebsd'];
  const arches: Record<string, string> = { amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', arm64: 'arm64', arm: 'arm', armhf: 'arm', armel: 'arm', i386: '386', '386': '386', ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  const bad = () => new CliError(`error parsing specified platform: ${JSON.stringify(p)}: unknown operating system or architecture: invalid argument`);
  let os = 'linux';
  let arch = 'amd64';
  let variant = '';
  if (parts.length === 1) {
    if (oses.includes(parts[0]!)) os = parts[0]!;
    else if (arches[parts[0]!]) arch = arches[parts[0]!]!;
    else throw bad();
  } else {
    if (!oses.includes(parts[0]!) || !arches[parts[1]!]) throw bad();
    os = parts[0]!;
    arch = arches[parts[1]!]!;
    variant = parts[2] ?? '';
  }
  if (arch === 'arm64' && variant === 'v8') variant = '';
  if (arch === 'arm' && variant === '') variant = 'v7';
  return [os, arch, variant].filter((x) => x !== '').join('/');
}

/** ImageCreate (the pull docker run / create makes), progress on stderr */
export async function pullImageForCreate(cli: Cli, image: string, opts: CreateOptions): Promise<void> {
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(image);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const tag = digestOf(ref) || tagOf(tagNameOnly(ref)) || '';
  const query: Record<string, string> = { fromImage: refName(ref), tag };
  if (opts.platform) query.platform = opts.platform.toLowerCase();
  const res = await cli.request('POST', '/images/create', { query, headers: { 'X-Registry-Auth': registryAuthFor(cli, ref) } });
  const out = opts.quiet
    ? { write: () => {}, isTerminal: false, width: 200, now: () => cli.now() }
    : { write: (s: string) => cli.err(s), isTerminal: cli.errIsTerminal, width: cli.io.columns ?? 200, now: () => cli.now() };
  await displayStream(res, out, { signal: cli.signal });
}

function refName(ref: NamedReference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** createContainer: returns the new container's ID. */
export async function createContainer(cli: Cli, cfg: ContainerConfig, opts: CreateOptions): Promise<string> {
  const hostConfig = cfg.hostConfig;
  const cidPath = String(hostConfig.ContainerIDFile ?? '');
  const cid = cidFile(cli, cidPath);
  let written = false;
  try {
    const image = String(cfg.config.Image);
    let namedRef: NamedReference | undefined;
    try {
      const ref = parseAnyReference(image);
      if (ref.kind === 'named') namedRef = tagNameOnly(ref);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    let platform = '';
    if (opts.platform !== '') platform = normalizePlatform(opts.platform);
    if (opts.pull === 'always') await pullImageForCreate(cli, image, opts);
    const query: Record<string, string> = {};
    if (platform) query.platform = platform;
    if (opts.name) query.name = opts.name;
    const body = createRequestBody(cfg);
    let response: { Id: string; Warnings: string[] | null };
    try {
      response = await (await cli.send('POST', '/containers/create', body, query)).json();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && namedRef && opts.pull === 'missing') {
        if (!opts.quiet) cli.err(`Unable to find image '${familiarString(namedRef)}' locally\n`);
        await pullImageForCreate(cli, image, opts);
        response = await (await cli.send('POST', '/containers/create', body, query)).json();
      } else throw e;
    }
    const warnings = [...(response.Warnings ?? [])];
    for (const dns of (hostConfig.Dns as string[]) ?? []) {
      if (isLoopback(dns)) {
        warnings.push(`Localhost DNS (${dns}) may fail in containers.`);
        break;
      }
    }
    for (const w of warnings) cli.err(`WARNING: ${w}\n`);
    if (cid) {
      cid.write(response.Id);
      written = true;
    }
    return response.Id;
  } finally {
    if (cid && !written) cid.remove();
  }
}

function isLoopback(ip: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1';
}

function cidFile(cli: Cli, path: string): { write(id: string): void; remove(): void } | undefined {
  if (path === '') return undefined;
  const fs = cli.io.fs;
  const abs = path.startsWith('/') ? path : `${cli.cwd.replace(/\/+$/, '')}/${path}`;
  if (!fs) throw new CliError(`failed to create the container ID file: open ${path}: read-only file system`);
  if (fs.exists(abs)) throw new CliError(`container ID file found, make sure the other container isn't running or delete ${path}`);
  try {
    fs.writeFile(abs, '');
  } catch {
    throw new CliError(`failed to create the container ID file: open ${path}: no such file or directory`);
  }
  return {
    write: (id) => fs.writeFile(abs, id),
    remove: () => {
      try {
        fs.rm(abs);
      } catch {
        // as docker: a failure here is reported only when the file stays
      }
    },
  };
}

/** the flags → create body, shared by run and create */
export function parseContainerFlags(cli: Cli, inv: Invocation, serverOS: string): ContainerConfig {
  const [image, ...args] = inv.args;
  return containerConfig(inv.flags, image!, args, {
    env: cli.env,
    cwd: cli.cwd,
    fs: cli.io.fs,
    consoleSize: cli.outIsTerminal ? [cli.height, cli.width] : [0, 0],
    serverOS,
  });
}

export async function serverOS(cli: Cli): Promise<string> {
  try {
    return (await cli.engine.negotiated()).osType;
  } catch {
    return '';
  }
}

/** `docker create` */
export async function runCreate(cli: Cli, inv: Invocation): Promise<void> {
  let cfg: ContainerConfig;
  try {
    cfg = parseContainerFlags(cli, inv, await serverOS(cli));
  } catch (e) {
    throw new CliError(`docker: ${errorText(e)}\n\nRun 'docker create --help' for more information`, 125);
  }
  const id = await createContainer(cli, cfg, createOptionsOf(inv));
  cli.out(id + '\n');
}
