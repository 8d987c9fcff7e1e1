// National scenario: runs before the page's own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument). Records when `sel` (or the error selector `errSel`)
// first matches, and keeps the WebAssembly memories the page instantiates (so no hook in the
// app is needed for memory). Called as `(this function)(sel, errSel)`.
(function (sel, errSel) {
  const b = (window.__bench = { wasm: [] });
  const keep = (r) => {
    try {
      const inst = r && r.instance ? r.instance : r;
      if (inst && inst.exports) {
        for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) b.wasm.push(v);
      }
    } catch (e) {}
    return r;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const orig = WebAssembly[name];
    if (orig) WebAssembly[name] = function (...a) { return orig.apply(this, a).then(keep); };
  }
  let obs;
  const check = () => {
    if (b.found || b.error) return;
    if (document.querySelector(sel)) {
      b.found = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { b.visible = performance.now(); }, 0));
    } else if (document.querySelector(errSel)) {
      const e = document.querySelector(errSel);
      b.error = (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
      b.errorAt = performance.now();
      obs.disconnect();
    }
  };
  obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})
