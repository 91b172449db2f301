// The proposed disclaimer is ticked only where it means something (docs/checks.md
// "Recommended"): offered unticked under a personal post on X, ticked under a post about
// work. The host decides (disclaimer.recommended); the prompt follows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openFixture, inPrompt } from './lib/harness.mjs';
import { typeInComposer, pressPost } from './lib/flows.mjs';

const cases = [
  ['a morning run', 'Morning run along the lake, 10 km before breakfast. Legs are gone.', false],
  ['a post about work', 'Proud of my team: the new LumiDesk release shipped tonight.', true],
];

for (const [label, text, ticked] of cases) {
  test(`x: ${label}: the disclaimer is offered ${ticked ? 'ticked' : 'unticked'}`, async () => {
    const env = await launch();
    try {
      const page = await openFixture(env.context, 'x');
      await typeInComposer(page, 'x', text);
      assert.notEqual(await pressPost(page, 'x'), 'block');
      const box = inPrompt(page).locator('#ov-disclaimer-on');
      await box.waitFor();
      assert.equal(await box.isChecked(), ticked);
      assert.ok(await inPrompt(page).locator('#ov-disclaimer-text').inputValue(), 'the wording is still there to tick');
    } finally {
      await env.close();
    }
  });
}
