// National scenario: whether the observer has seen what it waits for (or the page's error).
(function () {
  const b = window.__bench;
  return !!b && (b.visible != null || b.error != null);
})
