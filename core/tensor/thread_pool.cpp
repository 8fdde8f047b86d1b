#include "core/tensor/thread_pool.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

ThreadPool::ThreadPool(int threads) {
    CS_CHECK(threads >= 1);
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { worker_loop(); });
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    job_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

void ThreadPool::run_erased(int count, Call call, void* context) {
    if (count <= 0) return;
    if (workers_.empty()) {
        for (int i = 0; i < count; ++i) call(context, i);
        return;
    }
    {
        // A worker still leaving the previous job must not claim tasks of this one.
        std::unique_lock<std::mutex> lock(mutex_);
        job_done_.wait(lock, [this] { return active_workers_ == 0; });
        call_ = call;
        context_ = context;
        count_ = count;
        next_task_.store(0);
        finished_tasks_ = 0;
        ++generation_;
    }
    job_ready_.notify_all();
    const int done = work_on(call, context, count);
    std::unique_lock<std::mutex> lock(mutex_);
    finished_tasks_ += done;
    job_done_.wait(lock, [this] { return finished_tasks_ == count_ && active_workers_ == 0; });
}

int ThreadPool::work_on(Call call, void* context, int count) {
    int done = 0;
    for (int i = next_task_.fetch_add(1); i < count; i = next_task_.fetch_add(1)) {
        call(context, i);
        ++done;
    }
    return done;
}

void ThreadPool::worker_loop() {
    std::uint64_t seen = 0;
    for (;;) {
        Call call;
        void* context;
        int count;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            job_ready_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
            call = call_;
            context = context_;
            count = count_;
            ++active_workers_;
        }
        const int done = work_on(call, context, count);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            finished_tasks_ += done;
            --active_workers_;
        }
        job_done_.notify_all();
    }
}

}  // namespace convscope
