import { DASHBOARD_TABLES } from '../../../contract/platform/dashboard';
import { staffPageHtml, staffPageScript } from '../../staff-page/staff-page';
import { DASHBOARD_STRINGS } from './strings';

/**
 * The centre's dashboard (监察) page: the staff pages' shell and sign-in (platform/staff-page)
 * with the dashboard's views. Figures refresh every 30 s; every table exports as CSV; the two
 * bar charts (plain SVG) repeat figures a table also gives in words. Colour is never the only
 * cue (each time state has its word), and the page passes axe's WCAG 2.2 AA rules
 * (test/e2e/dashboard.e2e.ts).
 */
export function dashboardPageHtml(): string {
  return staffPageHtml({
    title: '中心监察 · Centre dashboard',
    scriptPath: '/dashboard/app.js',
    styles: `  section { margin-bottom: 24px; }
  .section-head { display: flex; gap: 16px; align-items: center; }
  .section-head h2 { flex: 1; font-size: 20px; margin: 8px 0; }
  .period { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: #fff; padding: 8px 12px; border: 1px solid #ccd; border-radius: 6px; }
  .totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
  .totals div { background: #fff; border: 1px solid #ccd; border-radius: 6px; padding: 8px 16px; min-width: 120px; }
  .totals dt { font-size: 14px; color: #3f3f46; }
  .totals dd { margin: 0; font-size: 24px; font-weight: 600; }
  .charts { display: flex; flex-wrap: wrap; gap: 24px; }
  .chart { background: #fff; border: 1px solid #ccd; border-radius: 6px; padding: 8px; margin: 0 0 16px; }
  .chart h3 { font-size: 16px; margin: 0 0 4px; }
  .badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; }
  .badge-on-time { background: #d7f0dd; color: #14532d; }
  .badge-warning { background: #fff1c2; color: #5c4300; }
  .badge-overdue { background: #fbd5d5; color: #7f1d1d; }
  .badge-sla-warning { background: #fff1c2; color: #5c4300; }
  .badge-sla-critical { background: #fbd5d5; color: #7f1d1d; }
  .explain { color: #3f3f46; margin: 0 0 8px; }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }`,
  });
}

export function dashboardPageScript(): string {
  return staffPageScript(DASHBOARD_STRINGS, 'dashboard', `var TABLES = ${JSON.stringify(DASHBOARD_TABLES)};${CLIENT}`);
}

