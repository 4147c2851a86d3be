// Play and pause: steps the year control through the years, so the map moves through time.

import { t } from './i18n.js';

const STEP_MS = 1600;

/** Wires `button` to advance through `years`, calling `choose(year)` for each, until the last. */
export function attachPlay(button, years, current, choose) {
  let timer;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    button.textContent = t('▶ Play');
    button.setAttribute('aria-pressed', 'false');
  };
  const advance = () => {
    const i = years.indexOf(current());
    if (i >= years.length - 1) return stop();
    choose(years[i + 1]);
    if (i + 1 === years.length - 1) stop();
  };
  button.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    if (current() === years[years.length - 1]) choose(years[0]);
    button.textContent = t('❚❚ Pause');
    button.setAttribute('aria-pressed', 'true');
    timer = setInterval(advance, STEP_MS);
  });
  return stop;
}
