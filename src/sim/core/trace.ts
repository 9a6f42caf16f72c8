// The pipeline trace: every operation records the hops it makes between the components of a
// Docker host (and of a swarm), with the OCI runtime state a container passes through. The
// pictures animate it; tests assert on it. It is observation only: nothing reads it back to
// decide behaviour.

export type Component =
  | 'client'
  | 'dockerd'
  | 'containerd'
  | 'shim'
  | 'runc'
  | 'container'
  | 'registry'
  | 'manager'
  | 'orchestrator'
  | 'allocator'
  | 'scheduler'
  | 'dispatcher'
  | 'agent';

export type OciState = 'creating' | 'created' | 'running' | 'paused' | 'stopped';

export interface Hop {
  from: Component;
  to: Component;
  /** What passes, in words a learner knows: "POST /containers/create", "runc create". */
  label: string;
  /** Virtual time of the hop (ms). */
  t: number;
  /** The container (or other object) the hop concerns. */
  object?: string;
  /** OCI runtime state reached by this hop, for runc operations. */
  oci?: OciState;
}

export interface TraceOp {
  id: number;
  host: string;
  /** e.g. "container.start", "image.pull". */
  op: string;
  t: number;
  hops: Hop[];
}

export class Trace {
  private ops: TraceOp[] = [];
  private nextId = 1;
  private listeners = new Set<(op: TraceOp, hop: Hop | null) => void>();
  /** Keeps the trace bounded in long sessions. */
  constructor(private readonly limit = 2000) {}

  begin(host: string, op: string, t: number): TraceOp {
    const rec: TraceOp = { id: this.nextId++, host, op, t, hops: [] };
    this.ops.push(rec);
    if (this.ops.length > this.limit) this.ops.splice(0, this.ops.length - this.limit);
    for (const l of this.listeners) l(rec, null);
    return rec;
  }

  hop(op: TraceOp, hop: Hop): void {
    op.hops.push(hop);
    for (const l of this.listeners) l(op, hop);
  }

  all(): readonly TraceOp[] {
    return this.ops;
  }

  since(id: number): TraceOp[] {
    return this.ops.filter((o) => o.id > id);
  }

  last(): TraceOp | undefined {
    return this.ops[this.ops.length - 1];
  }

  subscribe(listener: (op: TraceOp, hop: Hop | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
