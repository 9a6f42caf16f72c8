// Linux signals by name and number (x86_64/arm64 numbering), with their default action.

export interface SignalInfo {
  number: number;
  defaultAction: 'terminate' | 'core' | 'ignore' | 'stop' | 'continue';
}

export const SIGNALS: Record<string, SignalInfo> = {
  SIGHUP: { number: 1, defaultAction: 'terminate' },
  SIGINT: { number: 2, defaultAction: 'terminate' },
  SIGQUIT: { number: 3, defaultAction: 'core' },
  SIGILL: { number: 4, defaultAction: 'core' },
  SIGTRAP: { number: 5, defaultAction: 'core' },
  SIGABRT: { number: 6, defaultAction: 'core' },
  SIGBUS: { number: 7, defaultAction: 'core' },
  SIGFPE: { number: 8, defaultAction: 'core' },
  SIGKILL: { number: 9, defaultAction: 'terminate' },
  SIGUSR1: { number: 10, defaultAction: 'terminate' },
  SIGSEGV: { number: 11, defaultAction: 'core' },
  SIGUSR2: { number: 12, defaultAction: 'terminate' },
  SIGPIPE: { number: 13, defaultAction: 'terminate' },
  SIGALRM: { number: 14, defaultAction: 'terminate' },
  SIGTERM: { number: 15, defaultAction: 'terminate' },
  SIGSTKFLT: { number: 16, defaultAction: 'terminate' },
  SIGCHLD: { number: 17, defaultAction: 'ignore' },
  SIGCONT: { number: 18, defaultAction: 'continue' },
  SIGSTOP: { number: 19, defaultAction: 'stop' },
  SIGTSTP: { number: 20, defaultAction: 'stop' },
  SIGTTIN: { number: 21, defaultAction: 'stop' },
  SIGTTOU: { number: 22, defaultAction: 'stop' },
  SIGURG: { number: 23, defaultAction: 'ignore' },
  SIGXCPU: { number: 24, defaultAction: 'core' },
  SIGXFSZ: { number: 25, defaultAction: 'core' },
  SIGVTALRM: { number: 26, defaultAction: 'terminate' },
  SIGPROF: { number: 27, defaultAction: 'terminate' },
  SIGWINCH: { number: 28, defaultAction: 'ignore' },
  SIGIO: { number: 29, defaultAction: 'terminate' },
  SIGPWR: { number: 30, defaultAction: 'terminate' },
  SIGSYS: { number: 31, defaultAction: 'core' },
};

const BY_NUMBER = new Map(Object.entries(SIGNALS).map(([n, i]) => [i.number, n]));

export function signalNumber(name: string): number {
  return SIGNALS[name]?.number ?? 0;
}

/**
 * Parses a signal as Docker accepts it (moby's signal.ParseSignal): a number, or a name with or
 * without the SIG prefix, case-insensitive. Returns the canonical name, or null when invalid.
 */
export function parseSignal(raw: string): string | null {
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return BY_NUMBER.get(n) ?? (n >= 34 && n <= 64 ? `SIGRTMIN+${n - 34}` : null);
  }
  const up = raw.toUpperCase();
  const name = up.startsWith('SIG') ? up : `SIG${up}`;
  return SIGNALS[name] ? name : null;
}
