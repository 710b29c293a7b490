#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/parallel.h"

using hb::parallel_for;

TEST_CASE("parallel_for runs every index exactly once, whatever the count and the threads") {
  for (size_t n : {0, 1, 2, 5, 31, 64, 1000, 10007})
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      std::vector<std::atomic<int>> runs(n);
      parallel_for(
          n, threads, [&](size_t i) { runs[i].fetch_add(1); }, n % 7);
      size_t once = 0;
      for (auto& r : runs)
        once += r.load() == 1;
      INFO("n=" << n << " threads=" << threads);
      CHECK(once == n);
    }
}

TEST_CASE("parallel_for hands the leading large jobs to different threads") {
  // Two slow jobs first, then many quick ones: with runs of several indices, one thread would
  // take both slow jobs.
  std::mutex m;
  std::vector<std::thread::id> slow_ran_on;
  parallel_for(
      2000, 2,
      [&](size_t i) {
        if (i >= 2) return;
        {
          std::lock_guard lock(m);
          slow_ran_on.push_back(std::this_thread::get_id());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      },
      2);
  REQUIRE(slow_ran_on.size() == 2);
  CHECK(slow_ran_on[0] != slow_ran_on[1]);
}

TEST_CASE("parallel_for passes on a failure after every other index has run") {
  std::vector<std::atomic<int>> runs(500);
  CHECK_THROWS_WITH_AS(parallel_for(runs.size(), 2,
                                    [&](size_t i) {
                                      runs[i].fetch_add(1);
                                      if (i == 123) throw std::runtime_error("page 123");
                                    }),
                       "page 123", std::runtime_error);
  size_t once = 0;
  for (auto& r : runs)
    once += r.load() == 1;
  CHECK(once == runs.size());
}

#ifndef HANDBOOK_SANITIZE  // the sanitizers reserve more address space than the limit allows
TEST_CASE("when the system gives fewer threads than asked for the started ones do the work") {
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // 1 GiB of address space holds about a hundred thread stacks of 8 MiB, not 5,000.
    rlimit limit{1u << 30, 1u << 30};
    setrlimit(RLIMIT_AS, &limit);
    std::vector<std::atomic<int>> done(20000);
    hb::parallel_for(done.size(), 5000, [&](size_t i) { ++done[i]; });
    bool all = std::all_of(done.begin(), done.end(), [](auto& d) { return d == 1; });
    _exit(all ? 0 : 3);
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
#endif
