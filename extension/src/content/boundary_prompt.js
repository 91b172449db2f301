// The employee's boundary reminder, shown BEFORE the usual prompt when a post the host
// calls "about work" is going to an account or platform the employee keeps work out of
// (common/boundaries.js decides; the list is read from storage.local here and never
// leaves the browser). It says so first and plainly, and offers: share anyway (the usual
// prompt follows, with the usual checks), cancel (the composer is left as it is), and,
// where the employee named a work platform, a link that opens the same text there.
//
// before(options) -> Promise<{shown, action, checkId, audience, extra}>
//   action: 'continue' (no reminder, or "share anyway") | 'cancel' (cancel, Esc, or the
//   work link was followed). `extra` is merged into the `confirm` request:
//   {boundary_reminder: true} when the reminder was shown.
// The reminder sits in the same shadow host as the prompt (OV.prompt.HOST_ID), so
// guard.js's key shield and click filter treat both alike.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const api = root.browser || root.chrome;

  const EXTRA_CSS = `
.ov-boundary { border-left: 4px solid #7c3aed; background: #f5f3ff; border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
.ov-boundary-text { font-weight: 700; font-size: 16px; color: #3b0764; margin: 0; }
.ov-audience { color: #334155; font-size: 14px; margin: 4px 0 8px; }
.ov-elsewhere { margin: 10px 0 0; }
`;

  async function loadList() {
    try {
      const got = await api.storage.local.get({ [OV.boundaries.STORAGE_KEY]: null });
      return OV.boundaries.normalize(got && got[OV.boundaries.STORAGE_KEY]);
    } catch (_) {
      return OV.boundaries.normalize(null);
    }
  }

  function adoptStyles(shadow, doc, el) {
    try {
      const base = new CSSStyleSheet();
      base.replaceSync(OV.promptCss || '');
      const extra = new CSSStyleSheet();
      extra.replaceSync(EXTRA_CSS);
      shadow.adoptedStyleSheets = [base, extra];
    } catch (_) {
      shadow.append(el(doc, 'style', { text: (OV.promptCss || '') + EXTRA_CSS }));
    }
  }

  // The one line "Visible to: Public", or null when the composer shows no audience.
  function audienceLine(doc, t, audience) {
    if (!audience) return null;
    return OV.resultView.el(doc, 'p', { class: 'ov-audience', id: 'ov-audience', text: t('audienceLine', [audience]) });
  }

  // options: {doc, t, reminder: {entry, company}, audience, alternatives: [{platform, name, href}]}
  // Returns {decided: Promise<{action: 'anyway'|'cancel'|'elsewhere', platform?}>, host, onKey, close}.
  function show(options) {
    const doc = options.doc || document;
    const t = options.t;
    const { el } = OV.resultView;
    const old = doc.getElementById(OV.prompt.HOST_ID);
    if (old) old.remove();

    const host = el(doc, 'div', { id: OV.prompt.HOST_ID, 'data-state': 'boundary' });
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, doc, el);
    // As in the prompt: nothing that happens in here reaches the site's own listeners.
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
      'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'focusin', 'focusout', 'paste', 'copy', 'cut']) {
      shadow.addEventListener(type, (e) => e.stopPropagation());
    }

    let resolve;
    const decided = new Promise((r) => { resolve = r; });
    let finished = false;
    function finish(outcome) {
      if (finished) return;
      finished = true;
      close();
      resolve(outcome);
    }

    const { entry, company } = options.reminder;
    const where = OV.boundaries.label(entry);
    const sentence = company ? t('boundaryReminder', [company, where]) : t('boundaryReminderWork', [where]);

    const dialog = el(doc, 'div', {
      class: 'ov-dialog', role: 'alertdialog', 'aria-modal': 'true', tabindex: '-1',
      'aria-labelledby': 'ov-boundary-text', 'aria-describedby': 'ov-boundary-hint',
    });
    dialog.append(
      el(doc, 'div', { class: 'ov-boundary', 'data-platform': entry.platform, 'data-account': entry.account || null },
        el(doc, 'p', { id: 'ov-boundary-text', class: 'ov-boundary-text', text: sentence })),
    );
    const line = audienceLine(doc, t, options.audience);
    if (line) dialog.append(line);
    dialog.append(el(doc, 'p', { id: 'ov-boundary-hint', class: 'ov-note', text: t('boundaryHint') }));

    for (const alt of options.alternatives || []) {
      const a = el(doc, 'a', {
        class: 'ov-elsewhere-link', 'data-platform': alt.platform, href: alt.href, target: '_blank', rel: 'noopener noreferrer',
        text: t('boundaryElsewhere', [alt.name]),
      });
      // Following the link takes the post to the work account: nothing is shared here.
      a.addEventListener('click', () => setTimeout(() => finish({ action: 'elsewhere', platform: alt.platform }), 0));
      dialog.append(el(doc, 'p', { class: 'ov-elsewhere' }, a));
    }

    const row = el(doc, 'div', { class: 'ov-buttons' });
    const cancelBtn = el(doc, 'button', { id: 'ov-boundary-cancel', type: 'button', class: 'ov-primary', text: t('cancel') });
    cancelBtn.addEventListener('click', () => finish({ action: 'cancel' }));
    const anyway = el(doc, 'button', { id: 'ov-boundary-anyway', type: 'button', text: t('boundaryShareAnyway') });
    anyway.addEventListener('click', () => finish({ action: 'anyway' }));
    row.append(cancelBtn, anyway);
    dialog.append(row);

    const backdrop = el(doc, 'div', { class: 'ov-backdrop' }, dialog);
    shadow.append(backdrop);

    function focusables() {
      return Array.from(shadow.querySelectorAll('button, a[href]')).filter((n) => !n.disabled);
    }
    function onKey(e) {
      if (e.key === 'Escape') { e.preventDefault(); finish({ action: 'cancel' }); return; }
      if (e.key !== 'Tab') return;
      const items = focusables();
      const first = items[0];
      const last = items[items.length - 1];
      const active = shadow.activeElement;
      if (e.shiftKey && (active === first || !active)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (active === last || !active)) { e.preventDefault(); first.focus(); }
    }
    function close() { host.remove(); }

    (doc.body || doc.documentElement).append(host);
    // Cancel has the focus: a stray Enter keeps work out, as the employee asked.
    cancelBtn.focus();
    return { decided, host, onKey, close };
  }

  // The list, read once and kept current: the reminder must replace the prompt within
  // the same task (no frame of the usual prompt shows first), so no storage round-trip
  // may sit between the check result and the decision.
  let listCache = null;
  function list() {
    if (!listCache) listCache = loadList();
    return listCache;
  }
  try {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[OV.boundaries.STORAGE_KEY]) listCache = null;
    });
    list();
  } catch (_) { /* no extension API (unit tests) */ }

  // Puts the usual prompt back after "share anyway", focused as it was opened.
  function restore(prompt, doc, result) {
    (doc.body || doc.documentElement).append(prompt.host);
    const shadow = prompt.host.shadowRoot;
    const first = shadow && (result && result.verdict === 'block' ? shadow.getElementById('ov-body') : shadow.getElementById('ov-consent'));
    if (first) first.focus();
  }

  // The whole step, for guard.js (and any other embedder): reads the composer's audience
  // and account, asks the pure rule, shows the reminder when it applies.
  // options: {doc, t, adapter, composer, text, response, prompt?, onShow(controller)}
  // `prompt`: the usual prompt, already open; it is taken out of the page while the
  // reminder shows, and put back on "share anyway".
  async function before(options) {
    const doc = options.doc || document;
    const audience = OV.audience ? OV.audience.read(options.adapter, options.composer) : null;
    const response = options.response;
    const none = { shown: false, action: 'continue', checkId: null, audience, extra: undefined };
    if (!response || response.state !== 'ok' || !response.result) return none;
    const stored = await list();
    // The employee may have cancelled the prompt while the check was running.
    if (options.prompt && !options.prompt.host.isConnected) return none;
    const where = { platform: options.adapter.platform, account: OV.audience ? OV.audience.account(options.adapter, options.composer) : null };
    const reminder = OV.boundaries.shouldRemind(stored, where, response.result);
    if (!reminder) return none;
    if (options.prompt) options.prompt.host.remove();
    const controller = show({
      doc, t: options.t, reminder, audience,
      alternatives: OV.boundaries.alternatives(stored, options.text),
    });
    if (options.onShow) options.onShow(controller);
    const outcome = await controller.decided;
    const action = outcome.action === 'anyway' ? 'continue' : 'cancel';
    if (action === 'continue' && options.prompt) restore(options.prompt, doc, response.result);
    return {
      shown: true,
      action,
      elsewhere: outcome.platform || null,
      checkId: response.result.check_id || null,
      audience,
      extra: { boundary_reminder: true },
    };
  }

  OV.boundaryPrompt = { before, show, audienceLine, loadList };
})(globalThis);
