// ownvoice-site: {"matches": [], "dev_matches": ["https://composer.ownvoice.test/*"]}
// Any plain <textarea> composer in a form with a submit button (the fallback on every
// page the extension runs on). The dev build also runs it on composer.ownvoice.test, a
// reserved name the end-to-end tests answer locally; release builds do not.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'textarea',
    platform: 'generic',
    hosts: null,
    editor: 'value',
    composerSelector: 'form textarea:not([readonly]):not([disabled])',
    submitSelector: 'form button[type="submit"], form input[type="submit"], form button:not([type])',
  });
})(globalThis);
