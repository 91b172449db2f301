// The popup: paste any text, check it, copy the result (the text with the disclaimer
// and disclosure the employee kept). Nothing is stored.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const $ = (id) => document.getElementById(id);
  for (const p of OV.platforms) $('platform').append(new Option(p.name, p.id));  // the one table of platforms
  let resultText = '';

  OV.pageI18n.localize(document);

  function render(text, reply) {
    const box = $('result');
    box.replaceChildren();
    resultText = '';
    $('copy').disabled = true;
    if (!reply || reply.state !== 'ok') {
      const said = OV.hostStatus.messageFor(reply || { reason: 'error' });
      box.append(OV.resultView.el(document, 'p', { class: 'error', 'data-reason': reply ? reply.reason : 'error', text: t(said.key, said.args) }),
        OV.resultView.el(document, 'a', { href: api.runtime.getURL('src/pages/install.html'), target: '_blank', text: t('installLink') }));
      return;
    }
    const r = reply.result;
    box.setAttribute('data-verdict', r.verdict);
    box.append(OV.resultView.el(document, 'p', { class: 'status ' + r.verdict, text: OV.resultView.verdictText(t, r) }));
    box.append(OV.resultView.highlighted(document, t, text, r.findings));
    const tooLong = OV.resultView.lengthNote(document, t, r.length);
    if (tooLong) box.append(tooLong);
    const list = OV.resultView.findingsList(document, t, r.findings, r.promotional);
    if (list) box.append(list);
    const promo = OV.resultView.promotional(document, t, r.promotional);
    if (promo) box.append(promo);
    let out = text;
    if (r.disclaimer && !r.disclaimer.present && r.disclaimer.proposed_text) out = r.disclaimer.proposed_text;
    if (r.promotional && r.promotional.promotional && r.promotional.disclosure) out = OV.promptState.appendLine(out, r.promotional.disclosure);
    if (r.verdict !== 'block') {
      resultText = out;
      $('copy').disabled = false;
      box.append(OV.resultView.el(document, 'pre', { id: 'output', class: 'output', text: out }));
    }
  }

  async function check() {
    const text = $('text').value;
    if (!text.trim()) return;
    $('check').disabled = true;
    try {
      render(text, await api.runtime.sendMessage({ type: 'ov.check', text, platform: $('platform').value }));
    } finally {
      $('check').disabled = false;
    }
  }

  $('check').addEventListener('click', check);
  $('copy').addEventListener('click', async () => {
    await navigator.clipboard.writeText(resultText);
    $('copied').textContent = t('popupCopied');
  });
  $('options').addEventListener('click', (e) => { e.preventDefault(); api.runtime.openOptionsPage(); });

  // A selection sent from the context menu: read once, then forgotten.
  (async () => {
    if (!new URLSearchParams(location.search).has('source')) return;
    const { pendingSelection } = await api.storage.session.get('pendingSelection');
    await api.storage.session.remove('pendingSelection');
    if (pendingSelection) { $('text').value = pendingSelection; check(); }
  })();
})(globalThis);
