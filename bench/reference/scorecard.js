// Plain-JavaScript reference scorecard for `cargo xtask bench`'s portal scenario
// (docs/benchmark.md): what a good engineer would write without a framework.
//
// It fetches the same data file as the dashboard (`?src=`, default the bundled seeds), finds
// one station (`?station=`, default meijiang) and renders every figure of it, grouped by
// family: the figure, its value with qualifier and unit, the period, the baseline and the
// source (with the original sentence), then the sources cited. Text from the data is only
// ever set with `textContent`. The value cells carry the dashboard's class `ssc__value`, so
// the benchmark finds "the first figure" the same way on both pages. `?lang=en` for English.
'use strict';

(function () {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'zh';
  const zh = lang === 'zh';
  const src = params.get('src') || '/data/seeds.json';
  const stationId = params.get('station') || 'meijiang';
  const root = document.getElementById('ref');
  document.documentElement.lang = zh ? 'zh-CN' : 'en';

  const T = zh
    ? { figure: '指标', value: '数值', period: '期间', baseline: '比较基准', source: '来源', sources: '资料来源',
        notReported: '未报告', noStation: '找不到派出所：', failed: '数据无法加载：', scope: '范围：' }
    : { figure: 'Figure', value: 'Value', period: 'Period', baseline: 'Baseline', source: 'Source', sources: 'Sources',
        notReported: 'not reported', noStation: 'No such station: ', failed: 'The data could not be loaded: ', scope: 'Scope: ' };
  const FAMILIES = [
    ['incidents', '警情', 'Incidents'],
    ['mediation', '矛盾纠纷调解', 'Dispute mediation'],
    ['group_coverage', '群防群治', 'Community groups'],
    ['fraud', '电信网络诈骗', 'Telecom fraud'],
    ['other', '其他', 'Other figures'],
  ];
  const UNIT = {
    percent: ['%', '%'], count: ['', ''], people: ['人', ' people'], person_times: ['人次', ' person-times'],
    percentage_points: ['个百分点', ' percentage points'], yuan: ['元', ' yuan'],
  };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  const pick = (t) => (t ? (!zh && t.en) || t.zh : '');
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // ---- Formatting, as the dashboard words it ----

  const plain = (v) => String(Math.round(v * 100) / 100);
  const grouped = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(v);
  function chinese(v) {
    if (v >= 1e8) return plain(v / 1e8) + '亿';
    if (v >= 1e4) return plain(v / 1e4) + '万';
    return plain(v);
  }
  function amount(v, unit, q) {
    const n = zh ? chinese(v) : grouped(v);
    const suffix = (UNIT[unit] || ['', ''])[zh ? 0 : 1];
    if (q === 'about') return zh ? '约' + n + suffix : 'about ' + n + suffix;
    if (q === 'at_least') return zh ? (unit === 'percent' ? n + suffix + '以上' : n + '余' + suffix) : 'at least ' + n + suffix;
    if (q === 'at_most') return zh ? '不超过' + n + suffix : 'at most ' + n + suffix;
    return n + suffix;
  }
  function value(f) {
    if (!f.baseline) return amount(f.value, f.unit, f.qualifier);
    if (f.value === 0) return zh ? '持平' : 'unchanged';
    const m = amount(Math.abs(f.value), f.unit, f.qualifier);
    if (f.value < 0) return zh ? '下降' + m : 'down ' + m;
    return zh ? '上升' + m : 'up ' + m;
  }
  function date(d) {
    const [y, m, day] = String(d).split('-').map(Number);
    if (zh) return y + '年' + (m ? m + '月' : '') + (day ? day + '日' : '');
    if (day) return day + ' ' + MONTHS[m - 1] + ' ' + y;
    return m ? MONTHS[m - 1] + ' ' + y : String(y);
  }
  function period(p) {
    const s = p && p.start, e = p && p.end;
    if (s && e) return s === e ? date(s) : date(s) + (zh ? '至' : ' to ') + date(e);
    if (s) return zh ? date(s) + '以来（至报道时）' : 'since ' + date(s) + ' (to the report)';
    if (e) return zh ? '截至' + date(e) : 'up to ' + date(e);
    return zh ? '期间未说明' : 'period not stated';
  }
  function baseline(b) {
    if (!b) return '—';
    switch (b.kind) {
      case 'year_on_year': return zh ? '同比' : 'year-on-year';
      case 'period': return (zh ? '较' : 'vs ') + period({ start: b.start, end: b.end });
      case 'since': return (zh ? '较' : 'vs ') + date(b.date);
      case 'years_earlier': return zh ? '较' + b.years + '年前' : 'vs ' + b.years + ' years earlier';
      case 'annual_average': return zh ? '年均变化' : 'average per year';
      default: return zh ? '比较基准未说明' : 'baseline not stated';
    }
  }

  // ---- Rendering ----

  function fail(message) {
    const p = el('p', 'ref-error', message);
    p.setAttribute('role', 'alert');
    root.replaceChildren(p);
  }

  function cell(row, label, text, cls) {
    const td = el('td', cls, text);
    td.dataset.label = label;
    row.append(td);
    return td;
  }

  function familyTable(doc, st, family, metrics, sources) {
    const figures = st.figures.filter((f) => (metrics.get(f.metric) || {}).family === family[0]);
    const key = doc.metrics.find((m) => m.family === family[0]);
    const missing = key && !st.figures.some((f) => f.metric === key.id);
    if (figures.length === 0 && !missing) return null;
    const section = el('section');
    section.append(el('h2', null, zh ? family[1] : family[2]));
    const table = el('table', 'ref-table');
    const head = table.createTHead().insertRow();
    for (const h of [T.figure, T.value, T.period, T.baseline, T.source]) {
      const th = el('th', null, h);
      th.scope = 'col';
      head.append(th);
    }
    const body = table.createTBody();
    if (missing) {
      const tr = body.insertRow();
      const th = el('th', null, pick(key.label));
      th.scope = 'row';
      tr.append(th);
      cell(tr, T.value, T.notReported, 'ref-na').colSpan = 4;
    }
    for (const f of figures) {
      const tr = body.insertRow();
      const th = el('th', null, pick((metrics.get(f.metric) || {}).label) || f.metric);
      th.scope = 'row';
      if (f.scope) th.append(el('span', 'ref-scope', T.scope + pick(f.scope)));
      tr.append(th);
      cell(tr, T.value, value(f), 'ssc__value');
      cell(tr, T.period, period(f.period));
      cell(tr, T.baseline, baseline(f.baseline));
      const s = sources.get(f.source);
      const td = cell(tr, T.source, s ? pick(s.publisher) || pick(s.title) : f.source);
      if (f.quote) td.append(el('q', 'ref-quote', f.quote));
    }
    section.append(table);
    return section;
  }

  function render(doc) {
    const st = (doc.stations || []).find((s) => s.id === stationId);
    if (!st) return fail(T.noStation + stationId);
    const metrics = new Map((doc.metrics || []).map((m) => [m.id, m]));
    const sources = new Map((doc.sources || []).map((s) => [s.id, s]));
    const r = st.region || {};
    const out = [el('h1', null, pick(st.name))];
    out.push(el('p', 'ref-muted', [pick(r.province), pick(r.city), pick(r.district), pick(st.parent_bureau)].filter(Boolean).join(' · ')));
    for (const family of FAMILIES) {
      const t = familyTable(doc, st, family, metrics, sources);
      if (t) out.push(t);
    }
    const cited = [...new Set(st.figures.map((f) => f.source))].map((id) => sources.get(id)).filter(Boolean);
    if (cited.length) {
      out.push(el('h2', null, T.sources));
      const list = el('ol', 'ref-sources');
      for (const s of cited) list.append(el('li', null, [pick(s.publisher), pick(s.title), s.date ? date(s.date) : ''].filter(Boolean).join(' · ')));
      out.push(list);
    }
    root.replaceChildren(...out);
  }

  fetch(src)
    .then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then((doc) => {
      if (!doc || !Array.isArray(doc.stations)) throw new Error('not a scorecards data file');
      render(doc);
    })
    .catch((e) => fail(T.failed + src + ' (' + e.message + ')'));
})();
