// docker version / info, API version negotiation errors and CLI-side errors, against
// docksim's Node host. Expectations: docker/cli v28.2.2 cli/command/system/{version,info}.go,
// moby v28.2.2 api/server/middleware/version.go, daemon/info.go (fillAPIInfo).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSkipReason, outcome } from './support/expect';
import { startHost, type Host } from './support/host';
import { Masker } from './support/mask';

const skip = conformanceSkipReason();

describe.skipIf(skip)('docker CLI 28.2.2 against docksim: system', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ speed: 20 });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('docker version', async () => {
    const r = await host.docker(['version']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Client:
 Version:           28.2.2
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          28.2.2
  API version:      1.50 (minimum version 1.24)
  Go version:       go1.24.3
  Git commit:       45873be
  Built:            Fri May 30 12:07:26 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v1.7.27
  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da
 runc:
  Version:          1.2.5
  GitCommit:        v1.2.5-0-g59923ef
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`,
    });
  });

  it('docker version --format', async () => {
    const r = await host.docker(['version', '--format', '{{.Server.Version}} {{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}/{{.Server.Arch}}']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: '28.2.2 1.50 1.24 linux/amd64\n' });
  });

  it('docker info (server section; the daemon listens on TCP without TLS, so it warns)', async () => {
    const r = await host.docker(['info']);
    const m = new Masker();
    const o = outcome(r, (s) => m.mask(s));
    // The client section depends on the CLI's installation (plugins found on this machine).
    const server = o.stdout.slice(o.stdout.indexOf('\nServer:\n') + 1);
    // Runtimes come from a Go map: their order changes from run to run.
    const sorted = server.replace(/^ Runtimes: (.*)$/m, (_l, names: string) => ` Runtimes: ${names.split(' ').sort().join(' ')}`);
    expect({ code: o.code, stdout: sorted, stderr: o.stderr }).toEqual({
      code: 0,
      stdout: `Server:
 Containers: 0
  Running: 0
  Paused: 0
  Stopped: 0
 Images: 0
 Server Version: 28.2.2
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 05044ec0a9a75232cad458027ca83437aae3f4da
 runc version: v1.2.5-0-g59923ef
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: 6.8.0-60-generic
 Operating System: Ubuntu 24.04.2 LTS
 OSType: linux
 Architecture: x86_64
 CPUs: 4
 Total Memory: 7.753GiB
 Name: docksim
 ID: <uuid>
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false

`,
      stderr: `[DEPRECATION NOTICE]: API is accessible on http://127.0.0.1:${host.port} without encryption.
         Access to the remote API is equivalent to root access on the host. Refer
         to the 'Docker daemon attack surface' section in the documentation for
         more information: https://docs.docker.com/go/attack-surface/
In future versions this will be a hard failure preventing the daemon from starting! Learn more at: https://docs.docker.com/go/api-security/
`,
    });
    expect(o.stdout.startsWith('Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n')).toBe(true);
  });

  it('docker info --format', async () => {
    const r = await host.docker(['info', '--format', '{{.ServerVersion}} {{.OSType}} {{.Driver}} {{.NCPU}} {{.Name}}']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: '28.2.2 linux overlay2 4 docksim\n' });
  });

  it('an API version newer than the daemon: DOCKER_API_VERSION=1.51 docker ps', async () => {
    const r = await host.docker(['ps'], { env: { DOCKER_API_VERSION: '1.51' } });
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: client version 1.51 is too new. Maximum supported API version is 1.50\n',
    });
  });

  it('an API version newer than the daemon: DOCKER_API_VERSION=1.51 docker version', async () => {
    // The client section is printed (with the CLI's "downgraded" wording), then the error.
    const r = await host.docker(['version'], { env: { DOCKER_API_VERSION: '1.51' } });
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: `Client:
 Version:           28.2.2
 API version:       1.51 (downgraded from 1.50)
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default
`,
      stderr: 'Error response from daemon: client version 1.51 is too new. Maximum supported API version is 1.50\n',
    });
  });

  it('an API version older than the daemon accepts: DOCKER_API_VERSION=1.23 docker ps', async () => {
    const r = await host.docker(['ps'], { env: { DOCKER_API_VERSION: '1.23' } });
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error response from daemon: client version 1.23 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version\n',
    });
  });

  it('an unknown flag is refused by the CLI: docker ps --bogus', async () => {
    const r = await host.docker(['ps', '--bogus']);
    expect(outcome(r)).toEqual({
      code: 125,
      stdout: '',
      stderr: "unknown flag: --bogus\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n",
    });
  });

  it('an unknown command: docker frob', async () => {
    const r = await host.docker(['frob']);
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: '',
      stderr: "docker: unknown command: docker frob\n\nRun 'docker --help' for more information\n",
    });
  });
});
