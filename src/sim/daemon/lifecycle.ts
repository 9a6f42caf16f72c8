// The container lifecycle as Docker shows it (`State.Status`): created, running, paused,
// restarting, removing, exited, dead. This machine is the definition of which transitions are
// legal; the daemon asks it (`can`) before acting and sends it every change it makes, so the
// state a user sees is always the machine's. moby: daemon/container/state.go, daemon/start.go,
// daemon/monitor.go, daemon/delete.go, daemon/pause.go.

import { setup } from 'xstate';

export type LifecycleEvent =
  | { type: 'START' } // runc create + start succeeded
  | { type: 'EXIT' } // main process exited and the container stays stopped
  | { type: 'EXIT_RESTART' } // main process exited; the restart policy schedules a restart
  | { type: 'RESTART' } // back-off elapsed, process started again
  | { type: 'CANCEL_RESTART' } // stop/kill during the back-off
  | { type: 'PAUSE' }
  | { type: 'UNPAUSE' }
  | { type: 'REMOVE' } // removal begins
  | { type: 'REMOVED' }
  | { type: 'REMOVE_FAILED' };

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'removed';

export const containerLifecycle = setup({
  types: { events: {} as LifecycleEvent },
}).createMachine({
  id: 'container',
  initial: 'created',
  states: {
    created: { on: { START: 'running', REMOVE: 'removing' } },
    running: { on: { EXIT: 'exited', EXIT_RESTART: 'restarting', PAUSE: 'paused' } },
    // A paused container's process can still die (docker kill thaws it to deliver SIGKILL).
    paused: { on: { UNPAUSE: 'running', EXIT: 'exited' } },
    restarting: { on: { RESTART: 'running', CANCEL_RESTART: 'exited', EXIT: 'exited' } },
    exited: { on: { START: 'running', REMOVE: 'removing' } },
    removing: { on: { REMOVED: 'removed', REMOVE_FAILED: 'dead' } },
    dead: { on: { REMOVE: 'removing' } },
    removed: { type: 'final' },
  },
});

/** The status strings moby derives from the state flags (State.StateString). */
export const STATUSES: readonly ContainerStatus[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
