// The editors' DOM shapes here are copied from what Draft.js, Quill and Lexical render
// (see the fixtures in tests/e2e); the end-to-end tests check the same reader against
// the real libraries.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/dom_text.js');
const { blockText, comparable } = OV.domText;

// A tiny DOM: e('p', {}, 'text', e('br')) with parent/sibling links.
function e(name, ...kids) {
  const node = { nodeType: 1, nodeName: name.toUpperCase(), childNodes: [], parentNode: null, nextSibling: null };
  let prev = null;
  for (const k of kids) {
    const child = typeof k === 'string' ? { nodeType: 3, nodeName: '#text', data: k, childNodes: [] } : k;
    child.parentNode = node;
    if (prev) prev.nextSibling = child;
    prev = child;
    node.childNodes.push(child);
  }
  return node;
}

test('Quill paragraphs and an empty line', () => {
  const root = e('div', e('p', 'Hello'), e('p', e('br')), e('p', 'world'));
  assert.equal(blockText(root), 'Hello\n\nworld');
});

test('Draft.js nested blocks, one empty', () => {
  const block = (...k) => e('div', e('div', e('span', ...k)));
  const root = e('div', e('div', block(e('span', 'Projet Edelweiss')), block(e('br')), block(e('span', 'next'))));
  assert.equal(blockText(root), 'Projet Edelweiss\n\nnext');
});

test('Lexical line breaks inside a paragraph, and its trailing placeholder <br>', () => {
  assert.equal(blockText(e('div', e('p', e('span', 'a'), e('br'), e('span', 'b')))), 'a\nb');
  assert.equal(blockText(e('div', e('p', e('span', 'a'), e('br'), e('br')))), 'a\n');
  assert.equal(blockText(e('div', e('p', e('span', 'a')), e('p', e('span', 'b')))), 'a\nb');
});

test('a plain contenteditable with text and <br>s', () => {
  assert.equal(blockText(e('div', 'one', e('br'), 'two')), 'one\ntwo');
  assert.equal(blockText(e('div', 'only', e('br'))), 'only');
});

test('caret anchors and scripts are not text', () => {
  assert.equal(blockText(e('div', e('p', '\u200bhi\ufeff'), e('script', 'x=1'))), 'hi');
  assert.equal(blockText(e('div')), '');
  assert.equal(blockText(e('div', e('p', e('br')))), '');
});

test('comparable ignores what editors change on their own', () => {
  assert.equal(comparable('a\u00a0b  \n\n\nc \n'), comparable('a b\nc'));
  assert.notEqual(comparable('a b'), comparable('a c'));
  assert.notEqual(comparable('ab'), comparable('a\nb'));
});
