// "Download" links under the map: the core's SVG of the scene on screen, and the canvas as PNG.

/** Saves `blob` under `name` through a temporary link. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Wires the SVG and PNG buttons; `stem()` names the files after the current view. */
export function attachDownloads(app, canvas, { svgButton, pngButton, stem }) {
  svgButton.addEventListener('click', () => {
    const svg = app.svg();
    if (svg) save(new Blob([svg], { type: 'image/svg+xml' }), `${stem()}.svg`);
  });
  pngButton.addEventListener('click', () => {
    canvas.toBlob((blob) => { if (blob) save(blob, `${stem()}.png`); }, 'image/png');
  });
}
