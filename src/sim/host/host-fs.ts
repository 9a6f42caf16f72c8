// The Docker host's own filesystem as a learner finds it in the terminal: a home directory and
// the few system files a curious user looks at. Bind mounts and build contexts come from here.

import type { LayerEntry } from '../../vfs';
import type { HostInfo } from '../daemon/daemon';

export function hostFsEntries(info: HostInfo, mtime: number): LayerEntry[] {
  const dir = (path: string, mode = 0o755, uid = 0): LayerEntry => ({ path, type: 'dir', mode, uid, gid: uid });
  const entries: LayerEntry[] = [
    dir('/bin'),
    dir('/etc'),
    dir('/home'),
    dir('/home/learner', 0o750, 1000),
    dir('/root', 0o700),
    dir('/tmp', 0o1777),
    dir('/usr'),
    dir('/usr/bin'),
    dir('/var'),
    dir('/var/lib'),
    dir('/var/lib/docker', 0o710),
    dir('/var/run'),
    { path: '/etc/hostname', type: 'file', content: `${info.hostname}\n` },
    {
      path: '/etc/os-release',
      type: 'file',
      content:
        'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
    },
    { path: '/etc/passwd', type: 'file', content: 'root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000:Learner,,,:/home/learner:/bin/bash\n' },
    { path: '/etc/group', type: 'file', content: 'root:x:0:\ndocker:x:999:learner\nlearner:x:1000:\n' },
    { path: '/var/run/docker.sock', type: 'file', mode: 0o660, gid: 999, content: '' },
  ];
  // the machine was set up when the world began
  return entries.map((e) => ({ mtime, ...e }));
}
