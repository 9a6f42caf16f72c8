// Why each mask of support/mask.ts is needed, and that nothing else differs: the same scenario
// runs on two hosts that differ only in what moby leaves to chance and time — the seed of the
// id source (random ids in moby) and the pace of the clock (the instant of each command).
// Masked, the two transcripts are equal; leaving out any one mask, they are not. The Hub's
// content (image ids, digests, layers) is the same on both: it is kept, not masked.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSkipReason } from './support/expect';
import { startHost, type Host } from './support/host';
import { hubIds, hubImage, type HubImage } from './support/hub';
import { ALL_MASKS, Masker, parseTable, renderTable, type MaskKind } from './support/mask';

const skip = conformanceSkipReason();

interface Step {
  args: string[];
  table?: boolean;
}

const SCENARIO: Step[] = [
  { args: ['pull', '-q', 'alpine'] },
  { args: ['run', '-d', '--name', 'web', 'alpine', 'sleep', 'infinity'] },
  { args: ['run', '--name', 'once', 'alpine', 'true'] },
  { args: ['ps', '-a'], table: true },
  { args: ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.CreatedAt}} {{.Status}}'] },
  { args: ['inspect', '--format', '{{.Id}} {{.Created}} {{.State.StartedAt}}', 'web'] },
  { args: ['network', 'inspect', '--format', '{{.Id}} {{.Created}}', 'bridge'] },
  { args: ['info', '--format', '{{.ID}}'] },
  { args: ['images', '--digests', '--no-trunc', '--format', '{{.ID}} {{.Digest}} {{.Size}}'] },
];

async function transcript(host: Host): Promise<{ step: Step; out: string }[]> {
  const out: { step: Step; out: string }[] = [];
  for (const step of SCENARIO) {
    const r = await host.docker(step.args);
    if (r.code !== 0) throw new Error(`docker ${step.args.join(' ')}: exit ${r.code}\n${r.stderr}`);
    out.push({ step, out: r.stdout });
  }
  return out;
}

describe.skipIf(skip)('masks: two runs of one scenario differ only in masked fields', () => {
  let alpine: HubImage;
  let a: { step: Step; out: string }[];
  let b: { step: Step; out: string }[];
  const hosts: Host[] = [];

  beforeAll(async () => {
    alpine = hubImage('alpine');
    // different seeds (random ids) and different clock paces (instants, durations)
    const [ha, hb] = await Promise.all([startHost({ seed: 'run-a', speed: 1 }), startHost({ seed: 'run-b', speed: 5000 })]);
    hosts.push(ha, hb);
    [a, b] = await Promise.all([transcript(ha), transcript(hb)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
  });

  const render = (t: { step: Step; out: string }[], kinds: readonly MaskKind[]) => {
    const m = new Masker({ keep: hubIds(alpine), kinds });
    return t.map(({ step, out }) => `$ docker ${step.args.join(' ')}\n${step.table ? m.table(out) : m.mask(out)}`).join('');
  };

  it('the raw transcripts differ', () => {
    expect(render(a, [])).not.toBe(render(b, []));
  });

  it('masked, they are equal', () => {
    expect(render(a, ALL_MASKS)).toBe(render(b, ALL_MASKS));
  });

  for (const kind of ALL_MASKS) {
    it(`without the ${kind} mask they differ`, () => {
      const others = ALL_MASKS.filter((k) => k !== kind);
      expect(render(a, others)).not.toBe(render(b, others));
    });
  }

  it("the Hub's image id, digest and size are the same in both runs: kept, not masked", () => {
    const images = (t: { step: Step; out: string }[]) => t.find((x) => x.step.args[0] === 'images')!.out;
    expect(images(a)).toBe(`${alpine.id} ${alpine.digest} ${alpine.sizeText}\n`);
    expect(images(b)).toBe(images(a));
  });

  it('masks keep the relation between a full id and its short form', () => {
    const m = new Masker();
    const id = 'ab'.repeat(32);
    expect(m.mask(`${id} ${id.slice(0, 12)} sha256:${id}`)).toBe('<ID1> <id1> sha256:<ID1>');
    expect(m.alias('cd'.repeat(32), 'web').mask(`${'cd'.repeat(6)}`)).toBe('<id:web>');
  });

  it('tables are re-laid out after masking, as the tabwriter would', () => {
    const text = 'CONTAINER ID   STATUS                     NAMES\n0123456789ab   Exited (0) 2 seconds ago   web\n';
    expect(parseTable(text)).toEqual([
      ['CONTAINER ID', 'STATUS', 'NAMES'],
      ['0123456789ab', 'Exited (0) 2 seconds ago', 'web'],
    ]);
    expect(new Masker().table(text)).toBe(
      renderTable([
        ['CONTAINER ID', 'STATUS', 'NAMES'],
        ['<id1>', 'Exited (0) <dur> ago', 'web'],
      ]),
    );
  });
});
