// Time from the Post click to the prompt on screen with the check's result, with a warm
// host (already running) and a cold one (the connection closed first, so the click
// starts ownvoice-host, says hello, then checks). Figures go to
// tests/e2e/artifacts/timings.json and docs/benchmarks.md records them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keysReachPrompt, launch, openFixture, clickPostTimed, waitPromptState, ARTIFACTS, median, FIXTURES } from './lib/harness.mjs';
import { typeInComposer, promptGone } from './lib/flows.mjs';

const ROUNDS = Number(process.env.OWNVOICE_TIMING_ROUNDS || 9);

async function clickToPrompt(page) {
  const { t0, paintedAt, renderedAt } = await clickPostTimed(page, FIXTURES.x.submit);
  const state = await waitPromptState(page, []);
  assert.notEqual(state, 'unavailable', 'the host answered');
  await keysReachPrompt(page);
  await page.keyboard.press('Escape');
  await promptGone(page);
  inDom.push(renderedAt - t0);
  return paintedAt - t0;
}
const inDom = [];

const stats = (values) => ({ median: +median(values).toFixed(1), max: +Math.max(...values).toFixed(1), all: values.map((v) => +v.toFixed(1)) });

test('click to prompt: warm and cold host', async () => {
  const env = await launch();
  try {
    const page = await openFixture(env.context, 'x');
    await typeInComposer(page, 'x', 'Fiers du Projet Edelweiss et de toute l\'équipe, venez voir la démo !');
    // The first Post after the browser started: the host was started by the page's
    // composer (warm-up), the browser's first storage and policy reads are done or not.
    const firstUse = await clickToPrompt(page);
    const warm = [];
    inDom.length = 0;
    for (let i = 0; i < ROUNDS; i++) warm.push(await clickToPrompt(page));
    const warmDom = inDom.splice(0);
    const cold = [];
    for (let i = 0; i < ROUNDS; i++) {
      await env.worker.evaluate(() => self.ownvoiceHost.disconnect());
      await page.waitForTimeout(150);  // the old host process exits
      cold.push(await clickToPrompt(page));
    }
    const figures = {
      rounds: ROUNDS,
      measured: 'Post click (main world) to the prompt with the result, one frame after it is in the DOM',
      first_use_ms: +firstUse.toFixed(1),
      warm_ms: stats(warm),
      cold_ms: stats(cold),
      in_dom_ms: { warm: stats(warmDom), cold: stats(inDom) },
      targets_ms: { warm: 30, cold: 100 },
      chromium: env.context.browser()?.version() ?? 'chromium',
      load_average_1min: +os.loadavg()[0].toFixed(2),
      cpus: os.cpus().length,
    };
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(figures, null, 2) + '\n');
    console.log(`# click-to-prompt: warm median ${figures.warm_ms.median} ms (max ${figures.warm_ms.max}), cold median ${figures.cold_ms.median} ms (max ${figures.cold_ms.max}), first use ${figures.first_use_ms} ms; in the DOM: warm ${figures.in_dom_ms.warm.median} ms, cold ${figures.in_dom_ms.cold.median} ms; load ${figures.load_average_1min}`);
    // Sanity bounds only (the targets are reported, not asserted: machines differ).
    assert.ok(figures.warm_ms.median < 500, 'warm prompt within half a second');
    assert.ok(figures.cold_ms.median < 3000, 'cold prompt within three seconds');
    assert.ok(figures.cold_ms.median > figures.warm_ms.median, 'cold really started the host');
  } finally {
    await env.close();
  }
});
