// station-scorecards embed loader.
//
//   <script type="module" src="https://portal.example/scorecards/embed.js"></script>
//   <div data-station-scorecards data-station="meijiang" data-lang="zh"></div>
//
// Every element with `data-station-scorecards` becomes an independent dashboard. Options come
// from its data attributes: data-src, data-station, data-lang, data-view (directory, compare,
// rank, map), data-metric and data-measure (the tile map's and league's), data-map (tiles,
// geo: the map view's mode), data-theme,
// data-display. For programmatic use: `import { mount } from '.../embed.js'`; `mount(element,
// options)` returns an instance with `update(options)` and `unmount()`.
//
// Prerendered views (docs/embedding.md): for data `…/NAME.json` the loader first shows the view
// rendered beside it (`…/NAME.rendered/<lang>/station/<id>.html`, or `<lang>/index.html` for the
// directory), or one the host page pasted into the element, while the WebAssembly loads. The
// live app is built beside the view, unseen, and swapped in when it has rendered, keeping the
// scroll position and focus. A missing or stale view falls back to the plain path.
//
// Everything is loaded from next to this file (the WebAssembly, the stylesheet, the default
// data), so a strict Content-Security-Policy only needs this origin in script-src, style-src
// and connect-src, plus 'wasm-unsafe-eval'.

const here = new URL('.', import.meta.url);
const STYLE_ID = 'station-scorecards-style';

/** Resolves once the component stylesheet has loaded (or failed: then views show unstyled
 *  rather than never). */
function stylesheet() {
  let link = document.getElementById(STYLE_ID);
  if (!link) {
    link = document.createElement('link');
    link.id = STYLE_ID;
    link.rel = 'stylesheet';
    link.href = new URL('style/main.css', here).href;
    document.head.append(link);
  }
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
}

let ready = null;
let glue = null;
function start() {
  stylesheet();
  ready ??= import('./pkg/station_scorecards.js').then(async (m) => {
    glue = m;
    // Low priority: a prerendered view on its way goes first.
    const wasm = fetch(new URL('pkg/station_scorecards_bg.wasm', here), { priority: 'low', credentials: 'same-origin' });
    return m.default({ module_or_path: wasm });
  });
  return ready;
}

/** The prerendered view `shown` resolves to if it is on screen before the WebAssembly is
 *  ready, else null: then the live app mounts at once, and a view arriving later is dropped
 *  (`showPrerendered` never puts one beside a live app). The WebAssembly loads meanwhile. */
export function viewFirst(shown) {
  const wasm = start().then(() => null, () => null);
  return Promise.race([shown, wasm]);
}

function withDefaults(options = {}) {
  const o = { ...options };
  o.src = o.src ? new URL(o.src, document.baseURI).href : new URL('data/seeds.json', here).href;
  return o;
}

function optionsOf(el) {
  const d = el.dataset;
  return { src: d.src, station: d.station, lang: d.lang, view: d.view, compare: d.compare, metric: d.metric, measure: d.measure, map: d.map, history: d.history, theme: d.theme, display: d.display };
}

// ---------------------------------------------------------------- prerendered views

const THEMES = ['auto', 'light', 'dark', 'high-contrast'];
let renumbered = 0;

/** The address of the prerendered view for `options` (`src` already absolute), or null when
 *  there is none by convention (comparison, league table and tile map, a file not named `*.json`). */
export function prerenderedUrl(options, host = 'embed') {
  const view = (options.view || '').trim();
  if (view === 'compare' || view === 'rank' || view === 'map') return null;
  const lang = (options.lang || '').trim() === 'en' ? 'en' : 'zh';
  const station = view === 'directory' ? '' : (options.station || '').trim();
  if (station && !/^[a-z0-9_-]+$/.test(station)) return null;
  let url;
  try {
    url = new URL(options.src);
  } catch {
    return null;
  }
  if (!url.pathname.endsWith('.json')) return null;
  const dir = url.pathname.slice(0, -'.json'.length) + '.rendered/' + (host === 'page' ? 'page/' : '') + lang + '/';
  url.pathname = dir + (station ? 'station/' + station + '.html' : 'index.html');
  url.hash = '';
  return url.href;
}

/** A prerendered root parsed from `html`, or null unless it is one, inert: one `.ssc` element
 *  with `data-ssc-prerendered`, and no script, frame, style or event-handler attribute. */
