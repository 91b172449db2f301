// ownvoice-site: {"matches": ["https://www.facebook.com/*", "https://web.facebook.com/*", "https://m.facebook.com/*"]}
// Facebook "Create post" dialog: a Lexical editor and a div[role=button] labelled "Post"
// (localized). Scoped to the dialog: comments and Messenger are Lexical too.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'facebook',
    platform: 'facebook',
    hosts: [/(^|\.)facebook\.com$/],
    editor: 'paste',
    composerSelector: '[role="dialog"] [role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    submitSelector: [
      '[role="dialog"] [role="button"][aria-label="Post"]',
      '[role="dialog"] [role="button"][aria-label="Publier"]',
    ].join(', '),
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ["What's on your mind", 'Say something about this', 'Create a public post', 'Write something'], fr: ['Que voulez-vous dire', 'Dites quelque chose à propos de ceci', 'Créer une publication publique', 'Écrivez quelque chose'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post', 'Share now', 'Next'], fr: ['Publier', 'Partager maintenant', 'Suivant'] } },
      keyboard: false,
    },
  });
})(globalThis);
