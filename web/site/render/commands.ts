// The commands docksim supports, generated from the docker CLI's command table (src/cli/spec):
// the commands marked `simulated`, grouped as `docker --help` groups them, each with its usage,
// what it does, its other names and its options; then the commands docksim knows but refuses.

import { commandNameOf, rootCmd, type CommandSpec, type FlagSpec } from '../../../src/cli/spec';
import { esc } from '../html';
import { ROUTES } from '../routes';
import { layout } from './layout';

export interface CommandEntry {
  /** "docker container run" */
  name: string;
  /** The usage line as `--help` prints it ("docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]"). */
  usage: string;
  short: string;
  /** Other spellings ("docker run"), from the table's aliases annotation and cobra aliases. */
  also: string[];
  flags: FlagSpec[];
  simulated: boolean;
}

export interface CommandGroup {
  /** "container", or "" for the top-level commands. */
  name: string;
  title: string;
  blurb: string;
  commands: CommandEntry[];
}

const GROUPS: Record<string, [string, string]> = {
  container: ['Containers', 'Create, run and look after containers. The top-level shortcuts (docker run, docker ps...) are the same commands.'],
  image: ['Images', 'Pull, build, tag, push and remove images; their layers are shared between images.'],
  builder: ['Builds', 'Build images from a Dockerfile with the classic builder.'],
  network: ['Networks', 'Bridge networks with their own addresses and name resolution between containers.'],
  volume: ['Volumes', 'Named and anonymous volumes that outlive containers.'],
  system: ['System', 'The daemon as a whole: information, events, disk usage, clean-up.'],
  swarm: ['Swarm', 'Turn the daemon into a swarm manager.'],
  service: ['Swarm services', 'Replicated services, scaled and updated by the swarm.'],
  node: ['Swarm nodes', 'The machines of a swarm.'],
};

function usageOf(path: string[], spec: CommandSpec): string {
  const use = spec.use.replace(/\n\t/g, '\n');
  const [first, ...rest] = use.split('\n');
  const args = first!.slice(commandNameOf(spec).length);
  return [`docker ${path.join(' ')}${args}`, ...rest.map((r) => r.trim())].join('\n');
}

