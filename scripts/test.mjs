// `npm test`: installs what the tests need that is missing on a fresh machine of this kind
// (Debian's chromium for the browser tests, docker.io + busybox-static for the real-daemon
// oracle), builds the site, then runs every test once.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!existsSync('/usr/sbin/dockerd') && !existsSync('/usr/bin/dockerd')) missing.push('docker.io');
if (!existsSync('/bin/busybox') && !existsSync('/usr/bin/busybox')) missing.push('busybox-static');
if (missing.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && process.env.DOCKSIM_NO_APT !== '1') {
    console.log(`npm test: installing ${missing.join(', ')} from Debian's packages`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log(`npm test: not installing ${missing.join(', ')} (needs root); the tests that use them will skip`);
  }
}

const extra = process.argv.slice(2);
process.exit(run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...extra]));
