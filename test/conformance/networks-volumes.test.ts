// Networks and volumes: ls/create/inspect/rm/prune/connect and their errors.
// Expectations: docker/cli v28.2.2 cli/command/network/*.go, cli/command/volume/*.go,
// cli/command/formatter/volume.go; moby v28.2.2 daemon/network.go, libnetwork,
// volume/service (messages).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSkipReason, outcome } from './support/expect';
import { startHost, type Host } from './support/host';
import { hubIds, hubImage, type HubImage } from './support/hub';
import { Masker, renderTable as table } from './support/mask';

const skip = conformanceSkipReason();

describe.skipIf(skip)('docker CLI 28.2.2 against docksim: networks and volumes', () => {
  let host: Host;
  let alpine: HubImage;
  const ids: Record<string, string> = {};
  const masker = () => {
    const m = new Masker({ keep: hubIds(alpine) });
    for (const [name, id] of Object.entries(ids)) m.alias(id, name);
    return m;
  };
  const netId = async (name: string) => {
    ids[name] = (await host.docker(['network', 'inspect', '--format', '{{.Id}}', name])).stdout.trim();
  };

  beforeAll(async () => {
    alpine = hubImage('alpine');
    host = await startHost({ speed: 50 });
    expect((await host.docker(['pull', '-q', 'alpine'])).code).toBe(0);
    for (const n of ['bridge', 'host', 'none']) await netId(n);
  });
  afterAll(async () => {
    await host?.stop();
  });

  describe('networks', () => {
    it('docker network ls: the three predefined networks, by name', async () => {
      const r = await host.docker(['network', 'ls']);
      expect(outcome(r, (s) => masker().table(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
          ['<id:bridge>', 'bridge', 'bridge', 'local'],
          ['<id:host>', 'host', 'host', 'local'],
          ['<id:none>', 'none', 'null', 'local'],
        ]),
      });
    });

    it('docker network create mynet: its id', async () => {
      const r = await host.docker(['network', 'create', 'mynet']);
      expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
      ids.mynet = r.stdout.trim();
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stdout: '<ID:mynet>\n', stderr: '' });
    });

    it('docker network create mynet again: already exists', async () => {
      const r = await host.docker(['network', 'create', 'mynet']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: network with name mynet already exists\n' });
    });

    it('docker network ls --no-trunc, -q, --filter, --format', async () => {
      const full = await host.docker(['network', 'ls', '--no-trunc']);
      expect(outcome(full, (s) => masker().table(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
          ['<ID:bridge>', 'bridge', 'bridge', 'local'],
          ['<ID:host>', 'host', 'host', 'local'],
          ['<ID:mynet>', 'mynet', 'bridge', 'local'],
          ['<ID:none>', 'none', 'null', 'local'],
        ]),
      });
      const q = await host.docker(['network', 'ls', '-q']);
      expect(outcome(q, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: '<id:bridge>\n<id:host>\n<id:mynet>\n<id:none>\n' });
      const f = await host.docker(['network', 'ls', '--filter', 'driver=bridge', '--format', '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}}']);
      expect(outcome(f)).toEqual({ code: 0, stderr: '', stdout: 'bridge bridge local false\nmynet bridge local false\n' });
    });

    it('docker network inspect mynet', async () => {
      const r = await host.docker(['network', 'inspect', 'mynet']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: `[
    {
        "Name": "mynet",
        "Id": "<ID:mynet>",
        "Created": "<ts>",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv4": true,
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "172.18.0.0/16",
                    "Gateway": "172.18.0.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {},
        "Options": {},
        "Labels": {}
    }
]
`,
      });
    });

    it('docker run --network mynet: the container gets the next address; network inspect lists it', async () => {
      const run = await host.docker(['run', '-d', '--name', 'netuser', '--network', 'mynet', 'alpine', 'sleep', 'infinity']);
      expect(run.code).toBe(0);
      ids.netuser = run.stdout.trim();
      const ip = await host.docker(['inspect', '--format', '{{.NetworkSettings.Networks.mynet.IPAddress}} {{.NetworkSettings.Networks.mynet.Gateway}}', 'netuser']);
      expect(outcome(ip)).toEqual({ code: 0, stderr: '', stdout: '172.18.0.2 172.18.0.1\n' });
      const ins = await host.docker(['network', 'inspect', '--format', '{{range $id, $c := .Containers}}{{$id}} {{$c.Name}} {{$c.IPv4Address}}{{end}}', 'mynet']);
      expect(outcome(ins, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: '<ID:netuser> netuser 172.18.0.2/16\n' });
    });

    it('docker network rm of a network in use', async () => {
      const r = await host.docker(['network', 'rm', 'mynet']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 1,
        stdout: '',
        // libnetwork ActiveEndpointsError names each endpoint and its (random) short id
        stderr: 'Error response from daemon: error while removing network: network mynet has active endpoints (name:"netuser" id:"<id1>")\nexit status 1\n',
      });
    });

    it('docker network disconnect / connect', async () => {
      expect(outcome(await host.docker(['network', 'disconnect', 'mynet', 'netuser']))).toEqual({ code: 0, stdout: '', stderr: '' });
      const none = await host.docker(['inspect', '--format', '{{len .NetworkSettings.Networks}}', 'netuser']);
      expect(outcome(none)).toEqual({ code: 0, stdout: '0\n', stderr: '' });
      expect(outcome(await host.docker(['network', 'connect', 'mynet', 'netuser']))).toEqual({ code: 0, stdout: '', stderr: '' });
      const again = await host.docker(['network', 'connect', 'mynet', 'netuser']);
      expect(outcome(again)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'Error response from daemon: endpoint with name netuser already exists in network mynet\n',
      });
      expect((await host.docker(['rm', '-f', 'netuser'])).code).toBe(0);
    });

    it('docker network rm of a predefined network and of an unknown one', async () => {
      const b = await host.docker(['network', 'rm', 'bridge']);
      expect(outcome(b)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n' });
      const n = await host.docker(['network', 'rm', 'nope']);
      expect(outcome(n)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: network nope not found\nexit status 1\n' });
    });

    it('docker network inspect nope', async () => {
      const r = await host.docker(['network', 'inspect', 'nope']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '[]\n', stderr: 'Error response from daemon: network nope not found\n' });
    });

    it('docker network rm mynet', async () => {
      expect(outcome(await host.docker(['network', 'rm', 'mynet']))).toEqual({ code: 0, stdout: 'mynet\n', stderr: '' });
    });

    it('docker network prune -f: unused user networks', async () => {
      expect((await host.docker(['network', 'create', 'spare'])).code).toBe(0);
      const r = await host.docker(['network', 'prune', '-f']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'Deleted Networks:\nspare\n\n' });
      const again = await host.docker(['network', 'prune', '-f']);
      expect(outcome(again)).toEqual({ code: 0, stderr: '', stdout: '' });
    });
  });

  describe('volumes', () => {
    it('docker volume ls with no volumes: the header', async () => {
      expect(outcome(await host.docker(['volume', 'ls']))).toEqual({ code: 0, stderr: '', stdout: 'DRIVER    VOLUME NAME\n' });
    });

    it('docker volume create myvol and an anonymous one', async () => {
      expect(outcome(await host.docker(['volume', 'create', 'myvol']))).toEqual({ code: 0, stdout: 'myvol\n', stderr: '' });
      const anon = await host.docker(['volume', 'create']);
      expect(anon.stdout).toMatch(/^[0-9a-f]{64}\n$/);
      ids.anon = anon.stdout.trim();
    });

    it('docker volume ls, -q, --filter, --format', async () => {
      // the CLI sorts volumes by name; a 64-hex name sorts before "myvol"
      const r = await host.docker(['volume', 'ls']);
      expect(outcome(r, (s) => masker().table(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: table([
          ['DRIVER', 'VOLUME NAME'],
          ['local', '<ID:anon>'],
          ['local', 'myvol'],
        ]),
      });
      const q = await host.docker(['volume', 'ls', '-q', '--filter', 'name=my']);
      expect(outcome(q)).toEqual({ code: 0, stderr: '', stdout: 'myvol\n' });
      const f = await host.docker(['volume', 'ls', '--filter', 'dangling=true', '--format', '{{.Name}} {{.Driver}} {{.Scope}}']);
      expect(outcome(f, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: '<ID:anon> local local\nmyvol local local\n' });
    });

    // The CLI leaves out empty Labels and DriverOpts (omitempty in volume.CreateOptions); moby's
    // volume store keeps nil maps, and volumeWrapper.Labels()/Options() return nil: null.
    it('docker volume inspect myvol', async () => {
      const r = await host.docker(['volume', 'inspect', 'myvol']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({
        code: 0,
        stderr: '',
        stdout: `[
    {
        "CreatedAt": "<ts>",
        "Driver": "local",
        "Labels": null,
        "Mountpoint": "/var/lib/docker/volumes/myvol/_data",
        "Name": "myvol",
        "Options": null,
        "Scope": "local"
    }
]
`,
      });
    });

    it('docker volume inspect --format', async () => {
      const r = await host.docker(['volume', 'inspect', '--format', '{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}} {{json .Options}}', 'myvol']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'myvol local local /var/lib/docker/volumes/myvol/_data null\n' });
    });

    it('docker volume inspect nope', async () => {
      const r = await host.docker(['volume', 'inspect', 'nope']);
      expect(outcome(r)).toEqual({ code: 1, stdout: '[]\n', stderr: 'Error response from daemon: get nope: no such volume\n' });
    });

    it('docker volume rm of a volume in use, and of an unknown one', async () => {
      const run = await host.docker(['run', '-d', '--name', 'voluser', '-v', 'myvol:/data', 'alpine', 'sleep', 'infinity']);
      expect(run.code).toBe(0);
      ids.voluser = run.stdout.trim();
      const r = await host.docker(['volume', 'rm', 'myvol']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: remove myvol: volume is in use - [<ID:voluser>]\n' });
      const n = await host.docker(['volume', 'rm', 'nope']);
      expect(outcome(n)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: get nope: no such volume\n' });
    });

    it('docker volume ls --filter dangling=false: the volume in use', async () => {
      const r = await host.docker(['volume', 'ls', '-q', '--filter', 'dangling=false']);
      expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'myvol\n' });
    });

    it('docker volume prune -f: anonymous volumes only (28.x default)', async () => {
      const r = await host.docker(['volume', 'prune', '-f']);
      expect(outcome(r, (s) => masker().mask(s))).toEqual({ code: 0, stderr: '', stdout: 'Deleted Volumes:\n<ID:anon>\n\nTotal reclaimed space: 0B\n' });
    });

    it('docker volume rm myvol once unused', async () => {
      expect((await host.docker(['rm', '-f', 'voluser'])).code).toBe(0);
      expect(outcome(await host.docker(['volume', 'rm', 'myvol']))).toEqual({ code: 0, stdout: 'myvol\n', stderr: '' });
      expect(outcome(await host.docker(['volume', 'ls', '-q']))).toEqual({ code: 0, stdout: '', stderr: '' });
    });
  });
});
