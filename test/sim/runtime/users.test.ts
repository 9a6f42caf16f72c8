import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../../../src/vfs';
import { lookupUser } from '../../../src/sim/runtime/users';

// The process user as moby/sys/user GetExecUser resolves a container's `User`.
describe('lookupUser', () => {
  const fs = new MemoryFs({ now: () => 0 });
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nwww:x:33:33:www:/var/www:/bin/false\n');
  fs.writeFile('/etc/group', 'root:x:0:\nwww:x:33:\nstaff:x:50:\n');

  it('is root by default, with its home', () => {
    expect(lookupUser(fs, '')).toEqual({ ok: true, name: 'root', uid: 0, gid: 0, home: '/root' });
  });

  it('finds names and numbers in /etc/passwd, with their primary group', () => {
    expect(lookupUser(fs, 'www')).toEqual({ ok: true, name: 'www', uid: 33, gid: 33, home: '/var/www' });
    expect(lookupUser(fs, '33')).toMatchObject({ name: 'www', uid: 33, gid: 33 });
  });

  it('takes a number without an entry as it is: gid 0, home /', () => {
    expect(lookupUser(fs, '1234')).toEqual({ ok: true, name: '', uid: 1234, gid: 0, home: '/' });
    expect(lookupUser(fs, '1234:5678')).toMatchObject({ uid: 1234, gid: 5678 });
    expect(lookupUser(fs, 'www:staff')).toMatchObject({ uid: 33, gid: 50 });
  });

  it('fails for names it cannot find', () => {
    expect(lookupUser(fs, 'nosuch')).toEqual({ ok: false, message: 'unable to find user nosuch: no matching entries in passwd file' });
    expect(lookupUser(fs, 'www:nogroup')).toEqual({ ok: false, message: 'unable to find group nogroup: no matching entries in group file' });
  });
});
