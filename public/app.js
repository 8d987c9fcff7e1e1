// Loader for the standalone page: an external module, so that a strict
// Content-Security-Policy (no inline script) allows it.
import init, { mount_standalone } from './pkg/station_scorecards.js';

const root = document.getElementById('station-scorecards');
const embedded = new URLSearchParams(location.search).get('embed') === '1';

if (embedded) {
  // Inside an iframe: no page chrome, and tell the host page how tall the content is so it
  // can size the frame (see iframe-host.js).
  document.documentElement.classList.add('ssc-embed');
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last && window.parent !== window) {
      last = height;
      window.parent.postMessage({ type: 'station-scorecards:height', height, href: location.href }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener('load', report);
}

try {
  await init();
  mount_standalone(root);
} catch (err) {
  // The WebAssembly could not start (old browser, blocked by policy, file missing):
  // say so in both languages instead of leaving a blank page.
  const box = document.createElement('p');
  box.className = 'ssc-boot-error';
  box.setAttribute('role', 'alert');
  box.textContent = '看板无法启动，请使用较新的浏览器或稍后重试。The dashboard could not start: use a recent browser or try again later. (' + String(err) + ')';
  root.replaceChildren(box);
}
