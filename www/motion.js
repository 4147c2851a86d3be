// Motion: dots travelling along the flows, and flows sliding to new values when the year or side
// changes. Both stop for readers who prefer reduced motion, and the dots have a pause button.

import { t } from './i18n.js';

const SLIDE_MS = 450;
/** The reader's wish for reduced motion: the core then shows new views with no slide. */
export const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');

/**
 * Runs the dots on `overlay` (a canvas over the map) while the map is on screen.
 * `size()` gives the map's CSS size and pixel ratio; `button` pauses and resumes; while `held()`, the dots
 * hold still (a file being read has the cores). Returns the check to call when `held()` changes.
 */
export function startParticles(app, overlay, { size, button, held }) {
  const ctx = overlay.getContext('2d');
  let paused = false;
  let visible = true;
  let frame;
  const start = performance.now();

  const running = () => !paused && visible && !reduced.matches && !held();
  const tick = (now) => {
    // The preference can change without an event reaching us (e.g. set by a test harness).
    if (!running()) return update();
    const { width, height, ratio } = size();
    if (overlay.width !== Math.round(width * ratio)) overlay.width = Math.round(width * ratio);
    if (overlay.height !== Math.round(height * ratio)) overlay.height = Math.round(height * ratio);
    app.draw_particles(ctx, (now - start) / 1000, ratio);
    frame = running() ? requestAnimationFrame(tick) : undefined;
  };
  const update = () => {
    button.hidden = reduced.matches;
    button.textContent = t(paused ? 'Play motion' : 'Pause motion');
    button.setAttribute('aria-pressed', String(paused));
    if (running() && frame === undefined) frame = requestAnimationFrame(tick);
    if (!running()) {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, overlay.width, overlay.height);
    }
  };
  button.addEventListener('click', () => { paused = !paused; update(); });
  reduced.addEventListener('change', update);
  new IntersectionObserver(([entry]) => { visible = entry.isIntersecting; update(); }).observe(overlay);
  update();
  return update;
}

/** Slides the map from what was on screen to the new figures: `draw(progress)` each frame, 0 to 1. */
export function slide(draw) {
  // The core slides no more once it hears of reduced motion; a harness's change may not reach it.
  if (reduced.matches) return draw(1);
  const start = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - start) / SLIDE_MS);
    draw(t);
    if (t < 1) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
