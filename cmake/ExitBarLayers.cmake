# ExitBarLayers.cmake - libexitbar's layers: one static library each, and
# the build step that fails on a call from a layer into one above it
# SPDX-License-Identifier: Apache-2.0

find_package(Threads REQUIRED)

# exitbar_add_layer(<name> SOURCES <file>... [LAYERS <layer>...]
#                   [PUBLIC_LIBS <lib>...] [PRIVATE_LIBS <lib>...])
# Adds the static library exitbar_<name>. LAYERS are the layers below it
# that it may call (all of them, not only the next one: the check does not
# follow declarations transitively, so each edge is written down once,
# here). Declare layers bottom-up.
function(exitbar_add_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" ""
    "SOURCES;LAYERS;PUBLIC_LIBS;PRIVATE_LIBS")
  add_library(exitbar_${name} STATIC ${arg_SOURCES})
  set(_below "")
  foreach(_layer IN LISTS arg_LAYERS)
    get_property(_declared GLOBAL PROPERTY EXITBAR_LAYERS)
    if(NOT _layer IN_LIST _declared)
      message(FATAL_ERROR "layer ${name}: '${_layer}' is not a layer declared before it")
    endif()
    list(APPEND _below exitbar_${_layer})
  endforeach()
  target_link_libraries(exitbar_${name}
    PUBLIC ${_below} ${arg_PUBLIC_LIBS}
    PRIVATE ${arg_PRIVATE_LIBS})
  # Internal headers (formats/xml/Entities.h, support/Strings.h) by path.
  target_include_directories(exitbar_${name} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
  exitbar_set_warnings(exitbar_${name})
  set_property(GLOBAL APPEND PROPERTY EXITBAR_LAYERS ${name})
  set_property(GLOBAL PROPERTY EXITBAR_LAYER_${name}_BELOW "${arg_LAYERS}")
endfunction()

# The layer specification cmake/CheckLayering.cmake reads, as one argument:
# "<name>=<archive>=<below>,<below>|..." in declaration order.
function(exitbar_layer_spec out_var)
  get_property(_layers GLOBAL PROPERTY EXITBAR_LAYERS)
  set(_spec "")
  foreach(_layer IN LISTS _layers)
    get_property(_below GLOBAL PROPERTY EXITBAR_LAYER_${_layer}_BELOW)
    string(REPLACE ";" "," _below "${_below}")
    list(APPEND _spec "${_layer}=$<TARGET_FILE:exitbar_${_layer}>=${_below}")
  endforeach()
  string(REPLACE ";" "|" _spec "${_spec}")
  set(${out_var} "${_spec}" PARENT_SCOPE)
endfunction()

# exitbar_check_layers(): the build step `exitbar_layering`, part of `all`,
# that reruns whenever a layer's archive changes.
function(exitbar_check_layers)
  get_property(_layers GLOBAL PROPERTY EXITBAR_LAYERS)
  list(TRANSFORM _layers PREPEND exitbar_ OUTPUT_VARIABLE _targets)
  exitbar_layer_spec(_spec)
  set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/layering.stamp")
  add_custom_command(
    OUTPUT "${_stamp}"
    COMMAND "${CMAKE_COMMAND}" "-DNM=${CMAKE_NM}" "-DLAYERS=${_spec}"
            "-DSTAMP=${_stamp}"
            -P "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake"
    DEPENDS ${_targets} "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake"
    COMMENT "Checking that no layer of libexitbar calls into a layer above it"
    VERBATIM)
  add_custom_target(exitbar_layering ALL DEPENDS "${_stamp}")
endfunction()
