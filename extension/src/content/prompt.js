// The in-page prompt shown when the employee presses Post: what the host found, the
// disclaimer to add (editable), the promotional warning, and the consent checkbox.
// Lives in a shadow root so the page's styles and scripts leave it alone; usable with
// the keyboard only (focus stays inside, Esc cancels).
//
// show(options) returns a controller: {decided: Promise<outcome>, busy(), fail(), close()}.
// outcome.action is 'post' | 'post_anyway' | 'edit' | 'cancel'.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const { el } = OV.resultView;

  const HOST_ID = 'ownvoice-prompt-host';

  function adoptStyles(shadow, doc) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(OV.promptCss);
      shadow.adoptedStyleSheets = [sheet];
    } catch (_) {
      shadow.append(el(doc, 'style', { text: OV.promptCss }));
    }
  }

  // options: {doc, t, originalText, response, recheck(text) -> Promise<response>,
  //           userDisclaimer: {en?, fr?}, installUrl, audience?: "Public" (audience.js)}
  // response: {state: 'ok', result, allowUserDisclaimer} | {state: 'unavailable', reason, message}
  function show(options) {
    const doc = options.doc || document;
    const t = options.t;
    const old = doc.getElementById(HOST_ID);
    if (old) old.remove();

    const host = el(doc, 'div', { id: HOST_ID });
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, doc);

    const refs = { status: null, row: null };
    const state = {
      response: options.response,
      checkedText: options.originalText,
      body: options.originalText,
      consent: false,
      disclaimerOn: options.response?.result?.disclaimer?.recommended !== false,  // ticked only where it means something (docs/checks.md)
      disclaimerWording: null,  // null = the proposal's own wording
      disclosureOn: false,
      busy: false,
      error: null,
    };

    let resolveDecided;
    const decided = new Promise((resolve) => { resolveDecided = resolve; });
    let finished = false;
    function finish(outcome) {
      if (finished) return;
      finished = true;
      resolveDecided(outcome);
    }

    const backdrop = el(doc, 'div', { class: 'ov-backdrop' });
    const dialog = el(doc, 'div', {
      class: 'ov-dialog', role: 'dialog', 'aria-modal': 'true', tabindex: '-1',
      'aria-labelledby': 'ov-title', 'aria-describedby': 'ov-status',
    });
    backdrop.append(dialog);
    shadow.append(backdrop);

    // What happens in the prompt is none of the site's business: its bubbling listeners
    // (click-outside-to-close, shortcuts) never hear of it. Keys are also stopped before
    // the site's capturing listeners, by guard.js, which then calls onKey.
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
      'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'focusin', 'focusout', 'paste', 'copy', 'cut']) {
      shadow.addEventListener(type, (e) => e.stopPropagation());
    }

    function result() { return state.response && state.response.state === 'ok' ? state.response.result : null; }

    function proposal() {
      const r = result();
      if (!r || !r.disclaimer || r.disclaimer.present || !r.disclaimer.proposed_text) return null;
      const ins = OV.disclaimer.insertionOf(state.checkedText, r.disclaimer.proposed_text);
      if (!ins) return null;
      const custom = state.response.allowUserDisclaimer !== false && options.userDisclaimer
        ? options.userDisclaimer[r.disclaimer.language] : null;
      const wording = state.disclaimerWording ?? (custom || OV.disclaimer.splitInsertion(ins.text).wording);
      return OV.disclaimer.withWording(ins, wording);
    }

    function disclosure() {
      const r = result();
      return r && r.promotional && r.promotional.promotional && r.promotional.disclosure ? r.promotional.disclosure : '';
    }

    function finalText() {
      return OV.promptState.finalText(state.body, state.disclaimerOn ? proposal() : null,
        state.disclosureOn ? disclosure() : '');
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

    function render() {
      const focusedId = shadow.activeElement ? shadow.activeElement.id : null;
      dialog.replaceChildren();
      refs.status = null;
      dialog.append(el(doc, 'h2', { id: 'ov-title', text: t('promptTitle') }));
      // Who will see the post, as the composer shows it (audience.js): one line.
      if (options.audience) dialog.append(el(doc, 'p', { class: 'ov-audience', id: 'ov-audience', text: t('audienceLine', [options.audience]) }));
      if (state.response.state === 'ok') renderChecked();
      else if (state.response.state === 'checking') renderChecking();
      else renderUnavailable();
      if (state.error) dialog.append(el(doc, 'p', { class: 'ov-error', role: 'alert', text: state.error }));
      dialog.append(renderButtons());
      host.setAttribute('data-state', state.busy ? 'busy' : state.response.state === 'ok' ? (result().verdict || 'ok')
        : state.response.state === 'checking' ? 'checking' : 'unavailable');
      if (focusedId) {
        const again = shadow.getElementById(focusedId);
        if (again && !again.disabled) again.focus();
      }
    }

    function renderChecked() {
      const r = result();
      const c = controls();
      const status = c.reason === 'recheck_needed' ? t('recheckNeeded') : OV.resultView.verdictText(t, r);
      refs.status = el(doc, 'p', {
        id: 'ov-status', class: 'ov-status ov-' + (r.verdict || 'ok'), role: 'status', 'aria-live': 'polite', text: status,
      });
      dialog.append(refs.status);
      // The post as checked, highlighted, when something in it is worth pointing at.
      if (OV.resultView.hasSpans(r.findings)) dialog.append(OV.resultView.highlighted(doc, t, state.checkedText, r.findings));
      const tooLong = OV.resultView.lengthNote(doc, t, r.length);
      if (tooLong) dialog.append(tooLong);
      const list = OV.resultView.findingsList(doc, t, r.findings, r.promotional);
      if (list) dialog.append(el(doc, 'h3', { text: t('findingsHeading') }), list);

      const promo = OV.resultView.promotional(doc, t, r.promotional);
      if (promo) {
        const d = disclosure();
        if (d) {
          const box = el(doc, 'input', { type: 'checkbox', id: 'ov-disclosure' });
          box.checked = state.disclosureOn;
          box.addEventListener('change', () => { state.disclosureOn = box.checked; });
          promo.append(el(doc, 'p', { text: t('promoDisclosure') }),
            el(doc, 'label', { class: 'ov-inline', for: 'ov-disclosure' }, box, el(doc, 'span', { text: d })));
        }
        dialog.append(promo);
      }

      // The post itself, editable; changing it asks for a new check before sharing.
      const area = el(doc, 'textarea', { id: 'ov-body', 'aria-label': t('postLabel') });
      area.value = state.body;
      area.rows = Math.min(10, Math.max(3, state.body.split('\n').length + 1));
      area.addEventListener('input', () => {
        state.body = area.value;
        refresh();
      });
      dialog.append(el(doc, 'label', { for: 'ov-body', text: t('postLabel') }), area);
      dialog.append(el(doc, 'p', { class: 'ov-note', text: t('editHint') }));

      renderDisclaimer(r);
      if (r.truncated) dialog.append(el(doc, 'p', { class: 'ov-note', text: t('truncated') }));

      const consent = el(doc, 'input', { type: 'checkbox', id: 'ov-consent' });
      consent.checked = state.consent;
      consent.addEventListener('change', () => { state.consent = consent.checked; refresh(); });
      dialog.append(el(doc, 'div', { class: 'ov-consent' },
        el(doc, 'label', { class: 'ov-inline', for: 'ov-consent' }, consent, el(doc, 'span', { text: t('consent') }))));
    }

    function renderDisclaimer(r) {
      const d = r.disclaimer;
      if (!d) return;
      dialog.append(el(doc, 'h3', { text: t('disclaimerHeading') }));
      if (d.present) { dialog.append(el(doc, 'p', { class: 'ov-note', text: t('disclaimerPresent') })); return; }
      const p = proposal();
      if (!p && state.disclaimerWording === null) {
        dialog.append(el(doc, 'p', { class: 'ov-note', text: d.fits === false ? t('disclaimerNoFit') : t('disclaimerNone') }));
        return;
      }
      const box = el(doc, 'input', { type: 'checkbox', id: 'ov-disclaimer-on' });
      box.checked = state.disclaimerOn;
      box.addEventListener('change', () => { state.disclaimerOn = box.checked; wording.disabled = !box.checked; });
      const wording = el(doc, 'input', { type: 'text', id: 'ov-disclaimer-text', 'aria-label': t('disclaimerLabel') });
      wording.value = p ? OV.disclaimer.splitInsertion(p.text).wording : '';
      wording.disabled = !state.disclaimerOn;
      wording.addEventListener('input', () => { state.disclaimerWording = wording.value; });
      dialog.append(el(doc, 'label', { class: 'ov-inline', for: 'ov-disclaimer-on' }, box, el(doc, 'span', { text: t('disclaimerAdd') })),
        wording);
      if (d.fits === false) dialog.append(el(doc, 'p', { class: 'ov-note', text: t('disclaimerNoFit') }));
    }

    // Shown when the check takes long enough to be noticed (a host starting up): the
    // click visibly did something, and the employee may cancel.
    function renderChecking() {
      dialog.append(el(doc, 'p', { id: 'ov-status', class: 'ov-status', role: 'status', 'aria-live': 'polite', text: t('promptChecking') }));
    }

    function renderUnavailable() {
      const reason = state.response.reason || 'error';
      const key = reason === 'missing' ? 'hostMissing' : reason === 'forbidden' ? 'hostForbidden'
        : reason === 'incompatible' ? 'hostIncompatible' : 'hostError';
      const box = el(doc, 'div', { class: 'ov-host', 'data-reason': reason },
        el(doc, 'p', { id: 'ov-status', class: 'ov-status', role: 'alert', text: t(key, [state.response.message || reason]) }),
        el(doc, 'p', { text: t('hostDecide') }));
      const link = el(doc, 'a', { id: 'ov-install', href: options.installUrl, target: '_blank', rel: 'noopener', text: t('installLink') });
      // A web page may not open an extension page itself: the background opens it.
      if (options.openInstall) link.addEventListener('click', (e) => { e.preventDefault(); options.openInstall(); });
      box.append(el(doc, 'p', {}, link));
      dialog.append(box);
    }

    function button(id, label, enabled, onClick, primary) {
      const b = el(doc, 'button', { id, type: 'button', class: primary ? 'ov-primary' : null, text: label });
      b.disabled = !enabled;
      b.addEventListener('click', onClick);
      return b;
    }

    // Updates the status line and the buttons without rebuilding the text fields, so
    // typing keeps its caret.
    function refresh() {
      const r = result();
      if (refs.status && r) {
        const c = controls();
        refs.status.textContent = c.reason === 'recheck_needed' ? t('recheckNeeded') : OV.resultView.verdictText(t, r);
      }
      const focusedId = shadow.activeElement ? shadow.activeElement.id : null;
      const oldRow = refs.row;
      renderButtons();
      oldRow.replaceWith(refs.row);
      if (focusedId && refs.row.querySelector('#' + focusedId)) {
        const again = shadow.getElementById(focusedId);
        if (!again.disabled) again.focus();
      }
    }

    function renderButtons() {
      const c = controls();
      const row = el(doc, 'div', { class: 'ov-buttons' });
      refs.row = row;
      row.append(button('ov-cancel', t('cancel'), !state.busy, cancel));
      if (state.response.state === 'checking') {
        // Cancel only.
      } else if (state.response.state === 'ok') {
        row.append(button('ov-edit', t('edit'), !state.busy, () => { close(); finish({ action: 'edit' }); }));
        if (c.recheck) row.append(button('ov-recheck', t('recheck'), !state.busy, recheck, !c.post));
        row.append(button('ov-post', t('postAsChecked'), c.post, post, true));
      } else {
        row.append(button('ov-recheck', t('retry'), !state.busy, recheck));
        row.append(button('ov-post-anyway', t('postAnyway'), c.postAnyway, () => finish({ action: 'post_anyway' }), true));
      }
      return row;
    }

    async function recheck() {
      state.busy = true;
      state.error = null;
      render();
      const text = state.body;
      const response = await options.recheck(text);
      state.busy = false;
      state.response = response;
      state.checkedText = text;
      state.disclaimerWording = null;
      render();
      const next = shadow.getElementById(controls().post ? 'ov-post' : 'ov-consent') || shadow.getElementById('ov-body');
      if (next) next.focus();
    }

    function post() {
      if (!controls().post) return;
      const r = result();
      finish({
        action: 'post',
        checkId: r.check_id,
        body: state.body,
        finalText: finalText(),
        decision: OV.promptState.decision(options.originalText, state.body),
        consent: state.consent,
      });
    }

    function cancel() {
      const r = result();
      close();
      finish({ action: 'cancel', checkId: r ? r.check_id : null });
    }

    function focusables() {
      return Array.from(shadow.querySelectorAll('button, input, textarea, a[href]'))
        .filter((n) => !n.disabled && n.getClientRects().length > 0);
    }

    function onKeydown(e) {
      if (e.key === 'Escape') { e.preventDefault(); cancel(); return; }
      if (e.key !== 'Tab') return;
      const items = focusables();
      if (!items.length) { e.preventDefault(); dialog.focus(); return; }
      const first = items[0];
      const last = items[items.length - 1];
      const active = shadow.activeElement;
      if (e.shiftKey && (active === first || active === dialog || !active)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (active === last || !active)) { e.preventDefault(); first.focus(); }
    }

    // Focus that wanders out (a click on the page behind) is brought back, but a site
    // with its own focus lock is not fought forever.
    let pulls = 0;
    let pullsSince = 0;
    function onFocusIn(e) {
      if (finished || e.target === host) return;
      const now = performance.now();
      if (now - pullsSince > 1000) { pulls = 0; pullsSince = now; }
      if (++pulls > 3) return;
      const items = focusables();
      (items[0] || dialog).focus();
    }

    function close() {
      doc.removeEventListener('focusin', onFocusIn, true);
      host.remove();
    }

    render();
    (doc.body || doc.documentElement).append(host);
    // For the click-to-prompt measurement: when the result is in the DOM, and on screen
    // after the next frame.
    function stampResult() {
      if (state.response.state === 'checking' || host.hasAttribute('data-rendered-at')) return;
      host.setAttribute('data-rendered-at', String(performance.now()));
      requestAnimationFrame(() => setTimeout(() => host.setAttribute('data-painted-at', String(performance.now())), 0));
    }
    stampResult();
    const r = result();
    // Unavailable host: focus the dialog itself, so the message is read first and no
    // stray Enter posts unchecked.
    const first = r && r.verdict === 'block' ? shadow.getElementById('ov-body')
      : r ? shadow.getElementById('ov-consent') : null;
    (first || dialog).focus();
    doc.addEventListener('focusin', onFocusIn, true);

    return {
      decided,
      host,
      onKey: onKeydown,
      // The result that was still on its way when the prompt opened.
      update(response) {
        if (finished) return;
        state.response = response;
        render();
        stampResult();
        const r = result();
        const next = r && r.verdict === 'block' ? shadow.getElementById('ov-body') : r ? shadow.getElementById('ov-consent') : null;
        (next || dialog).focus();
      },
      busy(on) { state.busy = on; render(); },
      fail(message) { finished = false; state.error = message; state.busy = false; render(); return (this.decided = new Promise((res) => { resolveDecided = res; })); },
      close,
    };
  }

  OV.prompt = { show, HOST_ID };
})(globalThis);
