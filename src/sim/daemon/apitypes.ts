// moby's container request/response structs (api/types/container, network, mount at v28.2.2)
// as GoTypes: field order, JSON names and omitempty as moby declares them.

import { any, bool, emptyStruct, f, i64, int, map, ptr, slice, str, strslice, struct, type GoType } from '../core/gotypes';

const strMap = map(str);
const weightDevice = struct('blkiodev.WeightDevice', [f('Path', str), f('Weight', int('uint16'))]);
const throttleDevice = struct('blkiodev.ThrottleDevice', [f('Path', str), f('Rate', int('uint64'))]);
const portBinding = struct('nat.PortBinding', [f('HostIp', str), f('HostPort', str)]);
export const PortMap = map(slice(portBinding), 'nat.PortMap');
export const PortSet = map(emptyStruct, 'nat.PortSet');

export const HealthConfig = struct('container.HealthConfig', [
  f('Test', slice(str), { omitempty: true }),
  f('Interval', i64, { omitempty: true }),
  f('Timeout', i64, { omitempty: true }),
  f('StartPeriod', i64, { omitempty: true }),
  f('StartInterval', i64, { omitempty: true }),
  f('Retries', int(), { omitempty: true }),
]);

export const Config = struct('container.Config', [
  f('Hostname', str),
  f('Domainname', str),
  f('User', str),
  f('AttachStdin', bool),
  f('AttachStdout', bool),
  f('AttachStderr', bool),
  f('ExposedPorts', PortSet, { omitempty: true }),
  f('Tty', bool),
  f('OpenStdin', bool),
  f('StdinOnce', bool),
  f('Env', slice(str)),
  f('Cmd', strslice),
  f('Healthcheck', ptr(HealthConfig), { omitempty: true }),
  f('ArgsEscaped', bool, { omitempty: true }),
  f('Image', str),
  f('Volumes', map(emptyStruct)),
  f('WorkingDir', str),
  f('Entrypoint', strslice),
  f('NetworkDisabled', bool, { omitempty: true }),
  f('MacAddress', str, { omitempty: true }),
  f('OnBuild', slice(str)),
  f('Labels', strMap),
  f('StopSignal', str, { omitempty: true }),
  f('StopTimeout', ptr(int()), { omitempty: true }),
  f('Shell', strslice, { omitempty: true }),
]);

export const RestartPolicy = struct('container.RestartPolicy', [f('Name', str), f('MaximumRetryCount', int())]);
export const LogConfig = struct('container.LogConfig', [f('Type', str), f('Config', strMap)]);

export const MountSpec = struct('mount.Mount', [
  f('Type', str, { omitempty: true }),
  f('Source', str, { omitempty: true }),
  f('Target', str, { omitempty: true }),
  f('ReadOnly', bool, { omitempty: true }),
  f('Consistency', str, { omitempty: true }),
  f(
    'BindOptions',
    ptr(
      struct('mount.BindOptions', [
        f('Propagation', str, { omitempty: true }),
        f('NonRecursive', bool, { omitempty: true }),
        f('CreateMountpoint', bool, { omitempty: true }),
        f('ReadOnlyNonRecursive', bool, { omitempty: true }),
        f('ReadOnlyForceRecursive', bool, { omitempty: true }),
      ]),
    ),
    { omitempty: true },
  ),
  f(
    'VolumeOptions',
    ptr(
      struct('mount.VolumeOptions', [
        f('NoCopy', bool, { omitempty: true }),
        f('Labels', strMap, { omitempty: true }),
        f('Subpath', str, { omitempty: true }),
        f('DriverConfig', ptr(struct('mount.Driver', [f('Name', str, { omitempty: true }), f('Options', strMap, { omitempty: true })])), {
          omitempty: true,
        }),
      ]),
    ),
    { omitempty: true },
  ),
  f('ImageOptions', ptr(struct('mount.ImageOptions', [f('Subpath', str, { omitempty: true })])), { omitempty: true }),
  f(
    'TmpfsOptions',
    ptr(
      struct('mount.TmpfsOptions', [
        f('SizeBytes', i64, { omitempty: true }),
        f('Mode', int('uint32'), { omitempty: true }),
        f('Options', slice(slice(str)), { omitempty: true }),
      ]),
    ),
    { omitempty: true },
  ),
  f('ClusterOptions', ptr(struct('mount.ClusterOptions', [])), { omitempty: true }),
]);

