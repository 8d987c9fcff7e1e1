// National scenario: times one interaction. The event, then every task and microtask it
// queued (a message round trip), then a forced style + layout. Called through WebDriver's
// asynchronous execute as `(this function)(action, sel, value, rowsSel, done)`.
(function (action, sel, value, rowsSel, done) {
  const el = document.querySelector(sel);
  if (!el) { done({ error: 'no element matches ' + sel }); return; }
  const settle = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
  (async () => {
    await settle();
    const t0 = performance.now();
    if (action === 'input') { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); }
    else if (action === 'select') { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); }
    else if (action === 'click') { el.click(); }
    else if (action === 'key') { el.dispatchEvent(new KeyboardEvent('keydown', { key: value, bubbles: true, cancelable: true })); }
    await settle();
    const script = performance.now() - t0;
    void document.body.offsetHeight;
    const ms = performance.now() - t0;
    done({ ms, script, rows: rowsSel ? document.querySelectorAll(rowsSel).length : null });
  })().catch((e) => done({ error: String(e) }));
})
