// Detach key sequences (moby/term ToBytes): comma-separated keys, each a single character,
// "ctrl-<c>" for c in @, a-z, [, \, ], ^, _ (exactly as written), or DEL. The default is
// ctrl-p,ctrl-q.

const CTRL = '@abcdefghijklmnopqrstuvwxyz[\\]^_';

/** The bytes of a detach sequence, or null when a key is not one docker knows. */
export function detachKeyBytes(spec: string): number[] | null {
  const s = spec === '' ? 'ctrl-p,ctrl-q' : spec;
  const out: number[] = [];
  for (const key of s.split(',')) {
    if (key.length === 1) out.push(key.charCodeAt(0));
    else if (key.length === 6 && key.startsWith('ctrl-') && CTRL.includes(key[5]!)) out.push(CTRL.indexOf(key[5]!));
    else if (key === 'DEL') out.push(127);
    else return null;
  }
  return out;
}
