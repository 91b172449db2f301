// The small notice shown near a composer OwnVoice cannot hold (its Post control, or its
// editor, not found): this post will not be checked automatically, and how to check it
// by hand. Once per page (guard_state.js decides), dismissible, keyboard reachable.
// It lives in a CLOSED shadow root with adopted styles: the page's scripts cannot read
// or restyle it, and the page's CSP does not apply to adopted stylesheets.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const HOST_ID = 'ownvoice-guard-notice';

  const CSS = `
:host { all: initial; position: absolute; z-index: 2147483646; display: block; }
.box { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; background: #fffbeb;
  border: 1px solid #f59e0b; border-left-width: 4px; border-radius: 8px; padding: 8px 10px; max-width: 380px;
  box-shadow: 0 2px 10px rgba(0,0,0,.15); display: flex; gap: 8px; align-items: flex-start; }
p { margin: 0 0 4px; }
.title { font-weight: 700; }
button { font: inherit; border: 1px solid #92400e; background: #fff; color: #92400e; border-radius: 999px; padding: 2px 10px; cursor: pointer; flex: none; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
`;

  let host = null;

  function owns(node) {
    return !!host && (node === host || host.contains(node));
  }

  function place(near) {
    const doc = host.ownerDocument;
    const win = doc.defaultView;
    const r = near && near.isConnected ? near.getBoundingClientRect() : { left: 16, bottom: 16, top: 16 };
    const width = 400;
    const left = Math.max(8, Math.min(r.left, win.innerWidth - width - 8));
    // Below the composer when there is room, above it otherwise.
    const below = r.bottom + 8 + 90 < win.innerHeight;
    host.style.setProperty('left', `${left + win.scrollX}px`, 'important');
    host.style.setProperty('top', `${(below ? r.bottom + 8 : Math.max(8, r.top - 98)) + win.scrollY}px`, 'important');
  }

  // options: {near: Element, missing: 'control' | 'editor', t(key)}
  function show(options) {
    const doc = root.document;
    if (host) host.remove();
    host = doc.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (_) {
      const style = doc.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
    }
    const t = options.t;
    const box = doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    const text = doc.createElement('div');
    const title = doc.createElement('p');
    title.className = 'title';
    title.textContent = t('guardNoticeTitle');
    const why = doc.createElement('p');
    why.textContent = t(options.missing === 'editor' ? 'guardNoticeNoEditor' : 'guardNoticeNoControl');
    const how = doc.createElement('p');
    how.textContent = t('guardNoticeHow');
    text.append(title, why, how);
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = t('guardNoticeDismiss');
    close.addEventListener('click', (e) => { e.stopPropagation(); dismiss(); });
    box.append(text, close);
    shadow.append(box);
    (doc.body || doc.documentElement).append(host);
    place(options.near);
    return host;
  }

  function dismiss() {
    if (host) host.remove();
    host = null;
  }

  OV.guardNotice = { show, dismiss, owns, HOST_ID };
})(globalThis);
