// Effects a simulated program can ask of its environment, beyond what src/sh defines: waiting
// for a signal, listening on a port, making an HTTP request, listing or signalling processes.
// Programs yield these; the runtime of the container answers them.

import type { Effect, Run } from '../../sh/types';
import type { HttpHandler, HttpResponse } from '../network/ports';

export const custom = (name: string, data?: unknown): Effect => ({ type: 'custom', name, data });

/** Blocks until a signal interrupts (a daemon's main loop). */
export function* waitForSignal(): Run<void> {
  yield custom('pause');
}

export function* sleep(ms: number): Run<void> {
  yield { type: 'sleep', ms };
}

/** Declares how the process treats a signal (sigaction). */
export function* trap(signal: string, action: 'catch' | 'ignore' | 'default'): Run<void> {
  yield custom('signal-disposition', { signal, action });
}

/** Opens a listening TCP socket served by `handler`; false if the port is taken. */
export function* listen(port: number, handler: HttpHandler): Run<boolean> {
  return (yield custom('listen', { port, proto: 'tcp', handler })) as boolean;
}

export interface HttpResult {
  ok: boolean;
  response?: HttpResponse;
  error?: 'resolve' | 'refused' | 'timeout' | 'unreachable';
}

/** An HTTP request from inside the container (curl, wget). */
export function* httpRequest(url: { host: string; port: number; path: string; method?: string; headers?: Record<string, string>; body?: string }): Run<HttpResult> {
  return (yield custom('http', url)) as HttpResult;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  argv: string[];
  startedMs: number;
  tty: boolean;
}

export function* processList(): Run<ProcessInfo[]> {
  return (yield custom('ps')) as ProcessInfo[];
}

/** kill(pid, sig): returns false when no such process. */
export function* killProcess(pid: number, signal: string): Run<boolean> {
  return (yield custom('kill', { pid, signal })) as boolean;
}

/** Resolves a name as the container's resolver would (embedded DNS / /etc/hosts). */
export function* resolveName(name: string): Run<string | null> {
  return (yield custom('resolve', { name })) as string | null;
}
