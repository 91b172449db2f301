// The options' privacy controls: the employee's own debug switch (storage.local only,
// never managed storage: PROTOCOL.md "Debug is the employee's") and the passphrase
// strength hint while setting up the log.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const $ = (id) => document.getElementById(id);

  const box = $('debug');
  api.storage.local.get({ debug: false }).then((p) => { box.checked = p.debug === true; });
  box.addEventListener('change', async (e) => {
    if (!e.isTrusted) { box.checked = !box.checked; return; }  // the employee's own click only
    await api.storage.local.set({ debug: box.checked });
  });

  const LEVEL_KEYS = { weak: 'optionsStrengthWeak', fair: 'optionsStrengthFair', strong: 'optionsStrengthStrong' };
  const pass = $('init-pass');
  function hint() {
    const s = OV.passphrase.strength(pass.value);
    const out = $('init-strength');
    out.dataset.level = pass.value ? s.level : '';
    out.textContent = !pass.value ? '' : s.level === 'too_short' ? t('optionsStrengthTooShort', [String(s.length)]) : t(LEVEL_KEYS[s.level]);
  }
  pass.addEventListener('input', hint);
})(globalThis);
