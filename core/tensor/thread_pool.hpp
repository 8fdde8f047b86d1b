// A fixed set of worker threads that run numbered tasks: run(count, task) calls
// task(i) for every i in [0, count) and returns when all have finished. The caller
// works too, so a pool of 1 runs everything inline. Which thread runs a task does
// not matter to the results: callers give each task its own output.
// Tasks must not throw (on a worker thread that ends the program), and run() serves one
// caller at a time: not two threads at once, nor a task of the same pool.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace convscope {

class ThreadPool {
  public:
    explicit ThreadPool(int threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int size() const { return static_cast<int>(workers_.size()) + 1; }

    template <typename Task>
    void run(int count, Task&& task) {
        run_erased(
            count, [](void* context, int i) { (*static_cast<Task*>(context))(i); }, &task);
    }

  private:
    using Call = void (*)(void*, int);
    void run_erased(int count, Call call, void* context);
    void worker_loop();
    // Claims and runs tasks of the job until none is left; returns how many it ran.
    int work_on(Call call, void* context, int count);

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable job_ready_;
    std::condition_variable job_done_;
    std::uint64_t generation_ = 0;  // one per run(), so workers see each job once
    bool stopping_ = false;
    Call call_ = nullptr;
    void* context_ = nullptr;
    int count_ = 0;
    std::atomic<int> next_task_{0};
    int finished_tasks_ = 0;  // guarded by mutex_
    int active_workers_ = 0;  // workers inside a job, guarded by mutex_
};

}  // namespace convscope
