// Opens the prompt over the page, out of the page's reach. The prompt itself (what the
// host found, the employer's rule descriptions, the disclaimer, the consent, the
// employee's own boundary reminder) is an extension page, src/prompt/prompt.html, shown
// in a frame: the site's scripts cannot read another origin's document, and the frame
// sits in a CLOSED shadow root, so they cannot reach the frame element either (to move
// it, hide it or read its address). All this script puts in the page's DOM is that one
// empty host element.
//
// The frame and this script talk over extension ports joined by the background
// (background/prompt_relay.js), both named with a secret this script put in the frame's
// address: the page can neither read nor inject those messages (no window.postMessage).
//
// show(options) returns a controller: {decided: Promise<outcome>, update(response),
// busy(on), fail(message), close(), host}. outcome.action is 'post' | 'post_anyway' |
// 'edit' | 'cancel'; outcome.extra holds fields for `confirm` (prompt_frame.js).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const api = root.browser || root.chrome;

  const HOST_ID = 'ownvoice-prompt-host';
  const PAGE = 'src/prompt/prompt.html';
  const FRAME_STYLE = 'all: initial !important; display: block !important; position: fixed !important; inset: 0 !important; '
    + 'width: 100vw !important; height: 100vh !important; border: 0 !important; margin: 0 !important; padding: 0 !important; '
    + 'z-index: 2147483647 !important; visibility: inherit !important; pointer-events: inherit !important; opacity: 1 !important; color-scheme: light !important; '
    + 'background: transparent !important;';

  function secret() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // The frame, its host and its port, made ahead of time (prepare) so that a Post click
  // only has to send the result to a page already loaded: loading an extension page
  // costs more than the whole check with a warm host. Until shown, the host has no id,
  // is hidden and takes no clicks, and the frame waits (no keepalive, nothing read).
  let prepared = null;

  function create(doc) {
    const host = doc.createElement('div');
    host.setAttribute('style', 'all: initial !important; display: block !important; position: fixed !important; '
      + 'inset: 0 !important; z-index: 2147483647 !important; visibility: hidden !important; pointer-events: none !important;');
    const shadow = host.attachShadow({ mode: 'closed' });
    const key = secret();
    const frame = doc.createElement('iframe');
    frame.setAttribute('style', FRAME_STYLE);
    frame.src = api.runtime.getURL(PAGE) + '#' + key;
    shadow.append(frame);
    // Messages wait in the background until the frame has joined.
    const port = api.runtime.connect({ name: 'ov-prompt-page:' + key });
    const p = { doc, host, frame, port, dead: false, onMessage: null, onDisconnect: null };
    port.onMessage.addListener((msg) => { if (p.onMessage) p.onMessage(msg); });
    port.onDisconnect.addListener(() => {
      p.dead = true;
      if (p.onDisconnect) p.onDisconnect(); else host.remove();
    });
    (doc.body || doc.documentElement).append(host);
    return p;
  }

  function prepare(doc) {
    doc = doc || document;
    if (prepared && !prepared.dead && prepared.host.isConnected && prepared.doc === doc) return;
    if (prepared) prepared.host.remove();
    prepared = create(doc);
  }

  // options: {doc, t, originalText, response, recheck(text) -> Promise<response>,
  //           userDisclaimer: {en?, fr?}, installUrl, audience?: "Public" (audience.js),
  //           where?: {platform, account} (for the employee's boundary reminder)}
  // response: {state: 'ok', result, allowUserDisclaimer} | {state: 'checking'} |
  //           {state: 'unavailable', reason, message}
  function show(options) {
    const doc = options.doc || document;
    const old = doc.getElementById(HOST_ID);
    if (old) old.remove();
    const p = prepared && !prepared.dead && prepared.host.isConnected && prepared.doc === doc ? prepared : create(doc);
    if (p !== prepared && prepared) prepared.host.remove();
    prepared = null;
    const { host, frame } = p;
    host.id = HOST_ID;
    frame.setAttribute('title', options.t ? options.t('promptTitle') : 'OwnVoice');
    host.style.setProperty('visibility', 'visible', 'important');
    host.style.removeProperty('pointer-events');

    let port = p.port;
    let finished = false;
    let resolveDecided;
    const controller = {
      host,
      decided: new Promise((resolve) => { resolveDecided = resolve; }),
      update(response) { post({ type: 'update', response }); },
      busy(on) { post({ type: 'busy', on: !!on }); },
      fail(message) {
        finished = false;
        post({ type: 'fail', message: String(message || '') });
        return (controller.decided = new Promise((resolve) => { resolveDecided = resolve; }));
      },
      close,
    };

    function post(message) {
      if (port) { try { port.postMessage(message); } catch (_) { /* frame gone */ } }
    }

    function finish(outcome) {
      if (finished) return;
      finished = true;
      if (outcome.action === 'cancel' || outcome.action === 'edit') close();
      resolveDecided(outcome);
    }

    async function onMessage(msg) {
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'ready') {
        frame.focus();  // the frame then focuses its first control itself
      } else if (msg.type === 'recheck' && options.recheck) {
        const text = String(msg.text || '');
        post({ type: 'rechecked', text, response: await options.recheck(text) });
      } else if (msg.type === 'decided' && msg.outcome && typeof msg.outcome.action === 'string') {
        finish(msg.outcome);
      }
    }
    p.onMessage = onMessage;
    // The frame went away without a decision (the page removed it, the tab is closing,
    // the browser stopped the background): nothing is shared.
    p.onDisconnect = () => { port = null; finish({ action: 'cancel', checkId: null }); };
    if (p.dead) p.onDisconnect();
    post({
      type: 'init', text: options.originalText, response: options.response, userDisclaimer: options.userDisclaimer || {},
      installUrl: options.installUrl, audience: options.audience || null, where: options.where || null,
    });

    // Focus that wanders out (a click on the page behind) is brought back to the
    // prompt, but a site with its own focus lock is not fought forever.
    let pulls = 0;
    let pullsSince = 0;
    function onFocusIn(e) {
      if (finished || e.target === host) return;
      const now = performance.now();
      if (now - pullsSince > 1000) { pulls = 0; pullsSince = now; }
      if (++pulls > 3) return;
      frame.focus();
    }

    // Hidden at once, removed a moment later: the click that decided is still being
    // delivered to the frame, and tearing the frame down under it can leave the
    // browser's input pipeline (and automation driving it) waiting.
    function close() {
      doc.removeEventListener('focusin', onFocusIn, true);
      root.removeEventListener('keydown', onKeyToPage, true);
      if (port) { const q = port; port = null; try { q.disconnect(); } catch (_) { /* gone */ } }
      host.style.setProperty('visibility', 'hidden', 'important');
      host.style.setProperty('pointer-events', 'none', 'important');
      setTimeout(() => host.remove(), 100);
    }

    // A key that reaches the page while the prompt shows, on the prompt's own host: the
    // browser has the prompt focused but still sends the keyboard to the page (Chromium
    // does this at times when the prompt opens from a key press, as Ctrl+Enter). The key
    // is kept from the site, and the keyboard is handed to the frame again (blur, then
    // focus: focusing what already has focus does nothing), so the next key reaches it.
    function onKeyToPage(e) {
      if (finished || !e.isTrusted || e.target !== host) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      frame.blur();
      frame.focus();
    }

    frame.focus();
    doc.addEventListener('focusin', onFocusIn, true);
    root.addEventListener('keydown', onKeyToPage, true);
    return controller;
  }

  OV.prompt = { show, prepare, HOST_ID, PAGE };
})(globalThis);
