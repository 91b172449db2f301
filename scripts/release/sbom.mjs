#!/usr/bin/env node
// Software bill of materials (CycloneDX 1.5 JSON) for a release: every library the host
// and the command line link, with the Debian package and version behind it.
//   node scripts/release/sbom.mjs --build DIR --version X.Y.Z --out FILE BINARY...
// Two sources, so nothing linked is missed:
//   - the dynamic loader's view: `ldd` on each shipped binary (what runs);
//   - CMake's view: the libraries and package configs the build tree found
//     (CMakeCache.txt), which also names header-only libraries compiled in (nlohmann/json,
//     CLI11) and the -dev package each came from.
// Each file is mapped to its package with `dpkg -S`, and the version with `dpkg-query`.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// `ldd` output -> resolved shared-library paths (the vdso and the loader itself have no file
// of their own worth listing: the loader is listed through its path like the others).
export function lddLibraries(lddOutput) {
  const libs = [];
  for (const line of lddOutput.split('\n')) {
    const m = /=>\s+(\/\S+)\s+\(/.exec(line) || /^\s*(\/\S+)\s+\(/.exec(line);
    if (m) libs.push(m[1]);
  }
  return libs;
}

// CMakeCache.txt -> the files the dependencies were found as (libraries and config dirs).
export function cmakeDependencyFiles(cacheText) {
  const files = new Set();
  for (const line of cacheText.split('\n')) {
    // pkg-config modules: pkgcfg_lib_<PREFIX>_<lib>:FILEPATH=/usr/lib/.../libx.so
    let m;
    // find_package(): <Name>_DIR:PATH=/usr/lib/.../cmake/<Name> and <X>_LIBRARY:FILEPATH=
    m = /^([A-Za-z0-9_]+)_DIR:PATH=(\/.+)$/.exec(line);
    if (m && !/NOTFOUND/.test(m[2]) && !/_INCLUDE$/.test(m[1])) files.add(m[2]);
    m = /^pkgcfg_lib_[A-Za-z0-9_]+:FILEPATH=(\/.+)$/.exec(line);
    if (m) files.add(m[1]);
    m = /^[A-Za-z0-9_]+_LIBRARY(?:_RELEASE)?:FILEPATH=(\/.+)$/.exec(line);
    if (m && !/NOTFOUND/.test(m[1])) files.add(m[1]);
  }
  return [...files];
}

// A file -> "package:arch" as dpkg knows it. Debian 12 is merged-/usr: the loader may
// report /lib/... where dpkg registered /usr/lib/... (or the reverse), so try both, then
// the resolved path.
export function owningPackage(file) {
  const candidates = new Set([file]);
  if (file.startsWith('/usr/')) candidates.add(file.slice(4)); else candidates.add('/usr' + file);
  try { const real = fs.realpathSync(file); candidates.add(real); candidates.add(real.startsWith('/usr/') ? real.slice(4) : '/usr' + real); } catch { /* gone */ }
  for (const c of candidates) {
    try {
      const out = run('dpkg', ['-S', c]).split('\n')[0];
      const pkg = out.slice(0, out.lastIndexOf(': ')).split(',')[0].trim();
      if (pkg) return pkg;
    } catch { /* not this spelling */ }
  }
  return null;
}

function packageInfo(pkg) {
  const [name, arch] = pkg.split(':');
  const out = run('dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${Homepage}', pkg]).split('\t');
  return { name, version: out[1], arch: arch || out[2], source: out[3] || name, homepage: out[4] || '' };
}

export function sbom({ buildDir, version, binaries }) {
  const byPackage = new Map();  // "name:arch" -> {info, files:Set, via:Set}
  const unowned = [];
  const note = (file, via) => {
    const pkg = owningPackage(file);
    if (!pkg) { unowned.push({ file, via }); return; }
    if (!byPackage.has(pkg)) byPackage.set(pkg, { info: packageInfo(pkg), files: new Set(), via: new Set() });
    byPackage.get(pkg).files.add(file);
    byPackage.get(pkg).via.add(via);
  };
  for (const bin of binaries) for (const lib of lddLibraries(run('ldd', [bin]))) note(lib, 'ldd ' + path.basename(bin));
  for (const f of cmakeDependencyFiles(fs.readFileSync(path.join(buildDir, 'CMakeCache.txt'), 'utf8'))) note(f, 'cmake');
  if (unowned.length) {
    throw new Error('no Debian package owns: ' + unowned.map((u) => `${u.file} (${u.via})`).join(', ') +
      '; every library must come from a Debian package (README "Why these libraries")');
  }
  const components = [...byPackage.values()].sort((a, b) => a.info.name.localeCompare(b.info.name)).map(({ info, files, via }) => ({
    type: 'library',
    'bom-ref': `pkg:deb/debian/${info.name}@${info.version}?arch=${info.arch}`,
    name: info.name,
    version: info.version,
    purl: `pkg:deb/debian/${info.name}@${encodeURIComponent(info.version)}?arch=${info.arch}`,
    scope: [...via].some((v) => v.startsWith('ldd')) ? 'required' : 'excluded',
    properties: [
      ...[...files].sort().map((f) => ({ name: 'ownvoice:file', value: f })),
      ...[...via].sort().map((v) => ({ name: 'ownvoice:found-by', value: v })),
      { name: 'debian:source', value: info.source },
    ],
    ...(info.homepage ? { externalReferences: [{ type: 'website', url: info.homepage }] } : {}),
  }));
  const self = `pkg:deb/debian/ownvoice@${version}`;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: 'urn:uuid:' + crypto.randomUUID(),
    version: 1,
    metadata: {
      timestamp: new Date((Number(process.env.SOURCE_DATE_EPOCH) || Date.now() / 1000) * 1000).toISOString(),
      tools: [{ vendor: 'OwnVoice', name: 'scripts/release/sbom.mjs', version }],
      component: { type: 'application', 'bom-ref': self, name: 'ownvoice', version,
        description: 'ownvoice and ownvoice-host; "required" components are linked at run time (ldd), "excluded" ones only at build time (headers, -dev packages)' },
    },
    components,
    dependencies: [{ ref: self, dependsOn: components.filter((c) => c.scope === 'required').map((c) => c['bom-ref']) }],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name) => { const i = argv.indexOf(name); if (i < 0 || !argv[i + 1]) throw new Error(`missing ${name}`); const v = argv[i + 1]; argv.splice(i, 2); return v; };
  try {
    const buildDir = opt('--build'); const version = opt('--version'); const out = opt('--out');
    if (!argv.length) throw new Error('name the binaries to list (ownvoice, ownvoice-host)');
    const doc = sbom({ buildDir, version, binaries: argv });
    fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
    console.log(`SBOM: ${doc.components.length} Debian packages -> ${out}`);
  } catch (e) {
    console.error('sbom: ' + e.message);
    process.exit(1);
  }
}
