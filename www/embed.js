// Embedding: `?embed=1` shows the map alone with a source line and tells the host page its height;
// the "Embed" button hands out the snippet for the current view.

import { t } from './i18n.js';

const HEIGHT_MESSAGE = 'roundabout:height';

/** Switches the page to embed mode and keeps the parent informed of the height it needs. */
export function enterEmbedMode() {
  document.body.classList.add('embed');
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, href: window.location.href }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

/** The snippet a newsroom pastes: an iframe of this view in embed mode, and the script that sizes it. */
export function embedSnippet(embedQuery) {
  const base = new URL('.', window.location.href);
  const src = new URL(`index.html${embedQuery}`, base);
  const script = new URL('roundabout-embed.js', base);
  const title = document.querySelector('h1').textContent.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${src.href}" title="${title}" `
    + 'style="width:100%;height:560px;border:0" loading="lazy"></iframe>\n'
    + `<script src="${script.href}" async></script>`;
}

/** Wires the Embed button: shows the snippet for the current view, ready to copy. */
export function attachEmbedButton({ button, panel, code, copy }, embedQuery) {
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    code.value = embedSnippet(embedQuery());
    if (!panel.hidden) code.select();
  });
  copy.addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
      copy.textContent = t('Copied');
    } catch {
      copy.textContent = t('Select and copy the text');
    }
  });
}
