// Story mode: captioned steps, each a view of the map, with next/previous buttons and arrow keys; Escape
// leaves it and the focus returns to the button that opened it.
// A story is a small JSON file the core checks; captions are printed as text, never as markup.

import { t } from './i18n.js';

/**
 * Wires the story bar. `go(view, step, count)` applies a step's view to the page; `leave()` ends the story.
 * Returns `open(step)` to start (or resume, from a link) at a step counted from 1, and `offer(yes)`: its
 * captions speak of the story's data, so under a reader's file the story is left and not offered.
 */
export function attachStory(story, els, { go, leave }) {
  const { start, bar, title, caption, prev, next, close, fold, map } = els;
  const count = story.steps.length;
  let at = 0;
  // On a phone the caption lies over the map, folded away on demand, so that both fit one screen.
  const phone = window.matchMedia('(max-width: 520px)');
  const [home, after] = [bar.parentElement, bar.nextElementSibling];
  // Over the map, the caption keeps the map's foot for itself: the map is drawn above it, the key too (style.css).
  const foot = () => {
    const over = bar.parentElement === map && !bar.hidden;
    map.toggleAttribute('data-foot', over);
    if (over) map.style.setProperty('--foot', `${Math.ceil(bar.getBoundingClientRect().height) + 12}px`);
  };
  new ResizeObserver(foot).observe(bar);
  const place = () => {
    if (phone.matches && bar.parentElement !== map) map.append(bar);
    else if (!phone.matches && bar.parentElement !== home) home.insertBefore(bar, after);
    foot();
    if (phone.matches && !bar.hidden && home.getBoundingClientRect().top !== 0) home.scrollIntoView({ block: 'start' });
  };
  phone.addEventListener('change', place);
  const folded = (yes) => {
    fold.setAttribute('aria-expanded', String(!yes));
    fold.textContent = yes ? t('Show the caption') : t('Hide the caption');
    bar.toggleAttribute('data-folded', yes);
  };
  fold.addEventListener('click', () => folded(fold.getAttribute('aria-expanded') === 'true'));

  const show = (n) => {
    at = Math.min(Math.max(n, 1), count);
    const step = story.steps[at - 1];
    bar.hidden = false;
    start.setAttribute('aria-expanded', 'true');
    title.textContent = t(story.title);
    caption.textContent = t(step.caption);
    // A button disabled under the keyboard's focus would drop it to <body>: it moves to the next control.
    const held = document.activeElement;
    prev.disabled = at === 1;
    next.disabled = at === count;
    if (held === next && next.disabled) close.focus();
    else if (held === prev && prev.disabled) next.focus();
    go(step.view, at, count); // the core words the counter
    place();
  };
  const end = (refocus = true) => {
    bar.hidden = true;
    foot();
    start.setAttribute('aria-expanded', 'false');
    leave();
    if (refocus) start.focus();
  };
  const offer = (yes) => {
    if (!yes && !bar.hidden) end(false);
    start.hidden = !yes;
  };

  start.hidden = false;
  start.addEventListener('click', () => (bar.hidden ? show(1) : end()));
  prev.addEventListener('click', () => show(at - 1));
  next.addEventListener('click', () => show(at + 1));
  close.addEventListener('click', () => end());
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' && at < count) show(at + 1);
    else if (e.key === 'ArrowLeft' && at > 1) show(at - 1);
    else return;
    e.preventDefault();
  });
  // Escape leaves the story wherever the focus is, unless a control used it (a list, a pinned tooltip).
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || bar.hidden || e.defaultPrevented) return;
    e.preventDefault();
    end();
  });
  return { open: show, offer };
}
