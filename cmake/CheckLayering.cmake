# CheckLayering.cmake - fails when a layer of libexitbar uses a symbol that
# a layer it does not link defines
# SPDX-License-Identifier: Apache-2.0
#
# cmake -DNM=<nm> -DLAYERS=<spec> [-DSTAMP=<file>] -P CheckLayering.cmake
#
# <spec> is "<name>=<archive>[,<archive>...]=<below>[,<below>...]|..." with
# the layers bottom-up (cmake/ExitBarLayers.cmake writes it). A symbol
# another layer's archive defines (strongly: T, D, B or R) and that a
# layer leaves undefined must come from a layer it names as below it.
# Static archives alone would not catch this: the final link resolves a
# back edge from whatever archive comes later on the command line.

cmake_minimum_required(VERSION 3.25)
if(NOT NM OR NOT LAYERS)
  message(FATAL_ERROR "usage: cmake -DNM=<nm> -DLAYERS=<spec> [-DSTAMP=<file>] -P CheckLayering.cmake")
endif()
find_program(_cxxfilt NAMES c++filt llvm-cxxfilt)

function(_nm_symbols out_var archive)
  execute_process(COMMAND "${NM}" -P ${ARGN} "${archive}"
    OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "layering: ${NM} failed on ${archive}: ${_err}")
  endif()
  set(${out_var} "${_out}" PARENT_SCOPE)
endfunction()

function(_demangle out_var symbol)
  set(_name "${symbol}")
  if(_cxxfilt)
    execute_process(COMMAND "${_cxxfilt}" "${symbol}"
      OUTPUT_VARIABLE _name OUTPUT_STRIP_TRAILING_WHITESPACE)
  endif()
  set(${out_var} "${_name}" PARENT_SCOPE)
endfunction()

string(REPLACE "|" ";" _specs "${LAYERS}")
set(_order "")
foreach(_spec IN LISTS _specs)
  if(NOT _spec MATCHES "^([A-Za-z0-9_]+)=([^=]+)=([A-Za-z0-9_,]*)$")
    message(FATAL_ERROR "layering: bad layer specification '${_spec}'")
  endif()
  set(_layer "${CMAKE_MATCH_1}")
  string(REPLACE "," ";" _archives_${_layer} "${CMAKE_MATCH_2}")
  string(REPLACE "," ";" _below_${_layer} "${CMAKE_MATCH_3}")
  list(APPEND _order "${_layer}")
endforeach()

# Who defines what. One variable per symbol: CMake's variable table is a
# hash map, which a list search over ~10,000 symbols per layer is not.
set(_errors "")
foreach(_layer IN LISTS _order)
  set(_undefined_${_layer} "")
  foreach(_archive IN LISTS _archives_${_layer})
    # Each match starts after a newline: unanchored, the engine would retry
    # from every character of every symbol name.
    _nm_symbols(_table "${_archive}" -g)
    string(PREPEND _table "\n")
    string(REGEX MATCHALL "\n[^\n ]+ [TDBR]" _symbols "${_table}")
    list(TRANSFORM _symbols REPLACE "^\n([^ ]+) [TDBR]$" "\\1")
    foreach(_symbol IN LISTS _symbols)
      if(DEFINED "_owner_${_symbol}" AND NOT _owner_${_symbol} STREQUAL _layer)
        _demangle(_name "${_symbol}")
        list(APPEND _errors "${_name} is defined in both the ${_owner_${_symbol}} and the ${_layer} layer")
      endif()
      set("_owner_${_symbol}" "${_layer}")
    endforeach()
    string(REGEX MATCHALL "\n[^\n ]+ U" _symbols "${_table}")
    list(TRANSFORM _symbols REPLACE "^\n([^ ]+) U$" "\\1")
    list(APPEND _undefined_${_layer} ${_symbols})
  endforeach()
endforeach()

set(_index 0)
foreach(_layer IN LISTS _order)
  set(_position_${_layer} ${_index})
  math(EXPR _index "${_index} + 1")
endforeach()

foreach(_layer IN LISTS _order)
  list(REMOVE_DUPLICATES _undefined_${_layer})
  foreach(_symbol IN LISTS _undefined_${_layer})
    if(NOT DEFINED "_owner_${_symbol}")
      continue() # the C++ runtime, fmt, OpenSSL, ...
    endif()
    set(_owner "${_owner_${_symbol}}")
    if(_owner STREQUAL _layer OR _owner IN_LIST _below_${_layer})
      continue()
    endif()
    _demangle(_name "${_symbol}")
    if(_position_${_owner} GREATER _position_${_layer})
      set(_how "above it (a back edge)")
    else()
      set(_how "that it does not list among its LAYERS")
    endif()
    list(APPEND _errors "the ${_layer} layer uses ${_name} from the ${_owner} layer, ${_how}")
  endforeach()
endforeach()

if(_errors)
  list(LENGTH _errors _count)
  list(SORT _errors)
  string(REPLACE ";" "\n  " _text "${_errors}")
  message(FATAL_ERROR "layering: ${_count} problem(s) between libexitbar's layers "
    "(tools/libexitbar/CMakeLists.txt; CONTRIBUTING.md, \"Layers\"):\n  ${_text}\n")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
