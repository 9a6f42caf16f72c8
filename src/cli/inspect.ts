// cli/command/inspect: `docker inspect` and `docker <object> inspect`. The daemon's raw JSON
// of each object is concatenated into an array and indented with four spaces; --format runs a
// template over each object (numbers keep their text, as json.Decoder.UseNumber gives them);
// objects that were not found are reported after the output.

import { CliError, errorText, type Cli } from './cli';
import { jsonIndent, jsonCompact } from './gojson';
import { jsonNumber, parseDockerTemplate, type Template } from './format';

/** JSON text → plain JS values; numbers become json.Number values (their text is kept). */
export function parseJSONUseNumber(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        i++; // :
        o[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // }
        return o;
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++;
        return a;
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`invalid character '${c}' looking for beginning of value`);
    i += m[0].length;
    return jsonNumber(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (; i < text.length; i++) {
      if (text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === '"') break;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  return value();
}

export type GetRef = (ref: string) => Promise<{ raw: string; typedOnly?: boolean }>;

/** Escapes what json.Marshal escapes (the typed re-encoding of objects without raw JSON). */
function escapeHTML(s: string): string {
  return s.replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** inspect.Inspect */
export async function inspectObjects(cli: Cli, refs: string[], format: string, getRef: GetRef): Promise<void> {
  let tmpl: Template | undefined;
  const mode = format === '' ? 'indent' : format === 'json' ? 'json' : 'template';
  if (mode === 'template') {
    try {
      tmpl = parseDockerTemplate(format);
    } catch (e) {
      throw new CliError(`template parsing error: ${(e as Error).message}`, 64);
    }
  }
  const errs: string[] = [];
  const raws: string[] = [];
  let buffer = '';
  for (const ref of refs) {
    let got: { raw: string; typedOnly?: boolean };
    try {
      got = await getRef(ref);
    } catch (e) {
      errs.push(errorText(cli.transportError(e)));
      continue;
    }
    const raw = got.typedOnly ? escapeHTML(got.raw) : got.raw;
    if (mode !== 'template') {
      raws.push(raw.trim());
      continue;
    }
    try {
      const data = parseJSONUseNumber(got.raw);
      buffer += tmpl!.execute(data, { missingKey: 'error' }) + '\n';
    } catch (e) {
      errs.push(`template parsing error: ${(e as Error).message}`);
    }
  }
  if (mode === 'template') cli.out(buffer === '' ? '\n' : buffer);
  else if (raws.length === 0) cli.out('[]\n');
  else {
    const all = '[' + raws.join(',') + ']';
    cli.out((mode === 'indent' ? jsonIndent(all, '    ') : jsonCompact(all)) + '\n');
  }
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
