// `npm start`: builds the site, then runs the edge runtime (wrangler dev) serving it on
// http://127.0.0.1:$PORT (8787) and the Node host serving the Engine API for the real docker CLI
// on tcp://127.0.0.1:$DOCKSIM_DOCKER_PORT (2375). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { hostNodeFlags } from './host-flags.mjs';

const port = process.env.PORT ?? '8787';
const dockerPort = process.env.DOCKSIM_DOCKER_PORT ?? '2375';
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
const start = (name, cmd, args, extraEnv = {}) => {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extraEnv } });
  child.stdout.on('data', (d) => process.stdout.write(d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
};

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r))))).then(() => process.exit(code));
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('docker endpoint', process.execPath, [...hostNodeFlags(), '--import', 'tsx', 'src/node/main.ts'], { DOCKSIM_DOCKER_PORT: dockerPort });
start('site', process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'dev', '--port', port, '--ip', '127.0.0.1', '--log-level', 'warn'], {});
console.log(`docksim: site on http://127.0.0.1:${port}/ ; Docker endpoint for the real CLI:`);
