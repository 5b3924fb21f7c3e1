#pragma once
#include <string>

void log_line(const std::string &Message);
