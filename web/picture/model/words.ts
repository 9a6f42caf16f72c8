// The picture's words: what each part of Docker is called and what it does, said for someone
// meeting Docker for the first time.

import type { Component, OciState } from '../source';

export interface Part {
  /** The name people use ("dockerd"). */
  name: string;
  /** What it is, in plain words. */
  role: string;
}

export const PARTS: Record<Component, Part> = {
  client: { name: 'docker CLI', role: 'your terminal' },
  dockerd: { name: 'dockerd', role: 'Docker daemon' },
  containerd: { name: 'containerd', role: 'runs containers' },
  shim: { name: 'shim', role: 'one per container' },
  runc: { name: 'runc', role: 'starts the process' },
  container: { name: 'container', role: 'your program' },
  registry: { name: 'Docker Hub', role: 'image registry' },
  manager: { name: 'swarm manager', role: 'runs the swarm' },
  orchestrator: { name: 'orchestrator', role: 'keeps services at scale' },
  allocator: { name: 'allocator', role: 'hands out addresses' },
  scheduler: { name: 'scheduler', role: 'picks a node' },
  dispatcher: { name: 'dispatcher', role: 'talks to nodes' },
  agent: { name: 'agent', role: 'runs tasks on a node' },
};

/** OCI runtime states in the order a container passes through them (runc adds paused). */
export const OCI_STATES: readonly OciState[] = ['creating', 'created', 'running', 'paused', 'stopped'];

export const OCI_MEANING: Record<OciState, string> = {
  creating: 'setting up namespaces, cgroups and mounts',
  created: 'set up; the program has not started',
  running: 'the program is running',
  paused: 'frozen (cgroup freezer)',
  stopped: 'the program has exited',
};

/** Docker's container states, in plain words. */
export const STATUS_MEANING: Record<string, string> = {
  created: 'made, never started',
  running: 'its program is running',
  paused: 'frozen, still in memory',
  restarting: 'waiting to be restarted',
  removing: 'being deleted',
  exited: 'its program has stopped',
  dead: 'removal failed',
  removed: 'deleted',
};

/** Lifecycle events (src/sim/daemon/lifecycle.ts) as a learner would say them. */
const EVENT_WORDS: Record<string, string> = {
  START: 'start',
  EXIT: 'exits',
  EXIT_RESTART: 'exits, will restart',
  RESTART: 'restart',
  CANCEL_RESTART: 'stop',
  PAUSE: 'pause',
  UNPAUSE: 'unpause',
  REMOVE: 'rm',
  REMOVED: 'deleted',
  REMOVE_FAILED: 'rm fails',
};

export function eventWords(event: string): string {
  return EVENT_WORDS[event] ?? event.toLowerCase().replace(/_/g, ' ');
}

/** Names of traced operations as the command that usually causes them. */
const OP_COMMANDS: Record<string, string> = {
  'container.create': 'docker create',
  'container.start': 'docker start',
  'container.stop': 'docker stop',
  'container.restart': 'docker restart',
  'container.kill': 'docker kill',
  'container.pause': 'docker pause',
  'container.unpause': 'docker unpause',
  'container.remove': 'docker rm',
  'container.prune': 'docker container prune',
  'container.attach': 'docker attach',
  'container.exit': 'the container’s program exited',
  'container.restart-policy': 'the restart policy restarts a container',
  'exec.create': 'docker exec',
  'exec.start': 'docker exec',
  'image.pull': 'docker pull',
  'image.prune': 'docker image prune',
  'image.tag': 'docker tag',
  'image.remove': 'docker rmi',
  'network.create': 'docker network create',
  'network.connect': 'docker network connect',
  'network.disconnect': 'docker network disconnect',
  'network.remove': 'docker network rm',
  'volume.create': 'docker volume create',
  'volume.remove': 'docker volume rm',
};

/** A title for a command the picture only knows by its operations ("docker run"). */
export function commandTitle(ops: readonly string[]): string {
  const has = (name: string) => ops.includes(name);
  if (has('container.create') && has('container.start')) return 'docker run';
  if (has('exec.create') || has('exec.start')) return 'docker exec';
  const first = ops.find((o) => o !== 'container.exit') ?? ops[0];
  if (first === undefined) return 'nothing yet';
  return OP_COMMANDS[first] ?? first;
}

const FULL_ID = /\b[0-9a-f]{64}\b/g;

/** A hop's label with 64-digit IDs cut to the 12 the CLI shows. */
export function readableLabel(label: string): string {
  return label.replace(FULL_ID, (id) => id.slice(0, 12));
}

/** A label short enough to sit on an arrow. */
export function shortLabel(label: string, max = 34): string {
  const text = readableLabel(label).replace(/ \(REST over [^)]*\)$/, '');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
