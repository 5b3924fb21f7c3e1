#pragma once
#include <asio/thread_pool.hpp>
#include <string>

void handle_request(asio::thread_pool &Pool, const std::string &Body);
