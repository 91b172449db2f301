# The MinGW-w64 build's dependencies, from the prefix scripts/windows-deps.sh builds
# (OWNVOICE_WINDOWS_DEPS, set by cmake/toolchain-mingw-w64.cmake). The targets carry the
# same names as on Linux, so host/ and tests/ link them the same way everywhere.
find_package(Threads REQUIRED)
set(_deps "${OWNVOICE_WINDOWS_DEPS}")
if(NOT EXISTS "${_deps}/.complete")
  message(FATAL_ERROR "Windows dependencies missing: run scripts/windows-deps.sh (expected ${_deps})")
endif()

function(_ownvoice_static_lib target file)
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${_deps}/lib/${file}"
    INTERFACE_INCLUDE_DIRECTORIES "${_deps}/include")
endfunction()
function(_ownvoice_header_lib target)
  add_library(${target} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_deps}/include")
endfunction()

_ownvoice_static_lib(PkgConfig::SODIUM libsodium.a)
set_property(TARGET PkgConfig::SODIUM APPEND PROPERTY INTERFACE_LINK_LIBRARIES advapi32)  # RtlGenRandom
_ownvoice_static_lib(PkgConfig::RE2 libre2.a)
set_property(TARGET PkgConfig::RE2 APPEND PROPERTY INTERFACE_LINK_LIBRARIES Threads::Threads)
_ownvoice_static_lib(PkgConfig::UTF8PROC libutf8proc.a)
set_property(TARGET PkgConfig::UTF8PROC PROPERTY INTERFACE_COMPILE_DEFINITIONS UTF8PROC_STATIC)
_ownvoice_static_lib(SQLite::SQLite3 libsqlite3.a)

_ownvoice_header_lib(nlohmann_json::nlohmann_json)
_ownvoice_header_lib(CLI11::CLI11)
# spdlog header-only (no SPDLOG_COMPILED_LIB) over fmt header-only: Debian's tweakme.h
# selects the external fmt.
_ownvoice_header_lib(spdlog::spdlog)
set_property(TARGET spdlog::spdlog PROPERTY INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY SPDLOG_WCHAR_FILENAMES)

if(OWNVOICE_TESTS)
  find_package(GTest REQUIRED)
endif()
