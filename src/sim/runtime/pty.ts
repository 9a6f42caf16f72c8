// The pseudo-terminal a container gets with -t: the line discipline between the keys a user
// types and the process reading them. Canonical mode as a fresh Linux pty sets it: input is
// echoed and collected into lines (Enter sends CR, delivered as LF), Backspace erases, Ctrl-U
// kills the line, Ctrl-C sends SIGINT, Ctrl-\ SIGQUIT, Ctrl-D ends input on an empty line; output
// LF becomes CR LF.

export interface PtyEnds {
  /** Bytes for the terminal (echo and the process's output). */
  toTerminal(data: string): void;
  /** A completed line (or chunk at EOF) for the process. */
  toProcess(data: string): void;
  /** End of input (Ctrl-D on an empty line). */
  eof(): void;
  signal(name: 'SIGINT' | 'SIGQUIT' | 'SIGTSTP'): void;
}

export class Pty {
  private line = '';
  echo = true;
  canonical = true;

  constructor(private readonly ends: PtyEnds) {}

  /** Output from the process, with onlcr. */
  output(text: string): string {
    return text.replace(/\r?\n/g, '\r\n');
  }

  /** Keys from the terminal. */
  input(data: string): void {
    if (!this.canonical) {
      this.ends.toProcess(data);
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      // Escape sequences (cursor keys...) are echoed as typed (^[[A) and otherwise ignored.
      if (ch === '\x1b') {
        const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
        const seq = m ? m[0] : ch;
        if (this.echo) this.ends.toTerminal(`^[${seq.slice(1)}`);
        this.line += seq;
        i += seq.length - 1;
        continue;
      }
      switch (ch) {
        case '\r':
        case '\n':
          if (this.echo) this.ends.toTerminal('\r\n');
          this.ends.toProcess(`${this.line}\n`);
          this.line = '';
          break;
        case '\x7f':
        case '\b':
          if (this.line.length > 0) {
            this.line = this.line.slice(0, -1);
            if (this.echo) this.ends.toTerminal('\b \b');
          }
          break;
        case '\x15': // Ctrl-U
          if (this.echo) this.ends.toTerminal('\b \b'.repeat(this.line.length));
          this.line = '';
          break;
        case '\x03':
          if (this.echo) this.ends.toTerminal('^C\r\n');
          this.line = '';
          this.ends.signal('SIGINT');
          break;
        case '\x1c':
          if (this.echo) this.ends.toTerminal('^\\\r\n');
          this.line = '';
          this.ends.signal('SIGQUIT');
          break;
        case '\x1a':
          if (this.echo) this.ends.toTerminal('^Z');
          this.ends.signal('SIGTSTP');
          break;
        case '\x04':
          if (this.line === '') this.ends.eof();
          else {
            this.ends.toProcess(this.line);
            this.line = '';
          }
          break;
        default:
          if (ch < ' ' && ch !== '\t') {
            if (this.echo) this.ends.toTerminal(`^${String.fromCharCode(ch.charCodeAt(0) + 64)}`);
            this.line += ch;
          } else {
            if (this.echo) this.ends.toTerminal(ch);
            this.line += ch;
          }
      }
    }
  }
}
