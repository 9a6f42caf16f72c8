// The lessons index and one page per lesson, from the lessons' Markdown. A lesson page is the
// lesson's text — introduction, sections, steps with their hints, runnable code blocks with Run
// buttons — beside the terminal and the picture. Everything a learner reads is in the HTML; the
// page's script adds the terminal, ticks steps off and makes the buttons work.

import { commandsOf, type Lesson, type LessonSection } from '../../../src/lessons';
import { esc } from '../html';
import { inline, renderMarkdown, type FencedBlock } from '../markdown';
import { lessonPath, ROUTES } from '../routes';
import { layout } from './layout';

/** A fenced block of a lesson: runnable blocks carry their commands and a Run button. */
export function codeBlockHtml(b: FencedBlock): string {
  const words = b.info.split(/\s+/).filter(Boolean);
  const runnable = words.slice(1).includes('run');
  const cls = b.lang ? ` class="language-${esc(b.lang)}"` : '';
  const pre = `<pre><code${cls}>${esc(b.code)}</code></pre>`;
  if (!runnable) return `<div class="code-block">${pre}</div>`;
  const commands = commandsOf(b.code);
  const label = commands.length === 1 ? `Run ${commands[0]} in the terminal` : `Run these ${commands.length} commands in the terminal`;
  return `<div class="code-block runnable" data-commands="${esc(JSON.stringify(commands))}">${pre}<button type="button" class="run-button" aria-label="${esc(label)}" hidden><span aria-hidden="true">▶</span> Run</button></div>`;
}

function stepNumber(lesson: Lesson, section: LessonSection): number {
  return section.step ? lesson.steps.indexOf(section.step) + 1 : 0;
}

