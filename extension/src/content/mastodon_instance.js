// Injected first on a Mastodon instance the employee added in the options (background/
// sites.js registers it with the other content scripts): tells mastodon.js and
// share_intent.js that this host, whatever its domain, is a Mastodon instance.
(function (root) {
  'use strict';
  (root.OwnVoice = root.OwnVoice || {}).mastodonInstance = true;
})(globalThis);
