// ThreadPool::run(count, task) calls task(i) once for every i in [0, count), with the
// caller working too, and returns when all have finished; results do not depend on the
// thread count. Throwing tasks and run() from inside a task of the same pool are not
// supported (see thread_pool.hpp), so they are not tested.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/tensor/thread_pool.hpp"

using namespace convscope;

namespace {

// How many times each index ran; a fresh counter per index.
std::vector<int> run_counts(ThreadPool& pool, int count) {
    std::vector<std::atomic<int>> runs(static_cast<std::size_t>(std::max(count, 0)));
    pool.run(count, [&](int i) { runs[static_cast<std::size_t>(i)].fetch_add(1); });
    std::vector<int> counts;
    for (const std::atomic<int>& r : runs) counts.push_back(r.load());
    return counts;
}

// Some work whose result depends on the index alone.
double task_result(int i) {
    double sum = 0;
    for (int k = 1; k <= 200; ++k) sum += static_cast<double>((i * 31 + k) % 97) / k;
    return sum;
}

}  // namespace

TEST_CASE("every index runs exactly once, for 1 to 4 threads") {
    for (int threads = 1; threads <= 4; ++threads) {
        ThreadPool pool(threads);
        CHECK(pool.size() == threads);
        for (int count : {1, 2, 3, 4, 5, 17, 1000}) {
            INFO(threads << " threads, " << count << " tasks");
            CHECK(run_counts(pool, count) == std::vector<int>(count, 1));
        }
    }
}

TEST_CASE("an empty or negative range runs nothing") {
    for (int threads = 1; threads <= 4; ++threads) {
        ThreadPool pool(threads);
        int calls = 0;
        pool.run(0, [&](int) { ++calls; });
        pool.run(-3, [&](int) { ++calls; });
        CHECK(calls == 0);
        CHECK(run_counts(pool, 3) == std::vector<int>{1, 1, 1});  // still works afterwards
    }
}

TEST_CASE("results equal a serial loop's, for any thread count") {
    const int count = 513;
    std::vector<double> serial(count);
    for (int i = 0; i < count; ++i) serial[i] = task_result(i);
    for (int threads = 1; threads <= 4; ++threads) {
        ThreadPool pool(threads);
        std::vector<double> parallel(count, -1);
        pool.run(count, [&](int i) { parallel[i] = task_result(i); });
        INFO(threads << " threads");
        CHECK(parallel == serial);
    }
}

TEST_CASE("many jobs back to back each run exactly once") {
    // Workers leaving one job while the next starts must not claim its tasks.
    ThreadPool pool(4);
    int wrong_jobs = 0;
    for (int job = 0; job < 2000; ++job) {
        const int count = 1 + job % 9;
        if (run_counts(pool, count) != std::vector<int>(count, 1)) ++wrong_jobs;
    }
    CHECK(wrong_jobs == 0);
}

TEST_CASE("a pool of one runs every task on the calling thread") {
    ThreadPool pool(1);
    const std::thread::id caller = std::this_thread::get_id();
    int elsewhere = 0;
    pool.run(50, [&](int) { elsewhere += std::this_thread::get_id() != caller; });
    CHECK(elsewhere == 0);
}

TEST_CASE("a pool of N runs N tasks at the same time, the caller among them") {
    for (int threads = 2; threads <= 4; ++threads) {
        ThreadPool pool(threads);
        // Each task waits until all `threads` tasks have started: only N threads working
        // at once get past this. The wait has a deadline, so a broken pool fails, not hangs.
        std::mutex mutex;
        std::condition_variable all_started;
        int started = 0;
        std::set<std::thread::id> ran_on;
        bool every_task_met_the_others = true;
        pool.run(threads, [&](int) {
            std::unique_lock<std::mutex> lock(mutex);
            ran_on.insert(std::this_thread::get_id());
            if (++started == threads) all_started.notify_all();
            const bool met = all_started.wait_for(lock, std::chrono::seconds(60),
                                                  [&] { return started == threads; });
            every_task_met_the_others = every_task_met_the_others && met;
        });
        INFO(threads << " threads");
        CHECK(every_task_met_the_others);
        CHECK(static_cast<int>(ran_on.size()) == threads);
        CHECK(ran_on.count(std::this_thread::get_id()) == 1);
    }
}

TEST_CASE("pools nest: a task may run a pool of its own") {
    ThreadPool outer(2);
    const int rows = 6, columns = 40;
    std::vector<double> grid(rows * columns, -1);
    outer.run(rows, [&](int row) {
        ThreadPool inner(2);
        inner.run(columns, [&](int column) {
            grid[row * columns + column] = task_result(row * columns + column);
        });
    });
    bool all_right = true;
    for (int i = 0; i < rows * columns; ++i) all_right = all_right && grid[i] == task_result(i);
    CHECK(all_right);
}
