import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/disclaimer.js');
const { insertionOf, applyInsertion, splitInsertion, withWording } = OV.disclaimer;

test('an appended disclaimer is found as one insertion at the end', () => {
  const original = 'Fier de notre équipe !';
  const proposed = original + '\n\nCes propos n\'engagent que moi.';
  const ins = insertionOf(original, proposed);
  assert.deepEqual(ins, { at: original.length, text: '\n\nCes propos n\'engagent que moi.' });
  assert.equal(applyInsertion(original, ins), proposed);
});

test('an insertion before trailing hashtags is found in the middle', () => {
  const original = 'Great day #team';
  const proposed = 'Great day (views my own) #team';
  const ins = insertionOf(original, proposed);
  assert.equal(applyInsertion(original, ins), proposed);
  assert.ok(ins.text.includes('views my own'));
});

test('a rewrite that is not a pure insertion gives null', () => {
  assert.equal(insertionOf('abc', 'xbc'), null);
  assert.equal(insertionOf('abc', 'abc'), null);
  assert.equal(insertionOf('abcdef', 'abc'), null);
  assert.equal(insertionOf(null, 'x'), null);
});

test('repeated characters at the cut still give a valid insertion', () => {
  const original = 'aaa';
  const proposed = 'aaa\n\naaa';
  const ins = insertionOf(original, proposed);
  assert.equal(applyInsertion(original, ins), proposed);
});

test('surrogate pairs are never split by the cut', () => {
  const original = 'go 😀';
  const proposed = 'go 😀 😀';
  const ins = insertionOf(original, proposed);
  assert.equal(applyInsertion(original, ins), proposed);
  assert.ok(!/^[\udc00-\udfff]/.test(ins.text), 'insertion starts with a low surrogate');
});

test('the wording is edited, the separators are kept', () => {
  const ins = { at: 5, text: '\n\nOpinions are my own.' };
  assert.deepEqual(splitInsertion(ins.text), { lead: '\n\n', wording: 'Opinions are my own.', trail: '' });
  assert.deepEqual(withWording(ins, ' My views, not my employer\'s. '), { at: 5, text: '\n\nMy views, not my employer\'s.' });
  assert.deepEqual(withWording(ins, '   '), { at: 5, text: '' });
  assert.equal(applyInsertion('Hello', withWording(ins, '')), 'Hello');
});
