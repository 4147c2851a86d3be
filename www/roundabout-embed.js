// For pages that embed Roundabout. Include once:
//   <script src="https://your.site/roundabout/roundabout-embed.js" async></script>
// It sizes every Roundabout iframe to the height its map asks for, and defines
//   <roundabout-map src="https://your.site/roundabout/" period="2022" focus="KAZ" side="exporter" lang="en">
// which becomes such an iframe. Message from the iframe: { type: 'roundabout:height', height, href }.
(() => {
  const MESSAGE = 'roundabout:height';
  // Attributes of <roundabout-map> and the link settings they become.
  const SETTINGS = { goods: 'goods', period: 'year', focus: 'focus', dir: 'dir', side: 'side', top: 'top', lang: 'lang', step: 'step' };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== MESSAGE || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(data.height, 200), 4000)}px`;
    }
  });

  if (!window.customElements || window.customElements.get('roundabout-map')) return;
  class RoundaboutMap extends HTMLElement {
    static get observedAttributes() { return ['src', ...Object.keys(SETTINGS)]; }

    connectedCallback() { this.render(); }

    attributeChangedCallback() { if (this.isConnected) this.render(); }

    render() {
      const base = this.getAttribute('src');
      if (!base) return;
      const url = new URL('index.html', new URL(base, document.baseURI));
      url.searchParams.set('embed', '1');
      // A period other than a year of all goods ("2023-01/2023-09", or any with goods="published") is one
      // of the published figures' periods: the link's own `period`.
      const published = this.getAttribute('goods') === 'published' || !/^\d{4}$/.test(this.getAttribute('period') ?? '');
      for (const [attribute, setting] of Object.entries(SETTINGS)) {
        const value = this.getAttribute(attribute);
        if (value) url.searchParams.set(attribute === 'period' && published ? 'period' : setting, value);
      }
      let frame = this.querySelector('iframe');
      if (!frame) {
        frame = document.createElement('iframe');
        frame.title = this.getAttribute('title') || 'Roundabout map';
        frame.loading = 'lazy';
        frame.style.cssText = 'display:block;width:100%;height:560px;border:0';
        this.replaceChildren(frame);
      }
      if (frame.src !== url.href) frame.src = url.href;
    }
  }
  window.customElements.define('roundabout-map', RoundaboutMap);
})();
