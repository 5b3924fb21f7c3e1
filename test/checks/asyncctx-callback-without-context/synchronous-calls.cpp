// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

// Calls that run their callable on the calling thread before they return are
// not async boundaries: a callable that reads context is fine there.

#include <asyncctx/asyncctx.hpp>
#include <algorithm>
#include <functional>
#include <mutex>
#include <vector>

asyncctx::Local<int> request_id;

int current_id() {
  const int *Id = request_id.get();
  return Id ? *Id : 0;
}

void reader() { (void)request_id.get(); }

void for_each(std::vector<int> &V) {
  std::for_each(V.begin(), V.end(), [](int &X) { X += current_id(); });
  std::for_each(V.begin(), V.end(), [](int X) { (void)X; (void)request_id.get(); });
}

void sort_with_comparator(std::vector<int> &V) {
  std::sort(V.begin(), V.end(), [](int A, int B) {
    return A + current_id() < B + *request_id.get();
  });
}

void transform(std::vector<int> &V) {
  std::transform(V.begin(), V.end(), V.begin(), [](int X) { return X + current_id(); });
}

void immediately_invoked_lambda() {
  [] { (void)request_id.get(); }();
  int Id = [] { return current_id(); }();
  (void)Id;
}

void std_function_stored_and_called_on_the_same_thread() {
  std::function<int()> F = [] { return current_id(); };
  (void)F();
  std::function<void()> G = reader;
  G();
}

void lambda_variable_called_directly() {
  auto L = [] { return *request_id.get(); };
  (void)L();
}

void invoke() {
  (void)std::invoke([] { return current_id(); });
  std::invoke(reader);
}

void call_once() {
  static std::once_flag Flag;
  std::call_once(Flag, [] { (void)request_id.get(); });
  std::call_once(Flag, reader);
}
