// docker images / image ls, history, tag, rmi / image rm, image prune, pull, search.

import { isNotFound, CliError, errorText, type Cli, type Invocation } from '../cli';
import { loadConfigFile } from '../config';
import { FormatError, GoStruct, ellipsis, headerContext, writeFormatted } from '../format';
import { displayStream } from '../jsonstream';
import { confirm, CancelledError } from '../prompt';
import {
  familiarName,
  isNameOnly,
  parseAnyReference,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  truncateID,
  type NamedReference,
} from '../../reference';
import { formatGoTimeString, formatRFC3339, goQuote, goTime, humanDuration, humanSize, humanSizeWithPrecision } from '../../units';
import { registryAuthFor } from './registry';
import { filtersParam, withFilter } from './filters';
import { imagePath } from './inspect';

function write(cli: Cli, format: string, header: GoStruct, items: unknown[]): void {
  try {
    cli.out(writeFormatted(format, header, items));
  } catch (e) {
    if (e instanceof FormatError) throw new CliError(e.message);
    throw e;
  }
}

// ------------------------------------------------------------------ images

interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

const DEFAULT_IMAGE_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const DEFAULT_IMAGE_TABLE_DIGEST = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

const IMAGE_HEADER = headerContext({
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
});

function imageFormat(source: string, quiet: boolean, digest: boolean): string {
  if (source === 'table') return quiet ? '{{.ID}}' : digest ? DEFAULT_IMAGE_TABLE_DIGEST : DEFAULT_IMAGE_TABLE;
  if (source === 'raw') {
    if (quiet) return 'image_id: {{.ID}}';
    if (digest) return 'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
    return 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
  }
  if (source.startsWith('table') && digest && !source.includes('{{.Digest}}')) return source + '\t{{.Digest}}';
  return source;
}

function isDangling(img: ImageSummary): boolean {
  const tags = img.RepoTags ?? [];
  const digests = img.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>';
}

function imageContext(cli: Cli, img: ImageSummary, trunc: boolean, repo: string, tag: string, digest: string): GoStruct {
  const m: Record<string, () => string> = {
    Containers: () => (img.Containers === -1 ? 'N/A' : String(img.Containers)),
    CreatedAt: () => formatGoTimeString(goTime(img.Created * 1000), cli.zone),
    CreatedSince: () => humanDuration(cli.now() - img.Created * 1000) + ' ago',
    Digest: () => digest,
    ID: () => (trunc ? truncateID(img.Id) : img.Id),
    Repository: () => repo,
    SharedSize: () => (img.SharedSize === -1 ? 'N/A' : humanSize(img.SharedSize)),
    Size: () => humanSizeWithPrecision(img.Size, 3),
    Tag: () => tag,
    UniqueSize: () => (img.Size === -1 || img.SharedSize === -1 ? 'N/A' : humanSize(img.Size - img.SharedSize)),
    VirtualSize: () => humanSize(img.Size),
  };
  return new GoStruct('*formatter.imageContext', {}, m, { json: () => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f()])) });
}

function imageRows(cli: Cli, img: ImageSummary, trunc: boolean, format: string, showDigests: boolean): GoStruct[] {
  if (isDangling(img)) return [imageContext(cli, img, trunc, '<none>', '<none>', '<none>')];
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const s of img.RepoTags ?? []) {
    try {
      const ref = parseNormalizedNamed(s);
      if (ref.tag !== undefined) {
        const name = familiarName(ref);
        repoTags.set(name, [...(repoTags.get(name) ?? []), ref.tag]);
      }
    } catch {
      // skipped
    }
  }
  for (const s of img.RepoDigests ?? []) {
    try {
      const ref = parseNormalizedNamed(s);
      if (ref.digest !== undefined) {
        const name = familiarName(ref);
        repoDigests.set(name, [...(repoDigests.get(name) ?? []), ref.digest]);
      }
    } catch {
      // skipped
    }
  }
  const needDigest = showDigests || format.includes('{{.Digest}}');
  const rows: GoStruct[] = [];
  for (const [repo, tags] of repoTags) {
    let digests = repoDigests.get(repo) ?? [];
    repoDigests.delete(repo);
    if (!needDigest) digests = [];
    for (const tag of tags) {
      if (digests.length === 0) {
        rows.push(imageContext(cli, img, trunc, repo, tag, '<none>'));
        continue;
      }
      for (const d of digests) rows.push(imageContext(cli, img, trunc, repo, tag, d));
    }
  }
  for (const [repo, digests] of repoDigests) {
    if (showDigests) for (const d of digests) rows.push(imageContext(cli, img, trunc, repo, '<none>', d));
    else rows.push(imageContext(cli, img, trunc, repo, '<none>', ''));
  }
  return rows;
}

