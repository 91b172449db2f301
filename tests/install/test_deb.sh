#!/bin/sh
# Package test (ctest label `package`): builds the .deb from a clean build directory,
# installs it on this machine, checks every manifest and the conffile, runs
# `ownvoice doctor --system` and real frames through /usr/bin/ownvoice-host, adds an
# extension id the way an administrator would, purges the package and checks that
# nothing is left. Also builds the .rpm and checks its contents and scripts.
# Needs root, dpkg and python3; changes the machine while it runs.
# usage: test_deb.sh <source dir> <binary dir>
#   OWNVOICE_DEB=FILE  test that .deb (scripts/check_release.sh passes dist/<v>/'s) instead
#                      of building one; the .rpm checks then use the .rpm beside it.
# The package is built in build/release (preset `release`), the tree scripts/release.sh
# uses: one Release build for both.
set -eu
SRC=$(cd "$1" && pwd)
BIN=$2
DEV_ID=$(tr -d ' \n' < "$SRC/extension/DEV_EXTENSION_ID")
OTHER_ID=abcdefghijklmnopabcdefghijklmnop
PKG_BUILD="$SRC/build/release"
WORK=$(mktemp -d)

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "== $*"; }

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (dpkg -i)"; exit 77; }
command -v dpkg >/dev/null || { echo "SKIP: no dpkg"; exit 77; }
if dpkg -s ownvoice >/dev/null 2>&1; then
  fail "an ownvoice package is already installed; this test will not touch it"
fi

# Everything the package may touch, to compare before and after.
WATCH="/etc/opt /etc/chromium /etc/brave /etc/ownvoice /usr/lib/mozilla /usr/lib64/mozilla /var/lib/ownvoice /usr/share/ownvoice /usr/bin/ownvoice /usr/bin/ownvoice-host"
state() { for p in $WATCH; do [ -e "$p" ] && find "$p" -printf '%p %m %s\n'; done 2>/dev/null | sort; }
state > "$WORK/before"

