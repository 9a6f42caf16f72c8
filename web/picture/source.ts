// What the picture needs from whoever runs the World: the trace (live and recent) and the
// objects on the host (a snapshot and a change notification). The picture only listens: it
// never asks the World to do anything, so the same component draws an in-page World
// (world-source.ts) or a remote session through its /_sim routes (remote-source.ts).

import type { Component, Hop, OciState } from '../../src/sim/core/trace';

export type { Component, Hop, OciState };

/** One traced operation ("container.start"), without its hops. */
export interface OpInfo {
  id: number;
  host: string;
  /** e.g. "container.create", "image.pull". */
  op: string;
  /** Virtual time the operation began (ms). */
  t: number;
}

/** One traced operation with the hops it made so far. */
export interface OpRecord extends OpInfo {
  hops: Hop[];
}

/** Called once when an operation begins (hop null), then once per hop. */
export type TraceListener = (op: OpInfo, hop: Hop | null) => void;

export interface ImageInfo {
  /** sha256:… (the image ID). */
  id: string;
  /** Short names as the CLI shows them: "nginx:latest"; empty for a dangling image. */
  tags: string[];
  /** The layers' diff IDs, bottom to top. Images share a layer where their lists share a prefix. */
  layers: string[];
  /** Bytes on disk. */
  size: number;
}

export interface ContainerInfo {
  id: string;
  /** Without the leading slash. */
  name: string;
  /** The image as the user named it ("nginx", "alpine:3.20"). */
  image: string;
  imageId: string;
  /** created, running, paused, restarting, removing, exited or dead. */
  status: string;
  exitCode: number;
  /** Names of the networks it is connected to. */
  networks: string[];
  /** Names of the volumes it mounts. */
  volumes: string[];
  /** Published ports, "8080→80/tcp". */
  ports: string[];
}

export interface NetworkInfo {
  id: string;
  name: string;
  driver: string;
}

export interface VolumeInfo {
  name: string;
  /** Created for an anonymous mount (`-v /data`), named by a hash. */
  anonymous: boolean;
}

export interface HostSnapshot {
  /** The host's name (the picture draws this host's ops only). */
  host: string;
  images: ImageInfo[];
  containers: ContainerInfo[];
  networks: NetworkInfo[];
  volumes: VolumeInfo[];
}

export interface PictureSource {
  /** Live trace of the host: every operation as it begins and each hop as it happens. */
  subscribe(listener: TraceListener): () => void;
  /** The operations already traced (the latest last), so a late mount can replay the last command. */
  recent(): readonly OpRecord[] | Promise<readonly OpRecord[]>;
  /** The objects on the host now. */
  snapshot(): HostSnapshot | Promise<HostSnapshot>;
  /** Called (possibly often) when the objects may have changed; the picture batches re-reads. */
  onChange(listener: () => void): () => void;
  /**
   * Optional: the command lines a terminal runs, as the user typed them. Each one starts a new
   * command in the picture (otherwise commands are told apart by pauses in the trace).
   */
  onCommand?(listener: (line: string) => void): () => void;
  /** Releases what the source holds (streams, subscriptions). */
  close?(): void;
}
