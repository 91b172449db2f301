// The prompt's sections, one view function each: each takes the prompt's view context
// and returns the nodes of its section (or null when it has nothing to show). They run
// in the prompt's own extension page (prompt.html), never in the site's document.
//
// ctx: {doc, t, state, result(), proposal(), disclosure(), controls(), on: {...}}
//   state: the prompt's state (prompt_frame.js); on: the actions buttons and fields call.
// Every control that shares a post or gives consent acts only on events the browser
// itself made from the person's input (event.isTrusted), never on script-made ones.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const { el } = OV.resultView;

  function title(ctx) {
    return el(ctx.doc, 'h2', { id: 'ov-title', text: ctx.t('promptTitle') });
  }

  // "Debug diagnostics are on" and "your log's key changed": what the employee must know
  // about their own privacy before deciding (common/privacy_status.js decides).
  // Always a (possibly empty) box, so the notices can come in after the rest.
  function privacyNotices(ctx) {
    const notices = OV.privacyStatus.notices(ctx.privacy);
    const box = el(ctx.doc, 'div', { class: 'ov-notices', id: 'ov-notices' });
    for (const n of notices) {
      box.append(el(ctx.doc, 'p', {
        id: n.id, class: n.kind === 'debug' ? 'ov-privacy-banner' : 'ov-log-warning', role: 'alert', text: ctx.t(n.message),
      }));
    }
    return box;
  }

  // Who will see the post, as the composer shows it (audience.js): one line.
  function audience(ctx) {
    if (!ctx.audience) return null;
    return el(ctx.doc, 'p', { class: 'ov-audience', id: 'ov-audience', text: ctx.t('audienceLine', [ctx.audience]) });
  }

  function statusText(ctx) {
    return ctx.controls().reason === 'recheck_needed' ? ctx.t('recheckNeeded') : OV.resultView.verdictText(ctx.t, ctx.result());
  }

  function status(ctx) {
    const r = ctx.result();
    return el(ctx.doc, 'p', {
      id: 'ov-status', class: 'ov-status ov-' + (r.verdict || 'ok'), role: 'status', 'aria-live': 'polite', text: statusText(ctx),
    });
  }

  // The post as checked, highlighted, when something in it is worth pointing at; and
  // "too long for this platform".
  function checkedPost(ctx) {
    const r = ctx.result();
    const nodes = [];
    if (OV.resultView.hasSpans(r.findings)) nodes.push(OV.resultView.highlighted(ctx.doc, ctx.t, ctx.state.checkedText, r.findings));
    const tooLong = OV.resultView.lengthNote(ctx.doc, ctx.t, r.length);
    if (tooLong) nodes.push(tooLong);
    return nodes;
  }

  function findings(ctx) {
    const r = ctx.result();
    const list = OV.resultView.findingsList(ctx.doc, ctx.t, r.findings, r.promotional);
    return list ? [el(ctx.doc, 'h3', { text: ctx.t('findingsHeading') }), list] : [];
  }

  // The promotional warning, with the disclosure to add as a checkbox.
  function promotional(ctx) {
    const { doc, t, state } = ctx;
    const promo = OV.resultView.promotional(doc, t, ctx.result().promotional);
    if (!promo) return null;
    const d = ctx.disclosure();
    if (d) {
      const box = el(doc, 'input', { type: 'checkbox', id: 'ov-disclosure' });
      box.checked = state.disclosureOn;
      box.addEventListener('change', () => { state.disclosureOn = box.checked; });
      promo.append(el(doc, 'p', { text: t('promoDisclosure') }),
        el(doc, 'label', { class: 'ov-inline', for: 'ov-disclosure' }, box, el(doc, 'span', { text: d })));
    }
    return promo;
  }

  // The post itself, editable; changing it asks for a new check before sharing.
  function body(ctx) {
    const { doc, t, state } = ctx;
    const area = el(doc, 'textarea', { id: 'ov-body', 'aria-label': t('postLabel') });
    area.value = state.body;
    area.rows = Math.min(10, Math.max(3, state.body.split('\n').length + 1));
    area.addEventListener('input', () => { state.body = area.value; ctx.on.edited(); });
    return [el(doc, 'label', { for: 'ov-body', text: t('postLabel') }), area, el(doc, 'p', { class: 'ov-note', text: t('editHint') })];
  }

  function disclaimer(ctx) {
    const { doc, t, state } = ctx;
    const d = ctx.result().disclaimer;
    if (!d) return [];
    const nodes = [el(doc, 'h3', { text: t('disclaimerHeading') })];
    if (d.present) return nodes.concat(el(doc, 'p', { class: 'ov-note', text: t('disclaimerPresent') }));
    const p = ctx.proposal();
    if (!p && state.disclaimerWording === null) {
      return nodes.concat(el(doc, 'p', { class: 'ov-note', text: d.fits === false ? t('disclaimerNoFit') : t('disclaimerNone') }));
    }
    const box = el(doc, 'input', { type: 'checkbox', id: 'ov-disclaimer-on' });
    box.checked = state.disclaimerOn;
    const wording = el(doc, 'input', { type: 'text', id: 'ov-disclaimer-text', 'aria-label': t('disclaimerLabel') });
    box.addEventListener('change', () => { state.disclaimerOn = box.checked; state.disclaimerChosen = true; wording.disabled = !box.checked; });
    wording.value = p ? OV.disclaimer.splitInsertion(p.text).wording : '';
    wording.disabled = !state.disclaimerOn;
    wording.addEventListener('input', () => { state.disclaimerWording = wording.value; });
    nodes.push(el(doc, 'label', { class: 'ov-inline', for: 'ov-disclaimer-on' }, box, el(doc, 'span', { text: t('disclaimerAdd') })), wording);
    if (d.fits === false) nodes.push(el(doc, 'p', { class: 'ov-note', text: t('disclaimerNoFit') }));
    return nodes;
  }

  function truncated(ctx) {
    return ctx.result().truncated ? el(ctx.doc, 'p', { class: 'ov-note', text: ctx.t('truncated') }) : null;
  }

  // No private log yet: offered once ever (background/welcome.js decides), never again.
  // An extension page may open the welcome page itself.
  function logOffer(ctx) {
    const { doc, t, state } = ctx;
    if (!state.response.offerLogSetup) return null;
    const api = globalThis.browser || globalThis.chrome;
    const setUp = el(doc, 'a', { id: 'ov-log-offer', href: api.runtime.getURL('src/pages/welcome.html'), target: '_blank',
      rel: 'noopener', text: t('logOfferLink') });
    return el(doc, 'p', { class: 'ov-note', id: 'ov-log-offer-note' }, el(doc, 'span', { text: t('logOffer') + ' ' }), setUp);
  }

  // Consent: only a person's own click or key ticks it; a script-made event is undone.
  function consent(ctx) {
    const { doc, t, state } = ctx;
    const box = el(doc, 'input', { type: 'checkbox', id: 'ov-consent' });
    box.checked = state.consent;
    box.addEventListener('click', (e) => { if (!e.isTrusted) e.preventDefault(); });
    box.addEventListener('change', (e) => {
      if (!e.isTrusted) { box.checked = state.consent; return; }
      state.consent = box.checked;
      ctx.on.edited();
    });
    return el(doc, 'div', { class: 'ov-consent' },
      el(doc, 'label', { class: 'ov-inline', for: 'ov-consent' }, box, el(doc, 'span', { text: t('consent') })));
  }

  // Shown when the check takes long enough to be noticed (a host starting up): the
  // click visibly did something, and the employee may cancel.
  function checking(ctx) {
    return el(ctx.doc, 'p', { id: 'ov-status', class: 'ov-status', role: 'status', 'aria-live': 'polite', text: ctx.t('promptChecking') });
  }

  function unavailable(ctx) {
    const { doc, t, state } = ctx;
    const reason = state.response.reason || 'error';
    // Which words, and which side to update when the versions disagree (host_status.js).
    const said = OV.hostStatus.messageFor(state.response);
    // An extension page may open the install page itself.
    const link = el(doc, 'a', { id: 'ov-install', href: ctx.installUrl, target: '_blank', rel: 'noopener', text: t('installLink') });
    return el(doc, 'div', { class: 'ov-host', 'data-reason': reason },
      el(doc, 'p', { id: 'ov-status', class: 'ov-status', role: 'alert', text: t(said.key, said.args) }),
      el(doc, 'p', { text: t('hostDecide') }),
      el(doc, 'p', {}, link));
  }

  function error(ctx) {
    return ctx.state.error ? el(ctx.doc, 'p', { class: 'ov-error', role: 'alert', text: ctx.state.error }) : null;
  }

  // trusted: the button acts only on a person's own click or key (event.isTrusted).
  function button(doc, id, label, enabled, onClick, { primary = false, trusted = false } = {}) {
    const b = el(doc, 'button', { id, type: 'button', class: primary ? 'ov-primary' : null, text: label });
    b.disabled = !enabled;
    b.addEventListener('click', (e) => { if (trusted && !e.isTrusted) return; onClick(e); });
    return b;
  }

  function buttons(ctx) {
    const { doc, t, state, on } = ctx;
    const c = ctx.controls();
    const row = el(doc, 'div', { class: 'ov-buttons' });
    row.append(button(doc, 'ov-cancel', t('cancel'), !state.busy, on.cancel));
    if (state.response.state === 'checking') return row;  // Cancel only.
    if (state.response.state === 'ok') {
      row.append(button(doc, 'ov-edit', t('edit'), !state.busy, on.edit));
      if (c.recheck) row.append(button(doc, 'ov-recheck', t('recheck'), !state.busy, on.recheck, { primary: !c.post }));
      row.append(button(doc, 'ov-post', t('postAsChecked'), c.post, on.post, { primary: true, trusted: true }));
    } else {
      row.append(button(doc, 'ov-recheck', t('retry'), !state.busy, on.recheck));
      row.append(button(doc, 'ov-post-anyway', t('postAnyway'), c.postAnyway, on.postAnyway, { primary: true, trusted: true }));
    }
    return row;
  }

  // The reminder the employee asked for (common/boundaries.js): shown before the usual
  // prompt when a post about work goes to an account they keep work out of.
  // reminder: {entry, company}; alternatives: [{platform, name, href}]
  function boundaryReminder(ctx, reminder, alternatives) {
    const { doc, t, on } = ctx;
    const { entry, company } = reminder;
    const where = OV.boundaries.label(entry);
    const nodes = [el(doc, 'div', { class: 'ov-boundary', 'data-platform': entry.platform, 'data-account': entry.account || null },
      el(doc, 'p', { id: 'ov-boundary-text', class: 'ov-boundary-text',
        text: company ? t('boundaryReminder', [company, where]) : t('boundaryReminderWork', [where]) }))];
    const line = audience(ctx);
    if (line) nodes.push(line);
    nodes.push(el(doc, 'p', { id: 'ov-boundary-hint', class: 'ov-note', text: t('boundaryHint') }));
    for (const alt of alternatives || []) {
      const a = el(doc, 'a', {
        class: 'ov-elsewhere-link', 'data-platform': alt.platform, href: alt.href, target: '_blank', rel: 'noopener noreferrer',
        text: t('boundaryElsewhere', [alt.name]),
      });
      // Following the link takes the post to the work account: nothing is shared here.
      a.addEventListener('click', () => setTimeout(() => on.boundary({ action: 'elsewhere', platform: alt.platform }), 0));
      nodes.push(el(doc, 'p', { class: 'ov-elsewhere' }, a));
    }
    const row = el(doc, 'div', { class: 'ov-buttons' });
    row.append(button(doc, 'ov-boundary-cancel', t('cancel'), true, () => on.boundary({ action: 'cancel' }), { primary: true }),
      button(doc, 'ov-boundary-anyway', t('boundaryShareAnyway'), true, () => on.boundary({ action: 'anyway' }), { trusted: true }));
    nodes.push(row);
    return nodes;
  }

  OV.promptViews = {
    title, privacyNotices, audience, status, statusText, checkedPost, findings, promotional, body, disclaimer, truncated, logOffer,
    consent, checking, unavailable, error, buttons, boundaryReminder,
  };
})(globalThis);
