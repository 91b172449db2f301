// Options: the employee's disclaimer wording and language (within what the policy
// allows), the effective policy with where each setting comes from, and the private
// log. The passphrase is read from its field for one request, then the field is
// cleared: it is never stored.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const { el } = OV.resultView;
  const $ = (id) => document.getElementById(id);

  OV.pageI18n.localize(document);

  const send = (msg) => api.runtime.sendMessage(msg);

  function errorText(reply) {
    const e = reply && reply.error;
    return e ? (e.code ? e.code + ': ' : '') + e.message : 'no reply';
  }

  function table(node, head, rows) {
    node.replaceChildren(el(document, 'tr', {}, ...head.map((h) => el(document, 'th', { text: h }))));
    for (const r of rows) node.append(el(document, 'tr', {}, ...r.map((c) => el(document, 'td', { text: c == null ? '' : String(c) }))));
  }

  async function loadPrefs() {
    const p = await api.storage.local.get({ language: 'auto', disclaimers: {} });
    $('language').value = p.language;
    $('disclaimer-en').value = (p.disclaimers || {}).en || '';
    $('disclaimer-fr').value = (p.disclaimers || {}).fr || '';
  }

  $('save').addEventListener('click', async () => {
    const disclaimers = {};
    for (const lang of ['en', 'fr']) {
      const v = $('disclaimer-' + lang).value.trim();
      if (v) disclaimers[lang] = v;
    }
    await api.storage.local.set({ language: $('language').value, disclaimers });
    $('saved').textContent = t('optionsSaved');
  });

  async function loadHostAndPolicy() {
    const hello = await send({ type: 'ov.hello' });
    if (!hello || !hello.ok) { $('host-status').textContent = t('optionsHostDown', [errorText(hello)]); return false; }
    $('host-status').textContent = t('optionsHostOk', [hello.hello.host_version, String(hello.hello.protocol)]);
    const reply = await send({ type: 'ov.policy' });
    if (!reply || !reply.ok) { $('policy').textContent = errorText(reply); return true; }
    const { effective, sources, layers } = reply.result;
    $('policy').textContent = JSON.stringify(effective, null, 2);
    table($('sources'), ['setting', 'source'], Object.entries(sources || {}));
    table($('layers'), ['source', 'path', 'status'], (layers || []).map((l) => [l.source, l.path, l.status + (l.error ? ': ' + l.error : '')]));
    // The policy's own wording shows through as the placeholder: empty means "use it".
    for (const lang of ['en', 'fr']) $('disclaimer-' + lang).placeholder = (effective.disclaimers || {})[lang] || '';
    const locked = effective && effective.allow_user_disclaimer === false;
    $('disclaimer-locked').hidden = !locked;
    $('disclaimer-en').disabled = locked;
    $('disclaimer-fr').disabled = locked;
    return true;
  }

  async function logStatus() {
    const reply = await send({ type: 'ov.log', op: 'status' });
    if (!reply || !reply.ok) { $('log-status').textContent = errorText(reply); return; }
    const s = reply.result;
    $('log-status').textContent = t('optionsLogStatus', [s.initialized ? t('optionsLogReady') : t('optionsLogNone'), String(s.entries || 0)]);
    $('log-init').hidden = !!s.initialized;
    $('log-audit').hidden = !s.initialized;
  }

  // Takes the passphrase out of its field: it lives only for this one request.
  function takePassphrase(id) {
    const v = $(id).value;
    $(id).value = '';
    return v;
  }

  async function logRequest(op, params) {
    $('log-message').textContent = '';
    const reply = await send({ type: 'ov.log', op, params });
    if (!reply || !reply.ok) { $('log-message').textContent = errorText(reply); return null; }
    return reply.result;
  }

  $('init').addEventListener('click', async () => {
    const a = takePassphrase('init-pass');
    const b = takePassphrase('init-pass2');
    if (a !== b || !a) { $('log-message').textContent = t('optionsMismatch'); return; }
    if (await logRequest('init', { passphrase: a })) logStatus();
  });

  $('show').addEventListener('click', async () => {
    const r = await logRequest('show', { passphrase: takePassphrase('pass'), limit: 200 });
    if (!r) return;
    table($('entries'), [t('colDate'), t('colPlatform'), t('colDecision'), t('colVerdict'), t('colText')],
      (r.entries || []).map((e) => [e.time, e.platform, e.decision, e.verdict, e.text_shared || e.text_checked]));
  });

  $('verify').addEventListener('click', async () => {
    const r = await logRequest('verify', { passphrase: takePassphrase('pass') });
    if (r) $('log-message').textContent = JSON.stringify(r);
  });

  $('export').addEventListener('click', async () => {
    const r = await logRequest('export', { passphrase: takePassphrase('pass'), format: 'jsonl' });
    if (!r) return;
    const url = URL.createObjectURL(new Blob([r.data], { type: 'application/x-ndjson' }));
    const a = el(document, 'a', { href: url, download: 'ownvoice-log.jsonl' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  $('erase').addEventListener('click', async () => {
    const r = await logRequest('erase', { passphrase: takePassphrase('pass') });
    if (r) { $('log-message').textContent = JSON.stringify(r); logStatus(); }
  });

  loadPrefs();
  loadHostAndPolicy().then((up) => { if (up) logStatus(); });
})(globalThis);
