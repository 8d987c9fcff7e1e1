// station-scorecards embed loader.
//
//   <script type="module" src="https://portal.example/scorecards/embed.js"></script>
//   <div data-station-scorecards data-station="meijiang" data-lang="zh"></div>
//
// Every element with `data-station-scorecards` becomes an independent dashboard. Options come
// from its data attributes: data-src, data-station, data-lang, data-view, data-theme,
// data-display. For programmatic use: `import { mount } from '.../embed.js'`; `mount(element,
// options)` returns an instance with `update(options)` and `unmount()`.
//
// Everything is loaded from next to this file (the WebAssembly, the stylesheet, the default
// data), so a strict Content-Security-Policy only needs this origin in script-src, style-src
// and connect-src, plus 'wasm-unsafe-eval'.
import init, { mount as mountWasm, liveHeapBytes } from './pkg/station_scorecards.js';

const here = new URL('.', import.meta.url);
const STYLE_ID = 'station-scorecards-style';

function ensureStylesheet() {
  if (document.getElementById(STYLE_ID)) return;
  const link = document.createElement('link');
  link.id = STYLE_ID;
  link.rel = 'stylesheet';
  link.href = new URL('style/main.css', here).href;
  document.head.append(link);
}

let ready = null;
function start() {
  ensureStylesheet();
  ready ??= init({ module_or_path: new URL('pkg/station_scorecards_bg.wasm', here) });
  return ready;
}

function withDefaults(options = {}) {
  const o = { ...options };
  o.src = o.src ? new URL(o.src, document.baseURI).href : new URL('data/seeds.json', here).href;
  return o;
}

function optionsOf(el) {
  const d = el.dataset;
  return { src: d.src, station: d.station, lang: d.lang, view: d.view, compare: d.compare, history: d.history, theme: d.theme, display: d.display };
}

// Mounted instances, by element. Holding them here matters: a WebAssembly instance whose
// JavaScript wrapper is garbage-collected is freed, and freeing unmounts it.
const live = new Map();

/** Mounts a dashboard into `element` (replacing one already there); resolves to a handle with
 *  update(options) and unmount(). */
export async function mount(element, options = {}) {
  await start();
  live.get(element)?.unmount();
  let current = { ...options };
  const instance = mountWasm(element, withDefaults(current));
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
  return { instances: live.size, wasmMemoryBytes: wasm.memory.buffer.byteLength, liveHeapBytes: liveHeapBytes() };
}

/** The handle of the dashboard mounted in `element`, if any. */
export function instanceOf(element) {
  return live.get(element);
}

/** Mounts every `[data-station-scorecards]` element not mounted yet. */
export async function mountAll(root = document) {
  const els = [...root.querySelectorAll('[data-station-scorecards]:not([data-ssc-mounted])')];
  if (els.length === 0) return [];
  const out = [];
  for (const el of els) {
    el.setAttribute('data-ssc-mounted', '');
    try {
      out.push(await mount(el, optionsOf(el)));
    } catch (err) {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = '看板无法启动 / The dashboard could not start: ' + String(err);
      el.replaceChildren(p);
    }
  }
  return out;
}

mountAll();
