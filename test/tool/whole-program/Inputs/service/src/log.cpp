#include "log.h"
#include "request.h"
#include <cstdio>

void log_line(const std::string &Message) {
  const std::string *Id = request_id.get();
  std::printf("[request=%s] %s\n", Id ? Id->c_str() : "none", Message.c_str());
  std::fflush(stdout);
}