cleanup() {
  status=$?
  if dpkg -s ownvoice >/dev/null 2>&1; then dpkg --purge ownvoice >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

if [ -n "${OWNVOICE_DEB:-}" ]; then
  DEB=$OWNVOICE_DEB
  PKG_DIR=$(dirname "$DEB")
  note "testing the given package $DEB"
else
  note "building the package in $PKG_BUILD"
  (cd "$SRC" && cmake --preset release >/dev/null)
  cmake --build "$PKG_BUILD" -j2 >/dev/null
  PKG_DIR="$WORK/packages"
  (cd "$PKG_BUILD" && cpack -G DEB -B "$PKG_DIR" >/dev/null)
  DEB=$(ls "$PKG_DIR"/ownvoice_*.deb | head -n1)
fi
[ -f "$DEB" ] || fail "no .deb produced"
dpkg-deb --info "$DEB" > "$WORK/deb-info"
dpkg-deb --contents "$DEB" > "$WORK/deb-contents"
grep -q "postinst" "$WORK/deb-info" || fail "the .deb has no postinst"
grep -q "./usr/bin/ownvoice-host" "$WORK/deb-contents" || fail "ownvoice-host is not in the .deb"

note "dpkg -i $(basename "$DEB")"
dpkg -i "$DEB" >/dev/null
[ -x /usr/bin/ownvoice ] && [ -x /usr/bin/ownvoice-host ] || fail "programs not installed"
grep -qx "/etc/ownvoice/policy.json" /var/lib/dpkg/info/ownvoice.conffiles || fail "policy.json is not a conffile"
[ -f /usr/share/ownvoice/enterprise/linux/chrome/ownvoice.json ] || fail "enterprise templates not installed"

for dir in /etc/opt/chrome/native-messaging-hosts /etc/chromium/native-messaging-hosts /etc/opt/edge/native-messaging-hosts \
           /etc/opt/brave/native-messaging-hosts /etc/opt/vivaldi/native-messaging-hosts /usr/lib/mozilla/native-messaging-hosts; do
  f="$dir/org.ownvoice.host.json"
  [ -f "$f" ] || fail "missing $f"
  [ "$(stat -c %a "$f")" = 644 ] || fail "$f is not 0644"
  python3 - "$f" "$DEV_ID" <<'PY' || fail "bad manifest $f"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["name"] == "org.ownvoice.host" and m["type"] == "stdio", m
assert m["path"] == "/usr/bin/ownvoice-host", m["path"]
callers = m.get("allowed_origins", []) + m.get("allowed_extensions", [])
# A release package never names the development id (its key is public, issue #15).
assert ("chrome-extension://%s/" % sys.argv[2]) not in callers, callers
if "allowed_extensions" in m:
    assert "ownvoice@ownvoice.org" in callers, callers
PY
done
[ -f /var/lib/ownvoice/install-receipt.json ] || fail "no receipt"

note "ownvoice doctor --system"
export HOME="$WORK/home" OWNVOICE_DATA_DIR="$WORK/home/.local/share/ownvoice"
mkdir -p "$HOME"
/usr/bin/ownvoice doctor --system --json > "$WORK/doctor.json" || { cat "$WORK/doctor.json"; fail "doctor found problems"; }
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['ok'] is True, d" "$WORK/doctor.json"

# One request through the installed host, as the browser sends it: 32-bit native-endian
# length, then UTF-8 JSON; the reply is framed the same way.
roundtrip() { # <request json> <argument>... (as the browser starts the host) -> reply json on stdout
  python3 - "$@" <<'PY'
import json, struct, subprocess, sys
body = sys.argv[1].encode()
p = subprocess.run(["/usr/bin/ownvoice-host"] + sys.argv[2:], input=struct.pack("=I", len(body)) + body,
                   capture_output=True, timeout=30)
out = p.stdout
assert len(out) >= 4, ("no reply", p.returncode, p.stderr[-500:])
n = struct.unpack("=I", out[:4])[0]
assert len(out) == 4 + n, ("extra or missing bytes on stdout", len(out), n)
print(out[4:].decode())
PY
}
FIREFOX_ARGS="/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json ownvoice@ownvoice.org"

note "hello and check through /usr/bin/ownvoice-host"
# As Firefox starts it (manifest path, add-on id): the release add-on id is built in.
roundtrip '{"id": 1, "type": "hello", "protocol": 1}' $FIREFOX_ARGS > "$WORK/hello.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'] and r['id']==1 and r['result']['protocol']==1, r" "$WORK/hello.json"
roundtrip '{"id": 2, "type": "check", "text": "Great day at the conference!", "platform": "linkedin"}' $FIREFOX_ARGS > "$WORK/check.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'] and r['result']['verdict'] in ('ok','warn','block'), r" "$WORK/check.json"

note "the packaged (release-flavour) host refuses the development extension id (its key is public)"
roundtrip '{"id": 5, "type": "hello"}' "chrome-extension://$DEV_ID/" > "$WORK/dev-refused.json" || true
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'] is False and r['error']['code']=='forbidden_caller', r" "$WORK/dev-refused.json"

note "an administrator allows another extension"
roundtrip '{"id": 3, "type": "hello"}' "chrome-extension://$OTHER_ID/" > "$WORK/refused.json" || true
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'] is False and r['error']['code']=='forbidden_caller', r" "$WORK/refused.json"
/usr/bin/ownvoice install --system --extension-id "$OTHER_ID" >/dev/null
grep -q "$OTHER_ID" /etc/opt/chrome/native-messaging-hosts/org.ownvoice.host.json || fail "id not in the manifest"
roundtrip '{"id": 4, "type": "hello"}' "chrome-extension://$OTHER_ID/" > "$WORK/accepted.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['ok'] is True, r" "$WORK/accepted.json"

note "upgrade path: reinstalling keeps the added id"
dpkg -i "$DEB" >/dev/null
grep -q "$OTHER_ID" /etc/opt/chrome/native-messaging-hosts/org.ownvoice.host.json || fail "reinstall lost the added id"

note "dpkg --purge ownvoice"
dpkg --purge ownvoice >/dev/null
state > "$WORK/after"
if ! diff -u "$WORK/before" "$WORK/after"; then fail "the purge left something behind (diff above)"; fi
find /etc /usr/lib /usr/lib64 /var/lib -name 'org.ownvoice.host*.json' 2>/dev/null | grep . && fail "a manifest survived the purge"

if command -v rpmbuild >/dev/null && command -v rpm >/dev/null; then
  if [ -z "${OWNVOICE_DEB:-}" ]; then
    note "building the .rpm"
    (cd "$PKG_BUILD" && cpack -G RPM -B "$PKG_DIR" >/dev/null)
  fi
  RPM=$(ls "$PKG_DIR"/ownvoice-*.rpm | head -n1)
  [ -f "$RPM" ] || fail "no .rpm beside $DEB"
  rpm -qpl "$RPM" > "$WORK/rpm-files"
  grep -qx /usr/bin/ownvoice-host "$WORK/rpm-files" || fail "ownvoice-host is not in the .rpm"
  grep -qx /etc/ownvoice/policy.json "$WORK/rpm-files" || fail "policy.json is not in the .rpm"
  rpm -qpc "$RPM" > "$WORK/rpm-config"
  rpm -qp --scripts "$RPM" > "$WORK/rpm-scripts"
  grep -qx /etc/ownvoice/policy.json "$WORK/rpm-config" || fail "policy.json is not %config in the .rpm"
  grep -q "ownvoice install --system" "$WORK/rpm-scripts" || fail "the .rpm does not register the host"
  grep -q "ownvoice uninstall --system" "$WORK/rpm-scripts" || fail "the .rpm does not unregister the host"
fi

echo "PASS: package installs, works, and purges cleanly"
