// "Check with OwnVoice" on a selection: the selected text goes to the popup page through
// session storage (memory only, gone when the browser closes), never through the URL.
(function (root) {
  'use strict';
  const api = root.browser || root.chrome;
  const MENU_ID = 'ownvoice-check-selection';

  api.runtime.onInstalled.addListener(() => {
    Promise.resolve(api.contextMenus.removeAll()).then(() => {
      api.contextMenus.create({ id: MENU_ID, title: api.i18n.getMessage('contextCheck'), contexts: ['selection'] });
    });
  });

  api.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    await api.storage.session.set({ pendingSelection: info.selectionText });
    await api.tabs.create({ url: api.runtime.getURL('src/popup/popup.html?source=selection') });
  });
})(globalThis);
