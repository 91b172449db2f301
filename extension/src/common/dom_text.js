// Reads the text of a rich editor's DOM the way the editor's own model sees it: one
// line per block (paragraph, Draft.js block), <br> as a line break, the placeholder
// <br> of an empty or line-ending block ignored. Works on anything shaped like a DOM
// node (nodeType, nodeName, childNodes, data), so it is unit-tested without a browser.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const TEXT_NODE = 3;
  const ELEMENT_NODE = 1;
  const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
  // Zero-width characters editors use as caret anchors; never part of the post.
  const ANCHORS = /[\u200b\ufeff]/g;

  function name(node) { return String(node.nodeName || '').toUpperCase(); }
  function isBlock(node) { return node.nodeType === ELEMENT_NODE && BLOCKS.has(name(node)); }
  function isBr(node) { return node.nodeType === ELEMENT_NODE && name(node) === 'BR'; }
  function children(node) { return Array.from(node.childNodes || []); }

  function hasText(node) {
    if (node.nodeType === TEXT_NODE) return String(node.data || '').replace(ANCHORS, '').length > 0;
    if (node.nodeType !== ELEMENT_NODE || SKIP.has(name(node))) return false;
    return children(node).some(hasText);
  }

  // Is this <br> the last thing its block shows (after some text)? Browsers and editors
  // put one there so the line keeps its height; it is not a line break of the post.
  function isTrailingBr(br, block) {
    let node = br;
    while (node && node !== block) {
      let next = node.nextSibling;
      while (next && !hasText(next) && !isBr(next) && !(next.nodeType === ELEMENT_NODE && children(next).some(isBr))) next = next.nextSibling;
      if (next) return false;
      node = node.parentNode;
    }
    return true;
  }

  function blockText(rootNode) {
    let out = '';
    let owed = false;  // a block ended: the next content starts on a new line
    const put = (s) => { if (owed) { out += '\n'; owed = false; } out += s; };
    function walk(node, block) {
      if (node.nodeType === TEXT_NODE) { const s = String(node.data || '').replace(ANCHORS, ''); if (s) put(s); return; }
      if (node.nodeType !== ELEMENT_NODE || SKIP.has(name(node))) return;
      if (isBr(node)) {
        if (!(block && isTrailingBr(node, block))) put('\n');
        return;
      }
      if (isBlock(node) && node !== rootNode) {
        if (out.length && !out.endsWith('\n')) owed = true;
        const nestedBlock = children(node).some(isBlock);
        if (!nestedBlock && !hasText(node)) put('');  // an empty paragraph is an empty line
        else for (const c of children(node)) walk(c, nestedBlock ? block : node);
        owed = true;
        return;
      }
      for (const c of children(node)) walk(c, block);
    }
    walk(rootNode, rootNode);
    return out;
  }

  // Editors differ in how they keep blank lines and trailing spaces; two texts are the
  // same post when their words and line structure match after this.
  function comparable(text) {
    return String(text || '').replace(ANCHORS, '').replace(/\u00a0/g, ' ')
      .replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
  }

  OV.domText = { blockText, comparable };
})(globalThis);
