// docker inspect (any object) and docker container|image|network|volume inspect.

import { ApiError } from '../../engine-client';
import { CliError, isNotFound, type Cli, type Invocation } from '../cli';
import { inspectObjects, type GetRef } from '../inspect';
import { trimID } from './container/simple';

/** path of an image in the API: the reference as typed (slashes kept) */
export function imagePath(ref: string, rest = ''): string {
  return `/images/${ref.split('/').map(encodeURIComponent).join('/')}${rest}`;
}

export function containerRef(cli: Cli, size: boolean): GetRef {
  return async (ref) => {
    const res = await cli.request('GET', `/containers/${encodeURIComponent(trimID('container', ref))}/json`, { query: size ? { size: '1' } : {} });
    return { raw: await res.text() };
  };
}

export function imageRef(cli: Cli): GetRef {
  return async (ref) => {
    if (ref === '') throw new CliError('Error: No such image: ');
    const res = await cli.request('GET', imagePath(ref, '/json'));
    return { raw: await res.text() };
  };
}

export function networkRef(cli: Cli, verbose = false): GetRef {
  return async (ref) => {
    const res = await cli.request('GET', `/networks/${encodeURIComponent(trimID('network', ref))}`, { query: verbose ? { verbose: 'true' } : {} });
    return { raw: await res.text() };
  };
}

export function volumeRef(cli: Cli): GetRef {
  return async (ref) => {
    const res = await cli.request('GET', `/volumes/${encodeURIComponent(trimID('volume', ref))}`);
    return { raw: await res.text(), typedOnly: true, typeName: 'volume.Volume' };
  };
}

export async function runContainerInspect(cli: Cli, inv: Invocation): Promise<void> {
  await inspectObjects(cli, inv.args, inv.flags.get<string>('format'), containerRef(cli, inv.flags.get<boolean>('size')));
}

export async function runImageInspect(cli: Cli, inv: Invocation): Promise<void> {
  await inspectObjects(cli, inv.args, inv.flags.get<string>('format'), imageRef(cli));
}

export async function runNetworkInspect(cli: Cli, inv: Invocation): Promise<void> {
  await inspectObjects(cli, inv.args, inv.flags.get<string>('format'), networkRef(cli, inv.flags.get<boolean>('verbose')));
}

export async function runVolumeInspect(cli: Cli, inv: Invocation): Promise<void> {
  await inspectObjects(cli, inv.args, inv.flags.get<string>('format'), volumeRef(cli));
}

const ALL_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

function skippable(e: unknown): boolean {
  if (isNotFound(e)) return true;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.includes('not supported') || msg.includes('invalid reference format');
}

/** `docker inspect` */
export async function runInspect(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const type = f.get<string>('type');
  const size = f.get<boolean>('size');
  if (f.changed('type') && type === '') throw new CliError(`type is empty: must be one of "${ALL_TYPES.join('", "')}"`);
  if (type !== '' && !ALL_TYPES.includes(type)) throw new CliError(`unknown type: ${JSON.stringify(type)}: must be one of "${ALL_TYPES.join('", "')}"`);
  const swarmManager = async (): Promise<boolean> => {
    try {
      const info = await cli.json<{ Swarm?: { ControlAvailable?: boolean } }>('GET', '/info');
      return info.Swarm?.ControlAvailable === true;
    } catch (e) {
      cli.err((e instanceof ApiError ? `Error response from daemon: ${e.message}` : (e as Error).message) + '\n');
      return false;
    }
  };
  const swarmGet = (kind: string): GetRef => async (ref) => {
    const res = await cli.request('GET', `/${kind}/${encodeURIComponent(ref)}`);
    return { raw: await res.text() };
  };
  const searchers: { type: string; size: boolean; swarm: boolean; get: GetRef }[] = [
    { type: 'container', size: true, swarm: false, get: containerRef(cli, size) },
    { type: 'image', size: false, swarm: false, get: imageRef(cli) },
    { type: 'network', size: false, swarm: false, get: networkRef(cli) },
    { type: 'volume', size: false, swarm: false, get: volumeRef(cli) },
    { type: 'service', size: false, swarm: true, get: async (ref) => ({ raw: await (await cli.request('GET', `/services/${encodeURIComponent(ref)}`, { query: { insertDefaults: 'true' } })).text() }) },
    { type: 'task', size: false, swarm: true, get: swarmGet('tasks') },
    { type: 'node', size: false, swarm: true, get: swarmGet('nodes') },
    { type: 'plugin', size: false, swarm: false, get: async (ref) => ({ raw: await (await cli.request('GET', `/plugins/${encodeURIComponent(ref)}/json`)).text() }) },
    { type: 'secret', size: false, swarm: true, get: swarmGet('secrets') },
    { type: 'config', size: false, swarm: true, get: swarmGet('configs') },
  ];
  const getRef: GetRef = async (ref) => {
    let swarm: boolean | undefined;
    for (const s of searchers) {
      if (type !== '' && s.type !== type) continue;
      if (type === '' && s.swarm) {
        if (swarm === undefined) swarm = await swarmManager();
        if (!swarm) continue;
      }
      let got;
      try {
        got = await s.get(ref);
      } catch (e) {
        if (type === '' && skippable(e)) continue;
        throw e;
      }
      if (size && !s.size) cli.err(`WARNING: --size ignored for ${s.type}\n`);
      return got;
    }
    throw new CliError(`Error: No such object: ${ref}`);
  };
  await inspectObjects(cli, inv.args, f.get<string>('format'), getRef);
}
