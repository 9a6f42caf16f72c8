// nginx's configuration language: directives with arguments ending in ';', blocks in braces,
// '#' comments, quoted strings, and `include` of files and globs. Errors carry nginx's texts
// ("unknown directive", "unexpected "}"", ...) and the file:line they point at.

import type { FileSystem } from '../../../vfs/types';

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  file: string;
  line: number;
}

export class ConfError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    /** Whether nginx appends " in <file>:<line>". */
    readonly located = true,
  ) {
    super(message);
  }

  get text(): string {
    if (!this.located) return this.message;
    return this.file === 'command line' ? `${this.message} in command line` : `${this.message} in ${this.file}:${this.line}`;
  }
}

/** Directives the model knows (the core, http, events and common modules). */
const KNOWN = new Set(
  `daemon master_process worker_processes worker_rlimit_nofile worker_shutdown_timeout worker_cpu_affinity worker_priority
  user pid error_log include events http stream mail env load_module lock_file pcre_jit thread_pool timer_resolution
  worker_connections use multi_accept accept_mutex accept_mutex_delay debug_connection
  server listen server_name root alias index location error_page return rewrite if set break try_files
  access_log log_format log_not_found log_subrequest open_log_file_cache default_type types types_hash_max_size
  types_hash_bucket_size server_names_hash_bucket_size server_names_hash_max_size server_tokens sendfile tcp_nopush
  tcp_nodelay keepalive_timeout keepalive_requests send_timeout client_max_body_size client_body_buffer_size
  client_header_buffer_size large_client_header_buffers client_body_timeout client_header_timeout client_body_temp_path
  autoindex autoindex_exact_size autoindex_format autoindex_localtime charset charset_types source_charset
  gzip gzip_types gzip_vary gzip_proxied gzip_comp_level gzip_min_length gzip_buffers gzip_http_version gzip_disable gzip_static
  add_header expires etag if_modified_since internal allow deny auth_basic auth_basic_user_file satisfy limit_except
  proxy_pass proxy_set_header proxy_http_version proxy_redirect proxy_buffering proxy_buffers proxy_buffer_size
  proxy_read_timeout proxy_connect_timeout proxy_send_timeout proxy_cache proxy_cache_path proxy_cache_valid
  proxy_hide_header proxy_pass_header proxy_intercept_errors proxy_next_upstream proxy_ssl_verify proxy_ssl_server_name
  proxy_request_buffering proxy_max_temp_file_size proxy_temp_path proxy_cookie_path proxy_cookie_domain
  upstream least_conn ip_hash hash keepalive zone resolver resolver_timeout
  fastcgi_pass fastcgi_param fastcgi_index fastcgi_split_path_info fastcgi_read_timeout fastcgi_buffers fastcgi_buffer_size fastcgi_temp_path
  uwsgi_pass uwsgi_param uwsgi_temp_path scgi_pass scgi_param scgi_temp_path grpc_pass
  ssl_certificate ssl_certificate_key ssl_protocols ssl_ciphers ssl_prefer_server_ciphers ssl_session_cache ssl_session_timeout
  ssl_session_tickets ssl_dhparam ssl_stapling ssl_stapling_verify ssl_trusted_certificate ssl_ecdh_curve http2 http3 quic_retry
  limit_req limit_req_zone limit_req_status limit_conn limit_conn_zone limit_conn_status limit_rate
  map geo split_clients real_ip_header set_real_ip_from real_ip_recursive
  absolute_redirect port_in_redirect server_name_in_redirect merge_slashes msie_padding recursive_error_pages
  reset_timedout_connection underscores_in_headers ignore_invalid_headers chunked_transfer_encoding
  aio directio output_buffers postpone_output read_ahead subrequest_output_buffer_size
  open_file_cache open_file_cache_valid open_file_cache_min_uses open_file_cache_errors
  sub_filter sub_filter_once sub_filter_types stub_status mp4 flv secure_link random_index addition_types
  js_import js_content js_set js_path perl_modules`.split(/\s+/),
);

/** Directives that take a block. */
const BLOCKS = new Set(['events', 'http', 'stream', 'mail', 'server', 'location', 'upstream', 'if', 'types', 'map', 'geo', 'limit_except', 'split_clients']);

interface Token {
  text: string;
  quoted: boolean;
  line: number;
}

function tokenize(text: string, file: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === ';' || ch === '{' || ch === '}') {
      out.push({ text: ch, quoted: false, line });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const startLine = line;
      let s = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const n = text[i + 1]!;
          s += n === ch || n === '\\' ? n : n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : `\\${n}`;
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        s += text[i];
        i++;
      }
      if (i >= text.length) throw new ConfError('unexpected end of file, expecting ";" or "}"', file, line);
      i++;
      out.push({ text: s, quoted: true, line: startLine });
      continue;
    }
    let s = '';
    while (i < text.length && !/[\s;{}]/.test(text[i]!)) {
      if (text[i] === '\\' && i + 1 < text.length) {
        s += text[i]! + text[i + 1]!;
        i += 2;
        continue;
      }
      // a '#' inside a word is literal; `${...}` keeps its braces
      if (text[i] === '$' && text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        if (end > 0) {
          s += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
      }
      s += text[i];
      i++;
    }
    out.push({ text: s, quoted: false, line });
  }
  return out;
}

export interface ParseOptions {
  fs: FileSystem;
  /** Directory relative includes are taken from (the configuration prefix, /etc/nginx/). */
  prefix: string;
  /** Include nesting (a loop of includes stops here). */
  depth?: number;
  /** Collects the files read, with their text, in order (nginx -T). */
  files?: { path: string; text: string }[];
}