const Resources = struct('container.Resources', [
  f('CpuShares', i64),
  f('Memory', i64),
  f('NanoCpus', i64),
  f('CgroupParent', str),
  f('BlkioWeight', int('uint16')),
  f('BlkioWeightDevice', slice(weightDevice)),
  f('BlkioDeviceReadBps', slice(throttleDevice)),
  f('BlkioDeviceWriteBps', slice(throttleDevice)),
  f('BlkioDeviceReadIOps', slice(throttleDevice)),
  f('BlkioDeviceWriteIOps', slice(throttleDevice)),
  f('CpuPeriod', i64),
  f('CpuQuota', i64),
  f('CpuRealtimePeriod', i64),
  f('CpuRealtimeRuntime', i64),
  f('CpusetCpus', str),
  f('CpusetMems', str),
  f('Devices', slice(struct('container.DeviceMapping', [f('PathOnHost', str), f('PathInContainer', str), f('CgroupPermissions', str)]))),
  f('DeviceCgroupRules', slice(str)),
  f(
    'DeviceRequests',
    slice(
      struct('container.DeviceRequest', [
        f('Driver', str),
        f('Count', int()),
        f('DeviceIDs', slice(str)),
        f('Capabilities', slice(slice(str))),
        f('Options', strMap),
      ]),
    ),
  ),
  f('KernelMemory', i64, { omitempty: true }),
  f('KernelMemoryTCP', i64, { omitempty: true }),
  f('MemoryReservation', i64),
  f('MemorySwap', i64),
  f('MemorySwappiness', ptr(i64)),
  f('OomKillDisable', ptr(bool)),
  f('PidsLimit', ptr(i64)),
  f('Ulimits', slice(struct('container.Ulimit', [f('Name', str), f('Hard', i64), f('Soft', i64)]))),
  f('CpuCount', i64),
  f('CpuPercent', i64),
  f('IOMaximumIOps', int('uint64')),
  f('IOMaximumBandwidth', int('uint64')),
]);
export const ResourcesType = Resources;

export const HostConfig = struct('container.HostConfig', [
  f('Binds', slice(str)),
  f('ContainerIDFile', str),
  f('LogConfig', LogConfig),
  f('NetworkMode', str),
  f('PortBindings', PortMap),
  f('RestartPolicy', RestartPolicy),
  f('AutoRemove', bool),
  f('VolumeDriver', str),
  f('VolumesFrom', slice(str)),
  f('ConsoleSize', { k: 'array', len: 2, elem: int('uint'), go: '[2]uint' }),
  f('Annotations', strMap, { omitempty: true }),
  f('CapAdd', strslice),
  f('CapDrop', strslice),
  f('CgroupnsMode', str),
  f('Dns', slice(str)),
  f('DnsOptions', slice(str)),
  f('DnsSearch', slice(str)),
  f('ExtraHosts', slice(str)),
  f('GroupAdd', slice(str)),
  f('IpcMode', str),
  f('Cgroup', str),
  f('Links', slice(str)),
  f('OomScoreAdj', int()),
  f('PidMode', str),
  f('Privileged', bool),
  f('PublishAllPorts', bool),
  f('ReadonlyRootfs', bool),
  f('SecurityOpt', slice(str)),
  f('StorageOpt', strMap, { omitempty: true }),
  f('Tmpfs', strMap, { omitempty: true }),
  f('UTSMode', str),
  f('UsernsMode', str),
  f('ShmSize', i64),
  f('Sysctls', strMap, { omitempty: true }),
  f('Runtime', str, { omitempty: true }),
  f('Isolation', str),
  f('Resources', Resources, { embedded: true }),
  f('Mounts', slice(MountSpec), { omitempty: true }),
  f('MaskedPaths', slice(str)),
  f('ReadonlyPaths', slice(str)),
  f('Init', ptr(bool), { omitempty: true }),
]);

export const EndpointIPAMConfig = struct('network.EndpointIPAMConfig', [
  f('IPv4Address', str, { omitempty: true }),
  f('IPv6Address', str, { omitempty: true }),
  f('LinkLocalIPs', slice(str), { omitempty: true }),
]);

