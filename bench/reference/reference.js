// Plain-JavaScript reference for `cargo xtask bench` (see docs/benchmark.md).
//
// No framework and no build step: it fetches the same data file as the dashboard
// (`?src=`), decodes it, JSON.parse's it, checks the types of every field it uses, and
// renders either the directory table (station, region and the headline figure of four
// families; with search, province filter and sortable columns) or, with `?station=`, the
// station's figures and one monthly series drawn on a canvas with the 2D API.
//
// Written as a good engineer would write the page without a framework, so that beating it
// means something: it accepts every file the dashboard accepts (periods with a start only,
// stations whose figures are in a detail file), and a table of more than WINDOW_FROM rows
// draws only the rows in view plus a margin, with a spacer row above and below standing for
// the others (rows have one height, set by the CSS and measured) — the same technique as the
// dashboard's long tables (src/components/virtual_rows.rs).
//
// Measurement hooks: `window.__ref` ({ state, bytes, decodeMs, parseMs, validateMs, error })
// and the User Timing entries `ref:decode`, `ref:parse` and `ref:validate`.
'use strict';

(function () {
  const FAMILIES = ['incidents', 'mediation', 'group_coverage', 'fraud'];
  const FAMILY_NAMES = {
    en: { incidents: 'Incidents', mediation: 'Dispute mediation', group_coverage: 'Community groups', fraud: 'Telecom fraud' },
    zh: { incidents: '警情', mediation: '矛盾纠纷调解', group_coverage: '群防群治', fraud: '电信网络诈骗' },
  };
  const UNITS = new Set(['count', 'people', 'person_times', 'percent', 'percentage_points', 'yuan']);
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  // Tables longer than this are drawn a window at a time; OVERSCAN rows above and below it.
  const WINDOW_FROM = 60;
  const OVERSCAN = 8;

  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'zh' ? 'zh' : 'en';
  const root = document.getElementById('ref');
  const hook = (window.__ref = { state: 'loading' });
  const number = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });

  const pick = (t) => (t ? (lang === 'en' && t.en) || t.zh : '');
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function fail(message) {
    hook.state = 'error';
    hook.error = message;
    const p = el('p', 'ref-error', message);
    p.setAttribute('role', 'alert');
    root.replaceChildren(p);
  }

  // ---- Validation: the types of every field this page uses, like the app's `parse` ----

  function check(ok, path, what) {
    if (!ok) throw new Error(path + ': expected ' + what);
  }
  const isText = (t) => t !== null && typeof t === 'object' && typeof t.zh === 'string' && (t.en === undefined || typeof t.en === 'string');

  function validate(doc) {
    check(doc !== null && typeof doc === 'object', '$', 'an object');
    check(doc.schema_version === 1, '$.schema_version', '1');
    check(Array.isArray(doc.sources), '$.sources', 'an array');
    check(Array.isArray(doc.metrics), '$.metrics', 'an array');
    check(Array.isArray(doc.stations), '$.stations', 'an array');
    const sources = new Map();
    doc.sources.forEach((s, i) => {
      check(typeof s.id === 'string' && isText(s.title), '$.sources[' + i + ']', 'an id and a title');
      sources.set(s.id, s);
    });
    const metrics = new Map();
    doc.metrics.forEach((m, i) => {
      const p = '$.metrics[' + i + ']';
      check(typeof m.id === 'string' && isText(m.label), p, 'an id and a label');
      check(UNITS.has(m.unit) && typeof m.family === 'string', p, 'a unit and a family');
      metrics.set(m.id, m);
    });
    const ids = new Set();
    doc.stations.forEach((st, i) => {
      const p = '$.stations[' + i + ']';
      check(typeof st.id === 'string' && !ids.has(st.id), p + '.id', 'a unique string');
      ids.add(st.id);
      check(isText(st.name), p + '.name', 'a text');
      check(st.region && isText(st.region.province), p + '.region.province', 'a text');
      check(st.region.city === undefined || isText(st.region.city), p + '.region.city', 'a text');
      check(st.region.district === undefined || isText(st.region.district), p + '.region.district', 'a text');
      // A station of the index + detail layout lists its figures in its detail file.
      if (st.figures === undefined) st.figures = [];
      check(Array.isArray(st.figures), p + '.figures', 'an array');
      st.figures.forEach((f, j) => {
        const q = p + '.figures[' + j + ']';
        check(metrics.has(f.metric), q + '.metric', 'a known metric');
        check(typeof f.value === 'number' && Number.isFinite(f.value), q + '.value', 'a number');
        check(UNITS.has(f.unit), q + '.unit', 'a unit');
        check(sources.has(f.source), q + '.source', 'a known source');
        check(
          f.period === undefined ||
            (f.period !== null && typeof f.period === 'object' && ['start', 'end'].every((k) => f.period[k] === undefined || typeof f.period[k] === 'string')),
          q + '.period',
          'a period'
        );
      });
      const series = st.series || [];
      check(Array.isArray(series), p + '.series', 'an array');
      series.forEach((s, j) => {
        const q = p + '.series[' + j + ']';
        check(metrics.has(s.metric) && MONTH.test(s.start), q, 'a known metric and a start month');
        check(Array.isArray(s.values), q + '.values', 'an array');
        for (const v of s.values) check(v === null || (typeof v === 'number' && Number.isFinite(v)), q + '.values', 'numbers or null');
      });
    });
    return { doc, sources, metrics };
  }

  // ---- Formatting ----

  function value(f) {
    const v = f.baseline ? Math.abs(f.value) : f.value;
    let s = number.format(v);
    if (f.unit === 'percent') s += '%';
    else if (f.unit === 'yuan') s += lang === 'zh' ? '元' : ' yuan';
    if (f.baseline) s = (f.value < 0 ? (lang === 'zh' ? '下降' : 'down ') : lang === 'zh' ? '上升' : 'up ') + s;
    return s;
  }
  function period(f) {
    const p = f.period || {};
    let s;
    if (p.start && p.end) s = p.start === p.end ? p.end : p.start + '–' + p.end;
    else if (p.start) s = (lang === 'zh' ? '自' : 'since ') + p.start;
    else if (p.end) s = (lang === 'zh' ? '截至' : 'to ') + p.end;
    else s = lang === 'zh' ? '时期未说明' : 'period not stated';
    if (f.baseline && f.baseline.kind === 'year_on_year') s += lang === 'zh' ? ' 同比' : ', year-on-year';
    return s;
  }
  function region(st) {
    const parts = [st.region.province, st.region.city, st.region.district].filter(Boolean).map(pick);
    return lang === 'zh' ? parts.join(' ') : parts.reverse().join(', ');
  }

  // ---- Directory: search, province filter, sort ----

  function directory(ds) {
    const rows = ds.doc.stations.map((st) => {
      const cells = FAMILIES.map((fam) => st.figures.find((f) => ds.metrics.get(f.metric).family === fam));
      const name = pick(st.name);
      return { st, name, nameLower: name.toLowerCase(), idLower: st.id.toLowerCase(), zh: st.name.zh, region: region(st), cells };
    });
    const state = { q: '', province: '', sort: 'none', desc: false };
    const section = el('section', 'ref-directory');
    section.setAttribute('aria-label', 'Directory');
    section.append(el('h1', 'ref-heading', lang === 'zh' ? '派出所名录（参照页）' : 'Station directory (reference page)'));

    const controls = el('div', 'ref-controls');
    const searchLabel = el('label', '', lang === 'zh' ? '搜索' : 'Search');
    const search = el('input', 'ref-input');
    search.type = 'search';
    search.id = 'ref-search';
    searchLabel.htmlFor = 'ref-search';
    const provLabel = el('label', '', lang === 'zh' ? '省份' : 'Province');
    const province = el('select', 'ref-input');
    province.id = 'ref-province';
    provLabel.htmlFor = 'ref-province';
    province.append(el('option', '', lang === 'zh' ? '全部' : 'All'));
    province.firstChild.value = '';
    const seen = new Map();
    for (const r of rows) if (!seen.has(r.st.region.province.zh)) seen.set(r.st.region.province.zh, pick(r.st.region.province));
    for (const [zh, label] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const o = el('option', '', label);
      o.value = zh;
      province.append(o);
    }
    controls.append(searchLabel, search, provLabel, province);
    section.append(controls);

    const status = el('p', 'ref-muted');
    status.setAttribute('role', 'status');
    section.append(status);
    const wrap = el('div', 'ref-table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', 'Directory');
    const table = el('table', 'ref-table');
    const head = el('tr');
    const headers = [['name', lang === 'zh' ? '派出所' : 'Station'], ['region', lang === 'zh' ? '地区' : 'Region']].concat(
      FAMILIES.map((f) => [f, FAMILY_NAMES[lang][f]])
    );
    for (const [key, label] of headers) {
      const th = el('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', 'none');
      const b = el('button', 'ref-sort', label);
      b.type = 'button';
      b.dataset.sort = key;
      th.append(b);
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    let tbody = el('tbody');
    table.append(thead, tbody);
    wrap.append(table);
    section.append(wrap);

    const keyOf = (key) => {
      if (key === 'name') return (r) => r.name;
      if (key === 'region') return (r) => r.region;
      const i = FAMILIES.indexOf(key);
      return (r) => (r.cells[i] ? r.cells[i].value : -Infinity);
    };

    let shown = [];
    let drawn = null; // [first, last) of the rows in the DOM, null when none
    let rowHeight = 0; // measured from the drawn rows

    function rowElement(r) {
      const tr = el('tr');
      tr.dataset.station = r.st.id;
      const th = el('th');
      th.scope = 'row';
      const a = el('a', '', r.name);
      a.href = '?src=' + encodeURIComponent(params.get('src')) + '&station=' + encodeURIComponent(r.st.id) + '&lang=' + lang;
      th.append(a);
      tr.append(th, el('td', '', r.region));
      for (const f of r.cells) {
        const td = el('td');
        if (f) {
          td.append(el('span', 'ref-cell-label', pick(ds.metrics.get(f.metric).label)), el('strong', 'ref-cell-value', value(f)), el('span', 'ref-cell-context', period(f)));
        } else {
          td.append(el('span', 'ref-na', lang === 'zh' ? '未报告' : 'not reported'));
        }
        tr.append(td);
      }
      return tr;
    }

    function spacer(height, cls) {
      const tr = el('tr', 'ref-spacer ' + cls);
      tr.setAttribute('aria-hidden', 'true');
      const td = el('td');
      td.colSpan = headers.length;
      td.style.height = height + 'px';
      tr.append(td);
      return tr;
    }

    // Draws the rows in view (all of them for a short table); `force` after the rows changed.
    function drawRows(force) {
      const total = shown.length;
      const windowed = total > WINDOW_FROM;
      wrap.classList.toggle('ref-table-wrap--windowed', windowed);
      let first = 0;
      let last = total;
      if (windowed) {
        const h = rowHeight || 48;
        const top = Math.max(0, wrap.scrollTop - thead.offsetHeight);
        first = Math.max(0, Math.floor(top / h) - OVERSCAN);
        last = Math.min(total, Math.ceil((top + (wrap.clientHeight || 600)) / h) + OVERSCAN);
      }
      if (!force && drawn && drawn[0] === first && drawn[1] === last) return;
      drawn = [first, last];
      const body = el('tbody');
      const h = rowHeight || 48;
      if (windowed) body.append(spacer(first * h, 'ref-spacer--top'));
      for (let i = first; i < last; i++) body.append(rowElement(shown[i]));
      if (windowed) body.append(spacer((total - last) * h, 'ref-spacer--bottom'));
      tbody.replaceWith(body);
      tbody = body;
      if (windowed && last > first && !rowHeight) {
        // One height for every row (the CSS keeps each on one line): measure it once, then
        // place the window again with the measured height.
        rowHeight = body.children[1].getBoundingClientRect().height || 48;
        drawRows(true);
      }
    }

    let frame = 0;
    wrap.addEventListener(
      'scroll',
      () => {
        if (!frame) frame = requestAnimationFrame(() => { frame = 0; drawRows(false); });
      },
      { passive: true }
    );

    function render() {
      const q = state.q.trim();
      const ql = q.toLowerCase();
      shown = rows.filter(
        (r) =>
          (!state.province || r.st.region.province.zh === state.province) &&
          (!q || r.idLower.includes(ql) || r.zh.includes(q) || r.nameLower.includes(ql))
      );
      if (state.sort !== 'none') {
        const k = keyOf(state.sort);
        const cmp = state.sort === 'name' || state.sort === 'region' ? (a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0) : (a, b) => k(a) - k(b);
        shown.sort(cmp);
        if (state.desc) shown.reverse();
      }
      // A new result starts at its top.
      wrap.scrollTop = 0;
      drawRows(true);
      status.textContent = shown.length + (lang === 'zh' ? ' 个派出所' : ' stations');
      for (const th of head.children) {
        const key = th.firstChild.dataset.sort;
        th.setAttribute('aria-sort', key === state.sort ? (state.desc ? 'descending' : 'ascending') : 'none');
      }
    }

    search.addEventListener('input', () => {
      state.q = search.value;
      render();
    });
    province.addEventListener('change', () => {
      state.province = province.value;
      render();
    });
    head.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-sort]');
      if (!b) return;
      const key = b.dataset.sort;
      state.desc = state.sort === key && !state.desc;
      state.sort = key;
      render();
    });
    // In the page first, so that the window can be measured.
    root.replaceChildren(section);
    render();
  }

  // ---- Scorecard: the station's figures and one monthly series on a canvas ----

  function scorecard(ds, id) {
    const st = ds.doc.stations.find((s) => s.id === id);
    if (!st) return fail('No station ' + id);
    const art = el('article', 'ref-scorecard');
    art.dataset.station = st.id;
    art.append(el('h1', 'ref-heading', pick(st.name)), el('p', 'ref-muted', region(st)));
    const wrap = el('div', 'ref-table-wrap');
    const table = el('table', 'ref-table ref-figures');
    const head = el('tr');
    for (const h of lang === 'zh' ? ['指标', '数值', '时期', '来源'] : ['Metric', 'Value', 'Period', 'Source']) {
      const th = el('th', '', h);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const f of st.figures) {
      const tr = el('tr');
      const th = el('th', '', pick(ds.metrics.get(f.metric).label));
      th.scope = 'row';
      tr.append(th, el('td', '', value(f)), el('td', '', period(f)), el('td', '', pick(ds.sources.get(f.source).title)));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    wrap.append(table);
    art.append(wrap);
    const series = (st.series || [])[0];
    root.replaceChildren(art);
    if (series) art.append(chart(series, ds.metrics.get(series.metric)));
  }

  function chart(series, metric) {
    const fig = el('figure', 'ref-chart');
    fig.append(el('figcaption', 'ref-chart-title', pick(metric.label)));
    const box = el('div', 'ref-chart-box');
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-roledescription', 'chart');
    box.setAttribute('aria-label', pick(metric.label));
    const canvas = el('canvas', 'ref-chart-canvas');
    canvas.setAttribute('aria-hidden', 'true');
    box.append(canvas);
    const readout = el('p', 'ref-muted', lang === 'zh' ? '方向键逐月查看' : 'Arrow keys step through the months');
    readout.setAttribute('aria-live', 'polite');
    fig.append(box, readout);

    const [y0, m0] = series.start.split('-').map(Number);
    const points = [];
    series.values.forEach((v, i) => {
      if (v !== null) points.push({ i, v, label: y0 + Math.floor((m0 - 1 + i) / 12) + '-' + String(((m0 - 1 + i) % 12) + 1).padStart(2, '0') });
    });
    let selected = null;

    function draw() {
      const ratio = window.devicePixelRatio || 1;
      const w = box.clientWidth || 600;
      const h = Math.round(Math.min(320, Math.max(200, w * 0.42)));
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.height = h + 'px';
      const ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.font = '12px sans-serif';
      const left = 48, right = w - 12, top = 12, bottom = h - 28;
      let max = 0;
      for (const p of points) max = Math.max(max, p.v);
      max = max > 0 ? max * 1.1 : 1;
      const n = Math.max(1, series.values.length - 1);
      const x = (i) => left + ((right - left) * i) / n;
      const y = (v) => bottom - ((bottom - top) * v) / max;
      ctx.strokeStyle = '#d0d4d9';
      ctx.fillStyle = '#444';
      ctx.lineWidth = 1;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (let k = 0; k <= 4; k++) {
        const v = (max * k) / 4;
        ctx.beginPath();
        ctx.moveTo(left, Math.round(y(v)) + 0.5);
        ctx.lineTo(right, Math.round(y(v)) + 0.5);
        ctx.stroke();
        ctx.fillText(number.format(Math.round(v)), left - 6, y(v));
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const p of points) if (p.i % 6 === 0) ctx.fillText(p.label, x(p.i), bottom + 8);
      // The previous year's monthly mean as a dashed baseline, when there are 24 months.
      if (series.values.length >= 24) {
        const prev = series.values.slice(-24, -12).filter((v) => v !== null);
        if (prev.length === 12) {
          const mean = prev.reduce((a, b) => a + b, 0) / 12;
          ctx.setLineDash([4, 4]);
          ctx.strokeStyle = '#8a6d00';
          ctx.beginPath();
          ctx.moveTo(left, y(mean));
          ctx.lineTo(right, y(mean));
          ctx.stroke();
          ctx.setLineDash([]);
        }
      }
      ctx.strokeStyle = '#1f5fa8';
      ctx.lineWidth = 2;
      ctx.beginPath();
      let last = -2;
      for (const p of points) {
        if (p.i === last + 1) ctx.lineTo(x(p.i), y(p.v));
        else ctx.moveTo(x(p.i), y(p.v));
        last = p.i;
      }
      ctx.stroke();
      ctx.fillStyle = '#1f5fa8';
      for (const p of points) {
        ctx.beginPath();
        ctx.arc(x(p.i), y(p.v), 3, 0, Math.PI * 2);
        ctx.fill();
      }
      if (selected !== null) {
        const p = points[selected];
        ctx.strokeStyle = '#111';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(Math.round(x(p.i)) + 0.5, top);
        ctx.lineTo(Math.round(x(p.i)) + 0.5, bottom);
        ctx.stroke();
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.arc(x(p.i), y(p.v), 6, 0, Math.PI * 2);
        ctx.stroke();
        readout.textContent = p.label + ': ' + number.format(p.v);
      }
    }

    box.addEventListener('keydown', (ev) => {
      const last = points.length - 1;
      let next = selected;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = selected === null ? 0 : Math.min(last, selected + 1);
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = selected === null ? last : Math.max(0, selected - 1);
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = last;
      else return;
      ev.preventDefault();
      selected = next;
      draw();
    });
    new ResizeObserver(() => draw()).observe(box);
    return fig;
  }

  // ---- Load ----

  async function main() {
    const src = params.get('src');
    if (!src || !src.startsWith('/') || src.startsWith('//')) return fail('?src= must be a path on this site');
    let buf;
    try {
      const resp = await fetch(src);
      if (!resp.ok) return fail(src + ': HTTP ' + resp.status);
      buf = await resp.arrayBuffer();
    } catch (e) {
      return fail(src + ': ' + e);
    }
    let ds;
    try {
      const t0 = performance.now();
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      const t1 = performance.now();
      const doc = JSON.parse(text);
      const t2 = performance.now();
      ds = validate(doc);
      const t3 = performance.now();
      performance.measure('ref:decode', { start: t0, end: t1 });
      performance.measure('ref:parse', { start: t1, end: t2 });
      performance.measure('ref:validate', { start: t2, end: t3 });
      Object.assign(hook, { bytes: buf.byteLength, decodeMs: t1 - t0, parseMs: t2 - t1, validateMs: t3 - t2 });
    } catch (e) {
      return fail(src + ': ' + e.message);
    }
    // Kept for the page's lifetime, as the app keeps its data set (memory compares like with like).
    hook.dataset = ds;
    const station = params.get('station');
    if (station) scorecard(ds, station);
    else directory(ds);
    hook.state = 'ready';
  }

  main();
})();
