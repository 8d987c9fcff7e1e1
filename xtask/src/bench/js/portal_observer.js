// Portal scenario: runs before the page's own scripts (CDP Page.addScriptToEvaluateOnNewDocument).
// Called as `(this function)(opts)` with opts = { live: bool, error: selector, settleMs }.
//
// Records, in ms since navigation start (performance.now()):
// - first: the first `.ssc__value` element with non-empty text that is displayed
//   (checkVisibility), taken at the next animation frame (the frame that paints it);
// - live: an element with `data-ssc-uid` (the live app's root) contains a `.ssc__value` and no
//   `[data-ssc-prerendered]` element remains (the live app has taken over); same frame rule;
// - cls: layout shifts summed through the whole load (without those after recent input);
// - wasm: the URL of every WebAssembly module the page compiles or instantiates, in order
//   (the first is the main module, the one the entry glue instantiates);
// - error: the page's error text, when it shows one instead of a figure.
// `done` is set `settleMs` after the last awaited moment, so late shifts are counted.
(function (opts) {
  const b = (window.__benchPortal = { first: null, live: null, cls: 0, shifts: 0, wasm: [], error: null, done: false });
  const urlOf = (src) => {
    try {
      if (src && typeof src.url === 'string') return src.url;
    } catch (e) {}
    return null;
  };
  const note = (src) => {
    if (src && typeof src.then === 'function') {
      src.then((r) => { const u = urlOf(r); if (u) b.wasm.push(u); }, () => {});
    } else {
      b.wasm.push(urlOf(src) || '(bytes)');
    }
  };
  for (const name of ['instantiateStreaming', 'compileStreaming', 'instantiate', 'compile']) {
    const orig = WebAssembly[name];
    if (!orig) continue;
    WebAssembly[name] = function (src, ...rest) {
      // instantiate(module) of an already compiled module is not a new download.
      if (!(src instanceof WebAssembly.Module)) note(src);
      return orig.call(this, src, ...rest);
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) { b.cls += e.value; b.shifts += 1; }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { b.clsError = String(e); }

  const shown = (e) => (e.textContent || '').trim() !== '' &&
    (e.checkVisibility ? e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : e.getClientRects().length > 0);
  const atFrame = (set) => requestAnimationFrame(() => set(performance.now()));
  let finishing = false;
  const maybeDone = () => {
    if (finishing) return;
    const waited = b.error != null || (b.first != null && (!opts.live || b.live != null));
    if (!waited) return;
    finishing = true;
    setTimeout(() => { b.done = true; }, opts.settleMs);
  };
  let firstSeen = false, liveSeen = false;
  const check = () => {
    if (!firstSeen) {
      for (const e of document.querySelectorAll('.ssc__value')) {
        if (!shown(e)) continue;
        firstSeen = true;
        b.firstFound = performance.now();
        b.firstIn = e.closest('[data-ssc-prerendered]') ? 'prerendered' : e.closest('[data-ssc-uid]') ? 'live' : 'page';
        atFrame((t) => { b.first = t; maybeDone(); });
        break;
      }
    }
    if (opts.live && !liveSeen) {
      const live = [...document.querySelectorAll('[data-ssc-uid]')].some((r) => r.querySelector('.ssc__value'));
      if (live && !document.querySelector('[data-ssc-prerendered]')) {
        liveSeen = true;
        b.liveFound = performance.now();
        atFrame((t) => { b.live = t; maybeDone(); });
      }
    }
    if (!firstSeen && b.error == null) {
      const e = document.querySelector(opts.error);
      if (e) {
        b.error = (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
        b.errorAt = performance.now();
        maybeDone();
      }
    }
    if (firstSeen && (!opts.live || liveSeen)) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
  document.addEventListener('DOMContentLoaded', check);
})
