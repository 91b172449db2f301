#!/usr/bin/env bash
# The MSI under Wine: `msiexec /i /qn` installs into Program Files and registers the host
# for every browser in HKLM; `reg query` finds each key pointing at an existing manifest
# that names the installed host; a hello and a check go through that installed host;
# `msiexec /x /qn` leaves no key and no file. Usage: test_msi.sh BUILD_DIR
# (WINEPREFIX etc. as set by scripts/test-windows.sh).
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/^project(OwnVoice VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
msi=$build/ownvoice-$version-x64.msi
[[ -f $msi ]] || { echo "FAIL: $msi missing"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
vendors=("Google\\Chrome" "Microsoft\\Edge" "Chromium" "BraveSoftware\\Brave-Browser" "Mozilla")
key() { echo "HKLM\\Software\\$1\\NativeMessagingHosts\\org.ownvoice.host"; }
default_value() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ[[:space:]]*//p'; }
dir_unix=$(winepath -u 'C:\Program Files\OwnVoice' 2>/dev/null)

# A leftover from an earlier, interrupted run would hide what this install does.
wine msiexec /x "$(winepath -w "$msi")" /qn >/dev/null 2>&1 || true

echo "msi: installing $(basename "$msi") ($(stat -c %s "$msi") bytes)"
wine msiexec /i "$(winepath -w "$msi")" /qn || fail "msiexec /i exited $?"
[[ -f $dir_unix/ownvoice-host.exe && -f $dir_unix/ownvoice.exe ]] || fail "the executables are not in $dir_unix"

for v in "${vendors[@]}"; do
  value=$(default_value "$(key "$v")")
  [[ -n $value ]] || fail "no HKLM key for $v"
  manifest=$(winepath -u "$value")
  [[ -f $manifest ]] || fail "$v: the key points at $value, which does not exist"
  host=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["path"])' "$manifest")
  # A relative "path" is resolved against the manifest's folder on Windows.
  [[ $host == ownvoice-host.exe && -f $(dirname "$manifest")/$host ]] || fail "$v: manifest names '$host'"
  echo "msi: $(key "$v") -> $value -> $host"
done

# A hello and a check through the installed host, as Chrome starts it.
frames=$(mktemp); replies=$(mktemp)
python3 - "$frames" <<'PY'
import json, struct, sys
with open(sys.argv[1], "wb") as f:
    for req in ({"id": 1, "type": "hello", "protocol": 1},
                {"id": 2, "type": "check", "platform": "x", "lang": "en",
                 "text": "Projet Edelweiss ships in May, say hi to the team!"}):
        body = json.dumps(req).encode()
        f.write(struct.pack("<I", len(body)) + body)
PY
dev_id=$(sed -n 's/.*kChromiumDevelopmentId = "\([a-p]*\)".*/\1/p' "$src/host/lib/policy/allowed_callers.hpp")
OWNVOICE_SYSTEM_POLICY=$(winepath -w "$src/examples/policy.example.json") \
  wine 'C:\Program Files\OwnVoice\ownvoice-host.exe' "chrome-extension://$dev_id/" --parent-window=0 \
  <"$frames" >"$replies" || fail "the installed host exited $?"
python3 - "$replies" <<'PY' || fail "unexpected replies from the installed host"
import json, struct, sys
data = open(sys.argv[1], "rb").read()
out = []
while len(data) >= 4:
    (n,) = struct.unpack("<I", data[:4]); out.append(json.loads(data[4:4 + n])); data = data[4 + n:]
assert not data, "stray bytes on stdout"
assert out[0]["id"] == 1 and out[0]["ok"], out[0]
assert out[1]["id"] == 2 and out[1]["result"]["verdict"] == "block", out[1]
print("msi: hello ok, check verdict", out[1]["result"]["verdict"])
PY
rm -f "$frames" "$replies"

echo "msi: uninstalling"
wine msiexec /x "$(winepath -w "$msi")" /qn || fail "msiexec /x exited $?"
for v in "${vendors[@]}"; do
  wine reg query "$(key "$v")" >/dev/null 2>&1 && fail "$(key "$v") is still there"
done
[[ ! -e $dir_unix ]] || fail "$dir_unix is still there: $(ls -A "$dir_unix")"
echo "msi: PASS (installed, registered for ${#vendors[@]} browsers, served a check, uninstalled cleanly)"
