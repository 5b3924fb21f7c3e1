#pragma once
#include "pool.h"
#include <string>

void handle_request(WorkerPool &Pool, const std::string &Body);
