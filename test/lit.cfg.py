# lit configuration for the asyncctx test suite: check tests (the real plugin
# in the real clang-tidy) and end-to-end tests (fix, compile, run).
import os
import shutil
import subprocess
import sys

import lit.formats

config.name = "asyncctx"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "runtime", "rewriter", "unit", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.asyncctx_binary_root, "test")

tools = config.llvm_tools_dir
filecheck = os.path.join(tools, "FileCheck")
# End-to-end tests compile with the compiler the project was built with.
clangxx = config.cxx_compiler
runtime_include = os.path.join(config.asyncctx_source_root, "runtime", "include")

# A plugin that fails to load only makes clang-tidy print a warning, after which
# every negative test would pass. Refuse to run unless it registers every check
# of checks/Checks.def.
sys.path.insert(0, config.test_source_root)
import checks_registry

checks = [c["name"] for c in
          checks_registry.read_checks(clangxx, config.asyncctx_source_root)]
listed = subprocess.run(
    [config.clang_tidy, "-load", config.asyncctx_plugin,
     "-checks=-*,asyncctx-*", "--list-checks"],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
if not checks or not all(c in listed.stdout.split() for c in checks):
    lit_config.fatal("the asyncctx plugin %s does not register the checks %s in %s:\n%s"
                     % (config.asyncctx_plugin, ", ".join(checks),
                        config.clang_tidy, listed.stdout))

cxxflags = "-std=c++20 -I%s" % runtime_include
tidy = "%s -load %s" % (config.clang_tidy, config.asyncctx_plugin)
config.substitutions.append(("%check_clang_tidy",
    "python3 %s --clang-tidy=%s --plugin=%s --filecheck=%s" % (
        os.path.join(config.test_source_root, "check_clang_tidy.py"),
        config.clang_tidy, config.asyncctx_plugin, filecheck)))
config.substitutions.append(("%checks_registry",
    "python3 %s --cpp %s --clang-tidy %s --plugin %s" % (
        os.path.join(config.test_source_root, "checks_registry.py"),
        clangxx, config.clang_tidy, config.asyncctx_plugin)))
config.substitutions.append(("%clang_tidy", tidy))
# GCC, for what must also compile there (scripts/install-deps.sh installs it).
gxx = shutil.which("g++")
if not gxx:
    lit_config.fatal("g++ not found (scripts/install-deps.sh installs it)")
config.substitutions.append(("%gxx", gxx))
# Longest names first: lit substitutes in order (%clang_tidy).
config.substitutions.insert(0, ("%clang_tidy_bin", config.clang_tidy))
config.substitutions.insert(0, ("%asyncctx_plugin", config.asyncctx_plugin))
config.substitutions.insert(0, ("%llvm_major", config.llvm_version_major))
# The clang-tidy of the other supported LLVM version (19 <-> 22), to load this
# build's plugin into (scripts/install-deps.sh --llvm19 installs both).
other_major = "19" if config.llvm_version_major == "22" else "22"
other_tidy = shutil.which("clang-tidy-" + other_major) or \
    "/usr/lib/llvm-%s/bin/clang-tidy" % other_major
if os.path.exists(other_tidy):
    config.available_features.add("other-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", other_tidy))
    config.substitutions.append(("%other_llvm_major", other_major))
# The standalone tool, when it is built (-DASYNCCTX_BUILD_TOOL).
if getattr(config, "asyncctx_tool", ""):
    config.available_features.add("asyncctx-tool")
    config.substitutions.append(("%asyncctx", config.asyncctx_tool))
config.substitutions.append(("%compiler", clangxx))
config.substitutions.append(("%clangxx", "%s %s" % (clangxx, cxxflags)))
config.substitutions.append(("%cxxflags", cxxflags))
config.substitutions.append(("%runtime_include", runtime_include))
# The vendored newest standalone Asio (third_party/asio-*/README.md), searched
# before the system's Asio 1.22: end-to-end programs compile against both.
asio_newest_include = os.path.join(config.asyncctx_source_root, "third_party",
                                   "asio-1.38.2", "include")
config.substitutions.append(("%asio_newest", "-I%s" % asio_newest_include))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", "")])
