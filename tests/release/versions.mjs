#!/usr/bin/env node
// One version (CTest release.versions_agree): the CMake project version is the source;
// every other place a version is shown must say the same, or this exits 1 and lists them.
//   node tests/release/versions.mjs --cli BIN --host BIN --cpack CPackConfig.cmake
// Places: `ownvoice --version`, `ownvoice-host --version`, the packages' version
// (CPackConfig.cmake), both extension manifests in both flavours (extension/build.mjs),
// package.json and package-lock.json, CHANGELOG.md (a section for it), and every
// example in the docs that names a version (package file names, hello's versions).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, projectVersion } from '../../extension/build.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--cli', '--host', '--cpack'].includes(argv[i]) || argv[i + 1] === undefined) {
      throw new Error(`usage: versions.mjs --cli BIN --host BIN --cpack CPackConfig.cmake (got ${argv[i]})`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

const read = (rel) => fs.readFileSync(path.join(REPO, rel), 'utf8');

// [{where, version}] for every place that states a version.
export function collect({ cli, host, cpack }) {
  const found = [];
  const add = (where, version) => found.push({ where, version: version ?? '(none found)' });
  const firstMatch = (re, text) => (re.exec(text) || [])[1];

  if (cli) add('ownvoice --version', firstMatch(/^ownvoice (\S+)$/m, execFileSync(cli, ['--version'], { encoding: 'utf8' })));
  if (host) add('ownvoice-host --version', firstMatch(/(\d+\.\d+\.\d+\S*)/, execFileSync(host, ['--version'], { encoding: 'utf8' })));
  if (cpack) add('packages (CPACK_PACKAGE_VERSION)', firstMatch(/set\(CPACK_PACKAGE_VERSION "([^"]*)"\)/, fs.readFileSync(cpack, 'utf8')));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ownvoice-versions-'));
  try {
    for (const flavour of ['release', 'dev']) {
      const dist = build(path.join(tmp, flavour), { flavour }).dist;
      for (const browser of ['chromium', 'firefox']) {
        add(`extension manifest (${flavour}, ${browser})`, JSON.parse(fs.readFileSync(path.join(dist, browser, 'manifest.json'), 'utf8')).version);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  add('package.json', JSON.parse(read('package.json')).version);
  const lock = JSON.parse(read('package-lock.json'));
  add('package-lock.json', lock.version);
  add('package-lock.json (packages[""])', lock.packages && lock.packages[''] && lock.packages[''].version);

  // The newest released section (the first "## x.y.z" after "## Unreleased").
  add('CHANGELOG.md (newest release section)', firstMatch(/^## \[?(\d+\.\d+\.\d+)\]?/m, read('CHANGELOG.md')));

  // Docs: every example that names this project's version.
  const DOC_PATTERNS = [
    /ownvoice_(\d+\.\d+\.\d+)_[a-z0-9]+\.deb/g,
    /ownvoice-(\d+\.\d+\.\d+)-\d+\.[a-z0-9_]+\.rpm/g,
    /ownvoice-(\d+\.\d+\.\d+)(?:-[a-z0-9]+)?\.(?:msi|zip|xpi|crx)/g,
    /"(?:host_version|extension_version)":\s*"(\d+\.\d+\.\d+)"/g,
    /dist\/(\d+\.\d+\.\d+)\//g,
  ];
  const docs = ['README.md', 'PROTOCOL.md', ...fs.readdirSync(path.join(REPO, 'docs'), { recursive: true })
    .filter((f) => f.endsWith('.md')).map((f) => 'docs/' + f)];
  for (const doc of docs) {
    const text = read(doc);
    for (const re of DOC_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const line = text.slice(0, m.index).split('\n').length;
        add(`${doc}:${line} (${m[0]})`, m[1]);
      }
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = projectVersion(read('CMakeLists.txt'));
  const found = collect(args(process.argv.slice(2)));
  const wrong = found.filter((f) => f.version !== source);
  for (const f of found) console.log(`${f.version === source ? 'ok  ' : 'DIFF'} ${f.where}: ${f.version}`);
  const changelog = read('CHANGELOG.md');
  if (!/^## Unreleased\s*$/m.test(changelog)) wrong.push({ where: 'CHANGELOG.md has no "## Unreleased" section' });
  if (wrong.length) {
    console.error(`\n${wrong.length} place(s) disagree with project(OwnVoice VERSION ${source}) in CMakeLists.txt`);
    process.exit(1);
  }
  console.log(`\nall ${found.length} places say ${source}`);
}
