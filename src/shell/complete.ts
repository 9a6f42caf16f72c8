// Tab completion on the host, as bash with docker's completion script does it: command names
// (programs, builtins, functions, aliases), file names (directories only after cd), variable
// names after $, and for docker its subcommands and flags (from the CLI's command table) and the
// names of the World's objects where docker expects them (containers in the right state,
// images and tags, networks, volumes), fetched through the Engine API.

import { handlerName } from '../cli/docker';
import { commandNameOf, rootCmd, type CommandSpec, type FlagSpec } from '../cli/spec';
import type { EngineClient } from '../engine-client';
import type { Shell } from '../sh';
import { joinPath } from '../vfs';
import type { Completion } from './terminal';
import { completionContext, quoteFor, type CompletionWord } from './words';

type Candidate = { value: string; display?: string; suffix?: string };

const BASH_BUILTINS = [
  '.', ':', '[', 'alias', 'bg', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval',
  'exec', 'exit', 'export', 'false', 'fc', 'fg', 'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd',
  'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask',
  'unalias', 'unset', 'wait',
];
const KEYWORDS = ['!', '[[', ']]', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}'];

export interface CompleterOptions {
  shell: Shell;
  engine: EngineClient;
}

export function hostCompleter(o: CompleterOptions): (line: string, cursor: number) => Promise<Completion | null> {
  return async (line, cursor) => {
    const ctx = completionContext(line, cursor);
    const cur = ctx.current;
    const replace = (candidates: Candidate[], suffix?: string): Completion => ({ candidates, replaceFrom: cur.start, replaceTo: cursor, suffix });
    if (ctx.redirectTarget) return replace(pathCandidates(o.shell, cur, 'all'));
    const varMatch = /^(.*)\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(cur.raw);
    if (varMatch && cur.quote !== "'") {
      const prefix = varMatch[2] ?? '';
      const braced = cur.raw.slice(varMatch[1]!.length).startsWith('${');
      const names = [...new Set([...o.shell.vars.keys()])].filter((n) => n.startsWith(prefix)).sort();
      return replace(names.map((n) => ({ value: `${varMatch[1]}${braced ? '${' : '$'}${n}${braced ? '}' : ''}`, display: n })));
    }
    if (ctx.commandPosition) {
      if (cur.value.includes('/') || cur.value.startsWith('~')) return replace(pathCandidates(o.shell, cur, 'exec'));
      return replace(commandCandidates(o.shell, cur));
    }
    const cmd = (ctx.words.find((w) => !PREFIXES.has(w)) ?? ctx.words[0] ?? '').replace(/^.*\//, '');
    if (cmd === 'docker') {
      const words = ctx.words.slice(ctx.words.findIndex((w) => w.replace(/^.*\//, '') === 'docker') + 1);
      const r = await dockerCandidates(o, words, cur);
      if (r === 'files') return replace(pathCandidates(o.shell, cur, 'all'));
      if (r === 'dirs') return replace(pathCandidates(o.shell, cur, 'dirs'));
      return replace(r.candidates, r.suffix);
    }
    if (cmd === 'cd' || cmd === 'pushd' || cmd === 'rmdir') return replace(pathCandidates(o.shell, cur, 'dirs'));
    if (cmd === 'unset' || cmd === 'export') {
      const names = [...o.shell.vars.keys()].filter((n) => n.startsWith(cur.value)).sort();
      if (names.length || cmd === 'unset') return replace(names.map((n) => ({ value: n })));
    }
    if (cmd === 'which' || cmd === 'type' || cmd === 'help' || cmd === 'man') return replace(commandCandidates(o.shell, cur));
    return replace(pathCandidates(o.shell, cur, 'all'));
  };
}

const PREFIXES = new Set(['sudo', 'time', 'nohup', 'command', 'builtin', 'xargs', 'watch', 'nice', 'env']);

function commandCandidates(shell: Shell, cur: CompletionWord): Candidate[] {
  const names = new Set<string>();
  const add = (n: string) => {
    if (n.startsWith(cur.value)) names.add(n);
  };
  for (const n of shell.commands.names()) add(n);
  for (const n of BASH_BUILTINS) add(n);
  for (const n of KEYWORDS) add(n);
  for (const n of shell.funcs.keys()) add(n);
  for (const n of shell.aliases.keys()) add(n);
  // executables in the PATH directories of the host's filesystem
  for (const dir of (shell.getVar('PATH') ?? '').split(':')) {
    if (!dir.startsWith('/')) continue;
    let entries: string[] = [];
    try {
      entries = shell.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const e of entries) {
      try {
        const st = shell.fs.stat(`${dir}/${e}`);
        if (st.type === 'file' && st.mode & 0o111) add(e);
      } catch {
        // dangling link
      }
    }
  }
  return [...names].sort().map((n) => ({ value: quoteFor(cur, n) }));
}

/** Files (or only directories, or executables and directories) matching the word. */
export function pathCandidates(shell: Shell, cur: CompletionWord, kind: 'all' | 'dirs' | 'exec'): Candidate[] {
  const value = cur.value;
  const slash = value.lastIndexOf('/');
  const dirPart = slash >= 0 ? value.slice(0, slash + 1) : '';
  const base = slash >= 0 ? value.slice(slash + 1) : value;
  const home = shell.getVar('HOME') ?? '/';
  let lookup = dirPart;
  if (lookup.startsWith('~/') || lookup === '~') lookup = home + lookup.slice(1);
  // "~" alone completes to the home directory
  if (dirPart === '' && base === '~') return [{ value: '~/', display: '~/' }];
  const dir = lookup === '' ? shell.cwd : joinPath(shell.cwd, lookup);
  let entries: string[];
  try {
    entries = shell.fs.readdir(dir);
  } catch {
    return [];
  }
  const rawDir = rawPrefixOf(cur, dirPart);
  const out: Candidate[] = [];
  for (const e of entries) {
    if (!e.startsWith(base)) continue;
    if (e.startsWith('.') && !base.startsWith('.')) continue;
    let isDir = false;
    let isExec = false;
    try {
      const st = shell.fs.stat(`${dir.replace(/\/$/, '')}/${e}`);
      isDir = st.type === 'dir';
      isExec = st.type === 'file' && (st.mode & 0o111) !== 0;
    } catch {
      // a dangling symlink is still a name
    }
    if (kind === 'dirs' && !isDir) continue;
    if (kind === 'exec' && !isDir && !isExec) continue;
    const quoted = quoteFor(cur, e);
    if (isDir) out.push({ value: `${rawDir}${quoted}/`, display: `${e}/`, suffix: '' });
    else out.push({ value: `${rawDir}${quoted}`, display: e, suffix: cur.quote ? `${cur.quote} ` : ' ' });
  }
  return out;
}

/** The typed text of the word up to the end of its directory part (keeps the user's quoting). */
function rawPrefixOf(cur: CompletionWord, dirPart: string): string {
  if (dirPart === '') return cur.quote ? cur.raw.slice(0, cur.raw.indexOf(cur.quote) + 1) : '';
  // walk the raw text until dirPart's length of value characters has been consumed
  let value = 0;
  let i = 0;
  let quote: string | null = null;
  while (i < cur.raw.length && value < dirPart.length) {
    const c = cur.raw[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (quote === '"' && c === '\\') {
        i++;
        value++;
      } else value++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      i++;
      value++;
    } else value++;
    i++;
  }
  return cur.raw.slice(0, i);
}

// ------------------------------------------------------------------------------------ docker

type DockerAnswer = { candidates: Candidate[]; suffix?: string } | 'files' | 'dirs';

type NameKind = 'running' | 'stopped' | 'paused' | 'containers' | 'images' | 'networks' | 'volumes';

const CONTAINER_POSITIONAL: Record<string, NameKind> = {
  'container attach': 'running',
  'container exec': 'running',
  'container kill': 'running',
  'container pause': 'running',
  'container top': 'running',
  'container stats': 'running',
  'container port': 'running',
  'container stop': 'running',
  'container start': 'stopped',
  'container unpause': 'paused',
  'container restart': 'containers',
  'container rm': 'containers',
  'container logs': 'containers',
  'container inspect': 'containers',
  'container rename': 'containers',
  'container wait': 'containers',
  'container diff': 'containers',
  'container export': 'containers',
  'container commit': 'containers',
  'container update': 'containers',
  'container cp': 'containers',
  'container run': 'images',
  'container create': 'images',
  'image rm': 'images',
  'image inspect': 'images',
  'image history': 'images',
  'image save': 'images',
  'image push': 'images',
  'image tag': 'images',
  'image pull': 'images',
  'network rm': 'networks',
  'network inspect': 'networks',
  'network connect': 'networks',
  'network disconnect': 'networks',
  'volume rm': 'volumes',
  'volume inspect': 'volumes',
};
/** Commands whose every positional argument is such a name (the others take one). */
const MANY = new Set(['container kill', 'container pause', 'container stop', 'container start', 'container unpause', 'container restart', 'container rm', 'container inspect', 'container wait', 'container stats', 'container update', 'image rm', 'image inspect', 'image save', 'network rm', 'network inspect', 'volume rm', 'volume inspect']);

const FLAG_VALUES: Record<string, NameKind | string[] | 'files' | 'dirs' | 'volumeOrPath'> = {
  network: 'networks',
  net: 'networks',
  'volumes-from': 'containers',
  link: 'containers',
  volume: 'volumeOrPath',
  'env-file': 'files',
  'label-file': 'files',
  cidfile: 'files',
  file: 'files',
  output: 'files',
  input: 'files',
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  'log-driver': ['json-file', 'local', 'none', 'syslog', 'journald', 'fluentd', 'gelf', 'awslogs', 'splunk', 'etwlogs', 'gcplogs'],
  pull: ['always', 'missing', 'never'],
  'stop-signal': ['SIGTERM', 'SIGINT', 'SIGKILL', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'],
  signal: ['SIGTERM', 'SIGINT', 'SIGKILL', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'],
  driver: ['bridge', 'host', 'ipvlan', 'macvlan', 'none', 'overlay', 'local'],
};

const PS_FILTERS = ['ancestor=', 'before=', 'exited=', 'expose=', 'health=', 'id=', 'is-task=', 'label=', 'name=', 'network=', 'publish=', 'since=', 'status=', 'volume='];

function visibleSubcommands(spec: CommandSpec): CommandSpec[] {
  return (spec.subcommands ?? []).filter((s) => !s.hidden);
}

function findSub(spec: CommandSpec, word: string): CommandSpec | undefined {
  return (spec.subcommands ?? []).find((s) => commandNameOf(s) === word || (s.aliases ?? []).includes(word));
}

/** The flag a word names on this command (for a run of shorthands, -dit, the last one). */
function findFlag(spec: CommandSpec, word: string): FlagSpec | undefined {
  if (word.startsWith('--')) return spec.flags.find((f) => f.name === word.slice(2).replace(/=.*$/, ''));
  return spec.flags.find((f) => f.short === word.slice(-1));
}

async function dockerCandidates(o: CompleterOptions, words: string[], cur: CompletionWord): Promise<DockerAnswer> {
  let spec = rootCmd;
  const path: string[] = [];
  let positionals: string[] = [];
  let expectValue: FlagSpec | null = null;
  let flagsDone = false;
  for (const w of words) {
    if (expectValue) {
      expectValue = null;
      continue;
    }
    if (!flagsDone && w === '--') {
      flagsDone = true;
      continue;
    }
    if (!flagsDone && w.startsWith('-') && w !== '-') {
      if (w.startsWith('--') && w.includes('=')) continue;
      const f = findFlag(spec, w);
      // -dit: a run of bool shorthands; the last one may take a value
      if (f && f.kind !== 'bool') expectValue = f;
      continue;
    }
    const sub = positionals.length === 0 ? findSub(spec, w) : undefined;
    if (sub && (spec.subcommands?.length ?? 0) > 0) {
      spec = sub;
      path.push(commandNameOf(sub));
      continue;
    }
    positionals.push(w);
    if (spec.interspersed === false) flagsDone = true;
  }
  const value = cur.value;
  const name = path.length ? handlerName(path) : '';
  // a flag's value
  if (expectValue) {
    const kind = FLAG_VALUES[expectValue.name];
    if (!kind) return { candidates: [] };
    if (kind === 'files' || kind === 'dirs') return kind;
    if (kind === 'volumeOrPath') {
      if (value.includes('/') || value.startsWith('.') || value.startsWith('~')) return 'files';
      const vols = await names(o.engine, 'volumes');
      return { candidates: vols.filter((v) => v.startsWith(value)).map((v) => ({ value: quoteFor(cur, v), suffix: ':' })), suffix: ':' };
    }
    if (Array.isArray(kind)) return { candidates: kind.filter((v) => v.startsWith(value)).map((v) => ({ value: v })) };
    const list = await names(o.engine, kind);
    return { candidates: list.filter((v) => v.startsWith(value)).map((v) => ({ value: quoteFor(cur, v) })) };
  }
  // --filter values of ps
  const last = words[words.length - 1];
  if ((last === '--filter' || last === '-f') && name === 'container ls') {
    return { candidates: PS_FILTERS.filter((f) => f.startsWith(value)).map((f) => ({ value: f })), suffix: '' };
  }
  // flags
  if (value.startsWith('-') && !flagsDone) {
    const flags = spec.flags.filter((f) => !f.hidden && !f.deprecated);
    const out: Candidate[] = [];
    for (const f of flags) {
      const long = `--${f.name}`;
      if (long.startsWith(value)) out.push({ value: long });
      if (f.short && !value.startsWith('--') && `-${f.short}`.startsWith(value)) out.push({ value: `-${f.short}` });
    }
    if ('--help'.startsWith(value)) out.push({ value: '--help' });
    return { candidates: out };
  }
  // subcommands
  if (positionals.length === 0 && visibleSubcommands(spec).length > 0) {
    const subs = visibleSubcommands(spec).map(commandNameOf);
    if (path.length === 0) subs.push('help');
    return { candidates: [...new Set(subs)].filter((s) => s.startsWith(value)).sort().map((s) => ({ value: s })) };
  }
  // positional arguments
  if (name === 'image build' || name === 'builder build') return positionals.length === 0 ? 'dirs' : { candidates: [] };
  if (name === 'container cp') {
    if (value.includes(':') || value.startsWith('/') || value.startsWith('.')) return value.includes(':') ? { candidates: [] } : 'files';
    const cs = await names(o.engine, 'containers');
    const ctrs: Candidate[] = cs.filter((c) => c.startsWith(value)).map((c) => ({ value: `${quoteFor(cur, c)}:`, suffix: '' }));
    return { candidates: ctrs };
  }
  if (name === 'system inspect' || (path.length === 1 && path[0] === 'inspect')) {
    const all = (await Promise.all((['containers', 'images', 'networks', 'volumes'] as NameKind[]).map((k) => names(o.engine, k)))).flat();
    return { candidates: [...new Set(all)].filter((v) => v.startsWith(value)).map((v) => ({ value: quoteFor(cur, v) })) };
  }
  let kind = CONTAINER_POSITIONAL[name];
  if (!kind) return { candidates: [] };
  if (positionals.length > 0 && !MANY.has(name)) {
    if ((name === 'network connect' || name === 'network disconnect') && positionals.length === 1) kind = 'containers';
    else return { candidates: [] };
  }
  const list = await names(o.engine, kind);
  return { candidates: list.filter((v) => v.startsWith(value) && !positionals.includes(v)).map((v) => ({ value: quoteFor(cur, v) })) };
}

interface ContainerLite {
  Names?: string[];
  State?: string;
}

/** Names of the World's objects, fetched through the Engine API (empty when it fails). */
export async function names(engine: EngineClient, kind: NameKind): Promise<string[]> {
  try {
    switch (kind) {
      case 'running':
      case 'stopped':
      case 'paused':
      case 'containers': {
        const list = await engine.json<ContainerLite[]>('GET', '/containers/json', { query: { all: '1' } });
        const want = (s: string | undefined) =>
          kind === 'containers' || (kind === 'running' ? s === 'running' : kind === 'paused' ? s === 'paused' : s === 'exited' || s === 'created' || s === 'dead');
        return list.filter((c) => want(c.State)).map((c) => (c.Names?.[0] ?? '').replace(/^\//, '')).filter(Boolean).sort();
      }
      case 'images': {
        const list = await engine.json<{ RepoTags?: string[] | null }[]>('GET', '/images/json');
        const out = new Set<string>();
        for (const img of list) {
          for (const t of img.RepoTags ?? []) {
            if (t === '<none>:<none>') continue;
            out.add(t);
            if (t.endsWith(':latest')) out.add(t.slice(0, -':latest'.length));
          }
        }
        return [...out].sort();
      }
      case 'networks': {
        const list = await engine.json<{ Name: string }[]>('GET', '/networks');
        return list.map((n) => n.Name).sort();
      }
      case 'volumes': {
        const r = await engine.json<{ Volumes?: { Name: string }[] | null }>('GET', '/volumes');
        return (r.Volumes ?? []).map((v) => v.Name).sort();
      }
    }
  } catch {
    return [];
  }
}