/** Parses a configuration file and the files it includes. */
export function parseFile(path: string, opts: ParseOptions): Directive[] {
  let text: string;
  try {
    text = opts.fs.readFile(path);
  } catch {
    throw new ConfError(`open() "${path}" failed (2: No such file or directory)`, path, 0, false);
  }
  opts.files?.push({ path, text });
  return parseText(text, path, opts);
}

export function parseText(text: string, file: string, opts: ParseOptions): Directive[] {
  const tokens = tokenize(text, file);
  let pos = 0;
  const depth = opts.depth ?? 0;

  const parseBlock = (inBlock: boolean): Directive[] => {
    const list: Directive[] = [];
    for (;;) {
      const t = tokens[pos];
      if (!t) {
        if (inBlock) throw new ConfError('unexpected end of file, expecting "}"', file, lastLine(text));
        return list;
      }
      if (t.text === '}' && !t.quoted) {
        if (!inBlock) throw new ConfError('unexpected "}"', file, t.line);
        pos++;
        return list;
      }
      if ((t.text === ';' || t.text === '{') && !t.quoted) throw new ConfError(`unexpected "${t.text}"`, file, t.line);
      const name = t.text;
      const line = t.line;
      pos++;
      const args: string[] = [];
      for (;;) {
        const a = tokens[pos];
        if (!a) throw new ConfError('unexpected end of file, expecting ";" or "}"', file, lastLine(text));
        if (!a.quoted && a.text === ';') {
          pos++;
          if (BLOCKS.has(name)) throw new ConfError(`directive "${name}" has no opening "{"`, file, line);
          if (!KNOWN.has(name)) throw new ConfError(`unknown directive "${name}"`, file, line);
          if (name === 'include' && depth < 8) {
            list.push(...include(args, file, line, opts, depth));
          } else list.push({ name, args, file, line });
          break;
        }
        if (!a.quoted && a.text === '{') {
          pos++;
          if (!BLOCKS.has(name)) {
            if (!KNOWN.has(name)) throw new ConfError(`unknown directive "${name}"`, file, line);
            throw new ConfError(`directive "${name}" is not terminated by ";"`, file, line);
          }
          const block = name === 'types' || name === 'map' || name === 'geo' || name === 'split_clients' ? parseRaw() : parseBlock(true);
          list.push({ name, args, block, file, line });
          break;
        }
        if (!a.quoted && a.text === '}') throw new ConfError(`unexpected "}"`, file, a.line);
        args.push(a.text);
        pos++;
      }
    }
  };

  /** Blocks whose entries are not directives (types, map): name value pairs. */
  const parseRaw = (): Directive[] => {
    const list: Directive[] = [];
    for (;;) {
      const t = tokens[pos];
      if (!t) throw new ConfError('unexpected end of file, expecting "}"', file, lastLine(text));
      pos++;
      if (!t.quoted && t.text === '}') return list;
      if (!t.quoted && t.text === ';') continue;
      const args: string[] = [];
      while (tokens[pos] && !(tokens[pos]!.text === ';' && !tokens[pos]!.quoted)) {
        args.push(tokens[pos]!.text);
        pos++;
      }
      pos++;
      list.push({ name: t.text, args, file, line: t.line });
    }
  };

  return parseBlock(false);
}

function lastLine(text: string): number {
  let n = 1;
  for (const ch of text) if (ch === '\n') n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function include(args: string[], file: string, line: number, opts: ParseOptions, depth: number): Directive[] {
  if (args.length !== 1) throw new ConfError('invalid number of arguments in "include" directive', file, line);
  const pattern = args[0]!.startsWith('/') ? args[0]! : `${opts.prefix.replace(/\/$/, '')}/${args[0]}`;
  const paths = glob(opts.fs, pattern);
  if (paths === null) throw new ConfError(`open() "${pattern}" failed (2: No such file or directory)`, file, line);
  const out: Directive[] = [];
  for (const p of paths) {
    let text: string;
    try {
      text = opts.fs.readFile(p);
    } catch {
      throw new ConfError(`open() "${p}" failed (2: No such file or directory)`, file, line);
    }
    if (text.includes('\0') || (p.endsWith('/mime.types') && !text.includes('types'))) {
      // a packaged mime.types known only by its size: nginx's built-in table stands in for it
      out.push({ name: 'types', args: [], block: [{ name: '__builtin_mime_types', args: [], file: p, line: 1 }], file: p, line: 1 });
      continue;
    }
    opts.files?.push({ path: p, text });
    out.push(...parseText(text, p, { ...opts, depth: depth + 1 }));
  }
  return out;
}

/** Expands a path with '*' and '?' in its last component; null when a plain path is missing. */
function glob(fs: FileSystem, pattern: string): string[] | null {
  if (!/[*?[]/.test(pattern)) return fs.exists(pattern) ? [pattern] : null;
  const slash = pattern.lastIndexOf('/');
  const dir = pattern.slice(0, slash) || '/';
  const re = new RegExp(`^${pattern.slice(slash + 1).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => re.test(n) && !n.startsWith('.')).map((n) => `${dir === '/' ? '' : dir}/${n}`);
}

/** The first directive of that name in a block. */
export function find(list: Directive[] | undefined, name: string): Directive | undefined {
  return list?.find((d) => d.name === name);
}

export function findAll(list: Directive[] | undefined, name: string): Directive[] {
  return list?.filter((d) => d.name === name) ?? [];
}
