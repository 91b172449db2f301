# ownvoice_target_defaults(target): warnings (errors in CI), sanitizers, include paths.
function(ownvoice_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wimplicit-fallthrough)
  if(MINGW AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12's -O2/-O3 false positive on std::vector<unsigned char> inserts (GCC PR 107852),
    # seen only in the MinGW-w64 build (Debian 12's x86_64-w64-mingw32-g++ 12.2).
    target_compile_options(${target} PRIVATE -Wno-stringop-overflow)
  endif()
  if(OWNVOICE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(OWNVOICE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
