import { beforeAll, describe, expect, it } from 'vitest';
import { programEngine, type ProgramEngine } from './support';

describe('mongod and mongosh', () => {
  let t: ProgramEngine;
  beforeAll(async () => {
    t = await programEngine(['mongo:latest']);
    await t.json('POST', '/v1.50/networks/create', { Name: 'm' });
  });

  it('logs structured JSON lines on stdout, ending with "Waiting for connections"', async () => {
    const id = await t.run({ Image: 'mongo:latest', User: 'mongodb', Entrypoint: ['mongod'], Cmd: ['--bind_ip_all'], HostConfig: { NetworkMode: 'm' } }, 'mongo');
    await t.advance(1000);
    const lines = (await t.logs(id)).stdout.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\{"t":\{"\$date":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":23285, {3}"ctx":"main","msg":"Automatically disabling TLS 1\.0, to force-enable TLS 1\.0 specify --sslDisabledProtocols 'none'"\}$/);
    expect(lines.some((l) => l.includes('"msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit"'))).toBe(true);
    expect(lines.some((l) => l.includes('"s":"W",  "c":"CONTROL",  "id":22120,   "ctx":"initandlisten","msg":"Access control is not enabled'))).toBe(true);
    expect(lines.at(-1)).toMatch(/"s":"I", {2}"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}$/);
    expect(t.fs(id).exists('/data/db/WiredTiger')).toBe(true);
  });

  it('mongosh talks to it over the network', async () => {
    const c = await t.run({ Image: 'mongo:latest', Entrypoint: ['sleep'], Cmd: ['infinity'], HostConfig: { NetworkMode: 'm' } });
    expect((await t.exec(c, ['mongosh', '--version'])).stdout).toBe('2.5.2\n');
    const ins = await t.exec(c, ['mongosh', '--quiet', 'mongodb://mongo:27017/shop', '--eval', "db.items.insertOne({ name: 'pen' }); db.items.countDocuments()"]);
    expect(ins).toEqual({ stdout: '1\n', stderr: '', code: 0 });
    const find = await t.exec(c, ['mongosh', '--quiet', 'mongodb://mongo:27017/shop', '--eval', 'db.items.find().length']);
    expect(find.stdout).toBe('1\n');
    const down = await t.exec(c, ['mongosh', '--quiet', '--eval', 'db.version()']);
    expect(down).toEqual({ stdout: '', stderr: 'MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n', code: 1 });
  });

  it('stops on SIGTERM with its shutdown lines and exit 0', async () => {
    await t.call('POST', '/v1.50/containers/mongo/stop');
    expect((await t.inspect('mongo')).State.ExitCode).toBe(0);
    const lines = (await t.logs('mongo')).stdout.split('\n').filter(Boolean);
    expect(lines.at(-1)).toMatch(/"ctx":"SignalHandler","msg":"Shutting down","attr":\{"exitCode":0\}\}$/);
    expect(lines.some((l) => l.includes('"msg":"Received signal","attr":{"signal":15,"error":"Terminated"}'))).toBe(true);
  });
});
