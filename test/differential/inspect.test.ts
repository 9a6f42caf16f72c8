// Container inspect: how Config merges the image's defaults with the request (Cmd, Entrypoint,
// Env, WorkingDir, Labels), Path/Args, and the HostConfig defaults 20.10 and 28.2 share.

import { describe } from 'vitest';
import { create, inspect, scenario } from './harness';
import { maskedPathsAs28, networkModeAs28, restartPolicyAs28 } from './texts';

describe('differential: inspect', () => {
  scenario('Config merging: Cmd and Entrypoint overrides, Env, WorkingDir, Labels; Path and Args', async (s, o) => {
    const image = (await s.api('GET', '/images/mini:latest/json')).json.Config;
    const cases: [string, Record<string, unknown>][] = [
      ['nothing', {}],
      ['cmd', { Cmd: ['sleep', '5'] }],
      ['entrypoint', { Entrypoint: ['sleep'] }],
      ['entrypoint and cmd', { Entrypoint: ['sleep'], Cmd: ['5'] }],
      ['empty entrypoint', { Entrypoint: [], Cmd: ['true'] }],
      ['entrypoint string', { Entrypoint: 'sleep 5' }],
      ['cmd string', { Cmd: 'sleep 5' }],
      ['env', { Cmd: ['true'], Env: ['A=1', 'B=', 'C'] }],
      ['workdir', { Cmd: ['true'], WorkingDir: '/tmp/x' }],
      ['labels', { Cmd: ['true'], Labels: { a: '1', 'com.example.b': '' } }],
      ['user and hostname', { Cmd: ['true'], User: 'nobody', Hostname: 'h1', Domainname: 'example.com' }],
      ['tty and stdin', { Cmd: ['true'], Tty: true, OpenStdin: true, StdinOnce: true, AttachStdin: true }],
    ];
    for (const [label, body] of cases) {
      const c = await create(s, `m_${label.replace(/ /g, '_')}`, body);
      if (c.status !== 201) {
        o.error(label, c);
        continue;
      }
      const i = (await inspect(s, c.json.Id)).json;
      const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
      o.rec(label, {
        Path: i.Path === image.Cmd?.[0] ? '(image Cmd[0])' : i.Path,
        Args: i.Args,
        Cmd: same(i.Config.Cmd, image.Cmd) && !body.Cmd ? '(image Cmd)' : i.Config.Cmd,
        Entrypoint: i.Config.Entrypoint,
        Env: same(i.Config.Env, image.Env) ? '(image Env)' : i.Config.Env,
        WorkingDir: i.Config.WorkingDir,
        Labels: i.Config.Labels,
        User: i.Config.User,
        Hostname: i.Config.Hostname === c.json.Id.slice(0, 12) ? '(short id)' : i.Config.Hostname,
        Domainname: i.Config.Domainname,
        Image: i.Config.Image,
        Tty: i.Config.Tty,
        OpenStdin: i.Config.OpenStdin,
        StdinOnce: i.Config.StdinOnce,
        AttachStdin: i.Config.AttachStdin,
        AttachStdout: i.Config.AttachStdout,
        AttachStderr: i.Config.AttachStderr,
        ImageIsId: i.Image === (await s.api('GET', '/images/mini:latest/json')).json.Id,
        Name: i.Name,
        RestartCount: i.RestartCount,
        Platform: i.Platform,
        ExecIDs: i.ExecIDs,
      });
    }
  });

  scenario('HostConfig defaults shared by 20.10 and 28.2, and values given at create', async (s, o) => {
    const pick = (h: Record<string, any>) => ({
      NetworkMode: networkModeAs28(s.kind, h.NetworkMode),
      RestartPolicy: restartPolicyAs28(s.kind, h.RestartPolicy),
      AutoRemove: h.AutoRemove,
      LogConfig: h.LogConfig,
      Binds: h.Binds,
      PortBindings: h.PortBindings,
      Privileged: h.Privileged,
      PublishAllPorts: h.PublishAllPorts,
      ReadonlyRootfs: h.ReadonlyRootfs,
      ShmSize: h.ShmSize,
      IpcMode: h.IpcMode,
      PidMode: h.PidMode,
      UTSMode: h.UTSMode,
      UsernsMode: h.UsernsMode,
      Memory: h.Memory,
      MemorySwap: h.MemorySwap,
      NanoCpus: h.NanoCpus,
      CpuShares: h.CpuShares,
      Devices: h.Devices,
      CapAdd: h.CapAdd,
      CapDrop: h.CapDrop,
      Dns: h.Dns,
      DnsOptions: h.DnsOptions,
      DnsSearch: h.DnsSearch,
      ExtraHosts: h.ExtraHosts,
      Links: h.Links,
      VolumesFrom: h.VolumesFrom,
      ConsoleSize: h.ConsoleSize,
      Isolation: h.Isolation,
      OomKillDisable: h.OomKillDisable,
      PidsLimit: h.PidsLimit,
      MaskedPaths: maskedPathsAs28(s.kind, h.MaskedPaths),
      ReadonlyPaths: h.ReadonlyPaths,
      Init: h.Init,
    });
    await create(s, 'hc0', { Cmd: ['true'] });
    o.rec('defaults', pick((await inspect(s, 'hc0')).json.HostConfig));
    await create(s, 'hc1', {
      Cmd: ['true'],
      HostConfig: {
        Memory: 64 * 1024 * 1024,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        Privileged: true,
        Dns: ['1.1.1.1'],
        ExtraHosts: ['h:10.0.0.1'],
        CapAdd: ['NET_ADMIN'],
        ShmSize: 1024 * 1024,
        Init: true,
      },
    });
    o.rec('given', pick((await inspect(s, 'hc1')).json.HostConfig));
  });
});
