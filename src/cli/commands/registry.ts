// docker login, logout, push (cli/command/registry, cli/command/image/push.go), and the
// credentials they keep in the CLI's config.json (the file credentials store: base64 user:pass).

import { ApiError } from '../../engine-client';
import { isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly, type NamedReference } from '../../reference';
import { CliError, type Cli, type Invocation } from '../cli';
import { configDir } from '../config';
import { goMarshal, jsonIndent } from '../gojson';
import { displayStream } from '../jsonstream';
import { CancelledError } from '../prompt';
import { charWidth } from '../format';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

interface AuthConfig {
  username?: string;
  password?: string;
  serveraddress?: string;
  identitytoken?: string;
}

const KNOWN_KEYS = [
  'auths', 'HttpHeaders', 'psFormat', 'imagesFormat', 'networksFormat', 'pluginsFormat', 'volumesFormat', 'statsFormat', 'detachKeys',
  'credsStore', 'credHelpers', 'serviceInspectFormat', 'servicesFormat', 'tasksFormat', 'secretFormat', 'configFormat', 'nodesFormat',
  'pruneFilters', 'proxies', 'currentContext', 'cliPluginsExtraDirs', 'plugins', 'aliases', 'features', 'experimental',
];

function b64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function unb64(s: string): string {
  try {
    const bin = atob(s);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** registry.EncodeAuthConfig: base64url of the JSON (the X-Registry-Auth header) */
export function encodeAuthConfig(a: AuthConfig): string {
  const json = goMarshal({ username: a.username || undefined, password: a.password || undefined, serveraddress: a.serveraddress || undefined, identitytoken: a.identitytoken || undefined });
  return b64(json).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The CLI's config file with its credentials (configfile.ConfigFile over the file store). */
export class CredentialsFile {
  readonly path: string;
  private data: Record<string, unknown> = {};

  constructor(private readonly cli: Cli) {
    this.path = `${configDir(cli)}/config.json`;
    const fs = cli.io.fs;
    if (!fs) return;
    try {
      const v = JSON.parse(fs.readFile(this.path));
      if (v && typeof v === 'object') this.data = v as Record<string, unknown>;
    } catch {
      // no file yet, or not JSON: starts empty
    }
  }

  private auths(): Record<string, { auth?: string; identitytoken?: string }> {
    const a = this.data.auths;
    if (!a || typeof a !== 'object') this.data.auths = {};
    return this.data.auths as Record<string, { auth?: string; identitytoken?: string }>;
  }

  /** GetAuthConfig: the stored credentials for a key (matching legacy keys by hostname) */
  get(server: string): AuthConfig {
    const auths = this.auths();
    let entry = auths[server];
    if (!entry) {
      for (const [k, v] of Object.entries(auths)) if (convertToHostname(k) === server) entry = v;
    }
    if (!entry) return { serveraddress: server };
    const [username = '', password = ''] = unb64(entry.auth ?? '').split(/:(.*)/s);
    return { username, password, serveraddress: server, identitytoken: entry.identitytoken };
  }

  has(server: string): boolean {
    return server in this.auths();
  }

  /** fileStore.Store: true when the file changed */
  store(a: AuthConfig): boolean {
    const auths = this.auths();
    const key = a.serveraddress ?? '';
    const entry: { auth?: string; identitytoken?: string } = {};
    if (a.username || a.password) entry.auth = b64(`${a.username ?? ''}:${a.password ?? ''}`);
    if (a.identitytoken) entry.identitytoken = a.identitytoken;
    const old = auths[key];
    if (old && old.auth === entry.auth && old.identitytoken === entry.identitytoken) return false;
    auths[key] = entry;
    this.save();
    return true;
  }

  erase(server: string): void {
    const auths = this.auths();
    if (!(server in auths)) return;
    delete auths[server];
    this.save();
  }

  /** json.MarshalIndent(configFile, "", "\t") */
  private save(): void {
    const fs = this.cli.io.fs;
    if (!fs) throw new CliError(`Error saving credentials: open ${this.path}: read-only file system`);
    const out: Record<string, unknown> = {};
    for (const k of KNOWN_KEYS) {
      if (k === 'auths') {
        const auths = this.auths();
        out.auths = new Map(Object.entries(auths).map(([key, v]) => [key, { auth: v.auth || undefined, identitytoken: v.identitytoken || undefined }]));
        continue;
      }
      const v = this.data[k];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (typeof v === 'object' && !Array.isArray(v)) {
        if (Object.keys(v).length === 0) continue;
        out[k] = new Map(Object.entries(v as Record<string, unknown>));
      } else out[k] = v;
    }
    const dir = this.path.slice(0, this.path.lastIndexOf('/')) || '/';
    fs.mkdir(dir, { recursive: true });
    fs.writeFile(this.path, jsonIndent(goMarshal(out), '\t'));
  }
}

/** credentials.ConvertToHostname */
export function convertToHostname(s: string): string {
  if (s.includes('://')) {
    try {
      const u = new URL(s);
      if (u.hostname) return u.port ? `${u.hostname}:${u.port}` : u.hostname;
    } catch {
      // as is
    }
  }
  return s.split('/')[0]!;
}

/** tui.Output.PrintNote (on stderr, or stdout with `toStdout`) */
function note(cli: Cli, text: string, toStdout = false): void {
  const terminal = toStdout ? cli.outIsTerminal : cli.errIsTerminal;
  const header = terminal ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  const width = terminal ? [...'i Info → '].reduce((w, c) => w + charWidth(c.codePointAt(0)!), 0) : 9;
  let out = '\n' + header;
  text.split('\n').forEach((line, i) => {
    if (i > 0) out += ' '.repeat(width);
    out += (terminal ? `\x1b[3m${line}\x1b[0m` : line) + '\n';
  });
  if (toStdout) cli.out(out);
  else cli.err(out);
}

/** prompt.ReadInput: the message on stdout, one line of stdin, trimmed */
async function readInput(cli: Cli, message: string, secret = false): Promise<string> {
  cli.out(message);
  const raw = secret && cli.stdin.isTTY && cli.stdin.setRawMode;
  if (raw) cli.stdin.setRawMode!(true);
  let line = '';
  const dec = new TextDecoder();
  try {
    for (;;) {
      const chunk = await cli.stdin.read(cli.signal);
      if (cli.signal?.aborted) {
        cli.out('\n');
        throw new CancelledError('prompt terminated');
      }
      if (chunk === null) break;
      const text = typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
      if (raw) {
        // no echo: the keys themselves; Enter ends the line, Backspace edits it, Ctrl-C cancels
        let ended = false;
        for (const ch of text) {
          if (ch === '\r' || ch === '\n') {
            ended = true;
            break;
          }
          if (ch === '\x7f' || ch === '\b') line = [...line].slice(0, -1).join('');
          else if (ch === '\x03') {
            cli.out('\n');
            throw new CancelledError('prompt terminated');
          } else if (ch >= ' ') line += ch;
        }
        if (ended) break;
        continue;
      }
      line += text;
      const nl = line.indexOf('\n');
      if (nl >= 0) {
        line = line.slice(0, nl);
        break;
      }
    }
  } finally {
    if (raw) cli.stdin.setRawMode!(false);
  }
  return line.trim();
}

const REGISTER_SUGGEST = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST = 'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

function hintsEnabled(cli: Cli): boolean {
  const v = cli.env.DOCKER_CLI_HINTS;
  if (v === undefined || v === '') return true;
  return !/^(0|f|false|FALSE|False)$/.test(v);
}

/** command.PromptUserForCredentials */
async function promptForCredentials(cli: Cli, user0: string, password0: string, defaultUsername: string, server: string): Promise<AuthConfig> {
  let user = user0.trim();
  if (user === '') {
    if (server === INDEX_SERVER) {
      cli.out(REGISTER_SUGGEST + '\n');
      if (hintsEnabled(cli)) cli.out(PAT_SUGGEST + '\n\n');
    }
    const def = defaultUsername.trim();
    user = await readInput(cli, def === '' ? 'Username: ' : `Username (${def}): `);
    if (user === '') user = def;
    if (user === '') throw new CliError('Error: Non-null Username Required');
  }
  let password = password0.trim();
  if (password === '') {
    if (server === INDEX_SERVER) {
      note(cli, 'A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n');
    }
    password = await readInput(cli, 'Password: ', true);
    cli.out('\n');
    if (password === '') throw new CliError('Error: Password Required');
  }
  return { username: user, password, serveraddress: server };
}

async function registryLogin(cli: Cli, a: AuthConfig): Promise<{ Status: string; IdentityToken?: string }> {
  const body = { username: a.username || undefined, password: a.password || undefined, serveraddress: a.serveraddress || undefined, identitytoken: a.identitytoken || undefined };
  return (await cli.send('POST', '/auth', body)).json();
}

function storeCredentials(cli: Cli, creds: CredentialsFile, a: AuthConfig, printed: { warned: boolean }): void {
  let changed: boolean;
  try {
    changed = creds.store(a);
  } catch (e) {
    throw new CliError(`Error saving credentials: ${(e as Error).message}`);
  }
  if (changed && a.password && !printed.warned) {
    cli.err(`\nWARNING! Your credentials are stored unencrypted in '${creds.path}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
    printed.warned = true;
  }
}

export async function runLogin(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  // pflag: flags.StringVarP(&opts.user, ...) keeps the value as given
  const user = f.get<string>('username');
  let password = f.get<string>('password');
  // verifyLoginFlags
  if (f.changed('password-stdin')) {
    if (f.changed('password')) throw new CliError('conflicting options: cannot specify both --password and --password-stdin');
    if (!f.changed('username')) throw new CliError('the --password-stdin option requires --username to be set');
  }
  if (f.changed('username') && user === '') throw new CliError('username is empty');
  if (f.changed('password') && password === '') throw new CliError('password is empty');
  if (password !== '') cli.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (f.get<boolean>('password-stdin')) {
    if (user === '') throw new CliError('username is empty');
    let all = '';
    const dec = new TextDecoder();
    for (;;) {
      const c = await cli.stdin.read(cli.signal);
      if (c === null) break;
      all += typeof c === 'string' ? c : dec.decode(c, { stream: true });
    }
    password = all.replace(/\n$/, '').replace(/\r$/, '');
  }
  const arg = inv.args[0] ?? '';
  const server = arg !== '' && arg !== 'docker.io' ? arg : INDEX_SERVER;
  const isDefault = server === INDEX_SERVER;
  const creds = new CredentialsFile(cli);
  const printed = { warned: false };
  const key = isDefault ? server : convertToHostname(server);
  const stored: AuthConfig = user === '' && password === '' ? { ...creds.get(key), identitytoken: undefined } : { serveraddress: key };
  let msg = '';
  let failed = true;
  if (stored.username && stored.password) {
    cli.err(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
    note(cli, "To login with a different account, run 'docker logout' followed by 'docker login'");
    cli.err('\n\n');
    let response: { Status: string; IdentityToken?: string } = { Status: '' };
    failed = false;
    try {
      response = await registryLogin(cli, stored);
    } catch (e) {
      failed = true;
      const err = cli.transportError(e);
      if (err instanceof ApiError && err.status === 401) cli.err('Stored credentials invalid or expired\n');
      else cli.err(`Login did not succeed, error: ${err instanceof ApiError ? `Error response from daemon: ${err.message}` : (err as Error).message}\n`);
    }
    const a = { ...stored };
    if (response.IdentityToken) {
      a.password = '';
      a.identitytoken = response.IdentityToken;
    }
    storeCredentials(cli, creds, a, printed);
    msg = response.Status;
  }
  if (failed) {
    if ((user === '' || password === '') && !cli.stdin.isTTY) throw new CliError('Error: Cannot perform an interactive login from a non TTY device');
    if (server === INDEX_SERVER && user === '' && password === '' && !oauthDisabled(cli)) {
      // the web-based device-code login needs login.docker.com, which docksim cannot reach
      cli.err('Failed to start web-based login - falling back to command line login...\n\n');
    }
    const a = await promptForCredentials(cli, user, password, stored.username ?? '', stored.serveraddress ?? key);
    const response = await registryLogin(cli, a);
    if (response.IdentityToken) {
      a.password = '';
      a.identitytoken = response.IdentityToken;
    }
    storeCredentials(cli, creds, a, printed);
    msg = response.Status;
  }
  if (msg !== '') cli.out(msg + '\n');
}

function oauthDisabled(cli: Cli): boolean {
  const v = cli.env.DOCKER_CLI_DISABLE_OAUTH_LOGIN;
  return v !== undefined && v !== '' && /^(1|t|T|true|TRUE|True)$/.test(v);
}

export async function runLogout(cli: Cli, inv: Invocation): Promise<void> {
  let server = inv.args[0] ?? '';
  const isDefault = server === '';
  if (isDefault) server = INDEX_SERVER;
  let toErase = [server];
  let hostname = server;
  if (!isDefault) {
    hostname = convertToHostname(server);
    toErase = [server, hostname, `http://${hostname}`, `https://${hostname}`];
  }
  cli.out(`Removing login credentials for ${hostname}\n`);
  const creds = new CredentialsFile(cli);
  const errs: [string, string][] = [];
  for (const r of toErase) {
    try {
      creds.erase(r);
    } catch (e) {
      errs.push([r, (e as Error).message]);
    }
  }
  if (errs.length === toErase.length) {
    cli.err('WARNING: could not erase credentials:\n');
    for (const [k, m] of errs) cli.err(`${k}: ${m}\n`);
  }
}

/** the credentials the CLI sends for an image's registry (X-Registry-Auth) */
export function registryAuthFor(cli: Cli, ref: NamedReference): string {
  const key = ref.domain === 'docker.io' || ref.domain === 'index.docker.io' ? INDEX_SERVER : ref.domain;
  const a = new CredentialsFile(cli).get(key);
  if (!a.username && !a.password && !a.identitytoken) return encodeAuthConfig({});
  return encodeAuthConfig(a);
}

export async function runPush(cli: Cli, inv: Invocation): Promise<void> {
  const f = inv.flags;
  const all = f.get<boolean>('all-tags');
  const quiet = f.get<boolean>('quiet');
  const platform = f.get<string>('platform');
  if (platform !== '') {
    let text = 'Using --platform pushes only the specified platform manifest of a multi-platform image index.\nOther components, like attestations, will not be included.\nTo push the complete multi-platform image, remove the --platform flag.\n';
    if (cli.outIsTerminal) text = text.replace(/--platform/g, '\x1b[1m--platform\x1b[0m');
    note(cli, text, true);
  }
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
  if (ref.digest) throw new CliError('cannot push a digest reference');
  const query: Record<string, string> = {};
  if (!all && ref.tag) query.tag = ref.tag;
  if (platform !== '') {
    const [os, arch, variant] = platform.split('/');
    query.platform = goMarshal({ architecture: arch ?? '', os: os ?? '', variant: variant || undefined });
  }
  const name = `${ref.domain}/${ref.path}`;
  const res = await cli.request('POST', `/images/${name.split('/').map(encodeURIComponent).join('/')}/push`, { query, headers: { 'X-Registry-Auth': registryAuthFor(cli, ref) } });
  const out = quiet
    ? { write: () => {}, isTerminal: false, width: 200, now: () => cli.now() }
    : { write: (s: string) => cli.out(s), isTerminal: cli.outIsTerminal, width: cli.io.columns ?? 200, now: () => cli.now() };
  await displayStream(res, out, { signal: cli.signal, aux: () => {} });
  if (quiet) cli.out(referenceString(ref) + '\n');
}

