// The social site's own scripts as an attacker, for adversary_page_script.test.mjs.
// Each function here is run in the PAGE's world (page.evaluate, in Chromium and
// Firefox alike): it has exactly the powers the site's JavaScript has, and tries to read
// the prompt, find it, listen to it, tick its consent and press its Post.

// Installed before the prompt opens: records every window 'message' event, every
// shadow root attached in the page's world, and every text node the page sees added.
export function installSpy() {
  const spy = { messages: [], shadowRoots: [], added: [] };
  window.__attacker = spy;
  window.addEventListener('message', (e) => {
    let data;
    try { data = JSON.stringify(e.data); } catch (_) { data = String(e.data); }
    spy.messages.push({ origin: e.origin, data });
  }, true);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    spy.shadowRoots.push(root);
    return root;
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) spy.added.push(n.textContent || '');
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return true;
}

// Everything the page's script can read, as text: the DOM (shadow roots it can open
// included), the frames it can reach, the shadow roots it caught, what it observed.
export function readEverything() {
  const out = { text: '', frames: [], hostShadowRoot: 'absent', iframesFound: 0, errors: [] };
  const parts = [document.documentElement.outerHTML, document.body ? document.body.innerText : ''];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { parts.push(el.shadowRoot.innerHTML); walk(el.shadowRoot); }
      if (el.tagName === 'IFRAME') out.iframesFound++;
    }
  };
  walk(document);
  const host = document.getElementById('ownvoice-prompt-host');
  out.hostPresent = !!host;
  if (host) out.hostShadowRoot = host.shadowRoot === null ? 'null' : 'readable';
  for (const root of (window.__attacker ? window.__attacker.shadowRoots : [])) {
    try { parts.push(root.innerHTML); } catch (e) { out.errors.push(String(e)); }
  }
  for (let i = 0; i < window.frames.length; i++) {
    try {
      const d = window.frames[i].document;
      parts.push(d.documentElement.outerHTML);
      out.frames.push('readable');
    } catch (e) {
      out.frames.push('blocked');
    }
  }
  if (window.__attacker) parts.push(window.__attacker.added.join('\n'), window.__attacker.messages.map((m) => m.data).join('\n'));
  out.text = parts.join('\n');
  return out;
}

// Tries, every way a page script can, to tick consent and press Post: by id in the
// DOM and in any shadow root it caught, by clicking where the prompt is drawn, by
// keys sent to the prompt's host, and by messages to every frame it can reach.
export function attack() {
  const tried = [];
  const ids = ['ov-consent', 'ov-post', 'ov-post-anyway', 'ov-boundary-anyway'];
  const roots = [document, ...(window.__attacker ? window.__attacker.shadowRoots : [])];
  for (const root of roots) {
    for (const id of ids) {
      const el = root.getElementById ? root.getElementById(id) : root.querySelector('#' + id);
      if (el) { el.click(); tried.push('found ' + id); }
    }
  }
  const host = document.getElementById('ownvoice-prompt-host');
  if (host) {
    const cx = window.innerWidth / 2;
    const cy = window.innerHeight / 2;
    const target = document.elementFromPoint(cx, cy);
    if (target) {
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: cx, clientY: cy }));
      }
      tried.push('clicked ' + (target === host ? 'the host' : target.tagName));
    }
    for (const key of [' ', 'Enter', 'Tab']) {
      host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
    host.click();
  }
  const forged = { type: 'decided', outcome: { action: 'post', checkId: 'x', finalText: 'forged', consent: true, decision: 'shared' } };
  for (let i = 0; i < window.frames.length; i++) {
    try { window.frames[i].postMessage(forged, '*'); tried.push('posted to frame ' + i); } catch (_) { /* refused */ }
  }
  window.postMessage(forged, '*');
  return tried;
}
