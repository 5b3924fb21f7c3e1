#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

// A pool of worker threads draining a queue of tasks.
class WorkerPool {
public:
  WorkerPool();
  ~WorkerPool();
  void submit(std::function<void()> Task);

private:
  void workerLoop();

  std::deque<std::function<void()>> Queue;
  std::mutex Mutex;
  std::condition_variable Ready;
  bool Stopping = false;
  std::vector<std::thread> Workers;
};
