// ownvoice-site: {"matches": ["https://www.tumblr.com/*"]}
// Tumblr post editor (/new/text): a dialog with Gutenberg-style text blocks
// (contenteditable, "Block: ..." labels) and a "Post now" button known by its text.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  if (/(^|\.)tumblr\.com$/.test(location.hostname)) {
    OV.adapterHelpers.markControls('tumblr', {
      scope: '[role="dialog"]', candidates: 'button, [role="button"]', labels: ['Post now', 'Post', 'Publier maintenant', 'Publier'],
    });
  }
  OV.adapters.register({
    id: 'tumblr',
    platform: 'tumblr',
    hosts: [/(^|\.)tumblr\.com$/],
    editor: 'insertText',
    composerSelector: '[role="dialog"] [contenteditable="true"][aria-label^="Block: Paragraph"], [role="dialog"] [contenteditable="true"][role="textbox"]',
    submitSelector: '[data-ownvoice-submit="tumblr"]',
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Block: Paragraph', 'Go ahead, put anything'], fr: ['Bloc : Paragraphe', 'Allez-y, écrivez ce que vous voulez'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post now', 'Post'], fr: ['Publier maintenant', 'Publier'] } },
      keyboard: false,
    },
  });
})(globalThis);
