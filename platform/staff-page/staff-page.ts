import type { FastifyInstance } from 'fastify';

/**
 * What the platform's staff pages (/fleet, /dashboard) share: the HTML shell (a header with the
 * title, the language switch and sign-out) and the client kit — words from the page's table,
 * element building, the API with the signed-in staff member's bearer token (kept in
 * sessionStorage under the page's key, so it goes with the tab), errors shown by their code, and
 * the sign-in form on `POST /v1/staff/sessions`. A page adds its own styles and its `startPage()`
 * / `stopPage()` (called when someone is signed in / no longer is).
 */

export interface StaffPageShell {
  /** The title in the page's first language (the kit retitles it once the script runs). */
  title: string;
  /** Page-specific CSS, after the shared rules. */
  styles: string;
  /** Where the page's script is served. */
  scriptPath: string;
}

export function staffPageHtml(shell: StaffPageShell): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title}</title>
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
  .error { color: #9b1c1c; font-weight: 600; }
${shell.styles}
</style>
</head>
<body>
<header><h1 id="title"></h1><p id="subtitle"></p><button type="button" id="language">English</button><button type="button" id="sign-out" hidden>退出登录</button></header>
<main id="main" aria-live="polite"></main>
<script src="${shell.scriptPath}"></script>
</body>
</html>`;
}

/** The page's script: its words, the kit, then the page's own code; it renders at once. */
export function staffPageScript(strings: Record<'zh-CN' | 'en', Record<string, string>>, storageKey: string, pageCode: string): string {
  return `"use strict";(function(){var STRINGS=${JSON.stringify(strings)};var KEY=${JSON.stringify(storageKey)};${KIT}${pageCode}render();})();`;
}

/** The staff pages' CSP: their own script only, talking to their own origin. */
export const STAFF_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' blob:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Plain ES2020 for the browser (no build step, no framework). */
const KIT = String.raw`
var lang = sessionStorage.getItem(KEY + '.lang') || 'zh-CN';
var token = sessionStorage.getItem(KEY + '.token');
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
function when(iso) { return iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : t('never'); }
function request(method, path, body) {
  return fetch(path, { method: method, headers: Object.assign({ authorization: 'Bearer ' + token }, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined })
    .catch(function () { throw { code: 'network' }; })
    .then(function (res) {
      if (res.ok) return res;
      return res.json().catch(function () { return null; }).then(function (data) { throw { code: (data && data.error && data.error.code) || 'other', status: res.status, field: data && data.error && data.error.field }; });
    });
}
function api(method, path, body) { return request(method, path, body).then(function (res) { return res.status === 204 ? null : res.json(); }); }
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
function signOut() { token = null; sessionStorage.removeItem(KEY + '.token'); render(); }
function signInView() {
  var user = el('input', { id: 'username', name: 'username', autocomplete: 'username' });
  var pass = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password' });
  var form = el('form', { 'aria-labelledby': 'sign-in-title', onsubmit: function (e) {
    e.preventDefault();
    fetch('/v1/staff/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.value, password: pass.value }) })
      .then(function (res) { return res.json().then(function (d) { if (!res.ok) throw { code: d.error && d.error.code }; return d; }); })
      .then(function (d) { token = d.token; sessionStorage.setItem(KEY + '.token', token); render(); }, showError);
  } }, [
    el('h2', { id: 'sign-in-title', text: t('signInTitle') }),
    el('label', { for: 'username', text: t('username') }), user,
    el('label', { for: 'password', text: t('password') }), pass,
    el('p', {}, [el('button', { type: 'submit', class: 'primary', text: t('signIn') })]),
  ]);
  main.replaceChildren(form);
}
function render() {
  chrome();
  if (!token) { stopPage(); return signInView(); }
  startPage();
}
document.getElementById('language').addEventListener('click', function () { lang = lang === 'en' ? 'zh-CN' : 'en'; sessionStorage.setItem(KEY + '.lang', lang); render(); });
document.getElementById('sign-out').addEventListener('click', function () { api('DELETE', '/v1/staff/sessions/current').catch(function () {}); signOut(); });
`;

/**
 * Serves a staff page at `path` and its script at `path/app.js`: public, like any sign-in page
 * (everything the page shows comes through the staff API), the page under the staff pages' CSP.
 */
export function registerStaffPage(app: FastifyInstance, path: string, html: () => string, script: () => string): void {
  app.get(path, {
    config: { public: true },
    schema: { hide: true },
    handler: async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', STAFF_PAGE_CSP).send(html()),
  });
  app.get(`${path}/app.js`, {
    config: { public: true },
    schema: { hide: true },
    handler: async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script()),
  });
}
