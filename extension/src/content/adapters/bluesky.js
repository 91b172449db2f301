// ownvoice-site: {"matches": ["https://bsky.app/*"]}
// Bluesky web: a TipTap (ProseMirror) editor per post of the thread, role=textbox,
// aria-label "Rich-Text Editor", and the composerPublishBtn test id (bluesky-social/
// social-app TextInput.web.tsx, Composer.tsx). 300 graphemes per post.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'bluesky',
    platform: 'bluesky',
    hosts: [/(^|\.)bsky\.app$/],
    editor: 'insertText',
    composerSelector: '[role="dialog"] .ProseMirror[contenteditable="true"], [role="dialog"] [role="textbox"][aria-label="Rich-Text Editor"][contenteditable="true"]',
    submitSelector: '[data-testid="composerPublishBtn"]',
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: ['composerTextInput'], roles: ['textbox'],
        labels: { en: ['Rich-Text Editor', "What's up", 'Write your reply'], fr: ['Éditeur de texte enrichi', 'Quoi de neuf', 'Écrivez votre réponse'] } },
      submit: { testIds: ['composerPublishBtn'], roles: ['button'],
        labels: { en: ['Post', 'Publish post', 'Publish reply', 'Publish posts', 'Reply', 'Post all'], fr: ['Publier', 'Publier le post', 'Publier la réponse', 'Publier les posts', 'Répondre', 'Tout publier'] } },
      keyboard: true,  // Ctrl/Cmd+Enter publishes (TextInput.web.tsx)
    },
  });
})(globalThis);
