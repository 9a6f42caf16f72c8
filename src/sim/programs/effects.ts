// Effects a simulated program can ask of its environment, beyond what src/sh defines: waiting
// for a signal, listening on a port, making an HTTP request, listing or signalling processes,
// setting the process title, forking children, exec'ing another program.
// Programs yield these; the runtime of the container answers them.

import type { Command, CommandContext, Effect, Run } from '../../sh/types';
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

/**
 * sigprocmask: caught signals in `block` are held back until unblocked or until sigsuspend (a
 * daemon's main loop handles one signal at a time this way); `unblock` releases them.
 */
export function* signalMask(change: { block?: readonly string[]; unblock?: readonly string[] }): Run<void> {
  yield custom('signal-mask', change);
}

/** sigsuspend: waits for a signal with the mask lifted; the signal is thrown into the program. */
export function* sigsuspend(): Run<void> {
  yield custom('sigsuspend');
}

/** Opens a listening TCP socket served by `handler`; false if the port is taken. */
export function* listen(port: number, handler: HttpHandler): Run<boolean> {
  return (yield custom('listen', { port, proto: 'tcp', handler })) as boolean;
}

/** Closes a listening socket this process opened. */
export function* unlisten(port: number): Run<void> {
  yield custom('unlisten', { port, proto: 'tcp' });
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
  /** The command line as the process shows it (its title, which it may have changed). */
  title: string;
  startedMs: number;
  /** The terminal, as ps shows it: 'pts/0', or '?' without one. */
  tty: string;
  /** The same process as src/sh's ps applet reads it. */
  command: string;
  start: number;
  stat: string;
}

export function* processList(): Run<ProcessInfo[]> {
  return (yield custom('ps')) as ProcessInfo[];
}

/** kill(pid, sig): returns false when no such process. */
export function* killProcess(pid: number, signal: string): Run<boolean> {
  return (yield custom('kill', { pid, signal })) as boolean;
}

/** kill(pid, 0): whether the process exists in the container. */
export function* processExists(pid: number): Run<boolean> {
  return (yield custom('kill', { pid, signal: '0' })) as boolean;
}

/** Resolves a name as the container's resolver would (embedded DNS / /etc/hosts). */
export function* resolveName(name: string): Run<string | null> {
  return (yield custom('resolve', { name })) as string | null;
}

/** Sets the command line `ps` and `docker top` show for this process (setproctitle). */
export function* setTitle(title: string): Run<void> {
  yield custom('set-title', { title });
}

export interface ChildSpec {
  /** The command line the child shows (`nginx: worker process`). */
  title: string;
  /** What the child runs; by default it waits and exits 0 on SIGTERM, SIGINT or SIGQUIT. */
  program?: Command;
  /** Signals the child handles from its start (its program receives them as thrown Signals). */
  catches?: readonly string[];
}

/**
 * fork(): a child process of this one in the same container, with the next PID of the
 * container's PID namespace. It shows in `ps` and `docker top`; its output goes where this
 * process's output goes. Returns the child's PID.
 */
export function* spawnChild(spec: ChildSpec): Run<number> {
  return (yield custom('spawn-child', spec)) as number;
}

/** Takes the next PID of the container's namespace (a fork whose child is modelled in-process). */
export function* allocPid(): Run<number> {
  return (yield custom('alloc-pid')) as number;
}

/** A synchronous PID allocator, for request handlers that fork a process per connection. */
export function* pidAllocator(): Run<() => number> {
  return (yield custom('pid-allocator')) as () => number;
}

export interface MachineInfo {
  /** CPUs the process may run on (sysconf(_SC_NPROCESSORS_ONLN) narrowed by the cpuset). */
  ncpu: number;
  /** Memory of the host in bytes (what /proc/meminfo reports inside a container). */
  memTotal: number;
  /** RLIMIT_NOFILE soft and hard limits. */
  nofile: [number, number];
}

export function* machineInfo(): Run<MachineInfo> {
  return (yield custom('machine')) as MachineInfo;
}

export type ExecResolved =
  | { ok: true; program: Command; argv: string[]; path: string }
  | { ok: false; message: string; code: 126 | 127 };

/** Finds an executable as execvp would (PATH of `env`) and the program model that runs it. */
export function* lookupCommand(argv: string[], env: Map<string, string>, cwd: string): Run<ExecResolved> {
  return (yield custom('lookup-command', { argv, env, cwd })) as ExecResolved;
}

/**
 * execve(): replaces the running program with `argv` (found through PATH). The process keeps its
 * PID; its title becomes the new command line; caught signals return to their default action.
 * Returns the new program's exit status, or the lookup error when nothing could be run.
 */
export function* execve(ctx: CommandContext, argv: string[], over: Partial<CommandContext> = {}): Run<number | { message: string; code: 126 | 127 }> {
  const env = over.env ?? ctx.env;
  const cwd = over.cwd ?? ctx.cwd;
  const r = yield* lookupCommand(argv, env, cwd);
  if (!r.ok) return { message: r.message, code: r.code };
  yield custom('exec', { argv: r.argv, uid: (over.sys ?? ctx.sys).uid, gid: (over.sys ?? ctx.sys).gid });
  return yield* r.program({ ...ctx, ...over, args: r.argv, env, cwd });
}

export interface TcpResult {
  ok: boolean;
  /** The bytes the server answered with. */
  data?: string;
  error?: 'resolve' | 'refused' | 'timeout' | 'unreachable';
}

/**
 * One request/answer exchange over TCP (redis-cli, psql, mysql, memcached clients): the server's
 * listener receives a request whose method is "TCP" and whose body is the bytes sent, and
 * answers with the bytes in the response body.
 */
export function* tcpExchange(target: { host: string; port: number; data: string }): Run<TcpResult> {
  return (yield custom('tcp', target)) as TcpResult;
}

/** The method of requests that carry raw TCP bytes to a listener (see tcpExchange). */
export const TCP_METHOD = 'TCP';

/** getpid() and getppid() inside the container's PID namespace. */
export function* getPid(): Run<{ pid: number; ppid: number }> {
  return (yield custom('getpid')) as { pid: number; ppid: number };
}

/** The PID that sent the signal last caught (siginfo si_pid): 0 when it came from outside the container. */
export function* signalSender(): Run<number> {
  return (yield custom('signal-sender')) as number;
}

/** A synchronous HTTP client, for request handlers that forward requests (reverse proxies). */
export type HttpClient = (host: string, port: number, req: { method?: string; path: string; headers?: Record<string, string>; body?: string }) => HttpResult;

export function* httpClient(): Run<HttpClient> {
  return (yield custom('http-client')) as HttpClient;
}

export interface ChildExit {
  pid: number;
  /** Exit status (128+N when killed by a signal). */
  code: number;
  /** The signal that killed it, or null when it exited. */
  signal: string | null;
}

/** waitpid(-1, WNOHANG) until nothing is left: the children that exited since the last call. */
export function* waitChildren(): Run<ChildExit[]> {
  return (yield custom('wait-children')) as ChildExit[];
}

export interface DockerContainerInfo {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** Exposed container ports. */
  exposed: number[];
  /** Network name -> the container's address on it. */
  networks: Record<string, string>;
}

/**
 * The host's running containers, as a program reading the Docker API through a bind-mounted
 * /var/run/docker.sock sees them: a synchronous lister, or null when the socket is not mounted.
 */
export function* dockerContainers(): Run<(() => DockerContainerInfo[]) | null> {
  return (yield custom('docker-containers')) as (() => DockerContainerInfo[]) | null;
}
