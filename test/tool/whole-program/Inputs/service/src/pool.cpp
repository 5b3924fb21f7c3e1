#include "pool.h"

WorkerPool::WorkerPool() {
  for (int I = 0; I < 2; ++I)
    Workers.push_back(std::thread([this] { workerLoop(); }));
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
  }
  Ready.notify_all();
  for (std::thread &Worker : Workers)
    Worker.join();
}

void WorkerPool::submit(std::function<void()> Task) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Queue.push_back(std::move(Task));
  }
  Ready.notify_one();
}

void WorkerPool::workerLoop() {
  for (;;) {
    std::function<void()> Task;
    {
      std::unique_lock<std::mutex> Lock(Mutex);
      Ready.wait(Lock, [this] { return Stopping || !Queue.empty(); });
      if (Queue.empty())
        return;
      Task = std::move(Queue.front());
      Queue.pop_front();
    }
    Task();
  }
}
