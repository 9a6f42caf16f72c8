// A learner's progress through a lesson: steps ticked off in order as the world changes, never
// by the instant between two requests of one command or by the setup, and saved progress that
// comes back.

import { beforeEach, describe, expect, it } from 'vitest';
import { applySetup, LessonRun, parseLesson, parseSetup, readSavedProgress, type Progress } from '../../src/lessons';
import { testEngine, type TestEngine } from '../support/engine';

const tick = () => new Promise<void>((r) => setImmediate(r));

function stepBlock(title: string, check: string): string {
  return `## ${title}\n\nText.\n\n\`\`\`yaml step\ncheck: ${check}\nsolution: [docker ps]\n\`\`\`\n`;
}

const LESSON = parseLesson(
  'run.md',
  `---\ntitle: t\nsummary: s\norder: 1\n---\n\n` +
    stepBlock('Busybox', '{ imagePresent: { ref: busybox } }') +
    stepBlock('Box', '{ container: { name: box, state: running } }') +
    stepBlock('Stopped', '{ containerExited: { name: box, by: stop } }'),
);

let t: TestEngine;
const api = (steps: unknown[]) => applySetup(parseSetup(steps), { world: t.world, fetch: (r) => t.api.fetch(r), yieldNow: tick });

beforeEach(() => {
  t = testEngine();
});

describe('LessonRun', () => {
  it('ticks steps off in order as the world changes, telling its listeners', async () => {
    const run = new LessonRun(LESSON, t.world).start();
    const seen: [Progress, string[]][] = [];
    run.subscribe((p, ticked) => seen.push([p, ticked.map((s) => s.id)]));
    expect(run.current?.id).toBe('busybox');
    // the second step's state comes first: it waits for the first
    await api([{ run: { name: 'box', image: 'alpine', command: 'sleep 1000' } }]);
    await t.advance(1000);
    expect(run.progress().steps.map((s) => s.done)).toEqual([false, false, false]);
    expect(run.holds('box')).toBe(true);
    // then the first: both are ticked off, as soon as the world has settled
    await api([{ pull: 'busybox' }]);
    await t.advance(1000);
    expect(run.progress().steps.map((s) => s.done)).toEqual([true, true, false]);
    expect(seen.at(-1)![1]).toEqual(['busybox', 'box']);
    expect(run.current?.id).toBe('stopped');
    await t.call('POST', '/containers/box/stop?t=1');
    await t.advance(1000);
    expect(run.complete).toBe(true);
    expect(run.progress()).toMatchObject({ current: 3, complete: true });
    expect(seen.at(-1)![1]).toEqual(['stopped']);
    expect(run.progress().steps.every((s) => typeof s.doneAt === 'number')).toBe(true);
  });

  it('does not count what the setup did (history starts at the run)', async () => {
    await api([{ run: { name: 'box', image: 'alpine', command: 'sleep 1000' } }, { pull: 'busybox' }]);
    await t.call('POST', '/containers/box/stop?t=0');
    await t.call('POST', '/containers/box/start');
    const run = new LessonRun(LESSON, t.world).start();
    await t.advance(1000);
    // the state holds (image present, box running); the stop happened before the lesson
    expect(run.progress().steps.map((s) => s.done)).toEqual([true, true, false]);
    expect(run.holds('stopped')).toBe(false);
  });

  it('waits for the world to settle: the instant between create and start ticks nothing', async () => {
    const created = parseLesson('c.md', `---\ntitle: t\nsummary: s\norder: 1\n---\n\n` + stepBlock('Created', '{ container: { name: box, state: created } }'));
    const run = new LessonRun(created, t.world).start();
    await api([{ pull: 'alpine' }]);
    // docker run: create and start within one command
    await api([{ run: { name: 'box', image: 'alpine', command: 'sleep 1000' } }]);
    await t.advance(2000);
    expect(run.complete).toBe(false);
    // docker create alone: ticked once the world has been quiet for a moment
    await t.call('DELETE', '/containers/box?force=1');
    await api([{ create: { name: 'box', image: 'alpine', command: 'sleep 1000' } }]);
    expect(run.complete).toBe(false);
    await t.advance(600);
    expect(run.complete).toBe(true);
  });

  it('can evaluate as soon as the simulator is done (settleMs 0)', async () => {
    const run = new LessonRun(LESSON, t.world, { settleMs: 0 }).start();
    await api([{ pull: 'busybox' }]);
    await Promise.resolve();
    expect(run.progress().steps[0]!.done).toBe(true);
  });

  it('stops watching when stopped; evaluate() still works on demand', async () => {
    const run = new LessonRun(LESSON, t.world).start();
    run.stop();
    await api([{ pull: 'busybox' }]);
    await t.advance(1000);
    expect(run.progress().steps[0]!.done).toBe(false);
    expect(run.evaluate().map((s) => s.id)).toEqual(['busybox']);
  });

  it('saves and restores progress, marker included', async () => {
    const run = new LessonRun(LESSON, t.world).start();
    await api([{ pull: 'busybox' }, { run: { name: 'box', image: 'alpine', command: 'sleep 1000' } }]);
    await t.advance(1000);
    const text = JSON.stringify(run);
    const saved = readSavedProgress(text, 'run')!;
    expect(saved).toEqual({ v: 1, lesson: 'run', done: [{ id: 'busybox', at: expect.any(Number) }, { id: 'box', at: expect.any(Number) }], marker: run.marker });
    run.stop();
    const again = new LessonRun(LESSON, t.world, { saved }).start();
    expect(again.progress().steps.map((s) => s.done)).toEqual([true, true, false]);
    expect(again.marker).toEqual(run.marker);
    await t.call('POST', '/containers/box/stop?t=1');
    await t.advance(1000);
    expect(again.complete).toBe(true);
  });

  it('keeps steps in order when saved progress has a gap (a step added since)', () => {
    const run = new LessonRun(LESSON, t.world, { saved: { v: 1, lesson: 'run', done: [{ id: 'box', at: 1 }, { id: 'gone', at: 2 }], marker: { traceId: 0, eventStamp: null } } });
    expect(run.progress().steps.map((s) => s.done)).toEqual([false, false, false]);
    expect(() => new LessonRun(LESSON, t.world, { saved: { v: 1, lesson: 'other', done: [], marker: { traceId: 0, eventStamp: null } } })).toThrow(/for lesson "other"/);
  });

  it('reads saved progress defensively', () => {
    expect(readSavedProgress(null)).toBeNull();
    expect(readSavedProgress('not json')).toBeNull();
    expect(readSavedProgress('{"v":2,"lesson":"run","done":[],"marker":{"traceId":0,"eventStamp":null}}')).toBeNull();
    expect(readSavedProgress('{"v":1,"lesson":"run","done":[],"marker":{"traceId":0,"eventStamp":null}}', 'other')).toBeNull();
    expect(readSavedProgress('{"v":1,"lesson":"run","done":[],"marker":{"traceId":0,"eventStamp":"x"}}')).toBeNull();
    expect(readSavedProgress('{"v":1,"lesson":"run","done":[{"id":"a","at":1},{"id":3},null],"marker":{"traceId":4,"eventStamp":{"ms":1,"ns":2}}}')).toEqual({
      v: 1,
      lesson: 'run',
      done: [{ id: 'a', at: 1 }],
      marker: { traceId: 4, eventStamp: { ms: 1, ns: 2 } },
    });
  });
});
