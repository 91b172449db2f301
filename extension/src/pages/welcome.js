// The welcome page (first run; background/welcome.js opens it once): checks that the
// OwnVoice app answers, shows what the employer's policy screens for and where each rule
// comes from, sets up the private log (the passphrase goes to the host for this one
// request and is cleared from its field), and takes the employee's disclaimer wording
// (the same storage keys as the options). The accounts kept out of work are
// options/boundaries_options.js, loaded on this page too.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const { el } = OV.resultView;
  const $ = (id) => document.getElementById(id);
  const send = (msg) => api.runtime.sendMessage(msg);

  OV.pageI18n.localize(document);

  // Where a setting came from, in words: the layer names of PROTOCOL.md `policy`.
  function sourceText(source, layers) {
    const layer = (layers || []).find((l) => l.source === source);
    switch (source) {
      case 'builtin': return t('sourceBuiltin');
      case 'system': return t('sourceSystem', [layer && layer.path ? layer.path : '']);
      case 'managed': return t('sourceManaged');
      case 'user': return t('sourceUser');
      default: return String(source || '');
    }
  }

  function renderPolicy({ effective, sources, layers }) {
    const rules = Array.isArray(effective.rules) ? effective.rules : [];
    $('policy-summary').textContent = effective.company
      ? t('welcomePolicySummary', [effective.company, String(effective.version || ''), String(rules.length)])
      : t('welcomePolicyNone');
    const table = $('rules');
    table.replaceChildren(el(document, 'tr', {}, ...['welcomeColRule', 'welcomeColSeverity', 'welcomeColSource'].map((k) => el(document, 'th', { text: t(k) }))));
    for (const r of rules) {
      table.append(el(document, 'tr', { class: 'rule', 'data-rule': r.id },
        el(document, 'td', { text: r.description || r.id }),
        el(document, 'td', { text: r.severity || '' }),
        el(document, 'td', { class: 'source', text: sourceText((sources || {})['rules.' + r.id], layers) })));
    }
    const d = effective.disclaimers || {};
    for (const lang of ['en', 'fr']) $('disclaimer-' + lang).placeholder = d[lang] || '';
    const locked = effective.allow_user_disclaimer === false;
    $('disclaimer-locked').hidden = !locked;
    $('disclaimer-en').disabled = locked;
    $('disclaimer-fr').disabled = locked;
  }

  async function logStatus() {
    const reply = await send({ type: 'ov.log', op: 'status' });
    if (!reply || !reply.ok) { $('log-status').textContent = ''; return; }
    const ready = !!reply.result.initialized;
    $('log-status').textContent = ready ? t('welcomeLogReady') : t('welcomeLogNone');
    $('log').dataset.initialized = String(ready);
    $('log-init').hidden = ready;
  }

  async function connect() {
    const hello = await send({ type: 'ov.hello' });
    if (!hello || !hello.ok) {
      const said = OV.hostStatus.messageFor(hello && hello.error);
      $('host-status').textContent = t(said.key, said.args);
      $('connection').dataset.state = (hello && hello.error && hello.error.reason) || 'error';
      $('host-help').hidden = false;
      return;
    }
    $('host-status').textContent = t('welcomeHostOk', [hello.hello.host_version]);
    $('connection').dataset.state = 'ok';
    const reply = await send({ type: 'ov.policy' });
    if (reply && reply.ok) renderPolicy(reply.result);
    await logStatus();
  }

  $('init').addEventListener('click', async () => {
    const a = $('init-pass').value;
    const b = $('init-pass2').value;
    $('init-pass').value = '';
    $('init-pass2').value = '';
    if (!a || a !== b) { $('log-message').textContent = t('optionsMismatch'); return; }
    const reply = await send({ type: 'ov.log', op: 'init', params: { passphrase: a } });
    if (!reply || !reply.ok) {
      const e = reply && reply.error;
      $('log-message').textContent = e ? (e.code ? e.code + ': ' : '') + e.message : 'no reply';
      return;
    }
    $('log-message').textContent = '';
    // A log exists: the prompt has nothing to offer any more.
    await api.storage.local.set({ logOfferShown: true });
    await logStatus();
  });

  (async () => {
    const p = await api.storage.local.get({ disclaimers: {} });
    $('disclaimer-en').value = (p.disclaimers || {}).en || '';
    $('disclaimer-fr').value = (p.disclaimers || {}).fr || '';
  })();

  $('save').addEventListener('click', async () => {
    const disclaimers = {};
    for (const lang of ['en', 'fr']) {
      const v = $('disclaimer-' + lang).value.trim();
      if (v) disclaimers[lang] = v;
    }
    await api.storage.local.set({ disclaimers, welcomeDone: true });
    $('saved').textContent = t('optionsSaved');
  });

  connect();
})(globalThis);
