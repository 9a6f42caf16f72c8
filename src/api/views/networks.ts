// Network JSON (moby api/types/network Inspect at v28.2.2).

import { rfc3339Nano } from '../../sim/core/time';
import type { Network } from '../../sim/daemon/networks';

export function networkJson(n: Network, detail = true): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  if (detail) {
    for (const ep of n.endpoints.values()) {
      containers[ep.containerId] = {
        Name: ep.name,
        EndpointID: ep.endpointId,
        MacAddress: ep.mac,
        IPv4Address: ep.ipv4 ? `${ep.ipv4}/${ep.prefixLen}` : '',
        IPv6Address: '',
      };
    }
  }
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339Nano(n.created),
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: n.enableIPv4,
    EnableIPv6: n.enableIPv6,
    IPAM: { Driver: n.ipamDriver, Options: n.ipamOptions, Config: n.subnets.map((s) => ({ ...s })) },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress,
    ConfigFrom: { Network: n.configFrom },
    ConfigOnly: n.configOnly,
    Containers: containers,
    Options: n.options,
    Labels: n.labels,
  };
}
