// A click or tap on the map. On an arrow (the core's hit test puts arrows over the land under them), the
// route is selected: its tooltip, figures and sources, pinned, so that a phone's tap reaches them too and a
// mouse can follow a source's link; the same arrow again lets it go. Elsewhere, a click lets a pinned
// tooltip go; with none pinned, it passes on to focus.js, which focuses the country clicked.

import { hideTooltip } from './tooltip.js';

/** Wires `canvas`'s clicks; `show(id, x, y, box)` fills the tooltip `tip` for flow `id`, `redraw()` repaints. */
export function attachPick(canvas, app, { tip, show, redraw }) {
  let selected; // the flow whose tooltip is pinned
  // Capturing: on the canvas itself it runs before any other click listener, which it may stop.
  canvas.addEventListener('click', (e) => {
    if (canvas.dataset.dragged) return;
    const box = canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const pinned = tip.dataset.pinned ? selected : undefined;
    const id = app.hover(x, y);
    if (id === pinned) {
      if (id === undefined) return; // land or sea, none pinned: focus.js's
      app.hover(-1, -1);
    }
    e.stopImmediatePropagation();
    if (id === undefined || id === pinned) {
      hideTooltip(tip);
    } else {
      show(id, x, y, box);
      tip.dataset.pinned = 1;
      selected = id;
    }
    redraw();
  }, { capture: true });
}
