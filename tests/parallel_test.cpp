#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "parallel.h"

using hb::parallel_for;

TEST_CASE("parallel_for runs every index exactly once, whatever the count and the threads") {
  for (size_t n : {0, 1, 2, 5, 31, 64, 1000, 10007})
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      std::vector<std::atomic<int>> runs(n);
      parallel_for(n, threads, [&](size_t i) { runs[i].fetch_add(1); });
      size_t once = 0;
      for (auto& r : runs)
        once += r.load() == 1;
      INFO("n=" << n << " threads=" << threads);
      CHECK(once == n);
    }
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
