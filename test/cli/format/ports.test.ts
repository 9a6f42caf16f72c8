import { describe, expect, it } from 'vitest';
import { displayablePorts, joinHostPort, type PortSummary } from '../../../src/cli/format';

const tcp = (PrivatePort: number, IP?: string, PublicPort?: number): PortSummary => ({ PrivatePort, IP, PublicPort, Type: 'tcp' });

describe('displayablePorts (docker ps PORTS)', () => {
  it.each<[string, PortSummary[], string]>([
    ['nothing', [], ''],
    ['-p 8080:80 with IPv6', [tcp(80, '0.0.0.0', 8080), tcp(80, '::', 8080)], '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp'],
    ['-p 80:80', [tcp(80, '::', 80), tcp(80, '0.0.0.0', 80)], '0.0.0.0:80->80/tcp, [::]:80->80/tcp'],
    [
      'EXPOSE 443 and -p 8080:80',
      [tcp(80, '0.0.0.0', 8080), tcp(443), tcp(80, '::', 8080)],
      '443/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
    ],
    ['EXPOSE 80', [tcp(80)], '80/tcp'],
    ['unpublished range', [tcp(8002), tcp(8000), tcp(8001)], '8000-8002/tcp'],
    [
      'published range with equal ports',
      [tcp(8000, '0.0.0.0', 8000), tcp(8001, '0.0.0.0', 8001), tcp(8002, '0.0.0.0', 8002)],
      '0.0.0.0:8000-8002->8000-8002/tcp',
    ],
    ['gaps split ranges', [tcp(80), tcp(81), tcp(83)], '80-81/tcp, 83/tcp'],
    [
      'udp and tcp are separate groups',
      [{ PrivatePort: 53, Type: 'udp' }, tcp(53)],
      '53/tcp, 53/udp',
    ],
  ])('%s', (_name, ports, want) => {
    expect(displayablePorts(ports)).toBe(want);
  });

  it('does not reorder the caller’s array', () => {
    const ports = [tcp(443), tcp(80)];
    displayablePorts(ports);
    expect(ports[0]!.PrivatePort).toBe(443);
  });

  it('joinHostPort brackets IPv6', () => {
    expect(joinHostPort('::', 80)).toBe('[::]:80');
    expect(joinHostPort('127.0.0.1', '80')).toBe('127.0.0.1:80');
  });
});
