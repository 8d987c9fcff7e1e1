// Makes the first request for the comparison's module go through the fault proxy's
// reset-once fault (the proxy closes the connection), so the page sees the module fail to
// load once. Used by tests/hardening.rs.
const realFetch = window.fetch;
window.__chunkFaults = 0;
window.fetch = function (input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (url.pathname.endsWith('/split_compare.wasm') && window.__chunkFaults === 0) {
    window.__chunkFaults += 1;
    url.pathname = '/_fault/reset-once' + url.pathname;
    url.search = '?t=chunk';
    return realFetch.call(this, url.href, init);
  }
  return realFetch.call(this, input, init);
};
return 0;
