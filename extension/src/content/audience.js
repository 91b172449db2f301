// Who will see the post, and which account posts it, as the composer shows them.
// An adapter may define readAudience(composer) and readAccount(composer) itself (the
// optional members of the interface, registry.js); otherwise the readers below, keyed by
// adapter id, are used. Each returns a short label ("Public", "Friends", "Anyone",
// "Followers only") or null when the page shows nothing we recognise: the prompt then
// says nothing rather than guess.
// DOM as public sources describe it (shared/notes/platforms.md); sites drift, so every
// reader tries a role/aria match first and falls back to nothing.
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  const clean = (s) => String(s || '').replace(/\s+/g, ' ').trim();

  // The element nearest to the composer (same dialog/form first, then the page).
  function near(composer, selector) {
    for (let node = composer && composer.parentElement; node; node = node.parentElement) {
      const found = node.querySelector(selector);
      if (found) return found;
    }
    return typeof document === 'undefined' ? null : document.querySelector(selector);
  }

  // "Edit privacy. Sharing with Public." -> "Public"; otherwise the control's own text.
  function afterPhrase(label, phrases) {
    const l = clean(label);
    for (const p of phrases) {
      const i = l.toLowerCase().indexOf(p.toLowerCase());
      if (i >= 0) return clean(l.slice(i + p.length)).replace(/[.:]+$/, '') || null;
    }
    return null;
  }

  function labelOf(el, phrases) {
    if (!el) return null;
    return afterPhrase(el.getAttribute('aria-label'), phrases || []) || clean(el.textContent) ||
      clean(el.getAttribute('aria-label')) || clean(el.getAttribute('title')) || null;
  }

  const AUDIENCE = {
    // The "Create post" dialog's audience selector under the author's name: a
    // div[role=button] labelled "Edit privacy. Sharing with <audience>." (localized), its
    // text the audience ("Public", "Friends", "Only me").
    facebook(composer) {
      const el = near(composer, '[role="dialog"] [role="button"][aria-label^="Edit privacy"], [role="dialog"] [role="button"][aria-label^="Modifier la confidentialité"]');
      return labelOf(el, ['Sharing with', 'Partagé avec', 'Partage avec']);
    },
    // X: the audience chip ("Everyone", a Circle, a Community) and the reply setting
    // ("Everyone can reply"). Unverified on the live site: X's test ids change.
    x(composer) {
      const audience = near(composer, '[aria-label="Choose audience"], [aria-label="Choisir le public"]');
      const scope = (composer && composer.closest('[role="dialog"], main, form')) || document;
      const reply = Array.from(scope.querySelectorAll('[role="button"], button'))
        .map((b) => clean(b.textContent)).find((s) => /can reply$|peuvent répondre$|peut répondre$/i.test(s));
      const parts = [audience ? clean(audience.textContent) : null, reply || null].filter(Boolean);
      return parts.length ? parts.join(' · ') : null;
    },
    // Mastodon: the visibility dropdown of the compose form (4.3+: a dropdown button
    // showing the label; older: .privacy-dropdown with the value's title).
    mastodon(composer) {
      const el = near(composer, 'form.compose-form .compose-form__dropdowns button, form.compose-form .privacy-dropdown__value-icon, form.compose-form .privacy-dropdown button');
      return el ? clean(el.textContent) || clean(el.getAttribute('title')) || clean(el.getAttribute('aria-label')) || null : null;
    },
    // LinkedIn share box: the author button "Post to Anyone" / "Connections only".
    linkedin(composer) {
      const el = near(composer, '[data-test-modal-id="sharebox"] button.share-unified-settings-entry-button, [data-test-modal-id="sharebox"] button[aria-label*="Post to"], [data-test-modal-id="sharebox"] button[aria-label*="Publier"]');
      if (!el) return null;
      const text = clean(el.getAttribute('aria-label')) + ' ' + clean(el.textContent);
      const m = /(Anyone|Connections only|Tout le monde|Relations uniquement)/i.exec(text);
      return m ? m[1] : null;
    },
    // Bluesky: the reply-gate button ("Anyone can interact", "Nobody can reply").
    bluesky(composer) {
      const el = near(composer, '[data-testid="openReplyGateButton"]');
      return el ? clean(el.textContent) || null : null;
    },
    // Instagram's post composer shows no audience (Close Friends is for stories only).
    instagram() { return null; },
  };

  const ACCOUNT = {
    // X: the side navigation's account switcher shows the signed-in "@handle" (the one
    // that posts); without it, the avatar beside the composer,
    // data-testid="UserAvatar-Container-<handle>" (a reply dialog also shows the author
    // replied to, so the switcher comes first). Unverified on the live site.
    x(composer) {
      const sw = typeof document === 'undefined' ? null : document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]');
      const m = sw && /@([A-Za-z0-9_]{1,15})/.exec(sw.textContent);
      if (m) return m[1];
      const avatar = near(composer, '[data-testid^="UserAvatar-Container-"]');
      return avatar ? avatar.getAttribute('data-testid').slice('UserAvatar-Container-'.length) || null : null;
    },
    // Mastodon: the compose panel's own account ("@name").
    mastodon(composer) {
      const el = near(composer, '.navigation-bar__profile-account, .compose-panel .display-name__account');
      const m = el && /@([^\s@]+)/.exec(el.textContent);
      return m ? m[1] : null;
    },
  };

  function call(fn, composer) {
    try { const v = fn(composer); return v ? clean(v) || null : null; } catch (_) { return null; }
  }

  function read(adapter, composer) {
    if (!adapter) return null;
    if (typeof adapter.readAudience === 'function') return call(adapter.readAudience.bind(adapter), composer);
    return AUDIENCE[adapter.id] ? call(AUDIENCE[adapter.id], composer) : null;
  }

  function account(adapter, composer) {
    if (!adapter) return null;
    if (typeof adapter.readAccount === 'function') return call(adapter.readAccount.bind(adapter), composer);
    return ACCOUNT[adapter.id] ? call(ACCOUNT[adapter.id], composer) : null;
  }

  OV.audience = { read, account, readers: Object.keys(AUDIENCE) };
})(globalThis);
