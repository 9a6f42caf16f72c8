// Signal names and numbers (Linux x86-64).

export const SIGNALS: [string, number][] = [
  ['HUP', 1], ['INT', 2], ['QUIT', 3], ['ILL', 4], ['TRAP', 5], ['ABRT', 6], ['BUS', 7], ['FPE', 8],
  ['KILL', 9], ['USR1', 10], ['SEGV', 11], ['USR2', 12], ['PIPE', 13], ['ALRM', 14], ['TERM', 15],
  ['STKFLT', 16], ['CHLD', 17], ['CONT', 18], ['STOP', 19], ['TSTP', 20], ['TTIN', 21], ['TTOU', 22],
  ['URG', 23], ['XCPU', 24], ['XFSZ', 25], ['VTALRM', 26], ['PROF', 27], ['WINCH', 28], ['IO', 29],
  ['PWR', 30], ['SYS', 31],
];

/** Number of a signal given as 'TERM', 'SIGTERM', 'term' or '15'; undefined if unknown. */
export function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n >= 0 && n <= 64 ? n : undefined;
  }
  const name = spec.toUpperCase().replace(/^SIG/, '');
  if (name === 'POLL') return 29;
  if (name === 'IOT') return 6;
  if (name === 'CLD') return 17;
  return SIGNALS.find(([n]) => n === name)?.[1];
}

/** Name without SIG of a signal number ('TERM'); undefined if unknown. */
export function signalName(n: number): string | undefined {
  return SIGNALS.find(([, num]) => num === n)?.[0];
}
