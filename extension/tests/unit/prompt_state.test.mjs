import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/disclaimer.js', 'common/prompt_state.js');
const { controls, decision, finalText, appendLine } = OV.promptState;

const ok = { verdict: 'ok' };
const block = { verdict: 'block' };

test('post needs consent', () => {
  assert.equal(controls({ host: 'ok', checkedText: 'a', currentText: 'a', result: ok, consent: false }).post, false);
  assert.equal(controls({ host: 'ok', checkedText: 'a', currentText: 'a', result: ok, consent: true }).post, true);
});

test('a block keeps post disabled, even with consent, until changed and rechecked', () => {
  const blocked = controls({ host: 'ok', checkedText: 'Edelweiss', currentText: 'Edelweiss', result: block, consent: true });
  assert.equal(blocked.post, false);
  assert.equal(blocked.reason, 'blocked');
  const edited = controls({ host: 'ok', checkedText: 'Edelweiss', currentText: 'a flower', result: block, consent: true });
  assert.equal(edited.post, false);
  assert.equal(edited.reason, 'recheck_needed');
  assert.equal(edited.recheck, true);
  const rechecked = controls({ host: 'ok', checkedText: 'a flower', currentText: 'a flower', result: ok, consent: true });
  assert.equal(rechecked.post, true);
});

test('an edit after an ok check also needs a new check', () => {
  const c = controls({ host: 'ok', checkedText: 'a', currentText: 'ab', result: ok, consent: true });
  assert.equal(c.post, false);
  assert.equal(c.reason, 'recheck_needed');
});

test('host unavailable: the employee may post anyway or cancel, never a silent post', () => {
  const c = controls({ host: 'unavailable', checkedText: 'a', currentText: 'a', result: null, consent: false });
  assert.deepEqual([c.post, c.postAnyway, c.reason], [false, true, 'host_unavailable']);
  const busy = controls({ host: 'checking', checkedText: 'a', currentText: 'a', result: ok, consent: true });
  assert.deepEqual([busy.post, busy.postAnyway], [false, false]);
});

test('decision: shared when the words are the employee\'s own, edited_shared when changed in the prompt', () => {
  assert.equal(decision('hello', 'hello'), 'shared');
  assert.equal(decision('hello Edelweiss', 'hello'), 'edited_shared');
});

test('final text adds the accepted disclaimer and disclosure once', () => {
  const ins = { at: 5, text: '\n\nOpinions are my own.' };
  assert.equal(finalText('Hello', ins, ''), 'Hello\n\nOpinions are my own.');
  assert.equal(finalText('Hello', null, 'I work at Lumetra.'), 'Hello\n\nI work at Lumetra.');
  assert.equal(finalText('Hello', ins, 'I work at Lumetra.'), 'Hello\n\nOpinions are my own.\n\nI work at Lumetra.');
  assert.equal(appendLine('I work at Lumetra. Buy now', 'I work at Lumetra.'), 'I work at Lumetra. Buy now');
  assert.equal(appendLine('', 'x'), 'x');
});