function alsoOf(path: string[], spec: CommandSpec): string[] {
  const self = `docker ${path.join(' ')}`;
  const fromText = (spec.annotations?.aliases ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const fromCobra = (spec.aliases ?? []).map((a) => `docker ${[...path.slice(0, -1), a].join(' ')}`);
  return [...new Set([...fromText, ...fromCobra])].filter((a) => a !== self);
}

function entry(path: string[], spec: CommandSpec): CommandEntry {
  return {
    name: `docker ${path.join(' ')}`,
    usage: usageOf(path, spec),
    short: spec.short,
    also: alsoOf(path, spec),
    flags: spec.flags.filter((f) => !f.hidden && !f.deprecated),
    simulated: spec.simulated === true,
  };
}

/** The command table, grouped: management commands with their subcommands, then the top-level ones. */
export function commandGroups(root: CommandSpec = rootCmd): { supported: CommandGroup[]; refused: CommandEntry[] } {
  const supported: CommandGroup[] = [];
  const refused: CommandEntry[] = [];
  const topLevel: CommandEntry[] = [];
  // names reachable through a management command (docker ps is docker container ls)
  const covered = new Set<string>();
  for (const c of root.subcommands ?? []) {
    if (c.hidden) continue;
    const name = commandNameOf(c);
    if (c.subcommands?.length) {
      const group: CommandGroup = { name, title: GROUPS[name]?.[0] ?? `docker ${name}`, blurb: GROUPS[name]?.[1] ?? c.short, commands: [] };
      const walk = (spec: CommandSpec, path: string[]) => {
        for (const s of spec.subcommands ?? []) {
          if (s.hidden) continue;
          const p = [...path, commandNameOf(s)];
          if (s.subcommands?.length) {
            walk(s, p);
            continue;
          }
          const e = entry(p, s);
          if (e.simulated) {
            group.commands.push(e);
            for (const a of e.also) covered.add(a);
          } else refused.push(e);
        }
      };
      walk(c, [name]);
      if (group.commands.length) supported.push(group);
    }
  }
  for (const c of root.subcommands ?? []) {
    if (c.hidden || c.subcommands?.length) continue;
    const e = entry([commandNameOf(c)], c);
    if (covered.has(e.name)) continue;
    if (e.simulated) topLevel.push(e);
    else refused.push(e);
  }
  // in the order a learner meets them (the table's own order is alphabetical)
  const order = Object.keys(GROUPS);
  supported.sort((a, b) => (order.indexOf(a.name) + 1 || order.length + 1) - (order.indexOf(b.name) + 1 || order.length + 1));
  if (topLevel.length) supported.push({ name: '', title: 'Other commands', blurb: 'Registries, versions, and inspecting any object.', commands: topLevel });
  // the builder group only repeats docker build
  const builder = supported.find((g) => g.name === 'builder');
  if (builder && builder.commands.every((c) => c.also.length > 0)) supported.splice(supported.indexOf(builder), 1);
  refused.sort((a, b) => a.name.localeCompare(b.name));
  return { supported, refused };
}

function flagRow(f: FlagSpec): string {
  const names = `${f.short ? `<code>-${esc(f.short)}</code>, ` : ''}<code>--${esc(f.name)}</code>`;
  const kind = f.kind === 'bool' ? '' : ` <span class="flag-kind">${esc(f.kind)}</span>`;
  const def = f.def !== undefined && f.def !== '' && f.def !== 'false' && f.def !== '[]' ? ` <span class="flag-def">(default ${esc(f.def)})</span>` : '';
  return `<tr><th scope="row">${names}${kind}</th><td>${esc(f.usage)}${def}</td></tr>`;
}

function idOf(name: string): string {
  return name.replace(/^docker /, '').replace(/[^a-z0-9]+/gi, '-');
}

function commandHtml(c: CommandEntry): string {
  const also = c.also.length ? `<p class="cmd-also">Also: ${c.also.map((a) => `<code>${esc(a)}</code>`).join(', ')}</p>` : '';
  const flags = c.flags.length
    ? `<details class="cmd-flags"><summary>Options (${c.flags.length})</summary><div class="table-wrap"><table><tbody>${c.flags.map(flagRow).join('')}</tbody></table></div></details>`
    : '';
  return `<article class="cmd" id="${idOf(c.name)}">
<h3><code>${esc(c.name)}</code></h3>
<p>${esc(c.short)}</p>
<pre class="cmd-usage"><code>${esc(c.usage)}</code></pre>
${also}${flags}
</article>`;
}

export function commandsPage(root: CommandSpec = rootCmd): string {
  const { supported, refused } = commandGroups(root);
  const count = supported.reduce((n, g) => n + g.commands.length, 0);
  const toc = supported.map((g) => `<li><a href="#group-${g.name || 'other'}">${esc(g.title)}</a> <span class="toc-count">${g.commands.length}</span></li>`).join('');
  const groups = supported
    .map(
      (g) => `<section class="cmd-group" aria-labelledby="group-${g.name || 'other'}">
<h2 id="group-${g.name || 'other'}">${esc(g.title)}${g.name ? ` <code class="group-cmd">docker ${esc(g.name)}</code>` : ''}</h2>
<p>${esc(g.blurb)}</p>
${g.commands.map(commandHtml).join('\n')}
</section>`,
    )
    .join('\n');
  const refusedList = refused.map((c) => `<li><code>${esc(c.name)}</code> — ${esc(c.short)}</li>`).join('');
  const main = `<div class="prose-page reference">
<header class="page-head">
<p class="eyebrow">Reference</p>
<h1>The commands docksim supports</h1>
<p class="lead">docksim's docker CLI is version 28.2.2: the same commands, options, help texts, error messages and exit codes as the real one. These ${count} commands run against the simulated daemon. <code>docker COMMAND --help</code> in the terminal prints the same help as here.</p>
</header>
<nav class="page-toc" aria-label="Groups of commands"><ol>${toc}<li><a href="#not-simulated">Known but not simulated</a></li></ol></nav>
${groups}
<section class="cmd-group" aria-labelledby="not-simulated">
<h2 id="not-simulated">Known but not simulated</h2>
<p>The CLI knows these commands — their help and their usage errors are right — but docksim refuses to run them: they need plugins, other machines, or parts of Docker it does not model yet.</p>
<ul class="refused">${refusedList}</ul>
</section>
<section class="cmd-group" aria-labelledby="host-commands">
<h2 id="host-commands">On the host</h2>
<p>The terminal is an Ubuntu 24.04 shell (bash) for the user <code>learner</code>. Besides <code>docker</code> it has the usual file commands (<code>ls cat echo mkdir cp mv rm grep sed find</code>…), variables, pipes, redirects and heredocs, <code>curl</code> and <code>wget</code> to published ports, <code>ping</code>, <code>history</code>, and <code>help</code>. <code>reset</code> starts over with a new machine. Try them in the <a href="${ROUTES.playground}">playground</a>.</p>
</section>
</div>`;
  return layout({
    path: ROUTES.commands,
    title: 'Supported commands',
    description: `The ${count} docker CLI 28.2 commands docksim simulates, with their usage and options.`,
    main,
    kind: 'page-reference',
  });
}
