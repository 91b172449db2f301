# Every dependency comes from Debian's packages: no downloads, no vendored copies.
# Windows (MinGW-w64 cross build): the same libraries, cross-built from Debian's source
# packages by scripts/windows-deps.sh (see cmake/OwnVoiceWindowsDependencies.cmake).
if(WIN32 AND NOT MSVC)
  include(OwnVoiceWindowsDependencies)
  return()
endif()
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)   # nlohmann-json3-dev
find_package(spdlog REQUIRED)               # libspdlog-dev
find_package(CLI11 REQUIRED)                # libcli11-dev
find_package(SQLite3 REQUIRED)              # libsqlite3-dev
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)     # libsodium-dev
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)              # libre2-dev
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc) # libutf8proc-dev
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  pkg_check_modules(SECCOMP REQUIRED IMPORTED_TARGET libseccomp) # libseccomp-dev
endif()
if(OWNVOICE_TESTS)
  find_package(GTest REQUIRED)              # libgtest-dev
endif()
if(OWNVOICE_BENCHMARKS)
  find_package(benchmark REQUIRED)          # libbenchmark-dev
endif()
