#!/usr/bin/env bash
# C++ lint: the layout of every C++ file under host/ and tests/ against .clang-format, and
# clang-tidy (.clang-tidy) on every library and main of the Linux build. Needs a configured
# tree for its compile commands (default build/ci; scripts/test.sh builds it first).
#   scripts/lint-cpp.sh [BUILD_DIR]
# Fix the layout with: clang-format -i $(git ls-files 'host/*.[ch]pp' 'tests/*.[ch]pp')
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
mapfile -t cpp_files < <(git ls-files 'host/*.cpp' 'host/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
echo "clang-format: ${#cpp_files[@]} files"
clang-format --dry-run --Werror "${cpp_files[@]}"
# The Windows and macOS files are not in this tree's compile commands (they build with
# MinGW and on a Mac); clang-tidy reads them through the headers they share.
mapfile -t tidy_files < <(git ls-files 'host/lib/*.cpp' 'host/app/*.cpp' | grep -vE '_(windows|macos)\.cpp$')
echo "clang-tidy: ${#tidy_files[@]} files"
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "${tidy_files[@]/#/$PWD/}" > build/clang-tidy.log 2>&1 || {
  grep -E 'warning:|error:' build/clang-tidy.log | sort -u
  echo "clang-tidy found problems (whole output in build/clang-tidy.log)"
  exit 1
}
echo "clang-tidy: clean"
