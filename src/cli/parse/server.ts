// What the docker CLI learns from the daemon's `/_ping` answer, and the derived facts that change
// its grammar: which flags and commands are hidden or refused (cmd/docker/docker.go).

/** The `/_ping` answer (its headers), or an unreachable daemon. */
export type DaemonPing =
  | { reachable: false }
  | {
      reachable: true;
      /** `API-Version` header, e.g. "1.50" */
      apiVersion?: string;
      /** `OSType` header: "linux" | "windows" */
      osType?: string;
      /** `Docker-Experimental: true` */
      experimental?: boolean;
      /** `Builder-Version` header: "1" | "2" */
      builderVersion?: string;
      /** `Swarm` header: "inactive", "pending", "error", "locked", "active/worker", "active/manager" */
      swarm?: string;
    };

export interface ServerDetails {
  hasExperimental: boolean;
  osType: string;
  builderVersion: string;
  /** undefined when the daemon sent no Swarm header (or could not be reached) */
  swarm?: { nodeState: string; controlAvailable: boolean };
  /** the API version the client talks (command.DockerCli.CurrentVersion) */
  currentVersion: string;
}

/** The API version of the docker CLI 28.2.2 client. */
export const CLIENT_API_VERSION = '1.50';

/** versions.LessThan from the docker API */
export function versionLessThan(v: string, other: string): boolean {
  const a = v.split('.');
  const b = other.split('.');
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = Number.parseInt(a[i] ?? '0', 10) || 0;
    const y = Number.parseInt(b[i] ?? '0', 10) || 0;
    if (x !== y) return x < y;
  }
  return false;
}

export function serverDetails(ping: DaemonPing, env: Readonly<Record<string, string | undefined>>): ServerDetails {
  const override = env.DOCKER_API_VERSION;
  if (!ping.reachable) {
    // the CLI assumes experimental features when it cannot reach the daemon
    return { hasExperimental: true, osType: '', builderVersion: '', currentVersion: override || CLIENT_API_VERSION };
  }
  let currentVersion = override || CLIENT_API_VERSION;
  if (!override) {
    const pingVersion = ping.apiVersion || '1.24';
    if (versionLessThan(pingVersion, currentVersion)) currentVersion = pingVersion;
  }
  let swarm: ServerDetails['swarm'];
  if (ping.swarm) {
    const slash = ping.swarm.indexOf('/');
    const state = slash < 0 ? ping.swarm : ping.swarm.slice(0, slash);
    const role = slash < 0 ? '' : ping.swarm.slice(slash + 1);
    swarm = { nodeState: state, controlAvailable: role === 'manager' };
  }
  return {
    hasExperimental: ping.experimental === true,
    osType: ping.osType ?? '',
    builderVersion: ping.builderVersion ?? '',
    swarm,
    currentVersion,
  };
}
