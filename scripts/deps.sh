#!/usr/bin/env bash
# Installs OwnVoice's Debian packages: `deps.sh build` (to build and run) or
# `deps.sh test` (also the browsers, tracing and fuzzing tools the test suite uses, and
# the Windows cross-build: MinGW-w64, Wine, wixl; docs/windows.md).
# Only installs what is missing, so a second run costs nothing.
set -euo pipefail
build=(build-essential cmake pkg-config git ccache nlohmann-json3-dev libsodium-dev libsqlite3-dev libspdlog-dev
       libgtest-dev libgmock-dev libbenchmark-dev libre2-dev libutf8proc-dev libcli11-dev libseccomp-dev)
test=(clang clang-format clang-tidy libclang-rt-14-dev strace sqlite3 chromium firefox-esr nodejs npm python3 rpm file
      ripgrep hyperfine dpkg-dev zip unzip)
# scripts/test-windows.sh: the cross compiler, Wine to run the tests, wixl for the MSI, and
# what scripts/windows-deps.sh needs to build the dependencies from Debian's sources.
windows=(g++-mingw-w64-x86-64-posix mingw-w64-tools wine wine64 msitools wixl autoconf automake libtool
         tcl unicode-data python3-six)
want=("${build[@]}")
[[ "${1:-build}" == test ]] && want+=("${test[@]}" "${windows[@]}")
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# Node.js may come from elsewhere than Debian (the CI image has its own): keep it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
