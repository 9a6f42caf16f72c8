import { describe, expect, it } from 'vitest';
import { allCommands, commandNameOf, findCommand, rootCmd } from '../../../src/cli/spec';

const BRIEF = [
  'run', 'create', 'start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'ps', 'logs', 'exec', 'attach', 'inspect',
  'top', 'stats', 'rename', 'update', 'wait', 'port', 'cp', 'diff', 'commit', 'export', 'pull', 'push', 'images',
  'image ls', 'image rm', 'image prune', 'image inspect', 'image history', 'image tag', 'image pull', 'image push',
  'rmi', 'tag', 'history', 'build', 'login', 'logout', 'search', 'version', 'info', 'events',
  'system df', 'system prune', 'system info', 'system events',
  'network create', 'network ls', 'network rm', 'network inspect', 'network connect', 'network disconnect', 'network prune',
  'volume create', 'volume ls', 'volume rm', 'volume inspect', 'volume prune',
  'swarm init', 'swarm join', 'swarm leave', 'swarm join-token', 'swarm update', 'swarm unlock',
  'node ls', 'node inspect', 'node update', 'node rm', 'node promote', 'node demote', 'node ps',
  'service create', 'service ls', 'service ps', 'service rm', 'service inspect', 'service logs', 'service scale',
  'service update', 'service rollback', 'container prune',
];

describe('the command table', () => {
  it('has every command docksim simulates, marked as such', () => {
    for (const path of BRIEF) {
      const spec = findCommand(path.split(' '));
      expect(spec, path).toBeDefined();
      expect(spec!.simulated, path).toBe(true);
    }
    expect(findCommand(['plugin', 'install'])!.simulated).toBeUndefined();
  });

  it('has the same 188 visible commands as docker CLI 28.2.2, plus its hidden ones', () => {
    const all = allCommands();
    expect(all.filter((c) => !c.spec.hidden).length).toBe(188);
    expect(all.filter((c) => c.spec.hidden).map((c) => c.path.join(' ')).sort()).toEqual(['bake', 'system dial-stdio']);
  });

  it('keeps flag names and shorthands unique within a command, inherited ones included', () => {
    const problems: string[] = [];
    const walk = (spec = rootCmd, inherited: typeof rootCmd.flags = [], path: string[] = []) => {
      const flags = [...spec.flags, ...inherited.filter((i) => !spec.flags.some((f) => f.name === i.name))];
      const names = new Set<string>();
      const shorts = new Set<string>();
      for (const f of flags) {
        if (names.has(f.name)) problems.push(`${path.join(' ')} --${f.name}`);
        names.add(f.name);
        if (f.short && spec.flags.includes(f)) {
          if (shorts.has(f.short)) problems.push(`${path.join(' ')} -${f.short}`);
          shorts.add(f.short);
        }
        if (f.shares && !spec.flags.some((g) => g.name === f.shares && !g.shares)) problems.push(`${path.join(' ')} --${f.name} shares ${f.shares}`);
      }
      for (const s of spec.subcommands ?? []) walk(s, [...inherited, ...spec.flags.filter((f) => f.persistent)], [...path, commandNameOf(s)]);
    };
    walk();
    expect(problems).toEqual([]);
  });

  it('gives validators only to the kinds that use them', () => {
    const bad = allCommands().flatMap(({ path, spec }) =>
      spec.flags.filter((f) => f.validate && !['list', 'map', 'throttleDevice', 'weightDevice'].includes(f.kind)).map((f) => `${path.join(' ')} --${f.name}`),
    );
    expect(bad).toEqual([]);
  });
});
