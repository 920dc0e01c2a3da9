/**
 * Live reload for `serve --watch`: the script a page gets, the address it listens at for the
 * server's "reload" events, and the page shown where the last build made none.
 */

/** Where a page listens for reloads (server-sent events); the script itself is at LIVE.js. */
export const LIVE = '/__editio/live';
export const LIVE_SCRIPT = `new EventSource('${LIVE}').addEventListener('reload', () => location.reload());\n`;

export const NOT_BUILT =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\'">' +
  '<title>Not built</title></head><body><main><h1>This page is not in the current build</h1>' +
  '<p>The terminal running <code>editio serve --watch</code> says why. It reloads when a build makes it.</p></main></body></html>';

/** A page as served live: with the reload script, and a CSP that lets it listen to the server. */
export function withLiveReload(html: string): string {
  return html
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)"/, "$1; connect-src 'self'\"")
    .replace('</head>', `<script src="${LIVE}.js"></script></head>`);
}