function parseView(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const roots = doc.body.children;
  if (roots.length !== 1) return null;
  const root = roots[0];
  if (!root.matches('.ssc[data-ssc-prerendered]:not([data-ssc-uid])')) return null;
  if (!inert(root)) return null;
  return document.adoptNode(root);
}

function inert(root) {
  if (root.querySelector('script, iframe, frame, object, embed, style, link, meta, base, form')) return false;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === 'style') return false;
      if ((a.name === 'href' || a.name === 'src') && /^\s*(javascript|vbscript):/i.test(a.value)) return false;
    }
  }
  return true;
}

/** Fits a prerendered root to its element: the theme and display asked for, and ids unique on
 *  the page (a view is rendered with `ssc0-…` ids). */
function prepare(root, options) {
  const theme = THEMES.includes(options.theme) ? options.theme : null;
  if (theme) {
    for (const c of [...root.classList]) if (c.startsWith('ssc--theme-')) root.classList.remove(c);
    root.classList.add('ssc--theme-' + theme);
  }
  if (options.display === 'big') root.classList.add('ssc--big');
  const n = ++renumbered;
  const fix = (v) => v.replaceAll('ssc0-', `sscp${n}-`).replaceAll('ssc-0-', `ssc-p${n}-`);
  for (const el of root.querySelectorAll('[id], [for], [aria-describedby], [aria-labelledby], [aria-controls], a[href^="#"]')) {
    for (const name of ['id', 'for', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'href']) {
      const v = el.getAttribute(name);
      if (v && v.includes('0-')) el.setAttribute(name, fix(v));
    }
  }
  return root;
}

/** Shows the prerendered view for `element` at once: the one the host page put there, else
 *  the conventional file. Resolves to its root, or null (then the plain path is taken). */
export async function showPrerendered(element, options, host = 'embed', fetchView = true) {
  const pasted = element.querySelector(':scope > [data-ssc-prerendered]');
  if (pasted) return inert(pasted) ? prepare(pasted, options) : null;
  const url = fetchView ? prerenderedUrl(options, host) : null;
  if (!url) return null;
  try {
    const [response] = await Promise.all([fetch(url, { credentials: 'same-origin' }), stylesheet()]);
    if (!response.ok || !(response.headers.get('content-type') || '').includes('text/html')) return null;
    const root = parseView(await response.text());
    if (!root || element.querySelector(':scope > .ssc')) return null;
    element.prepend(prepare(root, options));
    return root;
  } catch {
    return null;
  }
}

/** The element at `path` (element-child indices) under `root`. */
function at(root, path) {
  let el = root;
  for (const i of path) el = el?.children[i];
  return el ?? null;
}

function pathOf(root, el) {
  const path = [];
  while (el && el !== root) {
    const parent = el.parentElement;
    if (!parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.children, el));
    el = parent;
  }
  return el === root ? path : null;
}

/** The live element standing where `el` stands in the prerendered view: the same place in the
 *  same markup, else the focusable element with the same position among the focusable ones. */
