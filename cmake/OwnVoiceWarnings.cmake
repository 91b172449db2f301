# ownvoice_target_defaults(target): warnings (errors in CI), sanitizers, include paths.
function(ownvoice_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wimplicit-fallthrough)
  if(OWNVOICE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(OWNVOICE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
