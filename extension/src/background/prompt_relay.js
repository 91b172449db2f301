// Joins the prompt's frame (src/prompt/prompt.html) and the content script that opened
// it. Both connect here with a runtime port named with the same 128-bit secret (the
// content script chose it and put it in the frame's address, which the page cannot
// read); messages then pass between the two ports and nowhere else. Firefox gives an
// extension frame inside a web page no `tabs` API, so the frame cannot reach the content
// script directly; going through the background works the same in every browser.
// The page itself has no way to open a runtime port (no externally_connectable).
(function (root) {
  'use strict';
  const api = root.browser || root.chrome;
  const NAME = /^ov-prompt-(frame|page):([0-9a-f]{32})$/;
  const PAGE = api.runtime.getURL('src/prompt/prompt.html');
  const pending = new Map();  // secret -> {frame?, page?, queue: {frame: [], page: []}}

  function accepts(side, sender) {
    if (!sender || sender.id !== api.runtime.id) return false;
    if (side === 'frame') return typeof sender.url === 'string' && sender.url.startsWith(PAGE);
    // The content script: in a tab, not one of our own pages.
    return !!sender.tab && !(typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL('')));
  }

  function drop(secret) {
    const e = pending.get(secret);
    pending.delete(secret);
    if (!e) return;
    for (const side of ['frame', 'page']) if (e[side]) { try { e[side].disconnect(); } catch (_) { /* gone */ } }
  }

  api.runtime.onConnect.addListener((port) => {
    const m = NAME.exec(port.name || '');
    if (!m) return;
    const [, side, secret] = m;
    if (!accepts(side, port.sender)) { port.disconnect(); return; }
    const e = pending.get(secret) || { queue: { frame: [], page: [] } };
    if (e[side]) { port.disconnect(); return; }  // one of each, once
    e[side] = port;
    pending.set(secret, e);
    const other = side === 'frame' ? 'page' : 'frame';
    port.onMessage.addListener((msg) => {
      if (msg && msg.type === 'keepalive') return;  // only keeps the background awake
      if (e[other] && e.joined) e[other].postMessage(msg); else e.queue[other].push(msg);
    });
    port.onDisconnect.addListener(() => drop(secret));
    if (e.frame && e.page && !e.joined) {
      // Both ends must be in the same tab (the frame's tab, when the browser says).
      const ft = e.frame.sender.tab;
      if (ft && ft.id !== e.page.sender.tab.id) { drop(secret); return; }
      e.joined = true;
      for (const s of ['frame', 'page']) for (const msg of e.queue[s].splice(0)) e[s].postMessage(msg);
    }
  });
})(globalThis);
