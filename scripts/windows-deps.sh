#!/usr/bin/env bash
# Cross-builds OwnVoice's compiled dependencies for Windows x64 (MinGW-w64, static) from
# Debian's own source packages, and stages the header-only ones from the -dev packages.
# Debian ships no MinGW builds of libsodium, SQLite, RE2, utf8proc or GoogleTest, and this
# project downloads nothing from anywhere but Debian: so they are built here, once.
#
#   scripts/windows-deps.sh [PREFIX]      default: build/windows-deps
#
# The prefix is reused when present (PREFIX/.complete): a second run costs nothing.
# Lean on purpose (CI starts clean): static libraries only, no tests, docs or tools of
# the dependencies, -j2. Needs: scripts/deps.sh test (the `windows` list).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$here/build/windows-deps}
[[ -f $prefix/.complete ]] && { echo "windows-deps: reusing $prefix"; exit 0; }
start=$(date +%s)
triple=x86_64-w64-mingw32
export CC=$triple-gcc-posix CXX=$triple-g++-posix AR=$triple-ar RANLIB=$triple-ranlib
jobs=${OWNVOICE_JOBS:-2}
src=$here/build/windows-deps-src
# A run that failed half-way keeps what it finished (one stamp per library).
mkdir -p "$prefix"/{include,lib} "$src"
done_() { [[ -f $prefix/.done-$1 ]]; }
mark() { touch "$prefix/.done-$1"; }
cflags="-O2"

# deb-src for the mirror apt already uses, with the same keyring (apt refuses two
# different Signed-By for one source).
need_deb_src() {
  grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/ && return
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  local mirror suite keyring
  mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Identifier: Packages' 2>/dev/null \
           | grep -v security | grep debian | head -1)
  suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
  keyring=$(grep -ls "${mirror%/}" /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 \
            | xargs -r grep -h '^Signed-By:' | head -1 | awk '{print $2}')
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n%s' "${mirror:-http://deb.debian.org/debian/}" \
    "$suite" "${keyring:+Signed-By: $keyring
}" | $sudo tee /etc/apt/sources.list.d/ownvoice-deb-src.sources >/dev/null
  $sudo apt-get update -qq
}
need_deb_src
cd "$src"
# --download-only + dpkg-source -x: no build-dependency resolution, no signature prompts.
for p in libsodium sqlite3 re2 utf8proc; do
  done_ $p && continue
  rm -rf "$p"[-_]*
  apt-get source --download-only -qq "$p" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true
  dpkg-source -q --skip-debianization -x "$p"_*.dsc >/dev/null
done
step() { echo "windows-deps: $1 ($(($(date +%s) - start)) s)"; }

# libsodium: the orig tarball has no configure script.
step libsodium
done_ libsodium || (cd libsodium-*/ && DO_NOT_UPDATE_CONFIG_SCRIPTS=1 ./autogen.sh -s >/dev/null 2>&1 \
  && ./configure -q --host=$triple --prefix="$prefix" --disable-shared --enable-static \
       --disable-dependency-tracking CFLAGS="$cflags" >/dev/null \
  && make -s -j"$jobs" -C src/libsodium install >/dev/null 2>&1 && mark libsodium)

# SQLite: the orig tarball has only the parts; the amalgamation is generated natively.
step sqlite3
done_ sqlite3 || (cd sqlite3-*/ && mkdir -p native && cd native && CC=gcc ../configure -q --disable-tcl >/dev/null \
  && make -s sqlite3.c sqlite3.h >/dev/null 2>&1 \
  && $CC $cflags -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION -c sqlite3.c -o sqlite3.o \
  && $AR rcs "$prefix/lib/libsqlite3.a" sqlite3.o && cp sqlite3.h sqlite3ext.h "$prefix/include/" && mark sqlite3)

# RE2 (2022-06-01, no Abseil): the +dfsg tarball lacks three generated tables, which
# are regenerated from Debian's unicode-data (the script would download the UCD) with
# Debian's python3.
step re2
done_ re2 || (cd re2-*/ && sed -i 's|^_UNICODE_DIR = .*|_UNICODE_DIR = "/usr/share/unicode"|' re2/unicode.py \
  && PATH=/usr/bin:$PATH make -s REBUILD_TABLES=1 re2/perl_groups.cc re2/unicode_casefold.cc re2/unicode_groups.cc >/dev/null \
  && cmake -S . -B build-win -G "Unix Makefiles" -DCMAKE_SYSTEM_NAME=Windows -DCMAKE_BUILD_TYPE=Release \
       -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_INSTALL_PREFIX="$prefix" \
       -DBUILD_SHARED_LIBS=OFF -DRE2_BUILD_TESTING=OFF >/dev/null \
  && cmake --build build-win -j"$jobs" >/dev/null && cmake --install build-win >/dev/null && mark re2)

# utf8proc: one C file.
step utf8proc
done_ utf8proc || (cd utf8proc-*/ && $CC $cflags -DUTF8PROC_STATIC -c utf8proc.c -o utf8proc.o \
  && $AR rcs "$prefix/lib/libutf8proc.a" utf8proc.o && cp utf8proc.h "$prefix/include/" && mark utf8proc)

# GoogleTest from the source Debian installs with libgtest-dev.
step googletest
done_ googletest || { cmake -S /usr/src/googletest -B gtest-win -G "Unix Makefiles" -DCMAKE_SYSTEM_NAME=Windows -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DBUILD_GMOCK=OFF -DBUILD_SHARED_LIBS=OFF -Dgtest_disable_pthreads=OFF >/dev/null
cmake --build gtest-win -j"$jobs" >/dev/null && cmake --install gtest-win >/dev/null && mark googletest; }

# Header-only libraries, staged (never -I/usr/include: it breaks the cross build).
step headers
cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/spdlog /usr/include/fmt "$prefix/include/"
# Debian's tweakme.h selects the external fmt; the toolchain file defines FMT_HEADER_ONLY
# so that fmt (like spdlog without SPDLOG_COMPILED_LIB) needs no compiled library.

for p in libsodium sqlite3 re2 utf8proc googletest; do
  done_ $p || { echo "windows-deps: $p failed" >&2; exit 1; }
done
rm -rf "$src"
echo "$(date -u +%FT%TZ) $(($(date +%s) - start)) s" >"$prefix/.complete"
step "done, in $prefix"
