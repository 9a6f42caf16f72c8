// The lessons index: each lesson's progress in this browser, next to its title.

import { progressKey } from '../routes';
import { savedDone } from '../lesson/saved';

for (const card of document.querySelectorAll<HTMLElement>('.lesson-card[data-lesson]')) {
  const id = card.dataset.lesson!;
  const total = Number(card.dataset.steps ?? 0);
  let text: string | null = null;
  try {
    text = localStorage.getItem(progressKey(id));
  } catch {
    text = null;
  }
  const done = savedDone(text, id).size;
  const out = card.querySelector('.card-progress');
  if (!out || done === 0) continue;
  card.classList.toggle('is-complete', done >= total);
  card.classList.toggle('is-started', done > 0 && done < total);
  out.textContent = done >= total ? '✓ completed' : `${done} of ${total} done`;
}
