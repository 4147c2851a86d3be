// Focus on one country: click it on the map or find it by name, then choose all, incoming or
// outgoing flows. The core dims the rest of the map and marks which routes stay in the panel.

/**
 * Wires the click, the search box and the focus bar. `changed()` redraws the map and the panels.
 * `els` holds the canvas, the search input and its datalist, the bar, its label and its buttons.
 * Returns `show()`, which brings the bar and the country list in line with the core (e.g. after a link is
 * followed or a file is loaded).
 */
export function attachFocus(app, els, changed) {
  const { canvas, search, options, bar, label, directions, clear } = els;
  let countries = [];
  // The countries of the data on show: the story's five, or every country of a loaded file.
  const list = () => {
    const fresh = app.countries();
    if (fresh.map(([c]) => c).join() === countries.map(([c]) => c).join()) return;
    countries = fresh;
    options.replaceChildren(...countries.map(([, name]) => Object.assign(document.createElement('option'), { value: name })));
  };
  const show = () => {
    list();
    const code = app.focus();
    bar.hidden = code === undefined;
    label.textContent = countries.find(([c]) => c === code)?.[1] ?? '';
    const direction = app.focus_direction();
    for (const button of directions) button.setAttribute('aria-pressed', String(button.dataset.direction === direction));
    if (code === undefined) search.value = '';
  };
  const focus = (code, direction = 'all') => {
    app.set_focus(code, direction);
    show();
    changed();
  };

  canvas.addEventListener('click', (e) => {
    if (canvas.dataset.dragged) return;
    const box = canvas.getBoundingClientRect();
    const code = app.country_at(e.clientX - box.left, e.clientY - box.top);
    const known = countries.some(([c]) => c === code);
    focus(known && code !== app.focus() ? code : undefined);
  });
  search.addEventListener('change', () => {
    const wanted = search.value.trim().toLowerCase();
    const match = countries.find(([code, name]) => name.toLowerCase() === wanted || code.toLowerCase() === wanted);
    if (match) focus(match[0]);
  });
  for (const button of directions) {
    button.addEventListener('click', () => focus(app.focus(), button.dataset.direction));
  }
  clear.addEventListener('click', () => focus(undefined));
  show();
  return show;
}
