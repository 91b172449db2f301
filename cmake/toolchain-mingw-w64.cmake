# Cross-compiling for Windows x64 with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix:
# C++20 with std::thread). The compiled dependencies come from scripts/windows-deps.sh,
# which builds them from Debian's source packages into OWNVOICE_WINDOWS_DEPS.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(OWNVOICE_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${OWNVOICE_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${OWNVOICE_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${OWNVOICE_MINGW_TRIPLE}-windres)

if(NOT OWNVOICE_WINDOWS_DEPS)
  set(OWNVOICE_WINDOWS_DEPS "${CMAKE_CURRENT_LIST_DIR}/../build/windows-deps")
endif()
get_filename_component(OWNVOICE_WINDOWS_DEPS "${OWNVOICE_WINDOWS_DEPS}" ABSOLUTE)
set(OWNVOICE_WINDOWS_DEPS "${OWNVOICE_WINDOWS_DEPS}" CACHE PATH "Prefix built by scripts/windows-deps.sh")

# The deps prefix goes in the find root (CMAKE_PREFIX_PATH would be re-rooted), and
# nothing is ever taken from the build machine's /usr/include or /usr/lib.
set(CMAKE_FIND_ROOT_PATH /usr/${OWNVOICE_MINGW_TRIPLE} ${OWNVOICE_WINDOWS_DEPS})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static runtime: libstdc++, libgcc and winpthread inside the .exe, no MinGW DLL beside it.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Windows 10 APIs (process mitigation policies); no min/max macros from <windows.h>.
set(CMAKE_C_FLAGS_INIT "-D_WIN32_WINNT=0x0A00 -DWINVER=0x0A00 -DNOMINMAX -DWIN32_LEAN_AND_MEAN")
set(CMAKE_CXX_FLAGS_INIT "${CMAKE_C_FLAGS_INIT}")

# Tests run the .exe files under Debian's wine (WINEPREFIX, WINEDEBUG from the test preset).
find_program(OWNVOICE_WINE NAMES wine wine64)
if(OWNVOICE_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${OWNVOICE_WINE})
endif()
