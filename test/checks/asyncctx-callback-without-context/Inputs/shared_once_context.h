// The context variable of the shared-header-once test.
#pragma once
#include <asyncctx/asyncctx.hpp>
inline asyncctx::Local<int> request_id;