const AMBIGUOUS = ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'];

export async function runImages(cli: Cli, inv: Invocation, calledAs: 'images' | 'ls'): Promise<void> {
  const f = inv.flags;
  let filters = f.get<Record<string, string[]>>('filter');
  const matchName = inv.args[0] ?? '';
  if (matchName !== '') filters = withFilter(filters, 'reference', matchName);
  const quiet = f.get<boolean>('quiet');
  const noTrunc = f.get<boolean>('no-trunc');
  const digests = f.get<boolean>('digests');
  let format = f.get<string>('format');
  if (f.has('tree') && f.get<boolean>('tree')) {
    if (quiet) throw new CliError('--quiet is not yet supported with --tree');
    if (noTrunc) throw new CliError('--no-trunc is not yet supported with --tree');
    if (digests) throw new CliError('--show-digest is not yet supported with --tree');
    if (format !== '') throw new CliError('--format is not yet supported with --tree');
    throw new CliError('--tree is not available in docksim');
  }
  const query: Record<string, string> = {};
  const fp = filtersParam(filters);
  if (fp) query.filters = fp;
  if (f.get<boolean>('all')) query.all = '1';
  const images = (await cli.json<ImageSummary[]>('GET', '/images/json', { query })) ?? [];
  if (format.length === 0) {
    const cfg = loadConfigFile(cli).imagesFormat;
    format = cfg && !quiet ? cfg : 'table';
  }
  const fmt = imageFormat(format, quiet, digests);
  const rows = images.flatMap((img) => imageRows(cli, img, !noTrunc, fmt, digests));
  write(cli, fmt, IMAGE_HEADER, rows);
  if (matchName !== '' && images.length === 0 && calledAs === 'images' && AMBIGUOUS.includes(matchName)) {
    cli.err(`\nNo images found matching ${goQuote(matchName)}: did you mean "docker image ${matchName}"?\n`);
  }
}

// ------------------------------------------------------------------ history

interface HistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

