// Loader for the standalone page: an external module, so that a strict
// Content-Security-Policy (no inline script) allows it.
//
// As in embed.js: the prerendered view of the page's data file is shown first (for
// `?src=…/NAME.json`, or the default data, `…/NAME.rendered/page/<lang>/…`), then the
// WebAssembly starts and the live app takes over in place (docs/embedding.md).
import { showPrerendered, takeOver } from './embed.js';

const root = document.getElementById('station-scorecards');
const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';

if (embedded) {
  // Inside an iframe: no page chrome, and tell the host page how tall the content is so it
  // can size the frame (see iframe-host.js).
  document.documentElement.classList.add('ssc-embed');
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last && window.parent !== window) {
      last = height;
      window.parent.postMessage({ type: 'station-scorecards:height', height, href: location.href }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener('load', report);
}

/** The view the address asks for, as the prerendered views are named; `?src=` only on this
 *  site (as the app itself accepts it). */
function pageOptions() {
  let src;
  try {
    src = new URL(params.get('src') || 'data/seeds.json', document.baseURI);
  } catch {
    return null;
  }
  if (src.origin !== location.origin) return null;
  return {
    src: src.href,
    station: params.get('station') || '',
    lang: params.get('lang') || '',
    view: params.get('view') || '',
    theme: params.get('theme') || '',
    display: params.get('display') || '',
  };
}

const options = pageOptions();
const shown = options ? showPrerendered(root, options, embedded ? 'embed' : 'page') : Promise.resolve(null);

let view = null;
try {
  const glue = import('./pkg/station_scorecards.js');
  const ready = glue.then((m) => m.default({ module_or_path: fetch(new URL('pkg/station_scorecards_bg.wasm', import.meta.url), { priority: 'low' }) }));
  // The view if it is on screen before the WebAssembly is ready (else the live app mounts at
  // once and a view arriving later is dropped).
  view = await Promise.race([shown, ready.then(() => null, () => null)]);
  await ready;
  if (view?.isConnected) root.setAttribute('data-ssc-takeover', '');
  const { mount_standalone } = await glue;
  mount_standalone(root);
  if (view?.isConnected) takeOver(root, view);
  else for (const late of root.querySelectorAll(':scope > [data-ssc-prerendered]')) late.remove();
} catch (err) {
  // The WebAssembly could not start (old browser, blocked by policy, file missing):
  // say so in both languages instead of leaving a blank page (a prerendered view stays).
  root.removeAttribute('data-ssc-takeover');
  const box = document.createElement('p');
  box.className = 'ssc-boot-error';
  box.setAttribute('role', 'alert');
  box.textContent = '看板无法启动，请使用较新的浏览器或稍后重试。The dashboard could not start: use a recent browser or try again later. (' + String(err) + ')';
  const shownView = await shown;
  if (shownView?.isConnected) shownView.after(box);
  else root.replaceChildren(box);
}
