// The kill ring: text removed by Ctrl-K, Ctrl-U, Ctrl-W, Alt-D and Alt-Backspace, for Ctrl-Y
// (yank) and Alt-Y (yank-pop). Consecutive kills join into one entry, appended when killing
// forwards and prepended when killing backwards, as in readline. Ten entries are kept.

export class KillRing {
  private readonly ring: string[] = [];
  private index = -1;

  constructor(private readonly max = 10) {}

  /** Records killed text; `join` adds it to the last entry (the previous command was a kill). */
  kill(text: string, forward: boolean, join: boolean): void {
    if (join && this.ring.length > 0) {
      const last = this.ring.length - 1;
      this.ring[last] = forward ? this.ring[last] + text : text + this.ring[last];
      this.index = last;
      return;
    }
    if (text === '') return;
    this.ring.push(text);
    if (this.ring.length > this.max) this.ring.shift();
    this.index = this.ring.length - 1;
  }

  /** The entry Ctrl-Y inserts, or undefined when nothing was killed yet. */
  current(): string | undefined {
    return this.index >= 0 ? this.ring[this.index] : undefined;
  }

  /** Steps to the previous entry (for Alt-Y) and returns it. */
  rotate(): string | undefined {
    if (this.ring.length === 0) return undefined;
    this.index = this.index <= 0 ? this.ring.length - 1 : this.index - 1;
    return this.ring[this.index];
  }
}
