// Options, "Keep work out of": the employee's own accounts or platforms where work does
// not belong, and the work platforms to offer instead. Stored in storage.local only
// (common/boundaries.js has the shape); the employer's managed storage is never read
// here and the list is never sent to the host.
(function (root) {
  'use strict';
  const OV = root.OwnVoice;
  const api = root.browser || root.chrome;
  const { t } = OV.pageI18n;
  const { el } = OV.resultView;
  const B = OV.boundaries;
  const $ = (id) => document.getElementById(id);

  let current = B.normalize(null);

  async function load() {
    const got = await api.storage.local.get({ [B.STORAGE_KEY]: null });
    current = B.normalize(got[B.STORAGE_KEY]);
    render();
  }

  async function save(next) {
    current = B.normalize(next);
    const boundaries = current;
    await api.storage.local.set({ boundaries });
    render();
  }

  function render() {
    const list = $('boundary-list');
    list.replaceChildren();
    if (!current.keep_out.length) list.append(el(document, 'li', { class: 'note', id: 'boundary-empty', text: t('optionsBoundaryEmpty') }));
    current.keep_out.forEach((entry, i) => {
      const name = entry.account ? B.label(entry) : B.PLATFORMS[entry.platform] + ' (' + t('optionsBoundaryEvery') + ')';
      const remove = el(document, 'button', { type: 'button', class: 'boundary-remove', 'aria-label': t('optionsBoundaryRemove') + ' ' + name, text: t('optionsBoundaryRemove') });
      remove.addEventListener('click', () => save({ keep_out: current.keep_out.filter((_, j) => j !== i), work_on: current.work_on }));
      list.append(el(document, 'li', { class: 'boundary-entry', 'data-platform': entry.platform, 'data-account': entry.account || null },
        el(document, 'span', { text: name + ' ' }), remove));
    });
    const work = $('boundary-work-on');
    work.replaceChildren();
    for (const platform of Object.keys(B.WORK_LINKS)) {
      const box = el(document, 'input', { type: 'checkbox', id: 'boundary-work-' + platform, value: platform });
      box.checked = current.work_on.includes(platform);
      box.addEventListener('change', () => {
        const on = new Set(current.work_on);
        if (box.checked) on.add(platform); else on.delete(platform);
        save({ keep_out: current.keep_out, work_on: [...on] });
      });
      work.append(el(document, 'label', { for: box.id }, box, document.createTextNode(' ' + B.PLATFORMS[platform])));
    }
  }

  const select = $('boundary-platform');
  for (const [id, name] of Object.entries(B.PLATFORMS)) select.append(el(document, 'option', { value: id, text: name }));

  $('boundary-add').addEventListener('click', () => {
    const entry = { platform: select.value, account: $('boundary-account').value };
    if (!B.normalize({ keep_out: [entry] }).keep_out.length) return;  // not a handle
    $('boundary-account').value = '';
    save({ keep_out: current.keep_out.concat([entry]), work_on: current.work_on });
  });

  // Another tab of the options (or a test) may change the list.
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[B.STORAGE_KEY]) { current = B.normalize(changes[B.STORAGE_KEY].newValue); render(); }
  });

  load();
})(globalThis);