const HISTORY_HEADER = headerContext({ ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' });
const EPOCH_2000 = Date.UTC(2000, 0, 1) / 1000;

export async function runHistory(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const human = f.get<boolean>('human');
  const quiet = f.get<boolean>('quiet');
  const trunc = !f.get<boolean>('no-trunc');
  const history = (await cli.json<HistoryItem[]>('GET', imagePath(inv.args[0]!, '/history'))) ?? [];
  let format = f.get<string>('format');
  if (format === '') format = 'table';
  if (format === 'table') {
    if (quiet) format = '{{.ID}}';
    else if (!human) format = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
    else format = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
  }
  const items = history.map((h) => {
    const createdAt = () => formatRFC3339(goTime(h.Created * 1000), cli.zone);
    const m: Record<string, () => string> = {
      Comment: () => h.Comment,
      CreatedAt: createdAt,
      CreatedBy: () => {
        const s = h.CreatedBy.replace(/\t/g, ' ');
        return trunc ? ellipsis(s, 45) : s;
      },
      CreatedSince: () => {
        if (!human) return createdAt();
        if (h.Created <= EPOCH_2000) return 'N/A';
        return humanDuration(cli.now() - h.Created * 1000) + ' ago';
      },
      ID: () => (trunc ? truncateID(h.Id) : h.Id),
      Size: () => (human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size)),
    };
    return new GoStruct('*image.historyContext', {}, m, { json: () => Object.fromEntries(Object.entries(m).map(([k, fn]) => [k, fn()])) });
  });
  write(cli, format, HISTORY_HEADER, items);
}

// ------------------------------------------------------------------ tag

export async function runTag(cli: Cli, inv: Invocation): Promise<void> {
  const [source, target] = inv.args as [string, string];
  try {
    parseAnyReference(source);
  } catch (e) {
    throw new CliError(`Error parsing reference: ${goQuote(source)} is not a valid repository/tag: ${(e as Error).message}`);
  }
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(target);
  } catch (e) {
    throw new CliError(`Error parsing reference: ${goQuote(target)} is not a valid repository/tag: ${(e as Error).message}`);
  }
  if (ref.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference');
  ref = tagNameOnly(ref);
  const query: Record<string, string> = { repo: `${ref.domain}/${ref.path}` };
  if (ref.tag) query.tag = ref.tag;
  await cli.request('POST', imagePath(source, '/tag'), { query });
}

// ------------------------------------------------------------------ rmi

export async function runRmi(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const force = f.get<boolean>('force');
  const query: Record<string, string> = {};
  if (force) query.force = '1';
  if (f.get<boolean>('no-prune')) query.noprune = '1';
  let fatal = false;
  const errs: string[] = [];
  for (const img of inv.args) {
    try {
      const dels = (await cli.json<{ Untagged?: string; Deleted?: string }[]>('DELETE', imagePath(img), { query })) ?? [];
      for (const d of dels) {
        if (d.Deleted) cli.out(`Deleted: ${d.Deleted}\n`);
        else cli.out(`Untagged: ${d.Untagged ?? ''}\n`);
      }
    } catch (e) {
      if (!isNotFound(e)) fatal = true;
      errs.push(errorText(cli.transportError(e)));
    }
  }
  if (errs.length > 0) {
    if (!force || fatal) throw new CliError(errs.join('\n'));
    cli.err(errs.join('\n') + '\n');
  }
}

// ------------------------------------------------------------------ prune

export async function runImagePrune(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const all = f.get<boolean>('all');
  const r = await pruneImages(cli, all, f.get<Record<string, string[]>>('filter'), f.get<boolean>('force'));
  if (r.output !== '') cli.out(r.output + '\n');
  cli.out(`Total reclaimed space: ${humanSize(r.space)}\n`);
}

export async function pruneImages(cli: Cli, all: boolean, filters: Record<string, string[]>, force: boolean): Promise<{ space: number; output: string }> {
  const pf = withFilter(filters, 'dangling', all ? 'false' : 'true');
  if (!force) {
    const warning = all
      ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?'
      : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
    if (!(await confirm(cli, warning))) throw new CancelledError('image prune has been cancelled');
  }
  const query: Record<string, string> = {};
  const fp = filtersParam(pf);
  if (fp) query.filters = fp;
  const report = await cli.json<{ ImagesDeleted: { Untagged?: string; Deleted?: string }[] | null; SpaceReclaimed: number }>('POST', '/images/prune', { query });
  let output = '';
  let space = 0;
  if ((report.ImagesDeleted ?? []).length > 0) {
    output = 'Deleted Images:\n';
    for (const d of report.ImagesDeleted!) output += d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ''}\n`;
    space = report.SpaceReclaimed;
  }
  return { space, output };
}

// ------------------------------------------------------------------ pull

export async function runPull(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const all = f.get<boolean>('all-tags');
  const quiet = f.get<boolean>('quiet');
  const platform = f.get<string>('platform');
  let ref: NamedReference;
  try {
    ref = parseNormalizedNamed(inv.args[0]!);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (all && !isNameOnly(ref)) throw new CliError("tag can't be used with --all-tags/-a");
  if (!all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!quiet) cli.out(`Using default tag: ${ref.tag}\n`);
  }
  const query: Record<string, string> = { fromImage: `${ref.domain}/${ref.path}` };
  if (!all) query.tag = ref.digest ?? ref.tag ?? '';
  if (platform !== '') query.platform = platform.toLowerCase();
  const res = await cli.request('POST', '/images/create', { query, headers: { 'X-Registry-Auth': registryAuthFor(cli, ref) } });
  const out = quiet
    ? { write: () => {}, isTerminal: false, width: 200, now: () => cli.now() }
    : { write: (s: string) => cli.out(s), isTerminal: cli.outIsTerminal, width: cli.io.columns ?? 200, now: () => cli.now() };
  await displayStream(res, out, { signal: cli.signal });
  cli.out(referenceString(ref) + '\n');
}

// ------------------------------------------------------------------ search

const SEARCH_HEADER = headerContext({ Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' });

export async function runSearch(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const filters = f.get<Record<string, string[]>>('filter');
  if (filters['is-automated']) cli.err('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
  const term = inv.args[0]!;
  const query: Record<string, string> = { term };
  const limit = f.get<number>('limit');
  if (limit > 0) query.limit = String(limit);
  const fp = filtersParam(filters);
  if (fp) query.filters = fp;
  const results = (await cli.json<{ name: string; description: string; star_count: number; is_official: boolean }[]>('GET', '/images/search', { query, headers: { 'X-Registry-Auth': registryAuthFor(cli, { kind: 'named', domain: 'docker.io', path: 'library/search' }) } })) ?? [];
  let format = f.get<string>('format');
  if (format === '' || format === 'table') format = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
  const trunc = !f.get<boolean>('no-trunc');
  const items = results.map((r) => {
    const desc = () => {
      const d = (r.description ?? '').replace(/\n/g, ' ').replace(/\r/g, ' ');
      return trunc ? ellipsis(d, 45) : d;
    };
    return new GoStruct(
      '*registry.searchContext',
      {},
      { Name: () => r.name, Description: desc, StarCount: () => String(r.star_count), IsOfficial: () => (r.is_official ? '[OK]' : '') },
      { json: () => ({ Description: desc(), IsOfficial: r.is_official ? 'true' : 'false', Name: r.name, StarCount: String(r.star_count) }) },
    );
  });
  write(cli, format, SEARCH_HEADER, items);
}

