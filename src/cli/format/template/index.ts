/**
 * Go's text/template for the docker CLI emulator.
 *
 *   const t = Template.parse('{{.Name}}\t{{json .Labels}}', { funcs: dockerFuncs });
 *   t.execute(data)            // string, or throws TemplateExecError (Go's message, .output)
 *
 * Parse errors throw TemplateParseError with Go's text (`template: :1: unclosed action`).
 * Data is plain JS (typed as value.ts explains), GoStruct for objects with methods, or
 * goTyped for exact Go types.
 */
import { execute, type GoFunc, type MissingKey } from './exec';
import { builtinFuncs, dockerFuncs, dockerHeaderFuncs } from './funcs';
import { parseTemplate, type ParsedTemplate } from './parse';
import { valueOf } from './value';

export interface TemplateOptions {
  /** Template name used in error messages; the docker CLI uses "" (→ `template: :1: …`). */
  name?: string;
  /** Extra functions (added to Go's builtins). */
  funcs?: ReadonlyMap<string, GoFunc>;
}

export interface ExecuteOptions {
  /** Replace functions for this execution (as tmpl.Funcs(...) before Execute). */
  funcs?: ReadonlyMap<string, GoFunc>;
  /** Option("missingkey=…"): default (<no value>), zero, error. */
  missingKey?: MissingKey;
}

export class Template {
  private constructor(
    private readonly parsed: ParsedTemplate,
    private readonly funcs: ReadonlyMap<string, GoFunc>,
  ) {}

  /** template.New(name).Funcs(funcs).Parse(text). */
  static parse(text: string, opts: TemplateOptions = {}): Template {
    const funcs = new Map<string, GoFunc>(builtinFuncs);
    for (const [k, f] of opts.funcs ?? []) funcs.set(k, f);
    const parsed = parseTemplate(text, { name: opts.name ?? '', hasFunction: (n) => funcs.has(n) });
    return new Template(parsed, funcs);
  }

  get name(): string {
    return this.parsed.name;
  }

  /** Execute over `data`; returns what the template writes. */
  execute(data: unknown, opts: ExecuteOptions = {}): string {
    let funcs = this.funcs;
    if (opts.funcs) {
      const m = new Map(this.funcs);
      for (const [k, f] of opts.funcs) m.set(k, f);
      funcs = m;
    }
    return execute(this.parsed, valueOf(data), { funcs, missingKey: opts.missingKey });
  }
}

/** templates.Parse of the docker CLI: an anonymous template with docker's functions. */
export function parseDockerTemplate(format: string): Template {
  return Template.parse(format, { name: '', funcs: dockerFuncs });
}

export { dockerFuncs, dockerHeaderFuncs, builtinFuncs } from './funcs';
export { TemplateExecError, REFLECT_VALUE, type GoFunc, type MissingKey } from './exec';
export { TemplateParseError } from './parse';
export { sprint, sprintf, sprintln, sprintValue } from './gofmt';
export { goJSON } from './json';
export {
  GoStruct,
  GoTyped,
  T,
  goMethod,
  goTyped,
  jsonNumber,
  mapOf,
  sliceOf,
  STRING_SLICE,
  STRING_MAP,
  IFACE_SLICE,
  IFACE_MAP,
  type GoType,
  type GoMethod,
  type GoStructOptions,
  type Value,
} from './value';