function sectionHtml(lesson: Lesson, section: LessonSection, ids: Set<string>): string {
  const body = renderMarkdown(section.body, { code: codeBlockHtml, headingOffset: 0, ids });
  const step = section.step;
  if (!step) {
    const id = uniq(`section-${slug(section.title)}`, ids);
    return `<section class="lesson-section" aria-labelledby="${id}">
<h2 id="${id}">${inline(section.title)}</h2>
${body}
</section>`;
  }
  const n = stepNumber(lesson, section);
  const id = uniq(`step-${step.id}`, ids);
  const hints = step.hints.map((h) => `<li>${inline(h)}</li>`).join('');
  const check = `<li class="hint-check"><span class="hint-label">What this step checks:</span> ${esc(step.check.describe())}.</li>`;
  return `<section class="lesson-section step" id="${id}" data-step="${esc(step.id)}" aria-labelledby="${id}-title">
<h2 id="${id}-title"><span class="step-mark" aria-hidden="true"><span class="step-num">${n}</span></span><span class="step-title">${inline(section.title)}</span><span class="step-state visually-hidden"> (step ${n} of ${lesson.steps.length})</span></h2>
${body}
<div class="step-foot">
<details class="hints" data-hints="${step.hints.length}"><summary>Need a hint?</summary><ol>${hints}${check}</ol></details>
<p class="step-done" hidden><span aria-hidden="true">✓</span> Done</p>
</div>
</section>`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniq(id: string, ids: Set<string>): string {
  let out = id;
  for (let n = 2; ids.has(out); n++) out = `${id}-${n}`;
  ids.add(out);
  return out;
}

/** The steps as a list of links (the panel's outline; the script marks done and current). */
function outline(lesson: Lesson): string {
  const items = lesson.steps
    .map((s, i) => `<li data-step="${esc(s.id)}"><a href="#step-${esc(s.id)}"><span class="outline-mark" aria-hidden="true">${i + 1}</span><span class="outline-title">${inline(s.title)}</span></a></li>`)
    .join('');
  return `<nav class="lesson-outline" aria-label="Steps of this lesson"><ol>${items}</ol></nav>`;
}

export function lessonPage(lesson: Lesson, all: Lesson[]): string {
  const i = all.indexOf(lesson);
  const prev = all[i - 1];
  const next = all[i + 1];
  const ids = new Set<string>(['main', 'lesson-text', 'terminal', 'picture', 'picture-pane', 'workbench', 'lesson-title', 'progress']);
  const intro = renderMarkdown(lesson.intro, { code: codeBlockHtml, headingOffset: 0, ids });
  const sections = lesson.sections.map((s) => sectionHtml(lesson, s, ids)).join('\n');
  const pager = `<nav class="lesson-pager" aria-label="Other lessons">${prev ? `<a class="pager-prev" href="${lessonPath(prev.id)}" rel="prev"><span class="pager-dir">Previous lesson</span> ${esc(prev.title)}</a>` : '<span></span>'}${next ? `<a class="pager-next" href="${lessonPath(next.id)}" rel="next"><span class="pager-dir">Next lesson</span> ${esc(next.title)}</a>` : `<a class="pager-next" href="${ROUTES.playground}"><span class="pager-dir">All done?</span> Try anything in the playground</a>`}</nav>`;
  const main = `<div class="lesson-layout" data-lesson="${esc(lesson.id)}" data-steps="${lesson.steps.length}">
<div class="pane-tabs" role="tablist" aria-label="Show beside the terminal">
<button type="button" role="tab" id="tab-lesson" aria-controls="lesson-text" aria-selected="true">Lesson</button>
<button type="button" role="tab" id="tab-picture" aria-controls="picture-pane" aria-selected="false" tabindex="-1">Inside Docker</button>
</div>
<article id="lesson-text" class="lesson-text" aria-labelledby="lesson-title">
<header class="lesson-head">
<p class="eyebrow"><a href="${ROUTES.lessons}">Lessons</a> <span aria-hidden="true">›</span> Lesson ${lesson.order}</p>
<h1 id="lesson-title">${inline(lesson.title)}</h1>
<p class="lesson-summary">${inline(lesson.summary)}</p>
</header>
<div id="progress" class="lesson-progress" hidden>
<div class="progress-line"><span class="progress-text" role="status">Step 1 of ${lesson.steps.length}</span><button type="button" class="link-button start-over" title="A new machine, set up for this lesson, and no step done">Start over</button></div>
<div class="progress-bar" aria-hidden="true"><span style="width:0%"></span></div>
</div>
${outline(lesson)}
<div class="lesson-intro">
${intro}
</div>
${sections}
${pager}
</article>
<section id="workbench" class="workbench" aria-label="Terminal and picture">
<div class="term-pane">
<div class="pane-bar"><h2 class="pane-title">Terminal</h2><span class="pane-note">a simulated Ubuntu machine with Docker 28.2</span></div>
<div id="terminal" class="term-host" role="region" aria-label="Terminal"><noscript><p class="noscript">The terminal needs JavaScript. The lesson's text reads without it; the commands to type are in the code blocks.</p></noscript></div>
</div>
<div id="picture-pane" class="picture-pane">
<h2 class="visually-hidden">Inside Docker</h2>
<div id="picture" class="picture"></div>
</div>
</section>
</div>`;
  return layout({
    path: lessonPath(lesson.id),
    title: `Lesson ${lesson.order}: ${plain(lesson.title)}`,
    description: lesson.summary,
    main,
    kind: 'page-lesson',
    scripts: ['/site/lesson/main.ts'],
    styles: ['/site/lesson/lesson.css'],
    skips: [['#terminal', 'Skip to the terminal']],
    bare: true,
  });
}

/** Text without Markdown marks (for titles and attributes). */
export function plain(md: string): string {
  return md.replace(/[`*_]/g, '');
}

export function lessonsIndex(lessons: Lesson[]): string {
  const items = lessons
    .map((l) => {
      const pre = l.prerequisites.length ? `<p class="card-meta">After ${l.prerequisites.map((p) => `<a href="${lessonPath(p)}">${esc(plain(lessons.find((x) => x.id === p)?.title ?? p))}</a>`).join(', ')}</p>` : '';
      return `<li class="lesson-card" data-lesson="${esc(l.id)}" data-steps="${l.steps.length}">
<p class="card-number" aria-hidden="true">${l.order}</p>
<div class="card-body">
<h2><a href="${lessonPath(l.id)}">${inline(l.title)}</a></h2>
<p>${inline(l.summary)}</p>
<p class="card-meta"><span class="card-steps">${l.steps.length} steps</span> <span class="card-progress" aria-live="polite"></span></p>
${pre}
</div>
</li>`;
    })
    .join('\n');
  const main = `<div class="prose-page">
<header class="page-head">
<h1>Lessons</h1>
<p class="lead">Short lessons with a terminal beside the text. Type the commands (or press <strong>Run</strong>) and each step ticks itself off when the simulated machine shows you did it. Your progress stays in this browser.</p>
</header>
<ol class="lesson-list">
${items}
</ol>
<p>Prefer to explore? The <a href="${ROUTES.playground}">playground</a> is the same machine without a lesson.</p>
</div>`;
  return layout({ path: ROUTES.lessons, title: 'Lessons', description: 'Lessons on Docker that check your progress as you type: the architecture, images, containers, the engine inside, a first service.', main, kind: 'page-lessons', scripts: ['/site/index/main.ts'] });
}
