// ownvoice-site: {"matches": ["https://www.threads.com/*", "https://www.threads.net/*"]}
// Threads web: a Lexical editor (role=textbox, data-lexical-editor) per post of the
// thread, in a dialog, and a "Post" div[role=button] with no test id. 500 characters.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  if (/(^|\.)threads\.(com|net)$/.test(location.hostname)) {
    OV.adapterHelpers.markControls('threads', {
      scope: '[role="dialog"]', candidates: '[role="button"], button', labels: ['Post', 'Publier'],
    });
  }
  OV.adapters.register({
    id: 'threads',
    platform: 'threads',
    hosts: [/(^|\.)threads\.(com|net)$/],
    editor: 'paste',
    composerSelector: '[role="dialog"] [role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    submitSelector: '[data-ownvoice-submit="threads"]',
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Empty text field', 'Start a thread', "What's new"], fr: ['Champ de texte vide', 'Lancer un fil', 'Quoi de neuf'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post'], fr: ['Publier'] } },
      keyboard: true,
    },
  });
})(globalThis);
