import { describe, expect, it } from 'vitest';
import { GoStruct, T, commandColumn, displayablePorts, ellipsis, goMethod, headerContext, writeFormatted } from '../../../src/cli/format';
import { familiarString, parseNormalizedNamed, trimNamed, truncateID, withTag } from '../../../src/reference';
import { formatGoTimeString, goTime, humanDuration, humanSizeWithPrecision } from '../../../src/units';
import fixture from './fixtures/docker-ps.json';

/**
 * End-to-end check of the formatting libraries: a minimal model of the CLI's
 * *formatter.ContainerContext (cli/command/formatter/container.go) built from them, fed the
 * same /containers/json answer the real docker CLI 28.2.2 formatted.
 */
interface Summary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  Labels: Record<string, string> | null;
  State: string;
  Status: string;
  NetworkSettings: { Networks: Record<string, unknown> } | null;
  Mounts: { Name: string; Source: string; Driver: string }[];
  SizeRw: number;
  SizeRootFs: number;
}

function imageColumn(c: Summary, trunc: boolean): string {
  if (c.Image === '') return '<no image>';
  if (trunc) {
    const t = truncateID(c.ImageID);
    if (t === truncateID(c.Image)) return t;
    try {
      const ref = parseNormalizedNamed(c.Image);
      if (ref.tag !== undefined) return familiarString(withTag(trimNamed(ref), ref.tag));
      return familiarString(trimNamed(ref));
    } catch {
      // fall through
    }
  }
  return c.Image;
}

function containerContext(c: Summary, trunc: boolean, nowMs: number): GoStruct {
  const names = () => {
    let n = c.Names.map((x) => x.slice(1));
    if (trunc) {
      const first = n.find((x) => !x.includes('/'));
      if (first !== undefined) n = [first];
    }
    return n.join(',');
  };
  const labels = () =>
    c.Labels === null
      ? ''
      : Object.entries(c.Labels)
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(',');
  const m: Record<string, () => unknown> = {
    Command: () => commandColumn(c.Command, trunc),
    CreatedAt: () => formatGoTimeString(goTime(c.Created * 1000)),
    ID: () => (trunc ? truncateID(c.Id) : c.Id),
    Image: () => imageColumn(c, trunc),
    Labels: labels,
    LocalVolumes: () => String(c.Mounts.filter((x) => x.Driver === 'local').length),
    Mounts: () => c.Mounts.map((x) => (trunc ? ellipsis(x.Name || x.Source, 15) : x.Name || x.Source)).join(','),
    Names: names,
    Networks: () => Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
    Platform: () => null,
    Ports: () => displayablePorts(c.Ports),
    RunningFor: () => humanDuration(nowMs - c.Created * 1000) + ' ago',
    Size: () => {
      const rw = humanSizeWithPrecision(c.SizeRw, 3);
      return c.SizeRootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})` : rw;
    },
    State: () => c.State,
    Status: () => c.Status,
  };
  return new GoStruct(
    '*formatter.ContainerContext',
    {},
    { ...m, Label: goMethod((name: string) => c.Labels?.[name] ?? '', T.string) },
    { json: () => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f()])) },
  );
}

const HEADER = headerContext({
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
});

const DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** The format `docker ps` ends up with for these arguments (cli/command/formatter/container.go). */
function formatFor(args: string[]): { format: string; trunc: boolean } {
  const trunc = !args.includes('--no-trunc');
  const i = args.indexOf('--format');
  if (i >= 0) return { format: args[i + 1]!, trunc };
  if (args.includes('-q')) return { format: '{{.ID}}', trunc };
  return { format: args.includes('-s') ? DEFAULT + '\\t{{.Size}}' : DEFAULT, trunc };
}

describe('docker ps output from the formatting libraries matches docker 28.2.2', () => {
  const fx = fixture as unknown as { now: number; containers: Summary[]; cases: { args: string[]; stdout: string }[] };
  it.each(fx.cases.map((c) => [c.args.join(' '), c] as const))('docker %s', (_name, c) => {
    const { format, trunc } = formatFor(c.args);
    const items = fx.containers.map((x) => containerContext(x, trunc, fx.now * 1000));
    expect(writeFormatted(format, HEADER, items)).toBe(c.stdout);
  });
});
