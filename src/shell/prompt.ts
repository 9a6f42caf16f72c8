// The prompt as Ubuntu's bash shows it: the PS1 of /etc/skel/.bashrc for a colour terminal
// (green user@host, blue directory, the window title set to "user@host: dir"), expanded as bash
// does: parameter expansion (promptvars), then the backslash escapes.

import type { Shell } from '../sh';

/** Ubuntu 24.04's PS1 for TERM=xterm-256color (the title part is added for xterm*). */
export const UBUNTU_PS1 =
  '\\[\\e]0;${debian_chroot:+($debian_chroot)}\\u@\\h: \\w\\a\\]${debian_chroot:+($debian_chroot)}\\[\\033[01;32m\\]\\u@\\h\\[\\033[00m\\]:\\[\\033[01;34m\\]\\w\\[\\033[00m\\]\\$ ';

/** Expands PS1 (or PS2) of `shell`; the result holds escape sequences and no \[ \] markers. */
export function expandPrompt(shell: Shell, ps: string): string {
  // ${name}, ${name:+word}, ${name:-word}, $name; a backslash-escaped $ stays
  const params = ps.replace(/(\\*)\$(\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (m, bs: string, _all, name: string | undefined, op: string | undefined, word: string | undefined, simple: string | undefined) => {
    if (bs.length % 2 === 1) return m;
    const v = shell.getVar((name ?? simple)!);
    if (!op) return bs + (v ?? '');
    const set = op.startsWith(':') ? v !== undefined && v !== '' : v !== undefined;
    const w = (word ?? '').replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, n: string) => shell.getVar(n) ?? '');
    if (op.endsWith('+')) return bs + (set ? w : '');
    return bs + (set ? v! : w);
  });
  // octal escapes (\033) become the characters themselves, as bash decodes them
  const octal = params.replace(/(\\*)\\([0-7]{3})/g, (m, bs: string, oct: string) => (bs.length % 2 === 1 ? m : bs + String.fromCharCode(parseInt(oct, 8))));
  return shell.expandPrompt(octal);
}
