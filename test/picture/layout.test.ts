// Where the picture puts things: images as stacks with shared layers drawn once, a shim per
// running container, the wide and the phone layouts, the hops' paths, and the drawn markup.

import { describe, expect, it } from 'vitest';
import { layerBlocks, orderImages } from '../../web/picture/model/layers';
import { anchorOf, hopPath, layoutDiagram, WIDE_MIN, type Box, type DiagramLayout } from '../../web/picture/model/layout';
import type { HostSnapshot, ImageInfo } from '../../web/picture/source';
import { diagramSvg } from '../../web/picture/view/markup';
import { worldSource } from '../../web/picture/world-source';
import { dockerRun, engineWithAlpine } from './support';

const img = (tag: string, layers: string[]): ImageInfo => ({ id: `sha256:${tag}`, tags: [tag], layers, size: 1000 });

describe('image layers', () => {
  it('draws a layer shared by images once, across their columns', () => {
    const cols = orderImages([img('nginx:alpine', ['A', 'N1', 'N2']), img('busybox', ['B']), img('alpine', ['A'])]);
    expect(cols.map((c) => c.tags[0])).toEqual(['alpine', 'nginx:alpine', 'busybox']);
    expect(layerBlocks(cols)).toEqual([
      { depth: 0, from: 0, to: 1, diffId: 'A' },
      { depth: 0, from: 2, to: 2, diffId: 'B' },
      { depth: 1, from: 1, to: 1, diffId: 'N1' },
      { depth: 2, from: 1, to: 1, diffId: 'N2' },
    ]);
  });

  it('shares a layer only when everything below it is shared too (its chain)', () => {
    const cols = orderImages([img('a', ['X', 'S']), img('b', ['Y', 'S'])]);
    expect(layerBlocks(cols).filter((b) => b.to > b.from)).toEqual([]);
  });
});

async function world() {
  const t = await engineWithAlpine();
  await t.pull('nginx:alpine');
  await t.json('POST', '/volumes/create', { Name: 'data' });
  const running = await dockerRun(t, 'web');
  await dockerRun(t, 'quick', ['true']);
  await t.advance(100);
  const snap = worldSource(t.world).snapshot() as HostSnapshot;
  return { t, snap, running };
}

function inside(b: Box, L: DiagramLayout): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.w <= L.width + 0.5 && b.y + b.h <= L.height + 0.5;
}

function overlaps(a: Box, b: Box): boolean {
  return !(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y);
}

