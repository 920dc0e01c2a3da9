// The facsimile beside a document's text (xslt/html/html.xsl, ed:facsimile): deep zoom with
// OpenSeadragon, following the reader. The page image shown is that of the last page break (or
// other element pointing to the facsimile) above the reading line; clicking a page break shows
// its image; pointing at an element that names a zone outlines the zone. The edition's own scans
// are static IIIF level 0 services whose description is in the page (no request but for images,
// which works from file://); a remote service's description is fetched from its server.
(() => {
  const aside = document.querySelector('aside.facsimile[data-facsimile]');
  if (!aside || typeof OpenSeadragon !== 'function') return;
  const data = JSON.parse(aside.dataset.facsimile);
  const canvases = data.canvases;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
  const view = aside.querySelector('.facsimile-view');
  const place = aside.querySelector('.facsimile-place');

  const tileSource = (canvas) => {
    if (canvas.level0) {
      const { width, height, sizes, scaleFactors, tile } = canvas.level0;
      // The description's id, from the page's own address: the tiles are found wherever the edition is.
      const id = new URL(canvas.service, window.location.href).href;
      return {
        '@context': 'http://iiif.io/api/image/3/context.json',
        id,
        type: 'ImageService3',
        protocol: 'http://iiif.io/api/image',
        profile: 'level0',
        width,
        height,
        sizes,
        tiles: [{ width: tile, scaleFactors }],
      };
    }
    if (canvas.service) return `${canvas.service.replace(/\/$/, '')}/info.json`;
    return { type: 'image', url: canvas.url };
  };

  // OpenSeadragon adds a style element of its own unless it finds one; the page's policy lets no
  // inline style in, so an element named so in no namespace of styles (never applied) stands for
  // it, and its one rule is in edition.css.
  if (!document.querySelector('style[data-openseadragon-mobile-css]')) {
    const placeholder = document.createElementNS('urn:x-editio:placeholder', 'style');
    placeholder.setAttribute('data-openseadragon-mobile-css', 'true');
    aside.append(placeholder);
  }
  const viewer = OpenSeadragon({
    element: view,
    tileSources: canvases.map(tileSource),
    sequenceMode: true,
    showNavigationControl: false,
    showSequenceControl: false,
    // The canvas drawer: WebGL refuses images from file:// and from servers that do not allow it.
    drawer: 'canvas',
    gestureSettingsMouse: { clickToZoom: false },
    visibilityRatio: 0.5,
  });

  let current = -1;
  let pendingZone;
  const outline = document.createElement('div');
  outline.className = 'facsimile-zone';

  const label = (n) => canvases[n].label;
  const showPlace = () => {
    place.textContent = `${label(current)} (${fill(aside.dataset.of, { n: current + 1, total: canvases.length })})`;
    for (const button of aside.querySelectorAll('[data-go]')) {
      const to = current + Number(button.dataset.go);
      button.disabled = to < 0 || to >= canvases.length;
    }
  };

  // A zone in the surface's coordinates, outlined on the image (whose pixels those are, unless the surface says its extent).
  const drawZone = () => {
    viewer.removeOverlay(outline);
    const item = viewer.world.getItemAt(0);
    if (!pendingZone || !item) return;
    const [n, zone] = pendingZone;
    const box = canvases[n]?.zones[zone];
    if (n !== current || !box) return;
    const { x: width, y: height } = item.source.dimensions;
    const [ulx, uly, lrx, lry] = canvases[n].extent ?? [0, 0, width, height];
    const sx = width / (lrx - ulx);
    const sy = height / (lry - uly);
    const rect = item.imageToViewportRectangle((box[0] - ulx) * sx, (box[1] - uly) * sy, box[2] * sx, box[3] * sy);
    viewer.addOverlay({ element: outline, location: rect });
    viewer.viewport.fitBoundsWithConstraints(new OpenSeadragon.Rect(rect.x - rect.width * 0.25, rect.y - rect.height * 0.5, rect.width * 1.5, rect.height * 2));
  };
  // OpenSeadragon's own message is in English: the page says it in the edition's language.
  const failed = aside.querySelector('.facsimile-failed');
  viewer.addHandler('open', () => {
    failed.hidden = true;
    drawZone();
  });
  viewer.addHandler('open-failed', () => {
    aside.classList.add('failed');
    failed.hidden = false;
  });

  const show = (n, zone) => {
    pendingZone = zone === undefined ? undefined : [n, zone];
    if (n === current) {
      if (zone !== undefined) drawZone();
      return;
    }
    current = n;
    aside.classList.remove('failed');
    viewer.goToPage(n);
    showPlace();
  };

  // What each element pointing to the facsimile shows: [canvas] or [canvas, zone].
  const targetOf = (element) => {
    for (const pointer of (element.dataset.facs ?? '').split(' ')) if (data.pointers[pointer]) return data.pointers[pointer];
    return undefined;
  };
  const marks = [];
  for (const element of document.querySelectorAll('.document-text [data-facs]')) {
    const target = targetOf(element);
    if (!target) continue;
    marks.push({ element, canvas: target[0], zone: target[1] });
    if (element.classList.contains('pb')) {
      if (element.textContent === '') element.textContent = `[${label(target[0])}]`;
      element.classList.add('pb-facs');
      element.tabIndex = 0;
      element.setAttribute('role', 'button');
      // Its name begins with the words it shows, as one who speaks to the page says them.
      element.setAttribute('aria-label', `${element.textContent} ${aside.dataset.show}`);
    }
  }
  for (const [id, canvas] of Object.entries(data.starts)) {
    const element = document.getElementById(id);
    if (element) marks.push({ element, canvas });
  }
  marks.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

  // The page in view: that of the last mark above the reading line, a third down the window, or
  // just below the image when it stands above the text (a phone), kept in view over it.
  const text = document.querySelector('.document-text');
  let scheduled = false;
  const follow = () => {
    scheduled = false;
    const box = aside.getBoundingClientRect();
    const stacked = text && box.left < text.getBoundingClientRect().right;
    const line = stacked ? Math.max(box.bottom, 0) + window.innerHeight / 6 : window.innerHeight / 3;
    let n = marks.length > 0 ? marks[0].canvas : 0;
    for (const mark of marks) {
      if (mark.zone !== undefined) continue;
      if (mark.element.getBoundingClientRect().top > line) break;
      n = mark.canvas;
    }
    if (pendingZone === undefined) show(n);
    else if (n !== current) show(n);
  };
  window.addEventListener(
    'scroll',
    () => {
      if (!scheduled) {
        scheduled = true;
        window.requestAnimationFrame(follow);
      }
    },
    { passive: true },
  );

  const choose = (event) => {
    const element = event.target.closest?.('[data-facs]');
    const mark = element && marks.find((m) => m.element === element);
    if (!mark) return false;
    show(mark.canvas, mark.zone);
    return true;
  };
  document.addEventListener('click', (event) => {
    if (event.target.closest?.('a')) return;
    choose(event);
  });
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.classList?.contains('pb-facs') && choose(event)) event.preventDefault();
  });
  for (const { element, zone, canvas } of marks) {
    if (zone === undefined) continue;
    element.classList.add('facs-zone');
    element.addEventListener('mouseenter', () => show(canvas, zone));
    element.addEventListener('focusin', () => show(canvas, zone));
  }

  for (const button of aside.querySelectorAll('[data-go]')) button.addEventListener('click', () => show(current + Number(button.dataset.go)));
  const zoom = { in: () => viewer.viewport.zoomBy(1.5), out: () => viewer.viewport.zoomBy(1 / 1.5), home: () => viewer.viewport.goHome() };
  for (const button of aside.querySelectorAll('[data-zoom]'))
    button.addEventListener('click', () => {
      zoom[button.dataset.zoom]();
      viewer.viewport.applyConstraints();
    });

  aside.classList.add('ready');
  current = 0;
  showPlace();
  follow();
})();
