import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/spans.js');
const { segments, clampSpan, worstSeverity } = OV.spans;

test('segments cover the whole text and mark each finding', () => {
  const text = 'Nous lançons le Projet Edelweiss demain';
  const start = text.indexOf('Projet Edelweiss');
  const f = { rule: 'codenames', severity: 'block', start, end: start + 'Projet Edelweiss'.length };
  const segs = segments(text, [f]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(segs.map((s) => s.severity), [null, 'block', null]);
  assert.equal(segs[1].text, 'Projet Edelweiss');
  assert.deepEqual(segs[1].findings, [f]);
});

test('overlapping findings merge and take the highest severity', () => {
  const text = 'see ops-1234 at intranet.lumetra.ch now';
  const a = { rule: 'tickets', severity: 'warn', start: 4, end: 12 };
  const b = { rule: 'wide', severity: 'block', start: 8, end: 20 };
  const segs = segments(text, [a, b]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  const mid = segs.find((s) => s.text === '1234');
  assert.equal(mid.severity, 'block');
  assert.equal(mid.findings.length, 2);
  assert.equal(segs.find((s) => s.text === 'ops-').severity, 'warn');
});

test('UTF-16 spans after an emoji land on the right words', () => {
  const text = '🚀 Edelweiss';
  const segs = segments(text, [{ severity: 'block', start: 3, end: 12 }]);
  assert.equal(segs[1].text, 'Edelweiss');
});

test('a span that would split a surrogate pair is widened, a stale one clamped', () => {
  const text = 'a😀b';
  assert.deepEqual(clampSpan(text, 2, 3), [1, 3]);
  assert.deepEqual(clampSpan(text, 1, 2), [1, 3]);
  assert.deepEqual(clampSpan(text, 2, 99), [1, 4]);
  assert.deepEqual(clampSpan(text, -5, 1), [0, 1]);
  const segs = segments('short', [{ severity: 'warn', start: 50, end: 60 }]);
  assert.deepEqual(segs.map((s) => s.text), ['short']);
});

test('findings without spans are ignored by the highlight but count for severity', () => {
  const findings = [{ severity: 'warn' }, { severity: 'info', start: 0, end: 1 }];
  assert.deepEqual(segments('xy', findings).map((s) => s.severity), ['info', null]);
  assert.equal(worstSeverity(findings), 'warn');
  assert.equal(worstSeverity([]), null);
});
