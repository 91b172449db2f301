// ownvoice-site: {"matches": ["https://www.pinterest.com/*", "https://www.pinterest.fr/*"]}
// Pinterest pin builder: the description field (storyboard description container, a
// Draft.js-like editor; older builder pin-draft-description) and the "Publish" control
// (storyboard-creation-nav-done; older board-dropdown-save-button). 500 characters.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'pinterest',
    platform: 'pinterest',
    hosts: [/(^|\.)pinterest\.(com|fr)$/],
    editor: 'paste',
    composerSelector: [
      '[data-test-id="storyboard-description-field-container"] [contenteditable="true"]',
      '[data-test-id="pin-draft-description"] [contenteditable="true"]',
    ].join(', '),
    submitSelector: [
      '[data-test-id="storyboard-creation-nav-done"] button',
      'button[data-test-id="storyboard-creation-nav-done"]',
      '[data-test-id="board-dropdown-save-button"]',
    ].join(', '),
    composers: {
      editor: { testIds: ['storyboard-description-field-container', 'pin-draft-description'], roles: ['textbox'],
        labels: { en: ['Add a detailed description', 'Tell everyone what your Pin is about'], fr: ['Ajoutez une description détaillée', 'Dites à tout le monde de quoi parle votre Épingle'] } },
      submit: { testIds: ['storyboard-creation-nav-done', 'board-dropdown-save-button'], roles: ['button'],
        labels: { en: ['Publish', 'Save'], fr: ['Publier', 'Enregistrer'] } },
      keyboard: false,
    },
  });
})(globalThis);
