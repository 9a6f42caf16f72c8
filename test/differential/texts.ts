// Error texts that changed between Engine 20.10 (the real daemon here) and 28.2 (what docksim
// reproduces). Each pair: the 20.10 text, checked on the real daemon, and moby v28.2.2's, held
// on docksim. Sources are moby's files at the two tags.

export interface TextPair {
  v20: string;
  v28: string;
  status20?: number;
  status28?: number;
}

/** daemon/errors.go errNotRunning: "Container" became "container". */
export const notRunning = (id: string): TextPair => ({
  v20: `Container ${id} is not running`,
  v28: `container ${id} is not running`,
});

/** api/server/router/container/container_routes.go postContainersKill wraps errNotRunning. */
export const killNotRunning = (ref: string, id: string): TextPair => ({
  v20: `Cannot kill container: ${ref}: Container ${id} is not running`,
  v28: `cannot kill container: ${ref}: container ${id} is not running`,
});

/** daemon/delete.go: 28.2 names the container as the client did and says why. */
export const rmRunning = (ref: string, id: string): TextPair => ({
  v20: `You cannot remove a running container ${id}. Stop the container before attempting removal or force remove`,
  v28: `cannot remove container "${ref}": container is running: stop the container before removing or force remove`,
});

export const rmPaused = (ref: string, id: string): TextPair => ({
  v20: `You cannot remove a paused container ${id}. Unpause and then stop the container before attempting removal or force remove`,
  v28: `cannot remove container "${ref}": container is paused and must be unpaused first`,
});

/** container/view.go GetByPrefix (28.2: invalid parameter) vs pkg/truncindex (20.10: a plain 500). */
export const ambiguousPrefix = (prefix: string): TextPair => ({
  v20: `Multiple IDs found with provided prefix: ${prefix}`,
  v28: `multiple IDs found with provided prefix: ${prefix}`,
  status20: 500,
  status28: 400,
});

/**
 * 28.2 parses the kill signal in the daemon (ContainerKill), so the router's wrap covers it;
 * its moby/sys/signal ParseSignal says "invalid signal" in lower case.
 */
export const killBadSignal = (ref: string, sig: string): TextPair => ({
  v20: `Invalid signal: ${sig}`,
  v28: `cannot kill container: ${ref}: invalid signal: ${sig}`,
});

/** daemon/kill.go: a number Linux has no signal for; 20.10 answered it as a plain 500. */
export const killUnsupportedSignal = (ref: string, n: number): TextPair => ({
  v20: `Cannot kill container: ${ref}: The linux daemon does not support signal ${n}`,
  v28: `cannot kill container: ${ref}: the linux daemon does not support signal ${n}`,
  status20: 500,
  status28: 400,
});

export const killUnknown = (ref: string): TextPair => ({
  v20: `Cannot kill container: ${ref}: No such container: ${ref}`,
  v28: `cannot kill container: ${ref}: No such container: ${ref}`,
});

