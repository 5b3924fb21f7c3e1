# The Debian package (docs/install.md): `cpack --config build/CPackConfig.cmake`
# gives asyncctx_<version>-1_<arch>.deb with the plugin, the tool, the runtime
# headers, the CMake package, the docs and the man page.
set(ASYNCCTX_PACKAGE_MAINTAINER "asyncctx maintainers <maintainers@asyncctx.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

# Debian wants a changelog and a copyright file in /usr/share/doc/<package>.
if(ASYNCCTX_SOURCE_DATE_EPOCH)
  set(_epoch_saved "$ENV{SOURCE_DATE_EPOCH}")
  set(ENV{SOURCE_DATE_EPOCH} "${ASYNCCTX_SOURCE_DATE_EPOCH}")
endif()
string(TIMESTAMP ASYNCCTX_PACKAGE_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
# Restore the environment exactly: an empty SOURCE_DATE_EPOCH makes every
# later compiler run (try_compile of find_package(Threads)) fail.
if(ASYNCCTX_SOURCE_DATE_EPOCH)
  if(_epoch_saved STREQUAL "")
    unset(ENV{SOURCE_DATE_EPOCH})
  else()
    set(ENV{SOURCE_DATE_EPOCH} "${_epoch_saved}")
  endif()
endif()
configure_file(packaging/changelog.Debian.in ${PROJECT_BINARY_DIR}/packaging/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
  COMMAND gzip -9nkf ${PROJECT_BINARY_DIR}/packaging/changelog.Debian
  DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.Debian)
add_custom_target(asyncctx-package-files ALL DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz)
install(FILES packaging/copyright ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/lintian/overrides
  RENAME asyncctx)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME asyncctx)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${ASYNCCTX_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION [=[
asyncctx finds C++ callables (lambdas, functions, coroutines) that cross an
async boundary (std::thread, std::async, asio::post, co_spawn, ...) without the
caller's async context (request id, trace span, deadline), and rewrites them
with asyncctx::wrap.
.
This package contains the clang-tidy plugin, the asyncctx command for whole
code bases and CI (check, fix, merge; text, JSON and SARIF), the header-only
C++14 runtime, its CMake package, the documentation and an example.]=])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the tool links (libclang-cpp, libLLVM, libc, libstdc++) come
# from dpkg-shlibdeps. The plugin loads only into the clang-tidy of the LLVM
# major version it was built against.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "clang-tidy-${ASYNCCTX_LLVM_VERSION}")
# The package's tool finds libclang-cpp and libLLVM in the system's library
# directories: no RUNPATH (lintian: custom-library-search-path).
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/AsyncctxPackageStaging.cmake)
include(CPack)
