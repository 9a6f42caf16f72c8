// The go command: `go version`, `go env`, and `go run`/`go build` of a program whose main
// only prints with fmt.Println/Printf/Print (what a first Dockerfile builds); anything more
// is reported as beyond the model.

import type { Command, CommandContext } from '../../../sh/types';
import { programVersion } from '../lib/version';

function goos(ctx: CommandContext): string {
  return ctx.sys.machine === 'aarch64' ? 'arm64' : 'amd64';
}

/** The output of fmt.Println/Print/Printf calls with literal arguments in main(). */
function runMain(src: string): string | null {
  const body = /func\s+main\s*\(\s*\)\s*\{([\s\S]*)\}\s*$/.exec(src);
  if (!body) return null;
  let out = '';
  const re = /fmt\.(Println|Print|Printf)\(([^)]*)\)/g;
  const lit = (s: string) => {
    const t = s.trim();
    if (/^"(?:[^"\\]|\\.)*"$/.test(t)) return JSON.parse(t) as string;
    if (/^`[^`]*`$/.test(t)) return t.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(t)) return t;
    if (t === 'true' || t === 'false') return t;
    return null;
  };
  for (const m of body[1]!.matchAll(re)) {
    const args = m[2]!.trim() === '' ? [] : m[2]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(lit);
    if (args.some((a) => a === null)) return null;
    const vals = args as string[];
    if (m[1] === 'Println') out += `${vals.join(' ')}\n`;
    else if (m[1] === 'Print') out += vals.join('');
    else {
      let i = 1;
      out += (vals[0] ?? '').replace(/%[vsdq%]/g, (f) => (f === '%%' ? '%' : f === '%q' ? JSON.stringify(vals[i++] ?? '') : vals[i++] ?? '%!v(MISSING)'));
    }
  }
  return out;
}

export const go: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'GOLANG_VERSION', '1.24.4');
  const [cmd, ...rest] = ctx.args.slice(1);
  switch (cmd) {
    case 'version':
      ctx.stdout.write(`go version go${version} linux/${goos(ctx)}\n`);
      return 0;
    case 'env': {
      const vars: Record<string, string> = {
        GOARCH: goos(ctx),
        GOOS: 'linux',
        GOPATH: ctx.env.get('GOPATH') ?? '/go',
        GOROOT: '/usr/local/go',
        GOTOOLCHAIN: ctx.env.get('GOTOOLCHAIN') ?? 'local',
        GOVERSION: `go${version}`,
        CGO_ENABLED: ctx.env.get('CGO_ENABLED') ?? '1',
        GOCACHE: `${ctx.env.get('HOME') ?? '/root'}/.cache/go-build`,
        GOMODCACHE: `${ctx.env.get('GOPATH') ?? '/go'}/pkg/mod`,
      };
      if (rest.length > 0) {
        ctx.stdout.write(rest.map((k) => `${vars[k] ?? ''}\n`).join(''));
        return 0;
      }
      ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}='${v}'\n`).join(''));
      return 0;
    }
    case 'run':
    case 'build': {
      const files = rest.filter((a) => a.endsWith('.go'));
      const target = files[0] ?? '.';
      const path = target === '.' ? `${ctx.cwd.replace(/\/$/, '')}/main.go` : target.startsWith('/') ? target : `${ctx.cwd.replace(/\/$/, '')}/${target}`;
      let src: string;
      try {
        src = ctx.fs.readFile(path);
      } catch {
        ctx.stderr.write(target === '.' ? 'go: go.mod file not found in current directory or any parent directory; see \'go help modules\'\n' : `stat ${target}: no such file or directory\n`);
        return 1;
      }
      const output = runMain(src);
      if (output === null) {
        ctx.stderr.write(`go: this program is beyond what docksim simulates (only fmt.Print* of literals in main)\n`);
        return 1;
      }
      if (cmd === 'run') {
        ctx.stdout.write(output);
        return 0;
      }
      const oi = rest.indexOf('-o');
      const outName = oi >= 0 ? rest[oi + 1]! : target === '.' ? (ctx.cwd.split('/').pop() || 'main') : target.replace(/\.go$/, '').split('/').pop()!;
      const outPath = outName.startsWith('/') ? outName : `${ctx.cwd.replace(/\/$/, '')}/${outName}`;
      ctx.fs.writeFile(outPath, `\x7fELF docksim-program:go-binary\n${output}`, { mode: 0o755 });
      return 0;
    }
    case undefined:
    case 'help':
      ctx.stderr.write('Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n\nThe commands are:\n\n\tbuild       compile packages and dependencies\n\tenv         print Go environment information\n\trun         compile and run Go program\n\tversion     print Go version\n\nUse "go help <command>" for more information about a command.\n\n');
      return cmd === undefined ? 2 : 0;
  }
  ctx.stderr.write(`go ${cmd}: unknown command\nRun 'go help' for usage.\n`);
  return 2;
};

/** A binary `go build` wrote: it prints what its main printed. */
export const goBinary: Command = function* (ctx) {
  const argv0 = ctx.args[0] ?? '';
  try {
    const path = argv0.includes('/') ? argv0 : `${ctx.cwd.replace(/\/$/, '')}/${argv0}`;
    const text = ctx.fs.readFile(path);
    ctx.stdout.write(text.slice(text.indexOf('\n') + 1));
  } catch {
    // nothing to print
  }
  return 0;
};
