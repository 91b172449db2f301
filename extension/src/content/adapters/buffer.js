// ownvoice-site: {"matches": ["https://publish.buffer.com/*", "https://buffer.com/*"]}
// Buffer composer: one text for several channels. The text is checked against the
// strictest network among the selected channels (X before Bluesky before Mastodon...,
// adapter_helpers.js), so it fits every one of them. Draft.js editor. No public source
// for the current DOM: fixture-only, unverified on the live site.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const SELECTED = '[data-channel-service]:is([aria-pressed="true"], [aria-checked="true"], [aria-selected="true"])';
  OV.adapters.register({
    id: 'buffer',
    hosts: [/(^|\.)buffer\.com$/],
    get platform() {
      const services = OV.adapterHelpers.findAll(SELECTED).map((el) => el.getAttribute('data-channel-service'));
      return OV.adapterHelpers.strictest(services.length ? services : ['x']);
    },
    editor: 'paste',
    composerSelector: '[data-testid="composer-text-area"] [contenteditable="true"], [data-testid="composer"] .public-DraftEditor-content[contenteditable="true"]',
    submitSelector: '[data-testid="composer-submit-button"], [data-testid="composer"] button[type="submit"]',
    composers: {
      scope: '[data-testid="composer"], [role="dialog"]',
      editor: { testIds: ['composer-text-area'], roles: ['textbox'],
        labels: { en: ['What would you like to share', 'Start writing'], fr: ['Que voulez-vous partager', 'Commencez à écrire'] } },
      submit: { testIds: ['composer-submit-button'], roles: ['button'],
        labels: { en: ['Share Now', 'Add to Queue', 'Schedule Post', 'Publish'], fr: ['Partager maintenant', 'Ajouter à la file', 'Programmer la publication', 'Publier'] } },
      keyboard: false,
    },
  });
})(globalThis);
