// ownvoice-site: {"matches": ["https://www.reddit.com/*", "https://old.reddit.com/*"]}
// Reddit's submit page, as far as share links reach it: /submit?title=&url= fills the
// title field, a textarea in the submit form (old.reddit, and the fixture). The new
// Reddit's rich-text body editor is not covered yet.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'reddit',
    platform: 'reddit',
    hosts: [/(^|\.)reddit\.com$/],
    editor: 'value',
    composerSelector: 'form textarea[name="title"], form textarea[name="text"]',
    submitSelector: 'form button[type="submit"]',
    composers: {
      scope: 'form',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Title', 'Body'], fr: ['Titre', 'Corps'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post'], fr: ['Publier'] } },
      keyboard: false,
    },
  });
})(globalThis);
