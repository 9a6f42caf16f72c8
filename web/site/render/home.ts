// The home page: what docksim is, and one click to the playground.

import type { Lesson } from '../../../src/lessons';
import { esc } from '../html';
import { lessonPath, ROUTES } from '../routes';
import { layout } from './layout';
import { plain } from './lessons';
import { pipelineFigure } from './pipeline';

const SAMPLE = `<span class="t-prompt">learner@docksim:~$</span> docker run -d --name web -p 8080:80 nginx
Unable to find image 'nginx:latest' locally
latest: Pulling from library/nginx
<span class="t-dim">…</span>
Status: Downloaded newer image for nginx:latest
3f1c2a9d8e7b…
<span class="t-prompt">learner@docksim:~$</span> curl -s localhost:8080 | grep title
&lt;title&gt;Welcome to nginx!&lt;/title&gt;`;

export function homePage(lessons: Lesson[]): string {
  const first = lessons[0];
  const list = lessons
    .map((l) => `<li><a href="${lessonPath(l.id)}"><span class="mini-number" aria-hidden="true">${l.order}</span>${esc(plain(l.title))}</a></li>`)
    .join('');
  const main = `<section class="hero" aria-labelledby="hero-title">
<div class="hero-text">
<h1 id="hero-title">Docker, simulated faithfully, for learners</h1>
<p class="lead">docksim is a terminal in your browser where <code>docker pull</code>, <code>run</code>, <code>exec</code>, <code>logs</code>, <code>network</code> and <code>volume</code> behave as on a real machine with Docker Engine 28.2 — same output, same errors, same exit codes. Nothing to install, nothing to break: every container lives in a simulated world on this page.</p>
<p class="actions"><a class="button primary" href="${ROUTES.playground}">Open the playground</a>${first ? ` <a class="button" href="${lessonPath(first.id)}">Start lesson 1</a>` : ''}</p>
</div>
<figure class="hero-terminal" aria-label="An example session">
<pre>${SAMPLE}</pre>
</figure>
</section>

<section class="features" aria-label="What you get">
<div class="feature">
<h2>A real-feeling terminal</h2>
<p>An Ubuntu shell with the docker CLI: Tab completion, history, pipes, <code>curl</code> to published ports, <code>docker run -it</code> into a container's shell. Type <code>help</code> to see what it knows.</p>
</div>
<div class="feature">
<h2>Lessons that notice</h2>
<p>Each lesson's steps tick themselves off the moment the machine shows you did them — a container that exited with the right code, an image pulled, a request that went over TCP.</p>
</div>
<div class="feature">
<h2>A picture of the insides</h2>
<p>Watch each command travel from the client to dockerd, containerd, the shim and runc, and see a container move through its lifecycle as it happens.</p>
</div>
</section>

<section class="home-section" aria-labelledby="how-title">
<h2 id="how-title">What happens when you type <code>docker run</code></h2>
<p>The <code>docker</code> command is only a client. It sends HTTP requests to the daemon, which hands the work down a chain of programs until runc starts your process. docksim models each of them.</p>
${pipelineFigure()}
<p><a href="${ROUTES.architecture}">Read how Docker works, step by step</a></p>
</section>

<section class="home-section" aria-labelledby="lessons-title">
<h2 id="lessons-title">Lessons</h2>
<ol class="mini-lessons">${list}</ol>
<p><a href="${ROUTES.lessons}">All lessons</a> · <a href="${ROUTES.commands}">The commands docksim supports</a></p>
</section>`;
  return layout({
    path: ROUTES.home,
    title: 'Docker, simulated, for learners',
    description: 'Docker, simulated faithfully, for learners: a terminal where docker run, build, network and volume behave as on a real machine, lessons that check your progress, and a live picture of what happens inside.',
    main,
    kind: 'page-home',
  });
}

