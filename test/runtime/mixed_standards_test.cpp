// A C++20 program and a C++14 shared library built with -fvisibility=hidden
// (mixed_standards_lib.cpp) share the current context and the slot counter,
// directly and through a wrapped callable on another thread.
#include "test_support.hpp"

#include <asyncctx/asyncctx.hpp>

#include <thread>

void read_from_cxx14_library(const asyncctx::Local<int> &local, int seen[3]);

namespace {

asyncctx::Local<int> program_local;

using MixedStandardsTest = asyncctx_test::RuntimeTest;

TEST_F(MixedStandardsTest, LibraryBuiltAsCxx14SeesTheProgramsContext) {
  int seen[3] = {0, 0, 0};
  program_local.run(7, [&] { read_from_cxx14_library(program_local, seen); });
  EXPECT_EQ(seen[0], 7);
  EXPECT_EQ(seen[1], 7) << "the library's Local took the program's slot";
  EXPECT_EQ(seen[2], 100);

  int on_thread[3] = {0, 0, 0};
  program_local.run(8, [&] {
    std::thread(asyncctx::wrap([&] {
      read_from_cxx14_library(program_local, on_thread);
    })).join();
  });
  EXPECT_EQ(on_thread[0], 8);
  EXPECT_EQ(on_thread[1], 8);
  EXPECT_EQ(on_thread[2], 100);

  int outside[3] = {0, 0, 0};
  read_from_cxx14_library(program_local, outside);
  EXPECT_EQ(outside[0], -1);
}

} // namespace
