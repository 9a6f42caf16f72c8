import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

describe('traefik', () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['traefik:latest', 'nginx:latest']);
    await t.json('POST', '/v1.50/networks/create', { Name: 'proxy' });
  });

  it('prints its version and startup lines; routes by container labels through the mounted docker.sock', async () => {
    const id = await t.run(
      {
        Image: 'traefik:latest',
        Entrypoint: ['traefik'],
        Cmd: ['--api.insecure=true', '--providers.docker', '--accesslog'],
        HostConfig: { NetworkMode: 'proxy', Binds: ['/var/run/docker.sock:/var/run/docker.sock'], PortBindings: { '80/tcp': [{ HostPort: '80' }], '8080/tcp': [{ HostPort: '8080' }] } },
      },
      'proxy',
    );
    const out = (await t.logs(id)).stdout.split('\n');
    expect(out[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INF Traefik version 3\.4\.3 built on 2025-06-26T16:52:41Z version=3\.4\.3$/);
    expect(out.slice(1, 6).map((l) => l.replace(/^\d{4}-\S+ /, ''))).toEqual(['INF ', 'Stats collection is disabled.', 'Help us improve Traefik by turning this feature on :)', 'More details on: https://doc.traefik.io/traefik/contributing/data-collection/', '']);
    await t.run({ Image: 'nginx:latest', Entrypoint: ['nginx'], Cmd: ['-g', 'daemon off;'], Labels: { 'traefik.http.routers.web.rule': 'Host(`web.localhost`)' }, HostConfig: { NetworkMode: 'proxy' } }, 'web');
    const hit = (await t.http('http://localhost:80/', { headers: { Host: 'web.localhost', 'User-Agent': 'curl/8.5.0' } })).response;
    expect(hit.status).toBe(200);
    expect(hit.body).toContain('Welcome to nginx!');
    const miss = (await t.http('http://localhost:80/', { headers: { Host: 'other.localhost' } })).response;
    expect(miss).toMatchObject({ status: 404, body: '404 page not found\n' });
    expect((await t.logs(id)).stdout).toContain('"GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" 1 "web@docker" "http://');
    const routers = JSON.parse((await t.http('http://localhost:8080/api/http/routers')).response.body);
    expect(routers.map((r: { name: string; rule: string }) => [r.name, r.rule])).toEqual([['web@docker', 'Host(`web.localhost`)']]);
    expect((await t.exec(id, ['traefik', 'version'])).stdout.split('\n')[0]).toBe('Version:      3.4.3');
  });

  it('without the socket the docker provider reports the daemon unreachable; SIGTERM exits 0', async () => {
    const id = await t.run({ Image: 'traefik:latest', Entrypoint: ['traefik'], Cmd: ['--providers.docker'] });
    expect((await t.logs(id)).stdout).toContain('ERR Provider error, retrying in 483.367469ms error="Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" providerName=docker\n');
    await t.call('POST', `/v1.50/containers/${id}/stop`);
    expect((await t.inspect(id)).State.ExitCode).toBe(0);
  });
});
