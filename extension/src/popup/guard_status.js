// The popup's "On this tab" section (issue 17): whether OwnVoice holds the composer in
// the current tab, in words; "Check my text here" as the fallback (the composer's text,
// when its editor was found, goes into the popup's own check; otherwise the employee
// pastes it); and the diagnostic to copy. Asks the tab's content script directly: a
// tab without one is a site OwnVoice does not cover.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const $ = (id) => document.getElementById(id);
  const SENTENCE = { guarded: 'popupGuarded', watching: 'popupWatching', unguarded: 'popupUnguarded', off: 'popupOff' };

  // ?tab=<id> names the tab (the self-test page and the tests open the popup in a tab
  // of its own); otherwise the active tab of this window.
  async function targetTab() {
    const wanted = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(wanted) && wanted > 0) return wanted;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab && !String(tab.url || '').startsWith(api.runtime.getURL('')) ? tab.id : null;
  }

  async function ask(tabId, extra) {
    if (tabId == null) return null;
    try {
      return await api.tabs.sendMessage(tabId, Object.assign({ type: 'ov.guardQuery' }, extra || {}), { frameId: 0 });
    } catch (_) {
      return null;  // no content script there: not a site OwnVoice covers
    }
  }

  function browserName() {
    return /firefox/i.test(navigator.userAgent) ? 'Firefox' : 'Chromium';
  }

  async function render() {
    const section = $('guard-status');
    if (!section) return;
    const tabId = await targetTab();
    const report = (await ask(tabId)) || { state: 'off', site: null };
    section.setAttribute('data-state', report.state);
    $('guard-sentence').textContent = t(SENTENCE[report.state] || 'popupOff', [report.site || '']);
    $('guard-check-here').hidden = report.state === 'guarded';
    const diag = OV.guardDiagnostic.text(report, { version: api.runtime.getManifest().version, browser: browserName(), date: new Date().toISOString().slice(0, 10) });
    $('guard-diagnostic').textContent = diag;
    $('guard-diagnostic-box').hidden = report.state === 'off' && !report.site;

    $('guard-check-here').addEventListener('click', async () => {
      // The composer's text, when its editor was found; read here, never stored.
      const reply = report.state !== 'off' ? await ask(tabId, { withText: true }) : null;
      const text = reply && typeof reply.text === 'string' ? reply.text : '';
      const box = $('text');
      if (report.platform && $('platform').querySelector(`option[value="${report.platform}"]`)) $('platform').value = report.platform;
      if (text.trim()) {
        box.value = text;
        $('check').click();
      } else {
        $('guard-hint').textContent = t('popupPasteHint');
        box.focus();
      }
    });
    $('guard-copy').addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(diag); $('guard-copied').textContent = t('popupCopied'); } catch (_) {
        // No clipboard (the popup lost focus): select the text so it can be copied by hand.
        const range = document.createRange();
        range.selectNodeContents($('guard-diagnostic'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      }
    });
  }

  render();
})(globalThis);
