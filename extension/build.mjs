#!/usr/bin/env node
// Builds the extension for each browser family from one source tree, in one of two
// flavours:
//   release (the default; what scripts/release.sh packages): no `key`, no test-only site
//     extension/dist/release/chromium  MV3, background service worker
//     extension/dist/release/firefox   MV3, background scripts, gecko id
//   dev (the tests): the pinned development `key` (extension/DEV_EXTENSION_ID) and the
//     test-only site composer.ownvoice.test
//     extension/dist/dev/chromium, extension/dist/dev/firefox
// The version comes from the top-level CMakeLists.txt (one version for host and
// extension). Content scripts and host permissions come from the site adapters' first
// line (`// ownvoice-site: {...}`), so adding a site is adding one adapter file.
// Usage: node extension/build.mjs [--flavour release|dev] [--out DIR] [--browser chromium|firefox]
//                                 [--gecko-update-url URL]   (the self-hosted Firefox build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
export const FLAVOURS = ['release', 'dev'];
export const distFor = (flavour) => path.join(HERE, 'dist', flavour);

// Load order matters: each classic script adds to the OwnVoice namespace.
// Content scripts hold no result view and no boundaries: the prompt is an extension
// page in a frame (src/prompt/prompt.html), out of the page's reach.
const COMMON = ['dom_text.js', 'share_links.js'].map((f) => 'src/common/' + f);
const CONTENT_BEFORE_ADAPTERS = ['src/content/adapters/registry.js', 'src/content/adapter_helpers.js', 'src/content/composer_finder.js'];
const CONTENT_AFTER_ADAPTERS = ['src/content/editor_io.js', 'src/content/prompt.js', 'src/content/audience.js',
  'src/content/guard_notice.js', 'src/content/guard_state.js', 'src/content/guard.js', 'src/content/share_intent.js'];
// The prompt's page is the only file a web page may load (in the frame content/prompt.js
// makes); its scripts and styles are loaded by the page itself, as extension resources.
export const PROMPT_PAGE = 'src/prompt/prompt.html';
// src/flavour.js is generated per build (OwnVoice.flavour = 'release' | 'dev').
const BACKGROUND = ['src/flavour.js', 'src/common/host_status.js', 'src/common/managed.js', 'src/common/log_pin.js',
  'src/common/privacy_status.js', 'src/background/host_connection.js', 'src/background/handlers.js',
  'src/background/prompt_relay.js', 'src/background/context_menu.js', 'src/background/guard_badge.js',
  'src/common/site_list.js', 'src/background/sites.js', 'src/background/welcome.js'];
const COPY = ['src', '_locales', 'managed_schema.json'];
// The PNGs only (scripts/make_icons.sh renders them from icons/ownvoice.svg).
export const ICON_SIZES = ['16', '32', '48', '128'];
const ICONS = Object.fromEntries(ICON_SIZES.map((n) => [n, `icons/icon-${n}.png`]));