/** api/types/container/hostconfig.go ValidateRestartPolicy (28.2) vs runconfig (20.10). */
export const restartPolicyUnknown = (name: string): TextPair => ({
  v20: `invalid restart policy '${name}'`,
  v28: `invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
});
export const restartPolicyCount = (name: string): TextPair => ({
  v20: `maximum retry count cannot be used with restart policy '${name}'`,
  v28: "invalid restart policy: maximum retry count can only be used with 'on-failure'",
});
export const restartPolicyNegative: TextPair = {
  v20: 'maximum retry count cannot be negative',
  v28: 'invalid restart policy: maximum retry count cannot be negative',
};

/** 28.2 refuses an unknown wait condition; 20.10 waited for not-running. */
export const waitBadCondition = (cond: string) => ({
  v20: /^\{"Error":null,"StatusCode":\d+\}\n$/,
  v28: `invalid condition: "${cond}"`,
  status20: 200,
  status28: 400,
});

/**
 * The order of a container's events as 28.2 logs them. 20.10's handleContainerExit logged `die`
 * before releasing the network (`network disconnect`); 28.2's (daemon/monitor.go) runs Cleanup
 * first, so the disconnect comes before the die. Applied to the real daemon's list.
 */
export function eventsAs28<T extends { Type: string; Action: string }>(kind: 'real' | 'sim', events: T[]): T[] {
  if (kind === 'sim') return events;
  const out = [...events];
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i]!.Type === 'container' && out[i]!.Action === 'die' && out[i + 1]!.Type === 'network' && out[i + 1]!.Action === 'disconnect') {
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      i++;
    }
  }
  return out;
}

/** 20.10 answers wait with "Error": null; 28.2 omits Error when there is none. */
export function waitBody(body: { StatusCode: number; Error?: { Message: string } | null }): unknown {
  return body.Error ? body : { StatusCode: body.StatusCode };
}

/** api/server/router/container/container_routes.go: 28.2 maps "default" to the OS default network. */
export const networkModeAs28 = (kind: 'real' | 'sim', mode: string) => (kind === 'real' && mode === 'default' ? 'bridge' : mode);

/** Filters (api/types/filters/errors.go): lower case, 400. */
export const filterUnknownKey = (key: string): TextPair => ({ v20: `Invalid filter '${key}'`, v28: `invalid filter '${key}'` });
export const filterBadJson: TextPair = { v20: 'unexpected end of JSON input', v28: 'invalid filter', status20: 500, status28: 400 };
/** daemon/list.go foldFilter and api/types/container/state.go ValidateContainerState. */
export const filterBadStatus = (v: string): TextPair => ({
  v20: `Invalid filter 'status=${v}'`,
  v28: `invalid filter 'status=${v}': invalid value for state (${v}): must be one of created, running, paused, restarting, removing, exited, dead`,
});
export const filterBadExited = (v: string): TextPair => ({
  v20: `strconv.Atoi: parsing "${v}": invalid syntax`,
  v28: `invalid filter 'exited=${v}': strconv.Atoi: parsing "${v}": invalid syntax`,
  status20: 500,
  status28: 400,
});
/** container/view.go Get: a NotFound error. */
export const filterNoSuchContainer = (ref: string): TextPair => ({
  v20: `no such container ${ref}`,
  v28: `No such container: ${ref}`,
  status20: 500,
  status28: 404,
});

/** daemon/create.go (25.0+): an empty restart policy name is stored as "no". */
export const restartPolicyAs28 = (kind: 'real' | 'sim', p: { Name: string; MaximumRetryCount: number }) =>
  kind === 'real' && p.Name === '' ? { ...p, Name: 'no' } : p;

/** oci/defaults.go: 28.2 also masks /proc/interrupts and /sys/devices/virtual/powercap (security advisories). */
export function maskedPathsAs28(kind: 'real' | 'sim', paths: string[] | null): string[] | null {
  if (kind === 'sim' || !paths) return paths;
  const out: string[] = [];
  for (const p of paths) {
    out.push(p);
    if (p === '/proc/acpi') out.push('/proc/interrupts');
    if (p === '/sys/firmware') out.push('/sys/devices/virtual/powercap');
  }
  return out;
}

/** api/server/router/image postImagesTag (28.2): reference errors are invalid parameters. */
export const tagUppercase = (repo: string): TextPair => ({
  v20: 'invalid reference format: repository name must be lowercase',
  v28: `invalid reference format: repository name (library/${repo}) must be lowercase`,
  status20: 500,
  status28: 400,
});
export const tagBadTag: TextPair = { v20: 'invalid tag format', v28: 'invalid tag format', status20: 500, status28: 400 };
/** daemon/images/image_inspect.go (28.2) returns GetImage's error as it is; 20.10 wrapped it. */
export const imageInspectMissing = (name: string, ref: string): TextPair => ({
  v20: `no such image: ${name}: No such image: ${ref}`,
  v28: `No such image: ${ref}`,
});

/** daemon/images/image_tag.go: 28.2 names the tag with its default tag in the event. */
export const tagEventName = (kind: 'real' | 'sim', name: string) => (kind === 'real' && !name.includes(':') ? `${name}:latest` : name);
