// The prompt's own page (prompt.html), shown in a frame over the site by the content
// script (content/prompt.js). The site's scripts cannot read this document (another
// origin) nor reach into the closed shadow root that holds the frame, so the findings,
// the employer's rule descriptions and the employee's own boundaries stay out of the
// page. The frame talks to the content script that opened it only, over extension ports
// joined by the background (named with the secret the content script put in the frame's
// address): nothing goes through window.postMessage.
//
// Messages, content script -> frame:
//   {type: 'init', text, response, userDisclaimer, installUrl, audience, where}
//   {type: 'update', response}   the result that was still on its way
//   {type: 'rechecked', text, response}
//   {type: 'busy', on}  {type: 'fail', message}
// frame -> content script:
//   {type: 'ready'}  {type: 'keepalive'} (stops at the background)
//   {type: 'recheck', text}
//   {type: 'decided', outcome}   outcome.action: 'post' | 'post_anyway' | 'edit' | 'cancel'
//     outcome.extra: fields for `confirm` ({boundary_reminder: true} when the reminder showed)
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const V = OV.promptViews;
  const { t } = OV.pageI18n;
  const doc = document;
  const html = doc.documentElement;
  const dialog = doc.getElementById('ov-dialog');
  const secret = location.hash.slice(1);

  html.lang = api.i18n.getUILanguage().split('-')[0];

  const state = {
    view: 'waiting',        // 'waiting' | 'boundary' | 'prompt'
    response: { state: 'checking' },
    checkedText: '',
    originalText: '',
    body: '',
    consent: false,
    disclaimerOn: true,
    disclaimerChosen: false,
    disclaimerWording: null,  // null = the proposal's own wording
    disclosureOn: false,
    busy: false,
    error: null,
    reminder: null,           // {reminder, alternatives} while the boundary reminder shows
    extra: undefined,         // merged into `confirm`
  };
  let init = null;
  let privacy = null;
  let port = null;
  let finished = false;
  const refs = { status: null, row: null };

  // Read when the prompt opens (this page may have been loaded ahead of time, and the
  // employee may have changed either since):
  // - the employee's own list (storage.local, this extension's alone), read here and
  //   nowhere else: it never enters the page, the content script or the host;
  // - the debug banner and log-key warning (background/handlers.js 'ov.privacy'),
  //   usually in before the check's result; when later, they are put in place without
  //   redrawing the rest (a slow host must not hold the prompt back, nor a late banner
  //   move the caret).
  const PRIVACY_WAIT_MS = 250;
  let boundariesReady = null;
  let privacyReady = null;
  function readOnOpen() {
    boundariesReady = api.storage.local.get({ [OV.boundaries.STORAGE_KEY]: null })
      .then((got) => OV.boundaries.normalize(got && got[OV.boundaries.STORAGE_KEY]), () => OV.boundaries.normalize(null));
    privacyReady = api.runtime.sendMessage({ type: 'ov.privacy' })
      .then((p) => { privacy = p && p.ok ? p.privacy : null; }, () => { privacy = null; })
      .then(() => {
        const box = doc.getElementById('ov-notices');
        if (box) box.replaceWith(V.privacyNotices(context()));
      });
  }

  function result() { return state.response && state.response.state === 'ok' ? state.response.result : null; }

  function proposal() {
    const r = result();
    if (!r || !r.disclaimer || r.disclaimer.present || !r.disclaimer.proposed_text) return null;
    const ins = OV.disclaimer.insertionOf(state.checkedText, r.disclaimer.proposed_text);
    if (!ins) return null;
    const custom = state.response.allowUserDisclaimer !== false && init.userDisclaimer
      ? init.userDisclaimer[r.disclaimer.language] : null;
    const wording = state.disclaimerWording ?? (custom || OV.disclaimer.splitInsertion(ins.text).wording);
    return OV.disclaimer.withWording(ins, wording);
  }

  function disclosure() {
    const r = result();
    return r && r.promotional && r.promotional.promotional && r.promotional.disclosure ? r.promotional.disclosure : '';
  }

  function controls() {
    return OV.promptState.controls({
      host: state.busy || state.response.state === 'checking' ? 'checking' : state.response.state === 'ok' ? 'ok' : 'unavailable',
      checkedText: state.checkedText,
      currentText: state.body,
      result: result(),
      consent: state.consent,
    });
  }

  const on = {
    edited: refresh,
    cancel,
    edit: () => decide({ action: 'edit' }),
    recheck,
    post,
    postAnyway: () => decide({ action: 'post_anyway' }),
    boundary: onBoundary,
  };

  function context() {
    return { doc, t, state, result, proposal, disclosure, controls, on, privacy,
      audience: init && init.audience, installUrl: init && init.installUrl };
  }

  function send(message) {
    try { port.postMessage(message); } catch (_) { /* the content script is gone: so is the prompt */ }
  }

  function decide(outcome) {
    if (finished) return;
    finished = true;
    send({ type: 'decided', outcome: Object.assign({ extra: state.extra }, outcome) });
  }

  function dataState() {
    if (state.view === 'boundary') return 'boundary';
    if (state.busy) return 'busy';
    if (state.response.state === 'ok') return result().verdict || 'ok';
    return state.response.state === 'checking' ? 'checking' : 'unavailable';
  }

  function render() {
    const focusedId = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement.id : null;
    dialog.replaceChildren();
    refs.status = null;
    const ctx = context();
    if (state.view === 'boundary') {
      dialog.setAttribute('role', 'alertdialog');
      dialog.setAttribute('aria-labelledby', 'ov-boundary-text');
      dialog.setAttribute('aria-describedby', 'ov-boundary-hint');
      dialog.append(V.privacyNotices(ctx), ...V.boundaryReminder(ctx, state.reminder.reminder, state.reminder.alternatives));
    } else {
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-labelledby', 'ov-title');
      dialog.setAttribute('aria-describedby', 'ov-status');
      const parts = [V.title(ctx), V.privacyNotices(ctx), V.audience(ctx)];
      if (state.response.state === 'ok') {
        refs.status = V.status(ctx);
        parts.push(refs.status, ...V.checkedPost(ctx), ...V.findings(ctx), V.promotional(ctx), ...V.body(ctx),
          ...V.disclaimer(ctx), V.truncated(ctx), V.logOffer(ctx), V.consent(ctx));
      } else if (state.response.state === 'checking') {
        parts.push(V.checking(ctx));
      } else {
        parts.push(V.unavailable(ctx));
      }
      parts.push(V.error(ctx));
      refs.row = V.buttons(ctx);
      parts.push(refs.row);
      dialog.append(...parts.filter(Boolean));
    }
    html.setAttribute('data-state', dataState());
    if (focusedId) {
      const again = doc.getElementById(focusedId);
      if (again && !again.disabled) again.focus();
    }
  }

  // Updates the status line and the buttons without rebuilding the text fields, so
  // typing keeps its caret.
  function refresh() {
    if (state.view !== 'prompt') return;
    const ctx = context();
    if (refs.status && result()) refs.status.textContent = V.statusText(ctx);
    const focusedId = doc.activeElement ? doc.activeElement.id : null;
    const row = V.buttons(ctx);
    refs.row.replaceWith(row);
    refs.row = row;
    if (focusedId && row.querySelector('#' + focusedId)) {
      const again = doc.getElementById(focusedId);
      if (!again.disabled) again.focus();
    }
  }

  // Where focus starts: the text when the post is blocked, the consent otherwise; the
  // dialog itself when the host is unavailable (the message is read first, and no stray
  // Enter posts unchecked); Cancel on the reminder (a stray Enter keeps work out).
  function focusStart() {
    const r = result();
    const first = state.view === 'boundary' ? doc.getElementById('ov-boundary-cancel')
      : r && r.verdict === 'block' ? doc.getElementById('ov-body') : r ? doc.getElementById('ov-consent') : null;
    (first || dialog).focus();
  }

  // For the click-to-prompt measurement: when the result is in the DOM, and on screen
  // after the next frame, as wall-clock times (this document's clock is not the page's).
  function stampResult() {
    if (state.response.state === 'checking' || html.hasAttribute('data-rendered-at')) return;
    const now = () => String(performance.timeOrigin + performance.now());
    html.setAttribute('data-rendered-at', now());
    requestAnimationFrame(() => setTimeout(() => html.setAttribute('data-painted-at', now()), 0));
  }

  // The reminder, when the check says the post is about work and it is going to an
  // account the employee keeps work out of (common/boundaries.js decides). Asked once,
  // on the first result: a new check of an edited text does not bring it back.
  let boundaryAsked = false;
  async function remindFirst(response) {
    if (boundaryAsked || !init.where || response.state !== 'ok' || !response.result) return null;
    boundaryAsked = true;
    const list = await boundariesReady;
    const reminder = OV.boundaries.shouldRemind(list, init.where, response.result);
    return reminder ? { reminder, alternatives: OV.boundaries.alternatives(list, init.text) } : null;
  }

  // The disclaimer box starts ticked only where the host recommends it for the post as
  // first checked (a post about work or to a professional network: docs/checks.md). After
  // that it is the employee's: a recheck of their edited text never flips it under them.
  function applyRecommendation(response) {
    const d = response && response.state === 'ok' && response.result ? response.result.disclaimer : null;
    if (!d || state.disclaimerChosen) return;
    state.disclaimerOn = d.recommended !== false;
    state.disclaimerChosen = true;
  }

  async function showResponse(response) {
    state.response = response;
    applyRecommendation(response);
    const reminder = await remindFirst(response);
    if (finished) return;
    if (reminder) {
      state.reminder = reminder;
      state.view = 'boundary';
      state.extra = { boundary_reminder: true };
    } else if (state.view !== 'boundary') {
      state.view = 'prompt';
    }
    render();
    if (state.view === 'prompt') stampResult();
    focusStart();
  }

  function onBoundary(outcome) {
    if (finished || state.view !== 'boundary') return;
    if (outcome.action === 'anyway') {
      state.view = 'prompt';
      render();
      stampResult();
      focusStart();
      return;
    }
    const r = result();
    decide({ action: 'cancel', checkId: r ? r.check_id : null, elsewhere: outcome.platform || null });
  }

  async function recheck() {
    state.busy = true;
    state.error = null;
    render();
    send({ type: 'recheck', text: state.body });
  }

  function onRechecked(msg) {
    state.busy = false;
    state.response = msg.response;
    applyRecommendation(msg.response);  // only if the first check had no result
    state.checkedText = msg.text;
    state.disclaimerWording = null;
    state.view = 'prompt';
    render();
    const next = doc.getElementById(controls().post ? 'ov-post' : 'ov-consent') || doc.getElementById('ov-body');
    if (next) next.focus();
  }

  function post() {
    if (!controls().post) return;
    const r = result();
    decide({
      action: 'post',
      checkId: r.check_id,
      body: state.body,
      finalText: OV.promptState.finalText(state.body, state.disclaimerOn ? proposal() : null, state.disclosureOn ? disclosure() : ''),
      decision: OV.promptState.decision(state.originalText, state.body),
      consent: state.consent,
    });
  }

  function cancel() {
    const r = result();
    decide({ action: 'cancel', checkId: r ? r.check_id : null });
  }

  function focusables() {
    return Array.from(dialog.querySelectorAll('button, input, textarea, a[href]'))
      .filter((n) => !n.disabled && n.getClientRects().length > 0);
  }

  // The keyboard stays in the prompt: Tab cycles, Esc cancels (or leaves the reminder).
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (state.view === 'boundary') onBoundary({ action: 'cancel' }); else cancel();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusables();
    if (!items.length) { e.preventDefault(); dialog.focus(); return; }
    const first = items[0];
    const last = items[items.length - 1];
    const active = doc.activeElement;
    if (e.shiftKey && (active === first || active === dialog || active === doc.body || !active)) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (active === last || active === doc.body || !active)) { e.preventDefault(); first.focus(); }
  });

  async function onMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'init' && !init) {
      init = msg;
      readOnOpen();
      keepAlive();
      state.originalText = state.checkedText = state.body = String(msg.text || '');
      await Promise.race([privacyReady, new Promise((r) => setTimeout(r, PRIVACY_WAIT_MS))]);
      await showResponse(msg.response || { state: 'checking' });
    } else if (!init) {
      // Nothing before init.
    } else if (msg.type === 'update' && !finished) {
      if (state.view === 'waiting' || state.response.state === 'checking') await showResponse(msg.response);
    } else if (msg.type === 'rechecked') {
      onRechecked(msg);
    } else if (msg.type === 'busy') {
      state.busy = !!msg.on;
      render();
    } else if (msg.type === 'fail') {
      finished = false;
      state.error = String(msg.message || '');
      state.busy = false;
      render();
    }
  }

  // The port to the content script that opened this frame, joined by the background
  // (background/prompt_relay.js) through the secret in this page's address. A message
  // now and then keeps the background awake while the employee reads.
  const KEEPALIVE_MS = 20000;
  let keepAliveTimer = null;
  function keepAlive() { keepAliveTimer = setInterval(() => send({ type: 'keepalive' }), KEEPALIVE_MS); }

  function connect() {
    if (!/^[0-9a-f]{32}$/.test(secret)) return;  // not opened by our content script
    port = api.runtime.connect({ name: 'ov-prompt-frame:' + secret });
    // One message at a time: an `update` must not overtake the `init` before it.
    let queue = Promise.resolve();
    port.onMessage.addListener((msg) => { queue = queue.then(() => onMessage(msg)).catch(() => {}); });
    send({ type: 'ready' });
    // The content script closed the prompt (or is gone): this page is about to go.
    port.onDisconnect.addListener(() => { clearInterval(keepAliveTimer); finished = true; html.setAttribute('data-state', 'closed'); });
  }

  connect();
})(globalThis);
