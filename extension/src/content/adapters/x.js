// ownvoice-site: {"matches": ["https://x.com/*", "https://twitter.com/*", "https://mobile.twitter.com/*"]}
// X / Twitter: Draft.js composer. Selectors from the data-testid attributes X has kept
// for years (tweetTextarea_N, tweetButton, tweetButtonInline); classes are hashed.
(function (root) {
  'use strict';
  root.OwnVoice.adapters.register({
    id: 'x',
    platform: 'x',
    hosts: [/(^|\.)x\.com$/, /(^|\.)twitter\.com$/],
    editor: 'paste',
    // DMs use dmComposerTextInput: not a public post, not ours to check.
    composerSelector: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    submitSelector: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  });
})(globalThis);
