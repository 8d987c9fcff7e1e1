// For host pages that embed the dashboard in an iframe:
//   <iframe data-station-scorecards-frame src="https://…/?station=meijiang&embed=1" title="…"></iframe>
//   <script type="module" src="https://…/iframe-host.js"></script>
// Sizes each such frame to the height its content reports.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'station-scorecards:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-station-scorecards-frame]')) {
    if (frame.contentWindow === event.source) {
      frame.height = String(Math.min(Math.max(Math.round(data.height), 100), 20000));
      frame.dispatchEvent(new CustomEvent('station-scorecards:resized', { detail: data.height }));
    }
  }
});