export const EndpointSettings = struct('network.EndpointSettings', [
  f('IPAMConfig', ptr(EndpointIPAMConfig)),
  f('Links', slice(str)),
  f('Aliases', slice(str)),
  f('MacAddress', str),
  f('DriverOpts', strMap),
  f('GwPriority', int()),
  f('NetworkID', str),
  f('EndpointID', str),
  f('Gateway', str),
  f('IPAddress', str),
  f('IPPrefixLen', int()),
  f('IPv6Gateway', str),
  f('GlobalIPv6Address', str),
  f('GlobalIPv6PrefixLen', int()),
  f('DNSNames', slice(str)),
]);

export const NetworkingConfig = struct('network.NetworkingConfig', [f('EndpointsConfig', map(ptr(EndpointSettings)))]);

/** The body of POST /containers/create. */
export const CreateRequest = struct('CreateRequest', [
  f('Config', Config, { embedded: true }),
  f('HostConfig', ptr(HostConfig)),
  f('NetworkingConfig', ptr(NetworkingConfig)),
]);

export const ExecConfig = struct('container.ExecOptions', [
  f('User', str),
  f('Privileged', bool),
  f('Tty', bool),
  f('ConsoleSize', ptr({ k: 'array', len: 2, elem: int('uint'), go: '[2]uint' })),
  f('AttachStdin', bool),
  f('AttachStderr', bool),
  f('AttachStdout', bool),
  f('Detach', bool),
  f('DetachKeys', str),
  f('Env', slice(str)),
  f('WorkingDir', str),
  f('Cmd', strslice),
]);

export const ExecStartConfig = struct('container.ExecStartOptions', [
  f('Detach', bool),
  f('Tty', bool),
  f('ConsoleSize', ptr({ k: 'array', len: 2, elem: int('uint'), go: '[2]uint' })),
]);

export const UpdateConfig = struct('container.UpdateConfig', [
  f('Resources', Resources, { embedded: true }),
  f('RestartPolicy', RestartPolicy),
]);

export const AnyType: GoType = any;

export type ContainerConfig = {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts: Record<string, object> | null;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number } | null;
  ArgsEscaped: boolean;
  Image: string;
  Volumes: Record<string, object> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  NetworkDisabled: boolean;
  MacAddress: string;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal: string;
  StopTimeout: number | null;
  Shell: string[] | null;
};

export type PortBindingT = { HostIp: string; HostPort: string };

export type MountT = {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: { Propagation?: string; CreateMountpoint?: boolean; NonRecursive?: boolean } | null;
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string> | null; Subpath?: string; DriverConfig?: { Name?: string; Options?: Record<string, string> | null } | null } | null;
  TmpfsOptions?: { SizeBytes?: number; Mode?: number } | null;
};

/** HostConfig with Resources promoted, as decoded; only the fields the simulator reads are typed. */
export type HostConfigT = Record<string, unknown> & {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: Record<string, PortBindingT[] | null> | null;
  RestartPolicy: { Name: string; MaximumRetryCount: number };
  AutoRemove: boolean;
  VolumesFrom: string[] | null;
  PublishAllPorts: boolean;
  Privileged: boolean;
  ReadonlyRootfs: boolean;
  Memory: number;
  MemorySwap: number;
  NanoCpus: number;
  CpuShares: number;
  ShmSize: number;
  IpcMode: string;
  CgroupnsMode: string;
  Runtime: string;
  Mounts: MountT[] | null;
  Tmpfs: Record<string, string> | null;
  MaskedPaths: string[] | null;
  ReadonlyPaths: string[] | null;
  OomKillDisable: boolean | null;
  Init: boolean | null;
  LogConfig: { Type: string; Config: Record<string, string> | null };
  ExtraHosts: string[] | null;
  Dns: string[] | null;
  Links: string[] | null;
  ConsoleSize: [number, number];
  PidsLimit: number | null;
};

export type EndpointSettingsT = {
  IPAMConfig: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links: string[] | null;
  Aliases: string[] | null;
  MacAddress: string;
  DriverOpts: Record<string, string> | null;
  GwPriority: number;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  DNSNames: string[] | null;
};
