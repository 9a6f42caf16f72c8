// formatter.ContainerContext (cli/command/formatter/container.go): the fields `docker ps`
// templates can use, with the CLI's truncation rules.

import { familiarString, parseNormalizedNamed, trimNamed, truncateID, withTag } from '../../reference';
import { formatGoTimeString, goTime, humanDuration, humanSizeWithPrecision, type GoZone } from '../../units';
import { memo } from '../format/memo';
import { GoStruct, T, commandColumn, displayablePorts, ellipsis, goMethod, headerContext, type PortSummary } from '../format';

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: PortSummary[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string> | null;
  State: string;
  Status: string;
  NetworkSettings?: { Networks: Record<string, unknown> } | null;
  Mounts?: { Name?: string; Source: string; Driver?: string }[];
  ImageManifestDescriptor?: { platform?: { architecture: string; os: string; 'os.version'?: string; variant?: string } } | null;
}

export const DEFAULT_CONTAINER_TABLE_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const CONTAINER_HEADER = headerContext({
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

/** NewContainerFormat */
export function containerFormat(source: string, quiet: boolean, size: boolean): string {
  switch (source) {
    case 'table':
    case '':
      if (quiet) return '{{.ID}}';
      return size ? DEFAULT_CONTAINER_TABLE_FORMAT + '\\t{{.Size}}' : DEFAULT_CONTAINER_TABLE_FORMAT;
    case 'raw': {
      if (quiet) return 'container_id: {{.ID}}';
      let f = 'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';
      if (size) f += 'size: {{.Size}}\\n';
      return f;
    }
    default:
      return quiet ? '{{.ID}}' : source;
  }
}

/** the IMAGE column: short ID, or the familiar reference without digest */
export function containerImage(image: string, imageID: string, trunc: boolean): string {
  if (image === '') return '<no image>';
  if (!trunc) return image;
  // a listing names the same few images over and over: each (image ID, image) is worked out
  // once (an image ID has no space: the first one ends it)
  return truncatedImage(`${imageID} ${image}`);
}

const truncatedImage = memo(256, (key: string): string => {
  const space = key.indexOf(' ');
  const imageID = key.slice(0, space);
  const image = key.slice(space + 1);
  const t = truncateID(imageID);
  if (t === truncateID(image)) return t;
  try {
    const ref = parseNormalizedNamed(image);
    if (ref.tag !== undefined) {
      try {
        return familiarString(withTag(trimNamed(ref), ref.tag));
      } catch {
        // fall through
      }
    } else return familiarString(trimNamed(ref));
  } catch {
    // not a reference: shown as is
  }
  return image;
});

/** formatter.Platform: printed with platforms.FormatAll, encoded as ocispec.Platform */
export function platformValue(p: { architecture: string; os: string; 'os.version'?: string; variant?: string } | undefined | null): GoStruct | null {
  if (!p) return null;
  const text = [p.os, p.architecture, p.variant].filter((x) => x).join('/');
  const json: Record<string, unknown> = { architecture: p.architecture, os: p.os };
  if (p['os.version']) json['os.version'] = p['os.version'];
  if (p.variant) json.variant = p.variant;
  return new GoStruct('*formatter.Platform', {}, {}, { string: () => text, json: () => json });
}

export interface ContainerContextOptions {
  trunc: boolean;
  now: number;
  zone: GoZone;
  /** called when the template reads .Size (ContainerContext.FieldsUsed) */
  onSize?: () => void;
}

export function containerContext(c: ContainerSummary, o: ContainerContextOptions): GoStruct {
  const m: Record<string, () => unknown> = {
    Command: () => commandColumn(c.Command, o.trunc),
    CreatedAt: () => formatGoTimeString(goTime(c.Created * 1000), o.zone),
    ID: () => (o.trunc ? truncateID(c.Id) : c.Id),
    Image: () => containerImage(c.Image, c.ImageID, o.trunc),
    Labels: () =>
      c.Labels === null || c.Labels === undefined
        ? ''
        : Object.entries(c.Labels)
            .map(([k, v]) => `${k}=${v}`)
            .sort()
            .join(','),
    LocalVolumes: () => String((c.Mounts ?? []).filter((x) => x.Driver === 'local').length),
    Mounts: () => (c.Mounts ?? []).map((x) => (o.trunc ? ellipsis(x.Name || x.Source, 15) : x.Name || x.Source)).join(','),
    Names: () => {
      let names = c.Names.map((x) => x.slice(1));
      if (o.trunc) {
        const first = names.find((x) => !x.includes('/'));
        if (first !== undefined) names = [first];
      }
      return names.join(',');
    },
    Networks: () => (c.NetworkSettings ? Object.keys(c.NetworkSettings.Networks ?? {}).join(',') : ''),
    Platform: () => platformValue(c.ImageManifestDescriptor?.platform),
    Ports: () => displayablePorts(c.Ports ?? []),
    RunningFor: () => humanDuration(o.now - c.Created * 1000) + ' ago',
    Size: () => {
      o.onSize?.();
      const rw = humanSizeWithPrecision(c.SizeRw ?? 0, 3);
      return (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSizeWithPrecision(c.SizeRootFs!, 3)})` : rw;
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

/** an empty ContainerContext (the CLI runs --format templates on one before listing) */
export function emptyContainerContext(onSize: () => void, zone: GoZone): GoStruct {
  return containerContext({ Id: '', Names: [], Image: '', ImageID: '', Command: '', Created: 0, Ports: [], Labels: null, State: '', Status: '' }, { trunc: false, now: 0, zone, onSize });
}
