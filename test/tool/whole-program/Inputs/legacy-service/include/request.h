#pragma once
#include <string>

// The request id of the request this thread serves, as a legacy code base
// keeps it: a thread_local set for the duration of a request.
extern thread_local std::string g_request_id;

// Sets the request id for the scope's lifetime, and restores the previous
// one.
class RequestScope {
public:
  explicit RequestScope(std::string Id);
  ~RequestScope();
  RequestScope(const RequestScope &) = delete;
  RequestScope &operator=(const RequestScope &) = delete;

private:
  std::string Previous;
};
