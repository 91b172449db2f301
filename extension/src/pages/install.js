// Shows the instructions in the browser's language first.
(function (root) {
  'use strict';
  root.OwnVoice.pageI18n.localize(document);
  const lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';
  const main = document.querySelector('main');
  main.insertBefore(document.querySelector('div[lang="' + lang + '"]'), main.children[1]);
})(globalThis);