/** The dashboard's views, as plain ES2020 for the browser, on top of the staff pages' kit. */
const CLIENT = String.raw`
var timer = null;
var editing = null;
var DAY_MS = 86400000;
function shanghaiDate(ms) { return new Date(ms + 8 * 3600000).toISOString().slice(0, 10); }
var period = { from: shanghaiDate(Date.now()), to: shanghaiDate(Date.now()) };
function words(key, params) { return Object.keys(params || {}).reduce(function (s, k) { return s.replace('{' + k + '}', params[k]); }, t(key)); }
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return words('seconds', { n: seconds });
  if (seconds < 3600) return words('minutes', { n: Math.round(seconds / 60) });
  return words('hours', { h: Math.floor(seconds / 3600), m: Math.round((seconds % 3600) / 60) });
}
function named(text, code) { return text ? (lang === 'en' && text.en ? text.en : text['zh-CN']) : (code || '—'); }
function query() {
  var from = Date.parse(period.from + 'T00:00:00+08:00');
  var to = Date.parse(period.to + 'T00:00:00+08:00') + DAY_MS;
  return 'from=' + encodeURIComponent(new Date(from).toISOString()) + '&to=' + encodeURIComponent(new Date(to).toISOString());
}
function badge(state) { return el('span', { class: 'badge badge-' + state, 'data-timeliness': state, text: t('timeliness.' + state) }); }
/** 即将超时 / 已超时 with the count: the word carries the meaning, the colour repeats it. */
function slaCell(level, n) {
  if (!n) return cell(0, true);
  return el('td', { class: 'number', 'data-level': level }, [el('span', { class: 'badge badge-sla-' + level, text: t('sla.' + level) + ' ' + n })]);
}
function timesTable(name, headKey, rows, label) {
  return table(name, [{ key: headKey }, { key: 'col.served', number: true }, { key: 'col.waitMedian', number: true }, { key: 'col.waitP90', number: true }, { key: 'col.walkMedian', number: true }, { key: 'col.walkP90', number: true }, { key: 'col.handleMedian', number: true }, { key: 'col.handleP90', number: true }], rows.map(function (r) {
    return el('tr', { 'data-row': label(r).key }, [el('th', { scope: 'row', text: label(r).text }), cell(r.served, true),
      cell(duration(r.waiting.p50Seconds), true), cell(duration(r.waiting.p90Seconds), true),
      cell(duration(r.walking.p50Seconds), true), cell(duration(r.walking.p90Seconds), true),
      cell(duration(r.handling.p50Seconds), true), cell(duration(r.handling.p90Seconds), true)]);
  }));
}
/** The admin sets a service's thresholds here; the platform checks them and its refusal is shown in the page's words. */
function targetForm(d) {
  var choose = el('select', { id: 'target-service' }, d.serviceLevels.map(function (l) { return el('option', { value: l.serviceCode, text: named(d.names.services[l.serviceCode], l.serviceCode) }); }));
  var warning = el('input', { id: 'target-warning', type: 'number', min: '1', max: '600', step: '1', inputmode: 'numeric' });
  var critical = el('input', { id: 'target-critical', type: 'number', min: '1', max: '600', step: '1', inputmode: 'numeric' });
  var box = el('p', { id: 'target-error', class: 'error', role: 'alert' });
  function fill() {
    var line = d.serviceLevels.filter(function (l) { return l.serviceCode === choose.value; })[0];
    if (line) { warning.value = String(line.warningMinutes); critical.value = String(line.criticalMinutes); }
  }
  choose.addEventListener('change', fill);
  fill();
  return el('form', { class: 'period', 'aria-labelledby': 'target-title', 'data-targets': 'true', onsubmit: function (e) {
    e.preventDefault();
    var body = { warningMinutes: Number(warning.value), criticalMinutes: Number(critical.value) };
    api('PUT', '/v1/admin/service-levels/targets/' + encodeURIComponent(choose.value), body).then(function () { document.activeElement.blur(); refresh(); }, function (error) {
      box.textContent = error && error.field && STRINGS[lang]['error.field.' + error.field] ? t('error.field.' + error.field) : errorText(error);
    });
  } }, [
    el('h3', { id: 'target-title', text: t('sla.setTitle') }),
    box,
    el('div', {}, [el('label', { for: 'target-service', text: t('col.service') }), choose]),
    el('div', {}, [el('label', { for: 'target-warning', text: t('col.warningMinutes') }), warning]),
    el('div', {}, [el('label', { for: 'target-critical', text: t('col.criticalMinutes') }), critical]),
    el('button', { type: 'submit', class: 'primary', text: t('sla.save') }),
  ]);
}
function download(table) {
  request('GET', '/v1/dashboard/export/' + table + '.csv?' + query() + '&lang=' + lang)
    .then(function (res) { return res.blob(); })
    .then(function (blob) {
      var link = el('a', { href: URL.createObjectURL(blob), download: t('csv.file') + '-' + table + '-' + period.from + '.csv' });
      document.body.appendChild(link);
      link.click();
      link.remove();
    }, showError);
}
function section(table, children) {
  var id = 'section-' + table;
  return el('section', { 'aria-labelledby': id, 'data-section': table }, [
    el('div', { class: 'section-head' }, [
      el('h2', { id: id, text: t('section.' + table) }),
      table === 'totals' ? null : el('button', { type: 'button', 'aria-label': t('export') + '：' + t('section.' + table), text: t('export'), onclick: function () { download(table); } }),
    ]),
  ].concat(children));
}
function table(name, headers, rows) {
  if (rows.length === 0) return el('p', { 'data-empty': name, text: t('none') });
  return el('table', { 'data-table': name }, [
    el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col', class: h.number ? 'number' : '', text: t(h.key) }); }))]),
    el('tbody', {}, rows),
  ]);
}
function cell(text, number) { return el('td', { class: number ? 'number' : '', text: String(text) }); }
/** A horizontal bar chart in plain SVG, named for screen readers; the table beside it has the same figures. */
function barChart(id, titleKey, items) {
  var ns = 'http://www.w3.org/2000/svg';
  var rowH = 30, labelW = 210, barW = 300, valueW = 90, width = labelW + barW + valueW;
  var max = Math.max.apply(null, [1].concat(items.map(function (i) { return i.value; })));
  var svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + Math.max(rowH, items.length * rowH));
  svg.setAttribute('width', String(width));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', id);
  svg.setAttribute('data-chart', id);
  function add(tag, attrs, text) {
    var node = document.createElementNS(ns, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
  }
  items.forEach(function (item, i) {
    var y = i * rowH;
    add('text', { x: '0', y: String(y + 20), 'font-size': '14', fill: '#1a1a1a' }, item.label.length > 14 ? item.label.slice(0, 13) + '…' : item.label);
    add('rect', { x: String(labelW), y: String(y + 6), height: '18', width: String(Math.max(1, Math.round((item.value / max) * barW))), fill: '#0b3d6e' });
    add('text', { x: String(labelW + barW + 6), y: String(y + 20), 'font-size': '14', fill: '#1a1a1a' }, item.text);
  });
  return el('figure', { class: 'chart' }, [el('h3', { id: id, text: t(titleKey) }), svg]);
}
function periodForm() {
  var from = el('input', { id: 'period-from', type: 'date', value: period.from });
  var to = el('input', { id: 'period-to', type: 'date', value: period.to });
  return el('form', { class: 'period', 'aria-label': t('period'), onsubmit: function (e) { e.preventDefault(); period = { from: from.value, to: to.value }; refresh(); } }, [
    el('div', {}, [el('label', { for: 'period-from', text: t('from') }), from]),
    el('div', {}, [el('label', { for: 'period-to', text: t('to') }), to]),
    el('button', { type: 'submit', class: 'primary', text: t('show') }),
    el('button', { type: 'button', text: t('today'), onclick: function () { var d = shanghaiDate(Date.now()); period = { from: d, to: d }; refresh(); } }),
  ]);
}
function view(d) {
  var service = function (code) { return named(d.names.services[code], code); };
  var totals = [['total.received', d.totals.received, 'received'], ['total.completed', d.totals.completed, 'completed'], ['total.meanWait', duration(d.totals.meanWaitSeconds), 'mean-wait'], ['total.meanHandling', duration(d.totals.meanHandlingSeconds), 'mean-handling'], ['total.badRatings', d.totals.badRatings, 'bad-ratings']];
  main.replaceChildren(
    periodForm(),
    section('queue', [table('queue', [{ key: 'col.service' }, { key: 'col.waiting', number: true }, { key: 'col.atDesk', number: true }, { key: 'col.longestWait', number: true }, { key: 'col.meanWait', number: true }], d.queue.map(function (q) {
      return el('tr', { 'data-service': q.serviceCode }, [el('th', { scope: 'row', text: service(q.serviceCode) }), cell(q.waiting, true), cell(q.atDesk, true), cell(duration(q.longestWaitSeconds), true), cell(duration(q.meanWaitSeconds), true)]);
    }))]),
    section('service-levels', [el('p', { class: 'explain', text: t('sla.explain') }), table('service-levels', [{ key: 'col.service' }, { key: 'col.targets' }, { key: 'col.waiting', number: true }, { key: 'col.warningNow', number: true }, { key: 'col.criticalNow', number: true }, { key: 'col.warningToday', number: true }, { key: 'col.criticalToday', number: true }], d.serviceLevels.map(function (l) {
      return el('tr', { 'data-service': l.serviceCode }, [el('th', { scope: 'row', text: service(l.serviceCode) }), cell(words('sla.targets', { warning: l.warningMinutes, critical: l.criticalMinutes })), cell(l.waiting, true),
        slaCell('warning', l.warningNow), slaCell('critical', l.criticalNow), slaCell('warning', l.warningToday), slaCell('critical', l.criticalToday)]);
    })), d.serviceLevels.length ? targetForm(d) : null]),
    section('totals', [el('dl', { class: 'totals' }, totals.map(function (x) { return el('div', { 'data-total': x[2] }, [el('dt', { text: t(x[0]) }), el('dd', { text: String(x[1]) })]); }))]),
    section('services', [
      d.services.length ? el('div', { class: 'charts' }, [
        barChart('chart-received', 'chart.received', d.services.map(function (s) { return { label: service(s.serviceCode), value: s.received, text: String(s.received) }; })),
        barChart('chart-wait', 'chart.wait', d.services.map(function (s) { return { label: service(s.serviceCode), value: s.meanWaitSeconds || 0, text: duration(s.meanWaitSeconds) }; })),
      ]) : null,
      table('services', [{ key: 'col.service' }, { key: 'col.received', number: true }, { key: 'col.completed', number: true }, { key: 'col.meanWait', number: true }, { key: 'col.meanHandling', number: true }, { key: 'col.overdue', number: true }], d.services.map(function (s) {
        return el('tr', { 'data-service': s.serviceCode }, [el('th', { scope: 'row', text: service(s.serviceCode) }), cell(s.received, true), cell(s.completed, true), cell(duration(s.meanWaitSeconds), true), cell(duration(s.meanHandlingSeconds), true), cell(s.overdue, true)]);
      })),
    ]),
    section('staff', [table('staff', [{ key: 'col.staff' }, { key: 'col.called', number: true }, { key: 'col.decided', number: true }, { key: 'col.meanHandling', number: true }], d.staff.map(function (s) {
      return el('tr', { 'data-staff': s.staffId }, [el('th', { scope: 'row', text: s.displayName }), cell(s.called, true), cell(s.decided, true), cell(duration(s.meanHandlingSeconds), true)]);
    }))]),
    section('service-times', [timesTable('service-times', 'col.service', d.serviceTimes.byService, function (r) { return { key: r.serviceCode, text: service(r.serviceCode) }; })]),
    section('staff-times', [timesTable('staff-times', 'col.staff', d.serviceTimes.byStaff, function (r) { return { key: r.staffId, text: r.displayName }; })]),
    section('deadlines', [table('deadlines', [{ key: 'col.queueNumber' }, { key: 'col.service' }, { key: 'col.status' }, { key: 'col.department' }, { key: 'col.timeliness' }, { key: 'col.warningAt' }, { key: 'col.deadlineAt' }], d.deadlines.map(function (c) {
      return el('tr', { 'data-case': c.queueNumber }, [el('th', { scope: 'row', text: c.queueNumber }), cell(service(c.serviceCode)), cell(t('status.' + c.status)), cell(c.department ? named(d.names.departments[c.department], c.department) : '—'), el('td', {}, [badge(c.state)]), cell(when(c.warningAt)), cell(when(c.deadlineAt))]);
    }))]),
    section('bad-ratings', [table('bad-ratings', [{ key: 'col.queueNumber' }, { key: 'col.service' }, { key: 'col.level' }, { key: 'col.reasons' }, { key: 'col.comment' }, { key: 'col.openedAt' }, { key: 'col.followUpDeadline' }, { key: 'col.callback' }, { key: 'col.followUp' }], d.badRatings.map(function (b) {
      var callback = b.callback ? t('callback.' + b.callback.outcome) + '：' + b.callback.note : t(b.callbackRequired ? 'callback.required' : 'callback.anonymous');
      var state = b.closedAt ? 'closed' : b.overdue ? 'overdue' : 'open';
      var followUp = t('followUp.' + state) + (b.closedAt ? '：' + (b.resolution || '') : '');
      return el('tr', { 'data-follow-up': b.id, 'data-state': state }, [
        el('th', { scope: 'row', text: b.queueNumber }), cell(service(b.serviceCode)), cell(t('level.' + b.level)),
        cell(b.reasons.map(function (r) { return t('reason.' + r); }).join(lang === 'en' ? '; ' : '、') || '—'), cell(b.comment || '—'),
        cell(when(b.openedAt)), cell(when(b.deadlineAt)), cell(callback),
        el('td', {}, [followUp, b.closedAt ? null : el('div', {}, [el('button', { type: 'button', 'aria-label': t('close') + ' ' + b.queueNumber, text: t('close'), onclick: function () { editing = b; view(d); } })])]),
      ]);
    })), editing ? closeForm(editing) : null]),
    el('p', { 'data-testid': 'updated', text: t('updated') + ' ' + when(d.at) }),
  );
}
/** 整改: what was done, and for a named rating the call back; the platform refuses either missing. */
function closeForm(b) {
  var resolution = el('textarea', { id: 'resolution', rows: '3', maxlength: '1000' });
  var outcome = el('select', { id: 'callback-outcome' }, ['', 'reached', 'not-reached'].map(function (o) { return el('option', { value: o, text: o ? t('callback.' + o) : t('callbackNone') }); }));
  var note = el('input', { id: 'callback-note', maxlength: '1000' });
  return el('form', { 'aria-labelledby': 'close-title', 'data-close': b.id, onsubmit: function (e) {
    e.preventDefault();
    var body = { resolution: resolution.value };
    if (outcome.value) body.callback = { outcome: outcome.value, note: note.value };
    api('POST', '/v1/follow-ups/' + encodeURIComponent(b.id) + '/close', body).then(function () { editing = null; refresh(); }, function (error) {
      var box = document.getElementById('close-error');
      box.textContent = error && error.field && STRINGS[lang]['error.field.' + error.field] ? t('error.field.' + error.field) : errorText(error);
    });
  } }, [
    el('h3', { id: 'close-title', text: t('closeTitle') + ' ' + b.queueNumber }),
    el('p', { id: 'close-error', class: 'error', role: 'alert' }),
    el('label', { for: 'resolution', text: t('resolution') }), resolution,
    el('label', { for: 'callback-outcome', text: t(b.callbackRequired ? 'callbackOutcomeRequired' : 'callbackOutcome') }), outcome,
    el('label', { for: 'callback-note', text: t('callbackNote') }), note,
    el('p', {}, [
      el('button', { type: 'submit', class: 'primary', text: t('closeConfirm') }), ' ',
      el('button', { type: 'button', text: t('cancel'), onclick: function () { editing = null; refresh(); } }),
    ]),
  ]);
}
function refresh() {
  if (!token) return render();
  // A follow-up being written up is not wiped by the periodic refresh.
  if (editing && document.querySelector('form[data-close]')) return;
  // Nor are thresholds being typed.
  if (document.activeElement && document.activeElement.closest && document.activeElement.closest('form[data-targets]')) return;
  api('GET', '/v1/dashboard?' + query()).then(function (data) { chrome(); view(data); }, showError);
}
function startPage() {
  clearInterval(timer);
  refresh();
  timer = setInterval(refresh, 30000);
}
function stopPage() { clearInterval(timer); editing = null; }
`;
