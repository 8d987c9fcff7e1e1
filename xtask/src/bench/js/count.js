// How many elements match a selector. Called as `(this function)(selector)`.
(function (sel) {
  return document.querySelectorAll(sel).length;
})
