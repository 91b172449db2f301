// Localizes the extension's own pages: every element with data-i18n gets that message
// as its text, data-i18n-placeholder / data-i18n-aria-label as those attributes.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});
  const api = root.browser || root.chrome;

  function t(key, subs) { return api.i18n.getMessage(key, subs) || ''; }

  function localize(doc) {
    doc.documentElement.lang = api.i18n.getUILanguage().split('-')[0];
    for (const node of doc.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of doc.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of doc.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }

  OV.pageI18n = { t, localize };
})(globalThis);
