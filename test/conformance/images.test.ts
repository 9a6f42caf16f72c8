// Images: docker pull (non-TTY progress), images/image ls and their flags, image inspect,
// history, tag, rm/rmi, prune, and the errors of each. Expectations: docker/cli v28.2.2
// cli/command/image/*.go, cli/command/formatter/image.go, vendor/.../jsonmessage; moby
// v28.2.2 distribution/pull_v2.go, distribution/xfer/download.go, daemon/images/*.go.
// The Hub's ids, digests and sizes come from the registry model (support/hub.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSkipReason, outcome, runError } from './support/expect';
import { startHost, type Host } from './support/host';
import { hubIds, hubImage, type HubImage } from './support/hub';
import { Masker, renderTable as table } from './support/mask';
import { humanSize } from '../../src/units/size';

const skip = conformanceSkipReason();

/** Go's `…` ellipsis at 45 display columns (cli/command/formatter/displayutils.go), ASCII text. */
const ellipsis = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

describe.skipIf(skip)('docker CLI 28.2.2 against docksim: images', () => {
  let host: Host;
  let alpine: HubImage;
  let hello: HubImage;
  const masker = () => new Masker({ keep: hubIds(alpine, hello) });
  beforeAll(async () => {
    alpine = hubImage('alpine');
    hello = hubImage('hello-world');
    host = await startHost({ speed: 50 });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('docker pull alpine: progress without a TTY (no byte progress), then the reference', async () => {
    const r = await host.docker(['pull', 'alpine']);
    const layers = alpine.layers;
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Using default tag: latest',
        'latest: Pulling from library/alpine',
        ...layers.map((l) => `${l}: Pulling fs layer`),
        ...layers.flatMap((l) => [`${l}: Verifying Checksum`, `${l}: Download complete`]),
        ...layers.map((l) => `${l}: Pull complete`),
        `Digest: ${alpine.digest}`,
        'Status: Downloaded newer image for alpine:latest',
        'docker.io/library/alpine:latest',
        '',
      ].join('\n'),
    });
  });

  it('docker pull alpine again: up to date', async () => {
    const r = await host.docker(['pull', 'alpine']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Using default tag: latest
latest: Pulling from library/alpine
Digest: ${alpine.digest}
Status: Image is up to date for alpine:latest
docker.io/library/alpine:latest
`,
    });
  });

  it('docker pull -q hello-world prints only the reference', async () => {
    const r = await host.docker(['pull', '-q', 'hello-world']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'docker.io/library/hello-world:latest\n' });
  });

  it('docker pull nope: a repository that does not exist', async () => {
    const r = await host.docker(['pull', 'nope']);
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    });
  });

  it('docker pull alpine:nope: a tag that does not exist', async () => {
    const r = await host.docker(['pull', 'alpine:nope']);
    expect(outcome(r)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: manifest for alpine:nope not found: manifest unknown: manifest unknown\n',
    });
  });

  it('docker pull Alpine: invalid reference format (CLI-side)', async () => {
    const r = await host.docker(['pull', 'Alpine']);
    expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'invalid reference format: repository name (library/Alpine) must be lowercase\n' });
  });

  it('docker images (newest image first)', async () => {
    const m = masker();
    const r = await host.docker(['images']);
    expect(outcome(r, (s) => m.table(s), (s) => s)).toEqual({
      code: 0,
      stderr: '',
      stdout: table([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', alpine.shortId, '<dur> ago', alpine.sizeText],
        ['hello-world', 'latest', hello.shortId, '<dur> ago', hello.sizeText],
      ]),
    });
  });

  it('docker images -a (no intermediate images after pulls)', async () => {
    const r = await host.docker(['images', '-a']);
    const r0 = await host.docker(['images']);
    expect(outcome(r)).toEqual(outcome(r0));
  });

  it('docker images -q', async () => {
    const r = await host.docker(['images', '-q']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: `${alpine.shortId}\n${hello.shortId}\n` });
  });

  it('docker images --digests', async () => {
    const m = masker();
    const r = await host.docker(['images', '--digests']);
    expect(outcome(r, (s) => m.table(s))).toEqual({
      code: 0,
      stderr: '',
      stdout: table([
        ['REPOSITORY', 'TAG', 'DIGEST', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', alpine.digest, alpine.shortId, '<dur> ago', alpine.sizeText],
        ['hello-world', 'latest', hello.digest, hello.shortId, '<dur> ago', hello.sizeText],
      ]),
    });
  });

  it('docker images --no-trunc', async () => {
    const m = masker();
    const r = await host.docker(['images', '--no-trunc']);
    expect(outcome(r, (s) => m.table(s))).toEqual({
      code: 0,
      stderr: '',
      stdout: table([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', alpine.id, '<dur> ago', alpine.sizeText],
        ['hello-world', 'latest', hello.id, '<dur> ago', hello.sizeText],
      ]),
    });
  });

  it('docker images --filter reference=hello-world', async () => {
    const m = masker();
    const r = await host.docker(['images', '--filter', 'reference=hello-world']);
    expect(outcome(r, (s) => m.table(s))).toEqual({
      code: 0,
      stderr: '',
      stdout: table([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['hello-world', 'latest', hello.shortId, '<dur> ago', hello.sizeText],
      ]),
    });
  });

  it('docker images --filter dangling=true (none): the header alone', async () => {
    const r = await host.docker(['images', '--filter', 'dangling=true']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n' });
  });

  it('docker images --filter bogus=1: the daemon refuses the filter', async () => {
    const r = await host.docker(['images', '--filter', 'bogus=1']);
    expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: invalid filter \'bogus\'\n' });
  });

  it('docker images --format', async () => {
    const r = await host.docker(['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `alpine:latest ${alpine.shortId} ${alpine.sizeText}\nhello-world:latest ${hello.shortId} ${hello.sizeText}\n`,
    });
  });

  it('docker image inspect alpine (moby daemon/images/image_inspect.go, API 1.50 drops Container/ContainerConfig)', async () => {
    const m = masker();
    const r = await host.docker(['image', 'inspect', 'alpine']);
    const cfg = alpine.config.config!;
    const indent = (v: unknown, pad: string) => JSON.stringify(v, null, 4).split('\n').join(`\n${pad}`);
    const history = alpine.config.history ?? [];
    expect(outcome(r, (s) => m.mask(s))).toEqual({
      code: 0,
      stderr: '',
      stdout: `[
    {
        "Id": "${alpine.id}",
        "RepoTags": [
            "alpine:latest"
        ],
        "RepoDigests": [
            "alpine@${alpine.digest}"
        ],
        "Parent": "",
        "Comment": "${history.at(-1)?.comment ?? ''}",
        "Created": "${alpine.created}",
        "DockerVersion": "",
        "Author": "",
        "Config": ${indent(cfg, '        ')},
        "Architecture": "amd64",
        "Os": "linux",
        "Size": ${alpine.size},
        "GraphDriver": {
            "Data": {
                "MergedDir": "/var/lib/docker/overlay2/<ID1>/merged",
                "UpperDir": "/var/lib/docker/overlay2/<ID1>/diff",
                "WorkDir": "/var/lib/docker/overlay2/<ID1>/work"
            },
            "Name": "overlay2"
        },
        "RootFS": {
            "Type": "layers",
            "Layers": [
${alpine.diffIds.map((d) => `                "${d}"`).join(',\n')}
            ]
        },
        "Metadata": {
            "LastTagTime": "0001-01-01T00:00:00Z"
        }
    }
]
`,
    });
  });

  it('docker image inspect --format', async () => {
    const r = await host.docker(['image', 'inspect', '--format', '{{.Id}} {{.RepoTags}} {{.Os}}/{{.Architecture}} {{.Size}} {{json .Config.Cmd}}', 'hello-world']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `${hello.id} [hello-world:latest] linux/amd64 ${hello.size} ${JSON.stringify(hello.config.config?.Cmd)}\n`,
    });
  });

  it('docker image inspect nope: [] and the daemon error', async () => {
    const r = await host.docker(['image', 'inspect', 'nope']);
    expect(outcome(r)).toEqual({ code: 1, stdout: '[]\n', stderr: 'Error response from daemon: No such image: nope:latest\n' });
  });

  it('docker image history alpine', async () => {
    const m = masker();
    const r = await host.docker(['image', 'history', 'alpine']);
    // Newest entry first; the top row carries the image ID, the others <missing> (pulled images
    // have no local parents). Non-empty entries show their layer's size.
    const history = [...(alpine.config.history ?? [])].reverse();
    let layer = alpine.diffIds.length;
    const rows = [['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT']];
    history.forEach((h, i) => {
      const size = h.empty_layer ? '0B' : (layer--, alpine.sizeText); // alpine: one layer
      rows.push([i === 0 ? alpine.shortId : '<missing>', '<dur> ago', ellipsis((h.created_by ?? '').replace(/\t/g, ' '), 45), size, h.comment ?? '']);
    });
    expect(layer).toBe(0);
    expect(outcome(r, (s) => m.table(s))).toEqual({ code: 0, stderr: '', stdout: table(rows) });
  });

  it('docker image history --format', async () => {
    const r = await host.docker(['image', 'history', '--no-trunc', '--format', '{{.ID}}|{{.CreatedBy}}|{{.Size}}', 'hello-world']);
    const history = [...(hello.config.history ?? [])].reverse();
    const lines = history.map((h, i) => `${i === 0 ? hello.id : '<missing>'}|${h.created_by}|${h.empty_layer ? '0B' : hello.sizeText}`);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: `${lines.join('\n')}\n` });
  });

  it('docker tag alpine alpine:v1 prints nothing; the new tag is listed after latest', async () => {
    const r = await host.docker(['tag', 'alpine', 'alpine:v1']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: '' });
    const m = masker();
    const ls = await host.docker(['images', 'alpine']);
    expect(outcome(ls, (s) => m.table(s))).toEqual({
      code: 0,
      stderr: '',
      stdout: table([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
        ['alpine', 'latest', alpine.shortId, '<dur> ago', alpine.sizeText],
        ['alpine', 'v1', alpine.shortId, '<dur> ago', alpine.sizeText],
      ]),
    });
  });

  it('docker tag nope x: no such image', async () => {
    const r = await host.docker(['tag', 'nope', 'x']);
    expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n' });
  });

  it('docker image rm alpine:v1 untags only', async () => {
    const r = await host.docker(['image', 'rm', 'alpine:v1']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'Untagged: alpine:v1\n' });
  });

  it('docker rmi nope', async () => {
    const r = await host.docker(['rmi', 'nope']);
    expect(outcome(r)).toEqual({ code: 1, stdout: '', stderr: 'Error response from daemon: No such image: nope:latest\n' });
  });

  it('docker rmi alpine while a container uses it: conflict', async () => {
    const m = masker();
    const c = await host.docker(['create', '--name', 'user-of-alpine', 'alpine']);
    expect(outcome(c, (s) => m.mask(s))).toEqual({ code: 0, stderr: '', stdout: '<ID1>\n' });
    const r = await host.docker(['rmi', 'alpine']);
    expect(outcome(r, (s) => m.mask(s))).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to remove repository reference "alpine" (must force) - container <id1> is using its referenced image ${alpine.shortId}\n`,
    });
    expect((await host.docker(['rm', 'user-of-alpine'])).code).toBe(0);
  });

  it('docker image prune -f: nothing dangling', async () => {
    const r = await host.docker(['image', 'prune', '-f']);
    expect(outcome(r)).toEqual({ code: 0, stderr: '', stdout: 'Total reclaimed space: 0B\n' });
  });

  it('docker image prune -a -f: every image without a container', async () => {
    const keep = await host.docker(['create', '--name', 'keeps-alpine', 'alpine']);
    expect(keep.code).toBe(0);
    const r = await host.docker(['image', 'prune', '-a', '-f']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Deleted Images:
untagged: hello-world:latest
untagged: hello-world@${hello.digest}
deleted: ${hello.id}
${hello.diffIds.map((d) => `deleted: ${d}`).join('\n')}

Total reclaimed space: ${humanSize(hello.size)}
`,
    });
    expect((await host.docker(['rm', 'keeps-alpine'])).code).toBe(0);
  });

  it('docker rmi hello-world (pulled again): untagged refs, deleted image and layer', async () => {
    expect((await host.docker(['pull', '-q', 'hello-world'])).code).toBe(0);
    const r = await host.docker(['rmi', 'hello-world']);
    expect(outcome(r)).toEqual({
      code: 0,
      stderr: '',
      stdout: `Untagged: hello-world:latest
Untagged: hello-world@${hello.digest}
Deleted: ${hello.id}
${hello.diffIds.map((d) => `Deleted: ${d}`).join('\n')}
`,
    });
  });

  it('docker pull nginx: per layer, fs layer / (Waiting) / Verifying Checksum / Download complete / Pull complete', async () => {
    // distribution/xfer: every layer is announced first, in manifest order; three downloads run
    // at once (maxConcurrentDownloads), the others say Waiting; layers are registered (Pull
    // complete) in manifest order. How downloads interleave depends on the network: only each
    // layer's own sequence and the registration order are fixed.
    const nginx = hubImage('nginx');
    const r = await host.docker(['pull', 'nginx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const n = nginx.layers.length;
    expect(lines.slice(0, 2)).toEqual(['Using default tag: latest', 'latest: Pulling from library/nginx']);
    expect(lines.slice(2, 2 + n)).toEqual(nginx.layers.map((l) => `${l}: Pulling fs layer`));
    expect(lines.slice(-4)).toEqual([`Digest: ${nginx.digest}`, 'Status: Downloaded newer image for nginx:latest', 'docker.io/library/nginx:latest', '']);
    const body = lines.slice(2 + n, -4);
    for (const [i, l] of nginx.layers.entries()) {
      const own = body.filter((x) => x.startsWith(`${l}: `)).map((x) => x.slice(l.length + 2));
      expect(own, l).toEqual([...(i >= 3 ? ['Waiting'] : []), 'Verifying Checksum', 'Download complete', 'Pull complete']);
    }
    expect(body.filter((x) => x.endsWith(': Pull complete'))).toEqual(nginx.layers.map((l) => `${l}: Pull complete`));
    expect(body.length).toBe(n * 3 + Math.max(0, n - 3));
    expect(outcome(await host.docker(['rmi', '-f', 'nginx'])).code).toBe(0);
  });

  it('docker run with an invalid reference: docker run Alpine', async () => {
    const r = await host.docker(['run', 'Alpine']);
    expect(outcome(r)).toEqual({ code: 125, stdout: '', stderr: runError('invalid reference format: repository name (library/Alpine) must be lowercase') });
  });
});
