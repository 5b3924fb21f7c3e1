#pragma once
#include <asyncctx/asyncctx.hpp>
#include <string>

inline asyncctx::Local<std::string> request_id;
