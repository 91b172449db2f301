// ownvoice-site: {"matches": ["https://mastodon.social/*", "https://mastodon.online/*"]}
// Mastodon, on any instance: the two largest are built in; the employee adds their own
// instance in the options (optional host permission requested then, content scripts
// registered for it, with mastodon_instance.js marking the page). The web app is a React
// root div#mastodon; the compose form is a textarea with a 500-character counter (the
// instance may set another limit; the host checks Mastodon's default).
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  OV.adapters.register({
    id: 'mastodon',
    platform: 'mastodon',
    hosts: [/(^|\.)mastodon\.(social|online)$/, { test: () => !!OV.mastodonInstance }],
    editor: 'value',
    composerSelector: '#mastodon form.compose-form textarea:not([readonly]):not(#cw-spoiler-input)',
    submitSelector: [
      '#mastodon form.compose-form .compose-form__submit button[type="submit"]',
      '#mastodon form.compose-form button[type="submit"]',
    ].join(', '),
    composers: {
      scope: '#mastodon form, form.compose-form',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ["What's on your mind", 'What is on your mind', 'Content warning'], fr: ['Qu’avez-vous en tête', "Qu'avez-vous en tête", 'Sur quoi travaillez-vous', 'Avertissement de contenu'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Post', 'Publish', 'Reply', 'Update', 'Toot!', 'Toot'], fr: ['Publier', 'Répondre', 'Mettre à jour', 'Pouet !', 'Pouet'] } },
      keyboard: true,  // Ctrl/Cmd+Enter submits (compose_form.jsx handleKeyDown)
    },
  });
})(globalThis);
