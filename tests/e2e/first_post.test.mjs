// The first Post after the browser starts, in real Chromium with the real host. Chromium's
// first storage.managed read after a start can take seconds; the background keeps what it
// last read there (storage.session and storage.local), so after a restart the first check
// runs at once with IT's last managed rules instead of waiting. Figures go to
// tests/e2e/artifacts/first_post.json; docs/benchmarks.md ("## Extension") records them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keysReachPrompt, launch, openFixture, clickPostTimed, waitPromptState, ARTIFACTS, FIXTURES } from './lib/harness.mjs';
import { typeInComposer, promptGone } from './lib/flows.mjs';

const COPY = 'ownvoiceManagedCopy';
// A rule only the kept copy holds (as if IT had set it): the first check must apply it.
const IT_RULE = { id: 'it-kept', severity: 'block', description: 'Kept managed rule', terms: ['Zanzibar Quartz'] };

async function clickToResult(page) {
  const { t0, paintedAt } = await clickPostTimed(page, FIXTURES.x.submit);
  const state = await waitPromptState(page, []);
  return { ms: paintedAt - t0, state };
}

async function keptCopy(worker) {
  for (let i = 0; i < 200; i++) {
    const kept = await worker.evaluate((key) => chrome.storage.local.get(key), COPY);
    if (kept[COPY]) return kept[COPY];
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

test('first Post after a browser restart uses the kept managed rules at once', async () => {
  const post = 'Visite du site Zanzibar Quartz demain avec l\'équipe';
  const first = await launch();
  let second;
  try {
    // First start: no copy yet, the first check waits for storage.managed as before.
    const page = await openFixture(first.context, 'x');
    await typeInComposer(page, 'x', post);
    const fresh = await clickToResult(page);
    assert.notEqual(fresh.state, 'unavailable', 'the host answered');
    // The background kept what storage.managed said ({} here: no enterprise policy).
    assert.deepEqual(await keptCopy(first.worker), {});
    // IT's last rules as the copy holds them.
    await first.worker.evaluate(([key, rule]) => chrome.storage.local.set({ [key]: { rules: [rule] } }), [COPY, IT_RULE]);
    await first.close({ keep: true });

    // Browser restart on the same profile: the first check uses the copy at once.
    second = await launch({ root: first.root });
    const page2 = await openFixture(second.context, 'x');
    await typeInComposer(page2, 'x', post);
    const restarted = await clickToResult(page2);
    assert.equal(restarted.state, 'block', 'the kept managed rule applied to the first check');
    await keysReachPrompt(page2);
    await page2.keyboard.press('Escape');
    await promptGone(page2);
    // The live read arrives later and replaces the copy ({} again: the rule is gone).
    assert.deepEqual(await second.worker.evaluate(async (key) => {
      for (let i = 0; i < 200; i++) {
        const kept = (await chrome.storage.local.get(key))[key];
        if (kept && !kept.rules) return kept;
        await new Promise((r) => setTimeout(r, 50));
      }
      return 'not replaced';
    }, COPY), {});

    const figures = {
      measured: 'Post click (main world) to the prompt with the result, first Post after the browser starts',
      fresh_profile_ms: +fresh.ms.toFixed(1),
      after_restart_ms: +restarted.ms.toFixed(1),
      target_ms: 300,
      load_average_1min: +os.loadavg()[0].toFixed(2),
    };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'first_post.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log(`# first Post after start: fresh profile ${figures.fresh_profile_ms} ms, after a restart ${figures.after_restart_ms} ms; load ${figures.load_average_1min}`);
  } finally {
    if (second) await second.close();
    else fs.rmSync(first.root, { recursive: true, force: true });
  }
});