function equivalent(view, live, el) {
  const path = pathOf(view, el);
  if (!path) return null;
  const same = at(live, path);
  if (same && same.tagName === el.tagName && same.className === el.className) return same;
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const i = [...view.querySelectorAll(focusable)].indexOf(el);
  return i >= 0 ? live.querySelectorAll(focusable)[i] ?? null : null;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Once the live app in `element` has rendered, swaps it in for the prerendered `view` in one
 *  step: the same place on the page, the scroll positions, open boxes and the focus carried
 *  over. A stale view (another `generated_at`) or an error is replaced as soon as it is known. */
export function takeOver(element, view) {
  return new Promise((resolve) => {
    const live = () => element.querySelector(':scope > .ssc[data-ssc-uid]');
    const check = () => {
      const root = live();
      const state = root?.getAttribute('data-ssc-rendered');
      if (!state) return false;
      observer.disconnect();
      const fresh = state === 'data' && root.getAttribute('data-generated-at') === view.getAttribute('data-generated-at');
      settle(root, fresh).then(() => {
        swap(element, view, root);
        resolve(fresh);
      });
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ssc-rendered'] });
    check();
  });
}

/** Waits until the live app's parts loaded on first use (the charts' module) are in and its
 *  charts have their measured size: the view it replaces already shows them, so swapping
 *  earlier would shorten the page and move it. A part that takes longer than ~10 s (a very
 *  slow network) is not waited for. */
async function settle(root, fresh) {
  if (!fresh) return;
  for (let i = 0; i < 600; i++) {
    await nextFrame();
    if (root.querySelector('.ssc__loading--part')) continue;
    const canvases = [...root.querySelectorAll('canvas.ssc__chart-canvas')];
    if (canvases.every((c) => c.style.height)) return;
  }
}

function swap(element, view, live) {
  if (!view.isConnected) {
    element.removeAttribute('data-ssc-takeover');
    return;
  }
  const [x, y] = [window.scrollX, window.scrollY];
  const focused = view.contains(document.activeElement) ? document.activeElement : null;
  const target = focused && equivalent(view, live, focused);
  const carried = [];
  for (const el of view.querySelectorAll('*')) {
    if (el.scrollLeft || el.scrollTop || (el.tagName === 'DETAILS' && el.open)) {
      const twin = equivalent(view, live, el) ?? at(live, pathOf(view, el) || []);
      if (twin && twin !== live) carried.push([el, twin]);
    }
  }
  element.removeAttribute('data-ssc-takeover');
  view.remove();
  for (const [from, to] of carried) {
    if (from.tagName === 'DETAILS' && to.tagName === 'DETAILS') to.open = from.open;
    to.scrollLeft = from.scrollLeft;
    to.scrollTop = from.scrollTop;
  }
  if (target) target.focus({ preventScroll: true });
  if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
}

// ---------------------------------------------------------------- mounting

// Mounted instances, by element. Holding them here matters: a WebAssembly instance whose
// JavaScript wrapper is garbage-collected is freed, and freeing unmounts it.
const live = new Map();

/** Mounts a dashboard into `element` (replacing one already there); resolves to a handle with
 *  update(options) and unmount(). A prerendered view already in the element (pasted by the
 *  host page, or shown by `mountAll`: `shown`) is taken over in place. */
export async function mount(element, options = {}, shown = undefined) {
  // Called directly (not by mountAll): only a view already in the element is taken over.
  const view = await viewFirst(shown ?? (live.has(element) ? Promise.resolve(null) : showPrerendered(element, withDefaults(options), 'embed', false)));
  await start();
  live.get(element)?.unmount();
  let current = { ...options };
  if (view?.isConnected) element.setAttribute('data-ssc-takeover', '');
  const instance = glue.mount(element, withDefaults(current));
  if (view?.isConnected) takeOver(element, view);
  else for (const late of element.querySelectorAll(':scope > [data-ssc-prerendered]')) late.remove();
  const handle = {
    update(next) {
      current = { ...current, ...next };
      instance.update(withDefaults(current));
    },
    unmount() {
      if (live.get(element) !== handle) return;
      live.delete(element);
      instance.unmount();
      instance.free();
      element.removeAttribute('data-ssc-takeover');
    },
  };
  live.set(element, handle);
  return handle;
}

/** Diagnostics: the number of mounted dashboards, the size of the WebAssembly memory in bytes
 *  (it grows in 64 KiB pages and never shrinks) and the bytes allocated in it and not yet
 *  freed (what the tests use to find leaks). */
export async function memoryStats() {
  const wasm = await start();
  return { instances: live.size, wasmMemoryBytes: wasm.memory.buffer.byteLength, liveHeapBytes: glue.liveHeapBytes() };
}

/** The handle of the dashboard mounted in `element`, if any. */
export function instanceOf(element) {
  return live.get(element);
}

/** Mounts every `[data-station-scorecards]` element not mounted yet: their prerendered views
 *  are asked for all at once, and shown if they come before the WebAssembly. */
export async function mountAll(root = document) {
  const els = [...root.querySelectorAll('[data-station-scorecards]:not([data-ssc-mounted])')];
  if (els.length === 0) return [];
  for (const el of els) el.setAttribute('data-ssc-mounted', '');
  const shown = els.map((el) => showPrerendered(el, withDefaults(optionsOf(el))));
  const out = [];
  for (const [i, el] of els.entries()) {
    try {
      out.push(await mount(el, optionsOf(el), shown[i]));
    } catch (err) {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'ssc-boot-error';
      p.textContent = '看板无法启动 / The dashboard could not start: ' + String(err);
      // A prerendered view stays readable; the notice goes after it.
      const view = await shown[i];
      el.removeAttribute('data-ssc-takeover');
      if (view?.isConnected) view.after(p);
      else el.replaceChildren(p);
    }
  }
  return out;
}

mountAll();
