// Story mode: captioned steps, each a view of the map, with next/previous buttons and arrow keys.
// A story is a small JSON file the core checks; captions are printed as text, never as markup.

import { t } from './i18n.js';

/**
 * Wires the story bar. `go(view, step)` applies a step's view to the page; `leave()` ends the story.
 * Returns `open(step)` to start (or resume, from a link) at a step counted from 1.
 */
export function attachStory(story, els, { go, leave }) {
  const { start, bar, title, counter, caption, prev, next, close } = els;
  const count = story.steps.length;
  let at = 0;

  const show = (n) => {
    at = Math.min(Math.max(n, 1), count);
    const step = story.steps[at - 1];
    bar.hidden = false;
    start.setAttribute('aria-expanded', 'true');
    title.textContent = t(story.title);
    counter.textContent = t('Step {at} of {count}', { at, count });
    caption.textContent = t(step.caption);
    prev.disabled = at === 1;
    next.disabled = at === count;
    go(step.view, at);
  };
  const end = () => {
    bar.hidden = true;
    start.setAttribute('aria-expanded', 'false');
    leave();
  };

  start.hidden = false;
  start.addEventListener('click', () => (bar.hidden ? show(1) : end()));
  prev.addEventListener('click', () => show(at - 1));
  next.addEventListener('click', () => show(at + 1));
  close.addEventListener('click', end);
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' && at < count) show(at + 1);
    else if (e.key === 'ArrowLeft' && at > 1) show(at - 1);
    else if (e.key === 'Escape') end();
    else return;
    e.preventDefault();
  });
  return show;
}
