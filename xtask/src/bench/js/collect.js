// National scenario: what one page load measured (the observer's record, Resource Timing,
// User Timing of the parse, memory). Run through WebDriver once the page shows its content.
(function () {
  const b = window.__bench || {};
  const d = (n) => performance.getEntriesByName(n).map((e) => e.duration);
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map((e) => ({
    name: e.name, type: e.initiatorType, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
  }));
  const wasm = (b.wasm || []).reduce((s, m) => s + m.buffer.byteLength, 0);
  return {
    found: b.found ?? null, visible: b.visible ?? null, error: b.error ?? null, errorAt: b.errorAt ?? null,
    url: location.href,
    nav: nav ? { name: nav.name, transfer: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize } : null,
    res, wasm, wasmCount: (b.wasm || []).length,
    parse: { app: d('ssc:parse'), decode: d('ref:decode'), json: d('ref:parse'), validate: d('ref:validate') },
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
  };
})
