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

  // The host's own words, with its code; a passphrase it refused says so plainly.
  function errorText(reply) {
    const e = reply && reply.error;
    if (!e) return 'no reply';
    const raw = (e.code ? e.code + ': ' : '') + e.message;
    return e.code === 'passphrase_too_short' ? t('optionsPassphraseTooShort', [raw]) : raw;
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

  function download(data, type, name) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = el(document, 'a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Every page of the log (common/log_export.js), then one file; a failure half-way
  // saves nothing and says how far it got.
  async function exportLog(params, file) {
    $('log-message').textContent = '';
    let entries = 0;
    try {
      const out = await OV.logExport.collect(async (p) => {
        const reply = await send({ type: 'ov.log', op: 'export', params: p });
        if (!reply || !reply.ok) throw new Error(errorText(reply));
        entries += Number.isInteger(reply.result.entries) ? reply.result.entries : 0;
        return reply.result;
      }, params);
      download(out.data, file.type, file.name);
      $('log-message').textContent = t('optionsExportDone', [String(out.entries), String(out.pages)]);
    } catch (e) {
      $('log-message').textContent = t('optionsExportPartial', [String(entries), String(e && e.message || e)]);
    }
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

  // Plain text: readable by anyone who can read the file (the warning says so).
  $('export').addEventListener('click', () => exportLog({ passphrase: takePassphrase('pass'), format: 'jsonl' },
    { type: 'application/x-ndjson', name: 'ownvoice-log.jsonl' }));

  // Encrypted under a passphrase of its own (ownvoice log decrypt-export reads it back).
  $('export-encrypted').addEventListener('click', () => exportLog(
    { passphrase: takePassphrase('pass'), format: 'jsonl', encrypt_passphrase: takePassphrase('export-pass') },
    { type: 'text/plain', name: 'ownvoice-log.jsonl.ovenc' }));

  // Erase says whether the file was scrubbed (rebuilt, journal emptied), never just "done".
  $('erase').addEventListener('click', async () => {
    $('log-message').textContent = '';
    const reply = await send({ type: 'ov.log', op: 'erase', params: { passphrase: takePassphrase('pass') } });
    if (reply && reply.ok) {
      const r = reply.result;
      const scrubbed = !r.scrubbed || (r.scrubbed.vacuum !== false && r.scrubbed.wal_checkpoint !== false);
      $('log-message').textContent = scrubbed ? t('optionsEraseDone', [String(r.erased)])
        : t('optionsEraseScrubFailed', [JSON.stringify(r.scrubbed)]);
    } else if (reply && reply.error && reply.error.code === 'log_scrub_failed') {
      $('log-message').textContent = t('optionsEraseScrubFailed', [reply.error.message]);
    } else {
      $('log-message').textContent = errorText(reply);
    }
    logStatus();
  });

  loadPrefs();
  loadHostAndPolicy().then((up) => { if (up) logStatus(); });
})(globalThis);
