// A Dockerfile-shaped builder for catalog images: each instruction updates the config and
// appends a history entry written the way BuildKit's Dockerfile frontend writes it
// (`ENV K=V`, `RUN /bin/sh -c ... # buildkit`, `EXPOSE map[80/tcp:{}]`, `CMD ["a" "b"]`, ...).

import {
  EMPTY,
  platformOf,
  type Arch,
  type ConfigStyle,
  type ContainerConfig,
  type HistoryEntry,
  type ImageDef,
  type LayerDef,
} from './model';
import type { Platform } from '../types';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BUILDKIT = 'buildkit.dockerfile.v0';

function cloneConfig(c: ContainerConfig): ContainerConfig {
  const out: ContainerConfig = { ...c };
  if (c.ExposedPorts) out.ExposedPorts = { ...c.ExposedPorts };
  if (c.Env) out.Env = [...c.Env];
  if (c.Entrypoint) out.Entrypoint = [...c.Entrypoint];
  if (c.Cmd) out.Cmd = [...c.Cmd];
  if (c.Volumes) out.Volumes = { ...c.Volumes };
  if (c.Labels) out.Labels = { ...c.Labels };
  return out;
}

/** Go's %q of a []string, as BuildKit writes CMD/ENTRYPOINT history. */
function goQuoteList(args: readonly string[]): string {
  return '[' + args.map((a) => JSON.stringify(a)).join(' ') + ']';
}

export class ImageBuilder {
  private readonly platform: Platform;
  private readonly config: ContainerConfig;
  private readonly history: HistoryEntry[];
  private readonly layers: LayerDef[];
  private readonly baseName: string | undefined;
  private time = '1970-01-01T00:00:00Z';
  private style: ConfigStyle = 'buildkit';
  private versionLabel: string | undefined;
  private cmdSet = false;
  private readonly args: [string, string][] = [];
  private epoch: string | undefined;
  private dockerVersion: string | undefined;

  private constructor(platform: Platform, config: ContainerConfig, history: HistoryEntry[], layers: LayerDef[], baseName?: string) {
    this.platform = platform;
    this.config = config;
    this.history = history;
    this.layers = layers;
    this.baseName = baseName;
  }

  /** `FROM <base>`: the base's config, history and layers; PATH added if the base has none. */
  static from(base: ImageDef, baseName: string): ImageBuilder {
    const cfg = cloneConfig(base.config);
    if (!cfg.Env?.some((e) => e.startsWith('PATH='))) cfg.Env = [`PATH=${DEFAULT_PATH}`, ...(cfg.Env ?? [])];
    return new ImageBuilder(base.platform, cfg, [...base.history], [...base.layers], baseName);
  }

  /** `FROM scratch` under BuildKit: default PATH and WorkingDir "/". */
  static scratch(arch: Arch): ImageBuilder {
    return new ImageBuilder(platformOf(arch), { Env: [`PATH=${DEFAULT_PATH}`], WorkingDir: '/' }, [], []);
  }

  /** An imported root filesystem (no Dockerfile): the config is given whole. */
  static rootfs(arch: Arch, config: ContainerConfig): ImageBuilder {
    const b = new ImageBuilder(platformOf(arch), cloneConfig(config), [], []);
    b.style = 'rootfs';
    return b;
  }

  /** Classic-builder image from scratch (config written by moby's image.Image). */
  static classic(arch: Arch, dockerVersion: string): ImageBuilder {
    const b = new ImageBuilder(platformOf(arch), {}, [], []);
    b.style = 'classic';
    b.dockerVersion = dockerVersion;
    return b;
  }

  /** Time of the following instructions (ISO 8601). */
  at(time: string): this {
    this.time = time;
    return this;
  }

  /**
   * Builds with SOURCE_DATE_EPOCH=`time` (as the official images are built): following
   * instructions are stamped `time`, and every history entry newer than it (the base image's
   * too) is clamped to it.
   */
  sourceDateEpoch(time: string): this {
    this.epoch = time;
    this.time = time;
    return this;
  }

  /** Records org.opencontainers.image.version for the index annotations. */
  version(v: string): this {
    this.versionLabel = v;
    return this;
  }

  /** A raw history entry (imported roots, classic builder, ...). */
  step(createdBy: string, opts: { layer?: LayerDef; comment?: string } = {}): this {
    const h: HistoryEntry = { created: this.time, created_by: createdBy };
    if (opts.comment !== undefined) h.comment = opts.comment;
    if (opts.layer) this.layers.push(opts.layer);
    else h.empty_layer = true;
    this.history.push(h);
    return this;
  }

  private meta(createdBy: string): this {
    this.history.push({ created: this.time, created_by: createdBy, comment: BUILDKIT, empty_layer: true });
    return this;
  }

  private withLayer(createdBy: string, layer: LayerDef): this {
    this.history.push({ created: this.time, created_by: createdBy, comment: BUILDKIT });
    this.layers.push(layer);
    return this;
  }

