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

/** 28.2 parses the kill signal in the daemon (ContainerKill), so the router's wrap covers it. */
export const killBadSignal = (ref: string, sig: string): TextPair => ({
  v20: `Invalid signal: ${sig}`,
  v28: `cannot kill container: ${ref}: Invalid signal: ${sig}`,
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
