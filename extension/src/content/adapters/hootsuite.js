// ownvoice-site: {"matches": ["https://hootsuite.com/*"]}
// Hootsuite Composer: one message for the selected social profiles; checked against
// the strictest selected network (adapter_helpers.js). No public source for the current
// DOM: fixture-only, unverified on the live site.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  if (/(^|\.)hootsuite\.com$/.test(location.hostname)) {
    OV.adapterHelpers.markControls('hootsuite', {
      scope: '[role="dialog"], [data-testid="composer"]', candidates: 'button', labels: ['Post now', 'Publier maintenant'],
    });
  }
  OV.adapters.register({
    id: 'hootsuite',
    hosts: [/(^|\.)hootsuite\.com$/],
    get platform() {
      const networks = OV.adapterHelpers.findAll('[data-testid="selected-social-profile"][data-network]')
        .map((el) => el.getAttribute('data-network'));
      return OV.adapterHelpers.strictest(networks.length ? networks : ['x']);
    },
    editor: 'insertText',
    composerSelector: '[data-testid="composer"] [contenteditable="true"][role="textbox"]',
    submitSelector: '[data-ownvoice-submit="hootsuite"]',
    composers: {
      scope: '[data-testid="composer"], [role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Post text', 'Write your post'], fr: ['Texte de la publication', 'Rédigez votre publication'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post now'], fr: ['Publier maintenant'] } },
      keyboard: false,
    },
  });
})(globalThis);
