cmake_minimum_required(VERSION 3.25)  # IN_LIST
# cmake -DOBJDUMP=... -DFILES="a.exe;b.exe" -P check_pe_imports.cmake
# Fails when a PE file imports a networking DLL (the import table, as the Windows loader
# reads it). Prints every imported DLL so the log shows what was checked.
set(forbidden ws2_32 wsock32 mswsock wininet winhttp dnsapi iphlpapi urlmon
    # and the other ways to the network: RPC, WebSocket, BITS, HTTP server, WNet
    rpcrt4 websocket qmgr httpapi mpr winnsi netapi32)
foreach(file ${FILES})
  execute_process(COMMAND ${OBJDUMP} -p ${file} OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${OBJDUMP} -p ${file} failed")
  endif()
  string(REGEX MATCHALL "DLL Name: [^\r\n]+" lines "${dump}")
  if(NOT lines)
    message(FATAL_ERROR "${file}: no import table found (is it a PE file?)")
  endif()
  set(dlls "")
  foreach(line ${lines})
    string(REPLACE "DLL Name: " "" dll "${line}")
    string(TOLOWER "${dll}" dll)
    list(APPEND dlls ${dll})
  endforeach()
  message(STATUS "${file} imports: ${dlls}")
  foreach(dll ${dlls})
    string(REGEX REPLACE "\\.dll$" "" base "${dll}")
    if(base IN_LIST forbidden)
      # The verdict on one line first: FATAL_ERROR's text is wrapped at ~80 columns (where
      # depends on the path's length), and the canary test matches this sentence.
      message(STATUS "${file} imports ${dll}, a networking DLL")
      message(FATAL_ERROR "${file} imports ${dll}, a networking DLL")
    endif()
    # No MinGW runtime DLL either: the executables are static.
    if(dll MATCHES "^(libstdc\\+\\+|libgcc|libwinpthread)")
      message(FATAL_ERROR "${file} needs ${dll}: not a static build")
    endif()
  endforeach()
endforeach()
