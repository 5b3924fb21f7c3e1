# CPack runs this in its staging directory before it builds the Debian
# package (CPACK_PRE_BUILD_SCRIPTS): the installed tool's RUNPATH points at
# the LLVM build tree's library directory, which a Debian system does not
# need (libclang-cpp and libLLVM are in the linker's default directories).
file(GLOB_RECURSE _asyncctx_tools "${CPACK_TEMPORARY_DIRECTORY}/*/bin/asyncctx")
if(NOT _asyncctx_tools)
  message(FATAL_ERROR "AsyncctxPackageStaging: no bin/asyncctx under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(_tool IN LISTS _asyncctx_tools)
  file(RPATH_REMOVE FILE "${_tool}")
endforeach()
