// Portal scenario: waits (asynchronously, through WebDriver) until the observer says done or
// `timeoutMs` passes, then returns what it recorded with the Resource Timing entries.
// Called as `(this function)(timeoutMs, done)`.
(function (timeoutMs, done) {
  const started = Date.now();
  const collect = () => {
    const b = window.__benchPortal || {};
    const nav = performance.getEntriesByType('navigation')[0];
    const entry = (e) => ({ name: e.name, type: e.initiatorType || 'navigation', transfer: e.transferSize,
      encoded: e.encodedBodySize, decoded: e.decodedBodySize, start: e.startTime, end: e.responseEnd });
    done({
      first: b.first, firstFound: b.firstFound ?? null, firstIn: b.firstIn ?? null,
      live: b.live, liveFound: b.liveFound ?? null,
      cls: b.cls ?? null, shifts: b.shifts ?? null, clsError: b.clsError ?? null,
      wasm: b.wasm || [], error: b.error ?? null, done: !!b.done,
      nav: nav ? entry(nav) : null,
      res: performance.getEntriesByType('resource').map(entry),
      url: location.href,
    });
  };
  const poll = () => {
    const b = window.__benchPortal;
    if ((b && b.done) || Date.now() - started > timeoutMs) collect();
    else setTimeout(poll, 200);
  };
  poll();
})
