import { staffPageHtml, staffPageScript } from '../../staff-page/staff-page';
import { FLEET_STRINGS } from './strings';

/**
 * The fleet page: the staff pages' shell and sign-in (platform/staff-page) with the fleet's list
 * and detail views. The list refreshes every 5 s; colour is never the only cue (every status has
 * its word), and the page passes axe's WCAG 2.2 AA rules (test/e2e/fleet-alerts.e2e.ts).
 */
export function fleetPageHtml(): string {
  return staffPageHtml({
    title: '终端运维 · Terminal fleet',
    scriptPath: '/fleet/app.js',
    styles: `  .status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; }
  .status-ok { background: #d7f0dd; color: #14532d; }
  .status-warning { background: #fff1c2; color: #5c4300; }
  .status-alert { background: #fbd5d5; color: #7f1d1d; }
  .status-offline { background: #3f3f46; color: #fff; }
  .status-unknown { background: #e4e4e7; color: #27272a; }
  ul.plain { list-style: none; margin: 0; padding: 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 16px; }
  img.screenshot { max-width: 480px; border: 1px solid #999; }`,
  });
}

export function fleetPageScript(): string {
  return staffPageScript(FLEET_STRINGS, 'fleet', CLIENT);
}

/** The fleet's views, as plain ES2020 for the browser, on top of the staff pages' kit. */
const CLIENT = String.raw`
var selected = null;
var timer = null;
function statusBadge(status) { return el('span', { class: 'status status-' + status, 'data-status': status, text: t('status.' + status) }); }
function deviceList(heartbeat) {
  if (!heartbeat || heartbeat.devices.length === 0) return el('span', { text: t('none') });
  return el('ul', { class: 'plain' }, heartbeat.devices.map(function (d) {
    var words = [STRINGS[lang]['device.' + d.state] || d.state].concat(d.conditions.map(function (c) { return t('condition.' + c); }));
    return el('li', { 'data-device': d.role, text: d.role + '：' + words.join('、') });
  }));
}
function alertList(alerts) {
  if (alerts.length === 0) return el('span', { text: t('none') });
  return el('ul', { class: 'plain' }, alerts.map(function (a) {
    return el('li', { 'data-alert': a.rule, text: t('rule.' + a.rule) + (a.subject ? '（' + a.subject + '）' : '') + ' · ' + when(a.raisedAt) });
  }));
}
function listView(terminals) {
  var rows = terminals.map(function (x) {
    return el('tr', { 'data-terminal': x.terminalId }, [
      el('th', { scope: 'row' }, [x.name + ' ', el('br'), x.terminalId]),
      el('td', {}, [statusBadge(x.status)]),
      el('td', {}, [deviceList(x.heartbeat)]),
      el('td', { text: when(x.lastHeartbeatAt) }),
      el('td', { text: x.heartbeat ? x.heartbeat.version : '—' }),
      el('td', {}, [alertList(x.alerts)]),
      el('td', {}, [el('button', { type: 'button', 'aria-label': t('open') + ' ' + x.name, text: t('open'), onclick: function () { selected = x.terminalId; refresh(); } })]),
    ]);
  });
  main.replaceChildren(
    el('h2', { text: t('terminals') }),
    el('table', {}, [
      el('thead', {}, [el('tr', {}, ['colName', 'colStatus', 'colDevices', 'colHeartbeat', 'colVersion', 'colAlerts', 'detail'].map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]),
      el('tbody', {}, rows),
    ]),
    el('p', { text: t('updated') + ' ' + when(new Date().toISOString()) }),
  );
}
function act(kind, extra) {
  api('POST', '/v1/fleet/terminals/' + encodeURIComponent(selected) + '/actions', Object.assign({ kind: kind }, extra || {})).then(refresh, showError);
}
function table(headers, rows) {
  return el('table', {}, [el('thead', {}, [el('tr', {}, headers.map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]), el('tbody', {}, rows)]);
}
function detailView(d) {
  var where = el('input', { id: 'where-instead', value: t('whereInsteadDefault') });
  var shots = d.actions.filter(function (a) { return a.hasScreenshot; });
  var shot = shots[0];
  var img = shot ? el('img', { class: 'screenshot', alt: t('screenshot') + ' ' + when(shot.ackedAt) }) : null;
  if (shot) fetch('/v1/fleet/actions/' + shot.id + '/screenshot', { headers: { authorization: 'Bearer ' + token } }).then(function (r) { return r.blob(); }).then(function (b) { img.src = URL.createObjectURL(b); });
  var hb = d.heartbeat;
  main.replaceChildren(
    el('p', {}, [el('button', { type: 'button', text: t('back'), onclick: function () { selected = null; refresh(); } })]),
    el('h2', { text: t('detail') + '：' + d.name + '（' + d.terminalId + '）' }),
    el('p', {}, [statusBadge(d.status), ' ' + t('colHeartbeat') + ' ' + when(d.lastHeartbeatAt) + (hb ? ' · ' + t('colVersion') + ' ' + hb.version + ' · ' + t('colService') + ' ' + t('service.' + hb.service) : '')]),
    deviceList(hb),
    hb && hb.update ? el('p', { 'data-update': hb.update.state, text: t('update') + '：' + t('update.' + hb.update.state) + (hb.update.offered ? ' ' + hb.update.offered : '') + (hb.update.reason ? '（' + hb.update.reason + '）' : '') }) : null,
    el('h3', { text: t('actions') }),
    el('div', { class: 'actions' }, [
      el('button', { type: 'button', text: t('action.reload-ui'), onclick: function () { act('reload-ui'); } }),
      el('button', { type: 'button', text: t('action.restart'), onclick: function () { act('restart'); } }),
      el('button', { type: 'button', text: t('action.screenshot'), onclick: function () { act('screenshot'); } }),
      el('span', {}, [el('label', { for: 'where-instead', text: t('whereInstead') }), where]),
      el('button', { type: 'button', text: t('action.out-of-service'), onclick: function () { act('out-of-service', { message: where.value }); } }),
      el('button', { type: 'button', text: t('action.back-in-service'), onclick: function () { act('back-in-service'); } }),
    ]),
    table(['colAt', 'colAction', 'colBy', 'colResult'], d.actions.map(function (a) {
      return el('tr', { 'data-action': a.kind, 'data-state': a.state }, [el('td', { text: when(a.requestedAt) }), el('td', { text: t('action.' + a.kind) }), el('td', { text: a.requestedBy }), el('td', { text: t('state.' + a.state) + (a.detail ? '：' + a.detail : '') })]);
    })),
    img,
    el('h3', { text: t('alertsOpen') }), alertList(d.alerts),
    el('h3', { text: t('alertsPast') }), alertList(d.pastAlerts),
    el('h3', { text: t('configReports') }),
    table(['colAt', 'colConfigVersion', 'colResult'], d.configReports.map(function (r) {
      return el('tr', { 'data-config': r.outcome }, [el('td', { text: when(r.at) }), el('td', { text: String(r.version) }), el('td', { text: t('config.' + r.outcome) + (r.reason ? '：' + r.reason : '') })]);
    })),
    el('h3', { text: t('history') }),
    table(['colAt', 'colDevices', 'colOutbox', 'colDisk', 'colMemory', 'colUptime'], d.history.slice(0, 30).map(function (h) {
      var b = h.heartbeat;
      return el('tr', {}, [
        el('td', { text: when(h.at) }), el('td', {}, [deviceList(b)]), el('td', { text: String(b.outbox.depth) }),
        el('td', { text: Math.round((b.disk.freeBytes / b.disk.totalBytes) * 100) + '%' }),
        el('td', { text: Math.round(b.memory.rssBytes / 1048576) + ' MB' }), el('td', { text: Math.round(b.uptimeSeconds / 60) + ' min' }),
      ]);
    })),
  );
}
function refresh() {
  if (!token) return render();
  var path = selected ? '/v1/fleet/terminals/' + encodeURIComponent(selected) : '/v1/fleet/terminals';
  api('GET', path).then(function (data) { chrome(); if (selected) detailView(data); else listView(data); }, showError);
}
function startPage() {
  clearInterval(timer);
  refresh();
  timer = setInterval(refresh, 5000);
}
function stopPage() { clearInterval(timer); selected = null; }
`;
