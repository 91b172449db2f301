// The extension's only channel is the native host: no fetch, XHR, WebSocket, beacon,
// EventSource, remote script, image, style or font anywhere in what is shipped.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../build.mjs';

const dist = build(fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-build-'))).dist;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]);
}

const NETWORK_APIS = [
  /\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bsendBeacon\b/, /\bEventSource\b/,
  /\bWebTransport\b/, /\bRTCPeerConnection\b/, /\bimport\s*\(/, /\bnew\s+Image\s*\(/, /\bnew\s+Worker\s*\(/,
  /\bimportScripts\s*\(\s*['"`]https?:/, /\bwindow\.open\s*\(/, /\bnavigator\.connection\b/,
];
// Any absolute http(s) address in code or markup, outside comments.
const REMOTE_URL = /https?:\/\/(?!www\.w3\.org\/)/;

function stripComments(text, ext) {
  if (ext === '.html') return text.replace(/<!--[\s\S]*?-->/g, '');
  if (ext === '.css') return text.replace(/\/\*[\s\S]*?\*\//g, '');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

for (const browser of ['chromium', 'firefox']) {
  test(`${browser}: no network API and no remote address in the shipped code`, () => {
    const all = files(path.join(dist, browser));
    const code = all.filter((f) => /\.(js|html|css)$/.test(f));
    assert.ok(code.length > 15, 'found the shipped files');
    const problems = [];
    for (const file of code) {
      const text = stripComments(fs.readFileSync(file, 'utf8'), path.extname(file));
      for (const re of NETWORK_APIS) if (re.test(text)) problems.push(`${path.relative(dist, file)}: ${re}`);
      if (REMOTE_URL.test(text)) problems.push(`${path.relative(dist, file)}: remote address ${text.match(/https?:\/\/\S+/)[0]}`);
      if (/\.html$/.test(file) && /<script(?![^>]*\bsrc="(?!https?:)[^"]+")[^>]*>/.test(text)) problems.push(`${path.relative(dist, file)}: inline script`);
      if (/\.css$/.test(file) && /url\(\s*['"]?(?!data:)/.test(text)) problems.push(`${path.relative(dist, file)}: url() in CSS`);
    }
    assert.deepEqual(problems, []);
  });

  test(`${browser}: the scanner itself catches what it must`, () => {
    const bad = ["fetch('/x')", 'new XMLHttpRequest()', "new WebSocket('wss://a')", 'navigator.sendBeacon(u)', "import('./m.js')", "'https://evil.example/p.png'"];
    for (const b of bad) {
      const text = stripComments(b, '.js');
      assert.ok(NETWORK_APIS.some((re) => re.test(text)) || REMOTE_URL.test(text), b);
    }
  });

  test(`${browser}: nothing stores posts (no storage write with post text)`, () => {
    const code = files(path.join(dist, browser)).filter((f) => f.endsWith('.js'));
    const writes = [];
    for (const file of code) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/storage\.(local|sync|session)\.set\((.*)$/gm)) writes.push(`${path.basename(file)}: ${m[2]}`);
      assert.ok(!/localStorage|indexedDB|sessionStorage/.test(text), `${file} uses web storage`);
    }
    // Preferences (language, wording) and the selection handed to the popup, which reads
    // and removes it at once; nothing else.
    assert.deepEqual(writes.sort(), ['context_menu.js: { pendingSelection: info.selectionText });',
      "options.js: { language: $('language').value, disclaimers });",
      // The employee's site list (Mastodon instances, generic sites) and refusals.
      'sites.js: { employeeSites, mastodonInstances });', 'sites.js: { refusedSites: [...set] });',
      // The employee's own "keep work out of" list (never sent anywhere).
      'boundaries_options.js: { boundaries });',
      // The log pin: the log key's fingerprint and the last sequence number seen
      // (common/log_pin.js); the debug switch.
      'handlers.js: { [OV.logPin.STORAGE_KEY]: out.pin });',
      'options_privacy.js: { debug: box.checked });',
      // First run: the welcome page's wording (as the options) and two flags, no text.
      'welcome.js: { disclaimers, welcomeDone: true });', 'welcome.js: { logOfferShown: true });',
      'welcome.js: { logOfferShown: true });',
      // IT's managed settings as last read from storage.managed, for the first Post after
      // a (service worker or browser) start.
      'handlers.js: { [MANAGED_COPY]: m }).catch(() => {});',
      'handlers.js: { [MANAGED_COPY]: m }).catch(() => {});'].sort());
  });
}
