// National scenario: times one interaction. The event, then every task and microtask it
// queued (a message round trip), then a forced style + layout. Called through WebDriver's
// asynchronous execute as `(this function)(action, sel, value, rowsSel, pause, done)`.
// `pause` (ms, for `input`): the page searches that long after the last keystroke; the
// timer is waited for and its pause taken off the time (any lateness of the timer counts).
(function (action, sel, value, rowsSel, pause, done) {
  if (typeof pause === 'function') { done = pause; pause = 0; }
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
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    await settle();
    const script = performance.now() - t0 - pause;
    void document.body.offsetHeight;
    const ms = performance.now() - t0 - pause;
    done({ ms, script, rows: rowsSel ? document.querySelectorAll(rowsSel).length : null });
  })().catch((e) => done({ error: String(e) }));
})
