// ownvoice-site: {"matches": ["https://www.linkedin.com/*"]}
// LinkedIn share box: Quill 1.x (.ql-editor). The rebuilt UI hashes its classes, so the
// role/aria fallbacks matter as much as the classic class names.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'linkedin',
    platform: 'linkedin',
    hosts: [/(^|\.)linkedin\.com$/],
    editor: 'insertText',
    composerSelector: [
      'div.ql-editor[contenteditable="true"]',
      '[data-test-modal-id="sharebox"] [role="textbox"][contenteditable="true"]',
    ].join(', '),
    submitSelector: [
      'button.share-actions__primary-action',
      '[data-test-modal-id="sharebox"] button[aria-label="Post"]',
      '[data-test-modal-id="sharebox"] button[aria-label="Publier"]',
    ].join(', '),
    composers: {
      scope: '[data-test-modal-id="sharebox"], [role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Text editor for creating content', 'What do you want to talk about'], fr: ['Éditeur de texte pour la création de contenu', 'De quoi souhaitez-vous discuter'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post'], fr: ['Publier'] } },
      keyboard: false,  // no shortcut found on LinkedIn; Ctrl+Enter is still held (harmless)
    },
  });
})(globalThis);
