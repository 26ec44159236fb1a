import { FLEET_STRINGS } from './strings';

/**
 * The fleet page: one HTML shell and one script, both served by the platform and talking only
 * to its API with the signed-in staff member's bearer token (kept in sessionStorage, so it goes
 * with the tab). The list refreshes every 5 s; colour is never the only cue (every status has
 * its word), and the page passes axe's WCAG 2.2 AA rules (test/e2e/fleet-alerts.e2e.ts).
 */
export function fleetPageHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>终端运维 · Terminal fleet</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 0; color: #1a1a1a; background: #f6f7f9; line-height: 1.5; font-size: 16px; }
  header { background: #0b3d6e; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 22px; margin: 0; flex: 1; }
  header p { margin: 0; }
  main { padding: 16px 24px; }
  button { font: inherit; min-height: 44px; min-width: 44px; padding: 6px 14px; border-radius: 6px; border: 1px solid #0b3d6e; background: #fff; color: #0b3d6e; cursor: pointer; }
  button.primary { background: #0b3d6e; color: #fff; }
  header button { border-color: #fff; }
  input { font: inherit; min-height: 40px; padding: 4px 8px; border: 1px solid #555; border-radius: 4px; }
  label { display: block; margin: 8px 0 4px; }
  table { border-collapse: collapse; width: 100%; background: #fff; margin-bottom: 16px; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #ccd; vertical-align: top; }
  .status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; }
  .status-ok { background: #d7f0dd; color: #14532d; }
  .status-warning { background: #fff1c2; color: #5c4300; }
  .status-alert { background: #fbd5d5; color: #7f1d1d; }
  .status-offline { background: #3f3f46; color: #fff; }
  .status-unknown { background: #e4e4e7; color: #27272a; }
  .error { color: #9b1c1c; font-weight: 600; }
  ul.plain { list-style: none; margin: 0; padding: 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 16px; }
  img.screenshot { max-width: 480px; border: 1px solid #999; }
</style>
</head>
<body>
<header><h1 id="title">终端运维</h1><p id="subtitle"></p><button type="button" id="language">English</button><button type="button" id="sign-out" hidden>退出登录</button></header>
<main id="main" aria-live="polite"></main>
<script src="/fleet/app.js"></script>
</body>
</html>`;
}

export function fleetPageScript(): string {
  return `"use strict";(function(){var STRINGS=${JSON.stringify(FLEET_STRINGS)};${CLIENT}})();`;
}

/** The page's behaviour, as plain ES2020 for the browser (no build step, no framework). */
const CLIENT = String.raw`
var lang = sessionStorage.getItem('fleet.lang') || 'zh-CN';
var token = sessionStorage.getItem('fleet.token');
var selected = null;
var timer = null;
var main = document.getElementById('main');
function t(key) { return STRINGS[lang][key] || STRINGS['zh-CN'][key] || key; }
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') node.textContent = attrs[k];
    else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
    else node.setAttribute(k, attrs[k]);
  });
  (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return node;
}
function when(iso) { return iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : t('never'); }
function api(method, path, body) {
  return fetch(path, { method: method, headers: Object.assign({ authorization: 'Bearer ' + token }, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined })
    .catch(function () { throw { code: 'network' }; })
    .then(function (res) {
      if (res.status === 204) return null;
      return res.json().then(function (data) {
        if (!res.ok) throw { code: (data && data.error && data.error.code) || 'other', status: res.status };
        return data;
      });
    });
}
function errorText(error) { var key = 'error.' + (error && error.code); return STRINGS[lang][key] ? t(key) : t('error.other'); }
function showError(error) {
  if (error && error.code === 'unauthenticated') { signOut(); }
  var box = document.getElementById('error') || main.insertBefore(el('p', { id: 'error', class: 'error', role: 'alert' }), main.firstChild);
  box.textContent = errorText(error);
}
function chrome() {
  document.documentElement.lang = lang;
  document.title = t('title') + ' · ' + STRINGS[lang === 'en' ? 'zh-CN' : 'en'].title;
  document.getElementById('title').textContent = t('title');
  document.getElementById('subtitle').textContent = t('subtitle');
  document.getElementById('language').textContent = t('language');
  var out = document.getElementById('sign-out');
  out.textContent = t('signOut');
  out.hidden = !token;
}
function signOut() { token = null; sessionStorage.removeItem('fleet.token'); selected = null; render(); }
function signInView() {
  var user = el('input', { id: 'username', name: 'username', autocomplete: 'username' });
  var pass = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password' });
  var form = el('form', { 'aria-labelledby': 'sign-in-title', onsubmit: function (e) {
    e.preventDefault();
    fetch('/v1/staff/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.value, password: pass.value }) })
      .then(function (res) { return res.json().then(function (d) { if (!res.ok) throw { code: d.error && d.error.code }; return d; }); })
      .then(function (d) { token = d.token; sessionStorage.setItem('fleet.token', token); render(); }, showError);
  } }, [
    el('h2', { id: 'sign-in-title', text: t('signInTitle') }),
    el('label', { for: 'username', text: t('username') }), user,
    el('label', { for: 'password', text: t('password') }), pass,
    el('p', {}, [el('button', { type: 'submit', class: 'primary', text: t('signIn') })]),
  ]);
  main.replaceChildren(form);
}
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
function render() {
  chrome();
  clearInterval(timer);
  if (!token) return signInView();
  refresh();
  timer = setInterval(refresh, 5000);
}
document.getElementById('language').addEventListener('click', function () { lang = lang === 'en' ? 'zh-CN' : 'en'; sessionStorage.setItem('fleet.lang', lang); render(); });
document.getElementById('sign-out').addEventListener('click', function () { api('DELETE', '/v1/staff/sessions/current').catch(function () {}); signOut(); });
render();
`;
