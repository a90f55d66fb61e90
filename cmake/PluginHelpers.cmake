# dizgi_add_plugin(<name> SOURCES ... [LIBS ...] [NO_INSTALL] [OUTPUT_DIR dir])
# Builds a plugin as a MODULE: no "lib" prefix, hidden visibility, linked against the SDK only,
# placed where the host of the build tree looks for plugins and installed to lib/dizgi/plugins.
function(dizgi_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIR" "SOURCES;LIBS" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${DIZGI_BUILD_PLUGIN_DIR}")
  endif()
  set_target_properties(${name} PROPERTIES
    PREFIX "" OUTPUT_NAME "dizgi-${name}"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}"
    INSTALL_RPATH "$ORIGIN/../..")
  target_link_libraries(${name} PRIVATE dizgi::sdk dizgi_warnings ${ARG_LIBS})
  if(NOT ARG_NO_INSTALL)
    install(TARGETS ${name} LIBRARY DESTINATION "${DIZGI_INSTALL_PLUGIN_DIR}" COMPONENT plugins)
  endif()
endfunction()
