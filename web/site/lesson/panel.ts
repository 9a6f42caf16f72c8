// The lesson panel over the prerendered text: which step is current and which are done (the
// outline, the sections, the progress line), hints one at a time, Run buttons, and "Start over".
// It only touches the DOM; the lesson's run (runtime.ts) tells it what is done.

export interface PanelProgress {
  /** Ids of the steps done. */
  done: ReadonlySet<string>;
  complete: boolean;
}

export interface PanelOptions {
  /** A Run button was pressed: type these commands into the terminal. */
  run(commands: string[], button: HTMLButtonElement): void;
  /** "Start over" was pressed (after the learner confirmed). */
  startOver(): void;
}

export class LessonPanel {
  readonly steps: string[];
  private readonly sections = new Map<string, HTMLElement>();
  private readonly outline = new Map<string, HTMLElement>();
  private readonly progressEl: HTMLElement | null;
  private readonly progressText: HTMLElement | null;
  private readonly bar: HTMLElement | null;
  private readonly titles = new Map<string, string>();
  private done = new Set<string>();
  private shown = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: PanelOptions,
  ) {
    this.steps = [...root.querySelectorAll<HTMLElement>('section.step[data-step]')].map((s) => {
      const id = s.dataset.step!;
      this.sections.set(id, s);
      this.titles.set(id, s.querySelector('.step-title')?.textContent ?? id);
      return id;
    });
    for (const li of root.querySelectorAll<HTMLElement>('.lesson-outline li[data-step]')) this.outline.set(li.dataset.step!, li);
    this.progressEl = root.querySelector('#progress');
    this.progressText = root.querySelector('.progress-text');
    this.bar = root.querySelector('.progress-bar span');
    this.enableRunButtons();
    this.enableHints();
    root.querySelector<HTMLButtonElement>('.start-over')?.addEventListener('click', () => {
      if (confirm('Start this lesson over? You get a new machine, set up for the lesson, and no step is done.')) opts.startOver();
    });
  }

  /** Shows progress: done steps ticked, the first open one current. `announce`: a step was just done. */
  show(p: PanelProgress, announce = false): void {
    const before = this.done;
    this.done = new Set(p.done);
    const currentId = this.steps.find((id) => !this.done.has(id)) ?? null;
    for (const id of this.steps) {
      const done = this.done.has(id);
      const current = id === currentId;
      const section = this.sections.get(id)!;
      section.classList.toggle('is-done', done);
      section.classList.toggle('is-current', current);
      const state = section.querySelector('.step-state');
      const n = this.steps.indexOf(id) + 1;
      if (state) state.textContent = ` (step ${n} of ${this.steps.length}${done ? ', done' : current ? ', current' : ''})`;
      const note = section.querySelector<HTMLElement>('.step-done');
      if (note) note.hidden = !done;
      const li = this.outline.get(id);
      if (li) {
        li.classList.toggle('is-done', done);
        li.classList.toggle('is-current', current);
        const a = li.querySelector('a');
        if (current) a?.setAttribute('aria-current', 'step');
        else a?.removeAttribute('aria-current');
        const mark = li.querySelector('.outline-mark');
        if (mark) mark.textContent = done ? '✓' : String(n);
      }
    }
    const count = this.done.size;
    if (this.progressEl) this.progressEl.hidden = false;
    this.shown = true;
    if (this.bar) this.bar.style.width = `${Math.round((count / Math.max(1, this.steps.length)) * 100)}%`;
    if (this.progressText) {
      const just = announce ? this.steps.filter((id) => this.done.has(id) && !before.has(id)) : [];
      const prefix = just.length ? `✓ ${just.map((id) => this.titles.get(id)).join(', ')}. ` : '';
      this.progressText.textContent = p.complete
        ? `${prefix}Lesson complete: all ${this.steps.length} steps done.`
        : `${prefix}Step ${this.steps.indexOf(currentId!) + 1} of ${this.steps.length}: ${this.titles.get(currentId!)}`;
    }
    this.root.classList.toggle('is-complete', p.complete);
    if (announce && currentId) this.bringIntoView(currentId, before);
  }

  /** When the step just done was on screen, the next one is scrolled into view. */
  private bringIntoView(currentId: string, before: ReadonlySet<string>): void {
    const prev = this.steps.find((id) => !before.has(id));
    const prevEl = prev ? this.sections.get(prev) : null;
    const next = this.sections.get(currentId);
    const scroller = this.root.querySelector<HTMLElement>('.lesson-text');
    if (!prevEl || !next || !scroller) return;
    const r = prevEl.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    if (r.bottom < s.top || r.top > s.bottom) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    next.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  }

  get visible(): boolean {
    return this.shown;
  }

  private enableRunButtons(): void {
    for (const block of this.root.querySelectorAll<HTMLElement>('.code-block.runnable')) {
      const button = block.querySelector<HTMLButtonElement>('.run-button');
      if (!button) continue;
      let commands: string[] = [];
      try {
        commands = JSON.parse(block.dataset.commands ?? '[]') as string[];
      } catch {
        commands = [];
      }
      if (commands.length === 0) continue;
      button.hidden = false;
      button.addEventListener('click', () => this.opts.run(commands, button));
    }
  }

  /** Hints one at a time: the first when the learner opens them, then one more per press. */
  private enableHints(): void {
    for (const details of this.root.querySelectorAll<HTMLDetailsElement>('details.hints')) {
      const items = [...details.querySelectorAll<HTMLLIElement>('li')];
      if (items.length <= 1) continue;
      let shown = 1;
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'link-button more-hint';
      const update = () => {
        items.forEach((li, i) => (li.hidden = i >= shown));
        more.hidden = shown >= items.length;
        const left = items.length - shown;
        more.textContent = left === 1 && items[items.length - 1]!.classList.contains('hint-check') ? 'Show what this step checks' : `Another hint (${left} more)`;
      };
      more.addEventListener('click', () => {
        shown++;
        update();
        // the new hint is where attention goes next
        const li = items[shown - 1]!;
        li.tabIndex = -1;
        li.focus();
      });
      details.appendChild(more);
      update();
    }
  }
}
