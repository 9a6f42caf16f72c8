// Node's flags for a process that serves the Engine API (the Node host of `npm start`, and the
// benchmarks that measure it): V8's helper threads (GC, compilers) one fewer than the cores.
// V8 starts four whatever the machine; on two cores they and the main thread oversubscribe the
// CPU, and the thread that answers requests loses whole time slices (~4 ms) to its own helpers.
import { availableParallelism } from 'node:os';

export const hostNodeFlags = () => [`--v8-pool-size=${Math.max(1, availableParallelism() - 1)}`];
