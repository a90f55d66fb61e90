# Installs the CMake package config so plugins build out of tree with find_package(dizgi).
include(CMakePackageConfigHelpers)
set(DIZGI_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/dizgi")
install(EXPORT dizgiTargets NAMESPACE dizgi:: DESTINATION "${DIZGI_CMAKE_DIR}" COMPONENT dev)
configure_package_config_file(cmake/dizgiConfig.cmake.in
  "${PROJECT_BINARY_DIR}/dizgiConfig.cmake" INSTALL_DESTINATION "${DIZGI_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/dizgiConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/dizgiConfig.cmake"
  "${PROJECT_BINARY_DIR}/dizgiConfigVersion.cmake"
  DESTINATION "${DIZGI_CMAKE_DIR}" COMPONENT dev)

# Data: templates, the fontconfig file, schemas.
install(DIRECTORY layouts/ DESTINATION "${DIZGI_INSTALL_DATA_DIR}/layouts" COMPONENT data
  OPTIONAL)
install(DIRECTORY fonts/ DESTINATION "${DIZGI_INSTALL_DATA_DIR}/fonts" COMPONENT data)
install(DIRECTORY schemas/ DESTINATION "${DIZGI_INSTALL_DATA_DIR}/schemas" COMPONENT data
  OPTIONAL)
install(DIRECTORY preflight/profiles/ DESTINATION ${DIZGI_INSTALL_DATA_DIR}/profiles COMPONENT data)
install(DIRECTORY profiles/ DESTINATION ${DIZGI_INSTALL_DATA_DIR}/output-profiles COMPONENT data)
foreach(icc FOGRA39L_coated.icc default_cmyk.icc)
  string(MAKE_C_IDENTIFIER "DIZGI_ICC_${icc}" var)
  if(${var})
    install(FILES "${${var}}" DESTINATION ${DIZGI_INSTALL_DATA_DIR}/icc COMPONENT data)
  endif()
endforeach()
