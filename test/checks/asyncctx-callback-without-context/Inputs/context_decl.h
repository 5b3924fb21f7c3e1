#pragma once
#include <asyncctx/asyncctx.hpp>
inline asyncctx::Local<int> request_id;
