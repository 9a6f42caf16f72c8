/**
 * How the docker CLI renders a list with a format (cli/command/formatter/formatter.go,
 * Context.Write): `table …` formats go through the table writer with a header row made
 * by running the same template over the column headers; `json` means `{{json .}}`; any
 * other format is printed raw, one line per item.
 */
import { GoStruct, goMethod, T } from './template/value';
import { Template, TemplateExecError, dockerFuncs, dockerHeaderFuncs } from './template/index';
import { alignTable } from './tabwriter';

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const PRETTY_FORMAT_KEY = 'pretty';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';
export const JSON_FORMAT = '{{json .}}';

/** Format.IsTable: the format starts with "table". */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** Format.IsJSON: exactly "json". */
export function isJSONFormat(format: string): boolean {
  return format === JSON_FORMAT_KEY;
}

/**
 * preFormat: drop the `table` prefix (or expand `json`), trim spaces, and turn the
 * two-character sequences `\t` and `\n` into a tab and a newline.
 */
export function finalFormat(format: string): string {
  let f = format;
  if (isTableFormat(f)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (isJSONFormat(f)) f = JSON_FORMAT;
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

/** An error the formatter returns; `message` is what the CLI prints. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

/**
 * The header object of a table (formatter.SubHeaderContext): a map of field name →
 * column title, with a `Label "name"` method that turns `com.example.my-label` into `my label`.
 */
export function headerContext(headers: Record<string, string>): GoStruct {
  return new GoStruct(
    'formatter.SubHeaderContext',
    headers,
    {
      Label: goMethod((name: string) => {
        const parts = name.split('.');
        return parts[parts.length - 1]!.replace(/[-_]/g, ' ');
      }, T.string),
    },
    { mapKind: true },
  );
}

/** Parse a format the way Context.Write does (after preFormat); throws FormatError. */
export function parseFormat(format: string): Template {
  try {
    return Template.parse(finalFormat(format), { name: '', funcs: dockerFuncs });
  } catch (e) {
    throw new FormatError(`template parsing error: ${(e as Error).message}`);
  }
}

/**
 * Context.Write: render `items` with `format`. `header` is the FullHeader() value of the
 * context (use headerContext). Returns the text the CLI writes to stdout; throws
 * FormatError (`template parsing error: …`) when parsing or executing fails — in that case
 * the CLI prints nothing on stdout.
 */
export function writeFormatted(format: string, header: unknown, items: readonly unknown[]): string {
  const tmpl = parseFormat(format);
  let body = '';
  for (const item of items) {
    try {
      body += tmpl.execute(item);
    } catch (e) {
      throw new FormatError(`template parsing error: ${(e as Error).message}`);
    }
    body += '\n';
  }
  if (!isTableFormat(format)) return body;
  let head: string;
  try {
    head = tmpl.execute(header, { funcs: dockerHeaderFuncs });
  } catch (e) {
    // the CLI ignores header errors but keeps what was written before the failure
    head = e instanceof TemplateExecError ? e.output : '';
  }
  return alignTable(head + '\n' + body);
}
