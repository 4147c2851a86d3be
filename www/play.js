// Play and pause: steps the year control through the years, so the map moves through time.

import { t } from './i18n.js';

const STEP_MS = 1600;

/** Wires `button` to advance through `years()`, calling `choose(year)` for each, until the last. */
export function attachPlay(button, years, current, choose) {
  let timer;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    button.textContent = t('▶ Play');
    button.setAttribute('aria-pressed', 'false');
  };
  const advance = () => {
    const all = years();
    const i = all.indexOf(current());
    if (i >= all.length - 1) return stop();
    choose(all[i + 1]);
    if (i + 1 === all.length - 1) stop();
  };
  button.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    const all = years();
    if (current() === all[all.length - 1]) choose(all[0]);
    button.textContent = t('❚❚ Pause');
    button.setAttribute('aria-pressed', 'true');
    timer = setInterval(advance, STEP_MS);
  });
  return stop;
}
