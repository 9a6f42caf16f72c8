// The progress of a pull or a push as the daemon streams it: JSON messages, each one line;
// a subscriber gets those sent so far, then the new ones, then the end (with its error, if any).

/** A pull or push under way. */
export interface PullOperation {
  /** Messages so far are replayed; then live ones; onDone(error?) at the end. */
  subscribe(onMessage: (json: string) => void, onDone: (error?: string) => void): () => void;
  readonly done: boolean;
}

export class ProgressFeed implements PullOperation {
  private readonly messages: string[] = [];
  private readonly subs = new Set<{ m: (json: string) => void; done: (error?: string) => void }>();
  private finished = false;
  private failure: string | undefined;

  emit(obj: Record<string, unknown>): void {
    const line = `${JSON.stringify(obj)}\n`;
    this.messages.push(line);
    for (const s of this.subs) s.m(line);
  }

  /** Ends the feed once (later calls do nothing). */
  finish(error?: string): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = error;
    for (const s of this.subs) s.done(error);
    this.subs.clear();
  }

  get done(): boolean {
    return this.finished;
  }

  subscribe(onMessage: (json: string) => void, onDone: (error?: string) => void): () => void {
    for (const m of this.messages) onMessage(m);
    if (this.finished) {
      onDone(this.failure);
      return () => {};
    }
    const s = { m: onMessage, done: onDone };
    this.subs.add(s);
    return () => this.subs.delete(s);
  }
}
