// Volume JSON (moby api/types/volume Volume at v28.2.2).

import { rfc3339 } from '../../sim/core/time';
import type { Daemon } from '../../sim/daemon/daemon';
import type { Volume } from '../../sim/daemon/volumes';

export function volumeJson(d: Daemon, v: Volume): Record<string, unknown> {
  return {
    CreatedAt: rfc3339(v.created),
    Driver: v.driver,
    Labels: v.labels,
    Mountpoint: d.volumes.mountpoint(v.name),
    Name: v.name,
    Options: v.options, // null for a volume created without driver options, as moby
    Scope: 'local',
  };
}
