// GET /system/df: disk usage of images, containers, volumes and the build cache.

import { Filters } from '../../sim/core/filters';
import type { Ctx } from '../app';
import { containerSummary } from './containers';
import { volumeJson } from './volumes';

export function dataUsage(ctx: Ctx, types: string[]): Record<string, unknown> {
  const { d, e } = ctx;
  const want = (t: string) => types.length === 0 || types.includes(t);
  let layersSize = 0;
  for (const l of d.images.layers.values()) layersSize += l.size;
  const out: Record<string, unknown> = {};
  if (want('image')) out.LayersSize = layersSize;
  if (want('image')) {
    out.Images = e.images.list({ all: true, filters: new Filters(), sharedSize: true, containers: true });
  } else out.Images = null;
  out.Containers = want('container') ? d.containerList().map((c) => containerSummary(d, c, true, e.images.displayRef(c))) : null;
  out.Volumes = want('volume')
    ? [...d.volumes.volumes.values()].map((v) => ({ ...volumeJson(d, v), UsageData: { Size: e.volumeSize(v), RefCount: v.users.size } }))
    : null;
  out.BuildCache = want('build-cache') ? [] : null;
  return out;
}
