// ownvoice-site: {"matches": ["https://www.quora.com/*", "https://fr.quora.com/*"]}
// Quora "Create post" / answer modal. No public source describes the current DOM: this
// follows what a contenteditable editor in a role=dialog looks like, and the "Post" /
// "Add question" control by its text. Fixture-only, unverified on the live site.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  if (/(^|\.)quora\.com$/.test(location.hostname)) {
    OV.adapterHelpers.markControls('quora', {
      scope: '[role="dialog"]', candidates: 'button, [role="button"]', labels: ['Post', 'Add question', 'Publier', 'Ajouter une question'],
    });
  }
  OV.adapters.register({
    id: 'quora',
    platform: 'quora',
    hosts: [/(^|\.)quora\.com$/],
    editor: 'insertText',
    composerSelector: '[role="dialog"] [contenteditable="true"]',
    submitSelector: '[data-ownvoice-submit="quora"]',
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: [], roles: [],
        labels: { en: ['Say something', 'Write your answer'], fr: ['Dites quelque chose', 'Écrivez votre réponse'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post', 'Add question'], fr: ['Publier', 'Ajouter une question'] } },
      keyboard: false,
    },
  });
})(globalThis);
