// Reading and replacing a composer's text, per editor family, as measured in Chromium
// against the real editor libraries (docs/extension.md, "Putting text in"):
//   paste       Draft.js (X), Lexical (Facebook): select the editor's contents, then a
//               synthetic paste whose DataTransfer is given to the ClipboardEvent
//               constructor (a property added later is invisible to the page's world).
//   insertText  Quill (LinkedIn), ProseMirror: select all, execCommand('insertText').
//   value       <textarea>: the native value setter (frameworks wrap the instance one)
//               plus a bubbling input event.
// Nothing is trusted: the caller reads the text back through the editor afterwards.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  function readText(composer) {
    if (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) return composer.value;
    return OV.domText.blockText(composer);
  }

  function nextFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  // Selects everything inside the editor and waits for the editor to notice:
  // Draft.js and Lexical learn about the selection from the (asynchronous)
  // selectionchange event.
  async function selectContents(composer) {
    composer.focus();
    const sel = composer.ownerDocument.getSelection();
    const range = composer.ownerDocument.createRange();
    range.selectNodeContents(composer);
    sel.removeAllRanges();
    sel.addRange(range);
    await nextFrame();
  }

  // Firefox ignores a DataTransfer given to the ClipboardEvent constructor (the page
  // sees empty clipboard data, measured in Firefox ESR 153) but honours its own
  // {dataType, data} members, from a content script too.
  const api = root.browser || root.chrome;
  const FIREFOX = typeof api !== 'undefined' && !!api.runtime && String(api.runtime.getURL('')).startsWith('moz-extension:');

  async function viaPaste(composer, text) {
    await selectContents(composer);
    if (FIREFOX) {
      composer.dispatchEvent(new ClipboardEvent('paste', { dataType: 'text/plain', data: text, bubbles: true, cancelable: true }));
      return;
    }
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    composer.dispatchEvent(event);
  }

  async function viaInsertText(composer, text) {
    composer.focus();
    composer.ownerDocument.execCommand('selectAll', false);
    await nextFrame();
    // (Firefox with Quill: a blank line comes out doubled; the read-back, which ignores
    // blank lines, accepts it. Known limit, docs/extension.md.)
    if (!composer.ownerDocument.execCommand('insertText', false, text)) throw new Error('insertText refused');
  }

  function viaValue(composer, text) {
    const proto = composer instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
    composer.focus();
    setter.call(composer, text);
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    composer.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async function writeText(kind, composer, text) {
    if (kind === 'paste') await viaPaste(composer, text);
    else if (kind === 'insertText') await viaInsertText(composer, text);
    else if (kind === 'value') viaValue(composer, text);
    else throw new Error('unknown editor kind ' + kind);
  }

  // Replaces the composer's text and reads it back. Editors re-render asynchronously,
  // so the read-back is retried for a short while before giving up.
  // Returns {ok, readBack}.
  async function replaceText(kind, composer, text) {
    const want = OV.domText.comparable(text);
    if (OV.domText.comparable(readText(composer)) === want) return { ok: true, readBack: readText(composer) };
    await writeText(kind, composer, text);
    let readBack = '';
    for (let i = 0; i < 20; i++) {
      await nextFrame();
      readBack = readText(composer);
      if (OV.domText.comparable(readBack) === want) return { ok: true, readBack };
    }
    return { ok: false, readBack };
  }

  OV.editorIO = { readText, replaceText };
})(globalThis);