  private setEnv(key: string, value: string): void {
    const env = (this.config.Env ??= []);
    const i = env.findIndex((e) => e.slice(0, e.indexOf('=')) === key);
    if (i >= 0) env[i] = `${key}=${value}`;
    else env.push(`${key}=${value}`);
  }

  /** Value of an environment variable set so far. */
  getEnv(key: string): string | undefined {
    const e = this.config.Env?.find((x) => x.startsWith(key + '='));
    return e?.slice(key.length + 1);
  }

  /** `ENV k=v [k=v...]` ($VAR references must be expanded by the caller). */
  env(vars: Record<string, string>): this {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(vars)) {
      this.setEnv(k, v);
      parts.push(`${k}=${v}`);
    }
    return this.meta('ENV ' + parts.join(' '));
  }

  label(labels: Record<string, string>): this {
    const parts: string[] = [];
    const l = (this.config.Labels ??= {});
    for (const [k, v] of Object.entries(labels)) {
      l[k] = v;
      parts.push(`${k}=${v}`);
    }
    return this.meta('LABEL ' + parts.join(' '));
  }

  /** `ARG name=value`: recorded in history and passed to the following RUN steps. */
  arg(name: string, value: string): this {
    this.args.push([name, value]);
    return this.meta(`ARG ${name}=${value}`);
  }

  /** `RUN <shell form>` producing `layer` (build args in scope show as `|N K=V ...`). */
  run(command: string, layer: LayerDef): this {
    const args = this.args.length ? `|${this.args.length} ${this.args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
    return this.withLayer(`RUN ${args}/bin/sh -c ${command} # buildkit`, layer);
  }

  copy(args: string, layer: LayerDef): this {
    return this.withLayer(`COPY ${args} # buildkit`, layer);
  }

  add(args: string, layer: LayerDef): this {
    return this.withLayer(`ADD ${args} # buildkit`, layer);
  }

  /** `WORKDIR`: BuildKit exports a layer for it, the empty layer when the directory exists. */
  workdir(dir: string, layer: LayerDef = EMPTY): this {
    this.config.WorkingDir = dir;
    return this.withLayer(`WORKDIR ${dir}`, layer);
  }

  user(user: string): this {
    this.config.User = user;
    return this.meta(`USER ${user}`);
  }

  expose(...ports: string[]): this {
    const p = (this.config.ExposedPorts ??= {});
    const added: string[] = [];
    for (const port of ports) {
      const key = port.includes('/') ? port : `${port}/tcp`;
      p[key] = {};
      added.push(key);
    }
    added.sort();
    return this.meta(`EXPOSE map[${added.map((k) => `${k}:{}`).join(' ')}]`);
  }

  volume(...paths: string[]): this {
    const v = (this.config.Volumes ??= {});
    for (const path of paths) v[path] = {};
    return this.meta(`VOLUME [${paths.join(' ')}]`);
  }

  stopSignal(sig: string): this {
    this.config.StopSignal = sig;
    return this.meta(`STOPSIGNAL ${sig}`);
  }

  /** `ENTRYPOINT`: like BuildKit, clears a Cmd inherited from the base unless this stage set one. */
  entrypoint(args: string[]): this {
    this.config.Entrypoint = [...args];
    if (!this.cmdSet) delete this.config.Cmd;
    return this.meta(`ENTRYPOINT ${goQuoteList(args)}`);
  }

  cmd(args: string[]): this {
    this.config.Cmd = [...args];
    this.config.ArgsEscaped = true;
    this.cmdSet = true;
    return this.meta(`CMD ${goQuoteList(args)}`);
  }

  /** Sets config fields directly (classic builder / imported roots). */
  set(fields: Partial<ContainerConfig>): this {
    Object.assign(this.config, cloneConfig(fields as ContainerConfig));
    return this;
  }

  build(): ImageDef {
    const nonEmpty = this.history.filter((h) => !h.empty_layer).length;
    if (nonEmpty !== this.layers.length) {
      throw new Error(`image history has ${nonEmpty} layer entries but ${this.layers.length} layers`);
    }
    if (this.epoch !== undefined) {
      const limit = Date.parse(this.epoch);
      for (let i = 0; i < this.history.length; i++) {
        const h = this.history[i]!;
        if (Date.parse(h.created) > limit) this.history[i] = { ...h, created: this.epoch };
      }
    }
    const created = this.history.length ? this.history[this.history.length - 1]!.created : this.time;
    const def: ImageDef = {
      platform: this.platform,
      style: this.style,
      created,
      config: cloneConfig(this.config),
      history: this.history.map((h) => ({ ...h })),
      layers: [...this.layers],
      ...(this.baseName !== undefined ? { baseName: this.baseName } : {}),
      ...(this.versionLabel !== undefined ? { version: this.versionLabel } : {}),
      ...(this.dockerVersion !== undefined ? { dockerVersion: this.dockerVersion } : {}),
    };
    return def;
  }
}
