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
  });
})(globalThis);
