// Pan and zoom: wheel with Ctrl or ⌘ (plain wheel scrolls the article), drag, pinch, buttons, keyboard.
// The core keeps the view; this module only turns gestures into calls.

const STEP = 1.5;        // zoom factor of a button press or key
const NUDGE = 60;        // px moved by an arrow key
const DRAG_START = 4;    // px a pointer moves before a press becomes a drag
const SETTLE_MS = 150;   // after the last zoom step, the land is drawn sharp again

/**
 * Wires gestures on `canvas` to `app`; `size()` gives the map's CSS size, `redraw(wantsDetail)` repaints.
 * `controls` holds the zoom-in, zoom-out and reset buttons; `hint` shows how to zoom with the wheel.
 */
export function attachMapView(canvas, app, { size, redraw, controls, hint }) {
  let settleTimer;
  // While zooming, frames stretch the land already drawn; once the gesture pauses, one sharp frame.
  const zoomBy = (factor, x, y) => {
    const { width, height } = size();
    redraw(app.zoom_at(x ?? width / 2, y ?? height / 2, factor, width, height));
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      app.settle();
      redraw();
    }, SETTLE_MS);
  };
  // Back to the fitted map. A zoom's settle still pending would draw it once more after: cancelled.
  const reset = () => {
    clearTimeout(settleTimer);
    app.reset_view();
    redraw();
  };
  const panBy = (dx, dy) => {
    const { width, height } = size();
    app.pan_by(dx, dy, width, height);
    redraw();
  };
  const local = (e) => {
    const box = canvas.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  };

  let hintTimer;
  canvas.addEventListener('wheel', (e) => {
    if (!(e.ctrlKey || e.metaKey)) {
      hint.hidden = false;
      clearTimeout(hintTimer);
      hintTimer = setTimeout(() => { hint.hidden = true; }, 1200);
      return;
    }
    e.preventDefault();
    hint.hidden = true;
    const [x, y] = local(e);
    zoomBy(wheelFactor(e), x, y);
  }, { passive: false });

  // Pointers down on the map: one drags, two pinch.
  const down = new Map();
  let pinch;
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    delete canvas.dataset.dragged;
    down.set(e.pointerId, { start: local(e), last: local(e) });
    canvas.setPointerCapture(e.pointerId);
    if (down.size === 2) pinch = spread(down);
  });
  canvas.addEventListener('pointermove', (e) => {
    const p = down.get(e.pointerId);
    if (!p) return;
    const now = local(e);
    if (down.size === 2 && pinch) {
      p.last = now;
      const next = spread(down);
      if (pinch.distance > 0) zoomBy(next.distance / pinch.distance, next.mid[0], next.mid[1]);
      panBy(next.mid[0] - pinch.mid[0], next.mid[1] - pinch.mid[1]);
      pinch = next;
      return;
    }
    if (!canvas.dataset.dragging && Math.hypot(now[0] - p.start[0], now[1] - p.start[1]) < DRAG_START) return;
    canvas.dataset.dragging = 'true';
    panBy(now[0] - p.last[0], now[1] - p.last[1]);
    p.last = now;
  });
  const release = (e) => {
    down.delete(e.pointerId);
    if (down.size < 2) pinch = undefined;
    if (down.size === 0 && canvas.dataset.dragging) {
      delete canvas.dataset.dragging;
      canvas.dataset.dragged = 'true'; // the click that follows a drag is not a click on a country
    }
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);

  canvas.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: [NUDGE, 0], ArrowRight: [-NUDGE, 0], ArrowUp: [0, NUDGE], ArrowDown: [0, -NUDGE] };
    if (moves[e.key]) panBy(...moves[e.key]);
    else if (e.key === '+' || e.key === '=') zoomBy(STEP);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / STEP);
    else if (e.key === '0') reset();
    else return;
    e.preventDefault();
  });

  controls.zoomIn.addEventListener('click', () => zoomBy(STEP));
  controls.zoomOut.addEventListener('click', () => zoomBy(1 / STEP));
  controls.reset.addEventListener('click', reset);
}

/**
 * One wheel event's zoom: a mouse notch (100 px, or 3 lines) ×1.41, a trackpad's many small deltas as much in
 * all, no event more than ×2. (Math.pow here: the same in the core would add its own 3 KB to the page.)
 */
function wheelFactor(e) {
  const px = e.deltaY * [1, 100 / 3, 800][e.deltaMode];
  return Number.isFinite(px) ? Math.min(2, Math.max(0.5, 2 ** (-px / 200))) : 1;
}

function spread(pointers) {
  const [a, b] = [...pointers.values()].map((p) => p.last);
  return { distance: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
}
