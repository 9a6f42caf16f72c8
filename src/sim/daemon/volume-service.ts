// Volume operations of dockerd (moby volume/service): create, inspect, remove, prune, list.

import { MemoryFs } from '../../vfs';
import { conflict, invalid, notFound } from '../core/errors';
import type { Filters } from '../core/filters';
import type { Daemon } from './daemon';
import { ANONYMOUS_LABEL, type Volume } from './volumes';

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export class VolumeService {
  constructor(private readonly d: Daemon) {}

  get(name: string): Volume {
    const v = this.d.volumes.get(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  create(req: { Name: string; Driver: string; DriverOpts: Record<string, string> | null; Labels: Record<string, string> | null }): Volume {
    const d = this.d;
    const anonymous = req.Name === '';
    const name = anonymous ? d.world.rng.id64() : req.Name;
    if (!anonymous && !NAME_RE.test(name))
      throw invalid(`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    const driver = req.Driver || 'local';
    if (driver !== 'local') throw notFound(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    const existing = d.volumes.get(name);
    if (existing) return existing;
    // as moby keeps them: nil when the request has none (the CLI sends none for no --label)
    const labels = anonymous ? { ...(req.Labels ?? {}), [ANONYMOUS_LABEL]: '' } : req.Labels ? { ...req.Labels } : null;
    const v: Volume = {
      name,
      driver,
      created: d.stamp(),
      labels,
      options: req.DriverOpts,
      anonymous,
      fs: new MemoryFs({ now: () => d.now() }),
      users: new Set(),
    };
    d.volumes.add(v);
    d.event('volume', 'create', name, { driver });
    return v;
  }

  remove(name: string, force: boolean): void {
    const v = this.d.volumes.get(name);
    if (!v) {
      if (force) return;
      throw notFound(`get ${name}: no such volume`);
    }
    if (v.users.size > 0) throw conflict(`remove ${name}: volume is in use - [${[...v.users].join(', ')}]`);
    this.d.volumes.remove(name);
    this.d.event('volume', 'destroy', name, { driver: v.driver });
  }

  list(f: Filters): Volume[] {
    f.validate(['dangling', 'driver', 'label', 'name']);
    return [...this.d.volumes.volumes.values()].filter((v) => {
      if (f.has('name') && !f.match('name', v.name)) return false;
      if (!f.exactMatch('driver', v.driver)) return false;
      if (!f.matchKVList('label', v.labels ?? {})) return false;
      if (f.has('dangling') && f.getBool('dangling', false) !== (v.users.size === 0)) return false;
      return true;
    });
  }

  prune(f: Filters, size: (v: Volume) => number): { VolumesDeleted: string[] | null; SpaceReclaimed: number } {
    f.validate(['label', 'label!', 'all']);
    const all = f.has('all') ? f.getBool('all', false) : false;
    const deleted: string[] = [];
    let space = 0;
    for (const v of [...this.d.volumes.volumes.values()]) {
      if (v.users.size > 0) continue;
      if (!all && !v.anonymous) continue;
      if (!f.matchKVList('label', v.labels ?? {})) continue;
      space += size(v);
      this.remove(v.name, false);
      deleted.push(v.name);
    }
    this.d.event('volume', 'prune', '', { reclaimed: String(space) });
    return { VolumesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: space };
  }
}
