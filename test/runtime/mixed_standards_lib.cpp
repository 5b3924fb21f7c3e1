// A shared library built as C++14 with hidden visibility, loaded into the
// C++20 program of mixed_standards_test.cpp: both must see one current
// context and one slot counter (docs/runtime.md, "Language standard").
#include <asyncctx/asyncctx.hpp>

#include <utility>

namespace {
// The library's own Local: its slot must not collide with the program's.
asyncctx::Local<int> library_local;
} // namespace

// What the library sees of the program's `local`, then of both inside its
// own run: {outer value, value inside the library's run, library_local}; -1
// for unset.
__attribute__((visibility("default"))) void
read_from_cxx14_library(const asyncctx::Local<int> &local, int seen[3]) {
  const int *outer = local.get();
  seen[0] = outer != nullptr ? *outer : -1;
  library_local.run(100, [&] {
    const int *inner = local.get();
    seen[1] = inner != nullptr ? *inner : -1;
    seen[2] = *library_local.get();
  });
}