describe('diagram layout', () => {
  it('reads the host from a World: images, containers with their state, networks, volumes', async () => {
    const { snap, running } = await world();
    expect(snap.images.map((i) => i.tags).sort()).toEqual([['alpine:latest'], ['nginx:alpine']]);
    const web = snap.containers.find((c) => c.name === 'web')!;
    expect(web).toMatchObject({ id: running, status: 'running', image: 'alpine', networks: ['bridge'] });
    expect(snap.containers.find((c) => c.name === 'quick')).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(snap.networks.map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none']);
    expect(snap.volumes).toEqual([{ name: 'data', anonymous: false }]);
    const alpine = snap.images.find((i) => i.tags[0] === 'alpine:latest')!;
    const nginx = snap.images.find((i) => i.tags[0] === 'nginx:alpine')!;
    expect(nginx.layers[0]).toBe(alpine.layers[0]);
  });

  for (const width of [1280, 900, 700, 390]) {
    it(`lays everything out inside ${width}px, parts apart`, async () => {
      const { snap } = await world();
      const L = layoutDiagram(snap, width);
      expect(L.compact).toBe(width < WIDE_MIN);
      expect(L.width).toBe(width);
      const parts = Object.entries(L.parts);
      for (const [name, b] of parts) {
        expect(inside(b, L), name).toBe(true);
        expect(overlaps(b, L.host), `${name} and the host`).toBe(false);
        for (const [other, c] of parts) if (other !== name) expect(overlaps(b, c), `${name} and ${other}`).toBe(false);
      }
      for (const c of L.cards) expect(inside(c.box, L)).toBe(true);
      const sections = Object.values(L.sections).map((s) => s.box);
      for (const a of sections) for (const b of sections) if (a !== b) expect(overlaps(a, b)).toBe(false);
    });
  }

  it('draws one shim per running container, and a ghost for one a replayed hop names', async () => {
    const { snap, running } = await world();
    const L = layoutDiagram(snap, 1000);
    expect(L.shims.map((s) => s.name)).toEqual(['web']);
    const quick = snap.containers.find((c) => c.name === 'quick')!;
    const G = layoutDiagram(snap, 1000, { ghostShims: [{ id: quick.id, name: 'quick' }] });
    expect(G.shims.map((s) => [s.name, s.ghost])).toEqual([
      ['quick', true],
      ['web', false],
    ]);
    expect(anchorOf(L, 'shim', running)).toBe(L.shims[0]!.box);
    expect(anchorOf(L, 'container', running)).toBe(L.cards.find((c) => c.container.id === running)!.box);
  });

  it('sends the pipeline left to right when wide, top to bottom on a phone', async () => {
    const { snap } = await world();
    const wide = layoutDiagram(snap, 1200);
    const order = ['client', 'dockerd', 'containerd', 'shim', 'runc'] as const;
    for (let i = 1; i < order.length; i++) expect(wide.parts[order[i]!].x).toBeGreaterThan(wide.parts[order[i - 1]!].x);
    const p = hopPath(wide, 'client', 'dockerd')!;
    expect(p.kind === 'move' && p.y1 === p.y2 && p.x2 > p.x1).toBe(true);
    expect(wide.parts.registry.y + wide.parts.registry.h).toBeLessThanOrEqual(wide.parts.dockerd.y);

    const phone = layoutDiagram(snap, 390);
    for (let i = 1; i < order.length; i++) expect(phone.parts[order[i]!].y).toBeGreaterThan(phone.parts[order[i - 1]!].y);
    const q = hopPath(phone, 'containerd', 'shim')!;
    expect(q.kind === 'move' && q.x1 === q.x2 && q.y2 > q.y1).toBe(true);
    expect(hopPath(phone, 'dockerd', 'dockerd')!.kind).toBe('self');
  });
});

describe('diagram markup', () => {
  it('labels every part in words, as real text, and makes containers focusable buttons', async () => {
    const { snap } = await world();
    const svg = diagramSvg(layoutDiagram(snap, 1000), { transport: 'unix', selected: null, uid: 'x' });
    for (const word of ['docker CLI', 'dockerd', 'containerd', 'shim', 'runc', 'Docker Hub', 'REST API', '/var/run/docker.sock', 'Containers', 'Images', 'Networks', 'Volumes']) {
      expect(svg).toContain(word);
    }
    expect(svg).toMatch(/<g class="dsp-card" data-ctr="[0-9a-f]{64}" data-status="running" tabindex="0" role="button" aria-pressed="false" aria-label="Container web, running, from image alpine\. Show its lifecycle">/);
    expect(svg).toMatch(/<title id="x-title">/);
    expect(svg.match(/class="dsp-layer is-shared"/g)?.length).toBe(2); // the layer and its legend
    const tcp = diagramSvg(layoutDiagram(snap, 1000), { transport: 'tcp', selected: null, uid: 'x' });
    expect(tcp).toContain('over TCP');
  });

  it('escapes what it shows', () => {
    const snap: HostSnapshot = {
      host: 'h',
      images: [],
      containers: [{ id: 'c1', name: 'a<b>&"', image: '<img>', imageId: '', status: 'created', exitCode: 0, networks: [], volumes: [], ports: [] }],
      networks: [],
      volumes: [],
    };
    const svg = diagramSvg(layoutDiagram(snap, 800), { transport: 'unix', selected: 'c1', uid: 'x' });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<img>');
    expect(svg).toContain('a&#60;b&#62;&#38;&#34;');
  });
});
