#include "log.h"
#include "request.h"
#include <cstdio>

void log_line(const std::string &Message) {
  const std::string &Id = g_request_id;
  std::printf("[request=%s] %s\n", Id.empty() ? "none" : Id.c_str(),
              Message.c_str());
  std::fflush(stdout);
}
