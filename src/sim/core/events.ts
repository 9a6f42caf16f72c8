// `docker events`: every object change on a daemon, with Docker's types, actions and
// attributes (moby daemon/events.go and the Log* callers). Kept in a bounded ring, as moby's
// events service keeps the last 256 for `since` queries, and pushed to subscribers live.

import type { Stamp } from './time';

export type EventType =
  | 'builder'
  | 'config'
  | 'container'
  | 'daemon'
  | 'image'
  | 'network'
  | 'node'
  | 'plugin'
  | 'secret'
  | 'service'
  | 'volume';

export interface DockerEvent {
  type: EventType;
  action: string;
  actorId: string;
  attributes: Record<string, string>;
  scope: 'local' | 'swarm';
  stamp: Stamp;
}

/** The JSON moby writes for one event (one line of GET /events), int64s kept exact. */
export function eventJson(e: DockerEvent): string {
  const parts: string[] = [];
  // Deprecated fields moby 28 still fills for container and image events.
  if (e.type === 'container' || e.type === 'image') {
    parts.push(`"status":${JSON.stringify(e.action)}`, `"id":${JSON.stringify(e.actorId)}`);
    if (e.type === 'container' && e.attributes.image !== undefined) parts.push(`"from":${JSON.stringify(e.attributes.image)}`);
  }
  const attrs = Object.keys(e.attributes)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(e.attributes[k])}`)
    .join(',');
  parts.push(
    `"Type":${JSON.stringify(e.type)}`,
    `"Action":${JSON.stringify(e.action)}`,
    `"Actor":{"ID":${JSON.stringify(e.actorId)},"Attributes":{${attrs}}}`,
    `"scope":${JSON.stringify(e.scope)}`,
    `"time":${Math.floor(e.stamp.ms / 1000)}`,
    `"timeNano":${timeNanoDigits(e.stamp)}`,
  );
  return `{${parts.join(',')}}`;
}

export function timeNanoDigits(s: Stamp): string {
  return `${s.ms}${String(s.ns).padStart(6, '0')}`;
}

export class EventLog {
  private ring: DockerEvent[] = [];
  private listeners = new Set<(e: DockerEvent) => void>();

  constructor(private readonly keep = 256) {}

  emit(e: DockerEvent): void {
    this.ring.push(e);
    if (this.ring.length > this.keep) this.ring.shift();
    for (const l of [...this.listeners]) l(e);
  }

  recent(): readonly DockerEvent[] {
    return this.ring;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: (e: DockerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
