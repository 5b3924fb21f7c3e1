# What `cmake --install` puts under the prefix (docs/install.md): the runtime
# headers and the CMake package `asyncctx` (asyncctx::runtime, and the plugin
# and tool when they were built), the docs, the bundled example and the man
# page. The plugin and tool install rules are in checks/ and tool/.
include(CMakePackageConfigHelpers)

set(ASYNCCTX_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/asyncctx" CACHE STRING
    "Installation directory of asyncctxConfig.cmake, relative to the prefix")

install(DIRECTORY runtime/include/asyncctx DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS asyncctx-runtime EXPORT asyncctxTargets)
install(EXPORT asyncctxTargets NAMESPACE asyncctx:: DESTINATION ${ASYNCCTX_INSTALL_CMAKEDIR})

# checks/CMakeLists.txt names the plugin lib<OUTPUT_NAME>.so.
set(ASYNCCTX_PLUGIN_FILE_NAME "libasyncctx-tidy${CMAKE_SHARED_MODULE_SUFFIX}")
configure_package_config_file(cmake/asyncctxConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/asyncctxConfig.cmake
  INSTALL_DESTINATION ${ASYNCCTX_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR ASYNCCTX_INSTALL_PLUGINDIR)
# 0.x: a new minor version may change the runtime's API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/asyncctxConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/asyncctxConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/asyncctxConfigVersion.cmake
  DESTINATION ${ASYNCCTX_INSTALL_CMAKEDIR})

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/worker-pool DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# Dates in the man page and the package's changelog: SOURCE_DATE_EPOCH
# (reproducible builds), else the time of the checked-out commit, so that the
# same sources give the same files.
set(ASYNCCTX_SOURCE_DATE_EPOCH "$ENV{SOURCE_DATE_EPOCH}")
if(NOT ASYNCCTX_SOURCE_DATE_EPOCH)
  execute_process(COMMAND git log -1 --format=%ct
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    OUTPUT_VARIABLE ASYNCCTX_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
endif()

# The man page is generated from `asyncctx --help` at build time, so that it
# always matches the installed tool.
if(TARGET asyncctx)
  find_program(ASYNCCTX_HELP2MAN help2man)
  if(ASYNCCTX_HELP2MAN)
    set(_man "${PROJECT_BINARY_DIR}/man/asyncctx.1")
    add_custom_command(OUTPUT ${_man}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${ASYNCCTX_SOURCE_DATE_EPOCH}
              ${ASYNCCTX_HELP2MAN} --no-info --no-discard-stderr
              --version-string=${PROJECT_VERSION}
              "--name=find and fix callbacks that lose the async context"
              --output=${_man} $<TARGET_FILE:asyncctx>
      # -n: no name or time stamp in the archive, the same page gives the same file.
      COMMAND gzip -9nf ${_man}
      DEPENDS asyncctx
      COMMENT "Generating the asyncctx man page")
    add_custom_target(asyncctx-man ALL DEPENDS ${_man}.gz)
    install(FILES ${_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  else()
    message(WARNING "asyncctx: help2man not found, no man page (scripts/install-deps.sh installs it)")
  endif()
  # Where bash-completion loads it on demand.
  install(FILES packaging/bash-completion/asyncctx
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  include(cmake/AsyncctxPackage.cmake)
endif()
