// The self-test page (from the options): runs every site adapter, through the same code
// the content scripts use (composer_finder.js), against the replicas of the sites'
// composers shipped in replicas.js, as shipped, renamed the way a redesign renames
// (composer_variants.js), and without a recognisable Post control; then asks the open
// tabs on supported sites what they hold. Reports which strategy found the editor and
// the Post control. Nothing leaves this page.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const $ = (id) => document.getElementById(id);
  const EXPECTED = { original: 'guarded', renamed: 'guarded', nocontrol: 'unguarded' };
  const VARIANT_LABEL = { original: 'variantOriginal', renamed: 'variantRenamed', nocontrol: 'variantNoControl' };
  const STATE_LABEL = { guarded: 'stateGuarded', watching: 'stateWatching', unguarded: 'stateUnguarded', off: 'stateOff' };

  OV.pageI18n.localize(document);

  // The adapters, loaded from the files the content scripts use (the manifest's list),
  // so a new site file is in the self-test without touching this page.
  function loadAdapters() {
    const files = api.runtime.getManifest().content_scripts[0].js.filter((f) =>
      /content\/(adapters\/[a-z_]+|adapter_helpers|composer_finder)\.js$/.test(f));
    return files.reduce((p, f) => p.then(() => new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/' + f;
      s.onload = resolve;
      s.onerror = () => reject(new Error('cannot load ' + f));
      document.head.append(s);
    })), Promise.resolve());
  }

  function cell(text, attrs) {
    const td = document.createElement('td');
    td.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) td.setAttribute(k, v);
    return td;
  }

  function runReplica(replica, variant) {
    const adapter = OV.adapters.all().find((a) => a.id === replica.adapter);
    const stage = $('stage');
    const doc = new DOMParser().parseFromString(`<body>${replica.html}</body>`, 'text/html');
    stage.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
    if (variant !== 'original') OV.composerVariants.apply(stage, { post: replica.post, mode: variant });
    const r = adapter ? OV.composerFinder.scan(adapter, stage) : { state: 'off', editorStrategy: null, controlStrategy: null };
    stage.replaceChildren();
    return r;
  }

  function runReplicas() {
    const body = $('replicas').tBodies[0];
    body.replaceChildren();
    let passed = 0;
    let total = 0;
    const results = [];
    for (const replica of OV.replicas) {
      for (const variant of Object.keys(EXPECTED)) {
        const r = runReplica(replica, variant);
        const ok = r.state === EXPECTED[variant];
        total += 1;
        if (ok) passed += 1;
        results.push({ adapter: replica.adapter, variant, state: r.state, editor: r.editorStrategy, control: r.controlStrategy, ok });
        const tr = document.createElement('tr');
        tr.dataset.adapter = replica.adapter;
        tr.dataset.variant = variant;
        tr.dataset.state = r.state;
        tr.dataset.ok = String(ok);
        tr.append(cell(replica.adapter), cell(t(VARIANT_LABEL[variant])), cell(t(STATE_LABEL[EXPECTED[variant]])),
          cell(t(STATE_LABEL[r.state]) + (ok ? ' ✓' : ' ✗'), { class: ok ? 'status ok' : 'status block' }),
          cell(r.editorStrategy || t('selftestNone'), { 'data-role': 'editor' }), cell(r.controlStrategy || t('selftestNone'), { 'data-role': 'control' }));
        body.append(tr);
      }
    }
    $('summary').textContent = t('selftestSummary', [String(passed), String(total)]);
    $('summary').dataset.passed = String(passed);
    $('summary').dataset.total = String(total);
    return results;
  }

  // Open tabs on supported sites: their content scripts answer with what they hold.
  async function runTabs() {
    const body = $('tabs').tBodies[0];
    body.replaceChildren();
    const tabs = await api.tabs.query({});
    for (const tab of tabs) {
      let r = null;
      try { r = await api.tabs.sendMessage(tab.id, { type: 'ov.guardQuery' }, { frameId: 0 }); } catch (_) { r = null; }
      if (!r) continue;
      const tr = document.createElement('tr');
      tr.dataset.site = r.site || '';
      tr.dataset.state = r.state;
      tr.append(cell(r.site || ''), cell(t(STATE_LABEL[r.state] || 'stateOff')),
        cell(r.editorStrategy || t('selftestNone')), cell(r.controlStrategy || t('selftestNone')));
      body.append(tr);
    }
    $('no-tabs').hidden = body.rows.length > 0;
  }

  const ready = loadAdapters();
  $('run').addEventListener('click', async () => {
    $('run').disabled = true;
    try {
      await ready;
      runReplicas();
      await runTabs();
      document.body.dataset.done = 'true';
    } finally {
      $('run').disabled = false;
    }
  });
})(globalThis);
