#include "request.h"
#include <utility>

thread_local std::string g_request_id;

RequestScope::RequestScope(std::string Id) : Previous(std::move(g_request_id)) {
  g_request_id = std::move(Id);
}

RequestScope::~RequestScope() { g_request_id = std::move(Previous); }