export function projectVersion(cmakeText) {
  const m = /project\(\s*OwnVoice\s+VERSION\s+(\d+\.\d+\.\d+)/.exec(cmakeText);
  if (!m) throw new Error('no `project(OwnVoice VERSION x.y.z` in CMakeLists.txt');
  return m[1];
}

export function readSites(adapterDir) {
  const sites = [];
  for (const file of fs.readdirSync(adapterDir).sort()) {
    if (!file.endsWith('.js') || file === 'registry.js') continue;
    const first = fs.readFileSync(path.join(adapterDir, file), 'utf8').split('\n', 1)[0];
    const m = /^\/\/ ownvoice-site: (\{.*\})\s*$/.exec(first);
    if (!m) throw new Error(`${file}: first line must be // ownvoice-site: {"matches": [...]}`);
    const meta = JSON.parse(m[1]);
    sites.push({ file: 'src/content/adapters/' + file, matches: meta.matches || [], devMatches: meta.dev_matches || [] });
  }
  return sites;
}

// httpMatches (end-to-end tests in Firefox only, which cannot answer https requests
// for a site locally): every match is also added with http://, so fixture pages served
// by a local http server under the sites' names run the content scripts.
// geckoUpdateUrl: the self-hosted Firefox build names its updates.json (never the AMO one,
// which AMO refuses).
export function manifestFor(browser, { version, sites, devKey, httpMatches = false, geckoUpdateUrl = null }) {
  let matches = [...new Set(sites.flatMap((s) => s.matches.concat(devKey ? s.devMatches : [])))];
  if (httpMatches) matches = matches.concat(matches.map((m) => m.replace(/^https:/, 'http:')));
  const contentJs = [...COMMON, ...CONTENT_BEFORE_ADAPTERS, ...sites.map((s) => s.file), ...CONTENT_AFTER_ADAPTERS];
  const m = {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    permissions: ['nativeMessaging', 'storage', 'contextMenus'],
    host_permissions: matches,
    // Any other site only when the employee asks for it in the options (a Mastodon
    // instance, a site for the generic adapter), with scripting to register the content
    // scripts there (background/sites.js).
    optional_permissions: ['scripting'],
    optional_host_permissions: ['https://*/*'],
    icons: ICONS,
    action: { default_title: '__MSG_extName__', default_popup: 'src/popup/popup.html', default_icon: ICONS },
    options_ui: { page: 'src/options/options.html', open_in_tab: true },
    content_scripts: [{ matches, js: contentJs, run_at: 'document_start', all_frames: false }],
    // Any https site: a site the employee adds in the options gets the prompt too.
    web_accessible_resources: [{ resources: [PROMPT_PAGE], matches: [...new Set(['https://*/*'].concat(matches))] }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'none'; img-src 'self'; font-src 'none'; media-src 'none'; frame-src 'none'; form-action 'none'",
    },
  };
  if (browser === 'chromium') {
    m.background = { service_worker: 'background.js' };
    m.storage = { managed_schema: 'managed_schema.json' };
    m.minimum_chrome_version = '116';
    if (devKey) m.key = devKey;
  } else {
    m.background = { scripts: BACKGROUND };
    // 140 (ESR): data_collection_permissions, which declares that the extension collects
    // and transmits nothing (Firefox asks every add-on to say); 128 already brought
    // optional_host_permissions (sites added at run time).
    m.browser_specific_settings = {
      gecko: { id: 'ownvoice@ownvoice.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] },
        ...(geckoUpdateUrl ? { update_url: geckoUpdateUrl } : {}) },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m;
}

function copyInto(dest) {
  for (const item of COPY) fs.cpSync(path.join(HERE, item), path.join(dest, item), { recursive: true });
  fs.mkdirSync(path.join(dest, 'icons'));
  for (const icon of Object.values(ICONS)) fs.copyFileSync(path.join(HERE, icon), path.join(dest, icon));
}

// flavour 'dev' adds the development key and the test-only site; 'release' never does.
export function build(dist, { flavour = 'release', httpMatches = false, geckoUpdateUrl = null, browsers = ['chromium', 'firefox'] } = {}) {
  if (!FLAVOURS.includes(flavour)) throw new Error(`unknown flavour ${flavour} (${FLAVOURS.join(', ')})`);
  if (httpMatches && flavour !== 'dev') throw new Error('httpMatches is for the dev flavour only');
  dist = dist || distFor(flavour);
  const version = projectVersion(fs.readFileSync(path.join(REPO, 'CMakeLists.txt'), 'utf8'));
  const sites = readSites(path.join(HERE, 'src/content/adapters'));
  const devKey = flavour === 'dev' ? fs.readFileSync(path.join(HERE, 'dev-public-key.b64'), 'utf8').trim() : null;
  for (const browser of browsers) {
    const out = path.join(dist, browser);
    // Only the two folders this build owns: --out may name a folder holding other things.
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    copyInto(out);
    fs.writeFileSync(path.join(out, 'src/flavour.js'), '// Generated by extension/build.mjs: which build this is.\n' +
      `(globalThis.OwnVoice = globalThis.OwnVoice || {}).flavour = ${JSON.stringify(flavour)};\n`);
    const manifest = manifestFor(browser, { version, sites, devKey, httpMatches, geckoUpdateUrl });
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    if (browser === 'chromium') {
      // A classic service worker loads the same files Firefox lists as background scripts.
      fs.writeFileSync(path.join(out, 'background.js'),
        '// Generated by extension/build.mjs.\nimportScripts(' + BACKGROUND.map((f) => JSON.stringify(f)).join(', ') + ');\n');
    }
  }
  return { version, flavour, sites: sites.length, dist };
}

export function parseArgs(argv) {
  const opts = { flavour: 'release', out: null, geckoUpdateUrl: null, browsers: ['chromium', 'firefox'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--flavour' || a === '--flavor') opts.flavour = argv[++i];
    else if (a.startsWith('--flavour=')) opts.flavour = a.slice('--flavour='.length);
    else if (a === '--out') opts.out = path.resolve(argv[++i] || '');
    else if (a === '--gecko-update-url') opts.geckoUpdateUrl = argv[++i];
    else if (a === '--browser') opts.browsers = [argv[++i]];
    else throw new Error(`unknown argument ${a}; usage: node extension/build.mjs [--flavour release|dev] [--out DIR]`);
  }
  if (!FLAVOURS.includes(opts.flavour)) throw new Error(`unknown flavour ${opts.flavour} (${FLAVOURS.join(', ')})`);
  for (const b of opts.browsers) if (!['chromium', 'firefox'].includes(b)) throw new Error(`unknown browser ${b} (chromium, firefox)`);
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error('error: ' + e.message);
    process.exit(64);
  }
  const r = build(opts.out, { flavour: opts.flavour, geckoUpdateUrl: opts.geckoUpdateUrl, browsers: opts.browsers });
  console.log(`built OwnVoice extension ${r.version} (${r.flavour} flavour, ${r.sites} site adapters) into ${path.relative(process.cwd(), r.dist) || r.dist}`);
}
