// Volumes of one daemon (the `local` driver): named and anonymous volumes, each with its own
// filesystem under /var/lib/docker/volumes/<name>/_data, and reference counts from containers
// that mount them. moby: volume/service, volume/local.

import type { FileSystem } from '../../vfs/types';
import type { Stamp } from '../core/time';

export interface Volume {
  name: string;
  driver: string;
  created: Stamp;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  anonymous: boolean;
  fs: FileSystem;
  /** IDs of containers that reference the volume (mounted or not). */
  users: Set<string>;
}

export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export class VolumeStore {
  readonly volumes = new Map<string, Volume>();

  get(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  add(v: Volume): void {
    this.volumes.set(v.name, v);
  }

  remove(name: string): void {
    this.volumes.delete(name);
  }

  mountpoint(name: string): string {
    return `/var/lib/docker/volumes/${name}/_data`;
  }
}
