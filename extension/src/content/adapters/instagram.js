// ownvoice-site: {"matches": ["https://www.instagram.com/*"]}
// Instagram web, "Create new post" dialog, caption step: a contenteditable (Lexical)
// labelled "Write a caption..." (older: a textarea), and "Share" (a div[role=button],
// known only by its text). 2,200 characters and at most 30 hashtags.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const here = /(^|\.)instagram\.com$/.test(location.hostname);
  const CAPTION = '[role="dialog"] [aria-label^="Write a caption"], [role="dialog"] [aria-label^="Écrivez une légende"]';
  const mark = '[data-ownvoice-submit="instagram"]';
  if (here) {
    OV.adapterHelpers.markControls('instagram', {
      scope: '[role="dialog"]', candidates: '[role="button"], button', labels: ['Share', 'Partager'],
    });
  }
  OV.adapters.register({
    id: 'instagram',
    platform: 'instagram',
    hosts: [/(^|\.)instagram\.com$/],
    // The caption is a textarea in some builds and a Lexical editor in others.
    get editor() {
      const el = OV.adapterHelpers.findAll(CAPTION)[0];
      return el && el.tagName === 'TEXTAREA' ? 'value' : 'paste';
    },
    composerSelector: CAPTION.split(', ').map((s) => s + ':is(textarea, [contenteditable="true"])').join(', '),
    submitSelector: mark,
    composers: {
      scope: '[role="dialog"]',
      editor: { testIds: [], roles: ['textbox'],
        labels: { en: ['Write a caption'], fr: ['Écrivez une légende'] } },
      submit: { testIds: [], roles: ['button'], labels: { en: ['Share'], fr: ['Partager'] } },
      keyboard: false,
    },
  });
})(globalThis);
