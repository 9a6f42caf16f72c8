// docker ps / docker container ls (cli/command/container/list.go).

import { CliError, type Cli, type Invocation } from '../../cli';
import { loadConfigFile } from '../../config';
import { FormatError, parseDockerTemplate, writeFormatted } from '../../format';
import { CONTAINER_HEADER, containerContext, containerFormat, emptyContainerContext, type ContainerSummary } from '../../formatters/container';
import { filtersParam } from '../filters';

export async function runPs(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  let format = f.get<string>('format');
  const quiet = f.get<boolean>('quiet');
  if (format.length === 0) format = loadConfigFile(cli).psFormat ?? '';
  else if (quiet) cli.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  const last = f.get<number>('last');
  let limit = last;
  if (f.get<boolean>('latest') && last === -1) limit = 1;
  let size = f.get<boolean>('size');
  if (format.length > 0) {
    let tmpl;
    try {
      tmpl = parseDockerTemplate(format);
    } catch (e) {
      throw new CliError(`failed to parse template: ${(e as Error).message}`);
    }
    let usesSize = false;
    try {
      tmpl.execute(emptyContainerContext(() => (usesSize = true), cli.zone));
    } catch (e) {
      throw new CliError(`failed to execute template: ${(e as Error).message}`);
    }
    if (!quiet && !size && !f.changed('size') && usesSize) size = true;
  }
  const query: Record<string, string> = {};
  if (f.get<boolean>('all')) query.all = '1';
  if (limit > 0) query.limit = String(limit);
  if (size) query.size = '1';
  const filters = filtersParam(f.get<Record<string, string[]>>('filter'));
  if (filters) query.filters = filters;
  const containers = await cli.json<ContainerSummary[]>('GET', '/containers/json', { query });
  const trunc = !f.get<boolean>('no-trunc');
  // one reading of the clock for the whole list
  const now = cli.now();
  const items = (containers ?? []).map((c) => containerContext(c, { trunc, now, zone: cli.zone }));
  try {
    cli.out(writeFormatted(containerFormat(format, quiet, size), CONTAINER_HEADER, items));
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.message);
    throw e;
  }
}
