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
    // The composer as data, for the fallbacks when the selectors above stop matching
    // (composer_finder.js). Labels in X's English and French interfaces.
    composers: {
      editor: { testIds: ['tweetTextarea_*'], roles: ['textbox'],
        labels: { en: ['Post text', 'Tweet text'], fr: ['Texte du post', 'Texte du Tweet'] } },
      submit: { testIds: ['tweetButton', 'tweetButtonInline'], roles: ['button'],
        labels: { en: ['Post', 'Post all', 'Reply', 'Tweet', 'Tweet all'], fr: ['Poster', 'Tout poster', 'Répondre', 'Tweeter', 'Tout tweeter'] } },
      keyboard: true,  // Ctrl+Enter posts (twitter-to-bsky#7)
    },
  });
})(globalThis);
