// The request context of the end-to-end programs: a request id that the
// handlers print. Tests include this header, never asyncctx.hpp directly, so
// that the fix has to insert the include itself.
#pragma once
#include <asyncctx/asyncctx.hpp>
#include <string>

inline asyncctx::Local<int> request_id;

inline std::string current_request() {
  const int *Id = request_id.get();
  return Id ? std::to_string(*Id) : "none";
}
