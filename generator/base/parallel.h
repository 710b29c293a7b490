// A fixed pool of worker threads for one stage: `parallel_for` runs `body(i)` for every index,
// each index exactly once, and returns when all are done. Results go by index, so the order of
// the output never depends on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace hb {

// Threads to use: `requested` if non-zero, else every core.
inline unsigned thread_count(unsigned requested) {
  if (requested) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// The first `singles` indices, the largest jobs when a caller puts them first, go one at a
// time, so that they spread over the threads.
template <typename F>
void parallel_for(size_t n, unsigned threads, F&& body, size_t singles = 0) {
  threads = static_cast<unsigned>(std::min<size_t>(std::max(1u, threads), n));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i)
      body(i);
    return;
  }
  // Indices are taken a run at a time: threads then rarely write results that share a cache
  // line, or the counter. Runs stay short enough that the threads finish together.
  const size_t run = std::clamp<size_t>(n / (threads * 32), 1, 16);
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (;;) {
      size_t first = next.load(), take;
      do {
        if (first >= n) return;
        take = first < singles ? 1 : run;
      } while (!next.compare_exchange_weak(first, first + take));
      for (size_t i = first; i < std::min(first + take, n); ++i) {
        try {
          body(i);
        } catch (...) {
          std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
      }
    }
  };
  std::vector<std::thread> pool;
  // When the system gives fewer threads than asked for, the ones that started do the work.
  try {
    for (unsigned t = 1; t < threads; ++t)
      pool.emplace_back(work);
  } catch (const std::system_error&) {
  }
  work();
  for (auto& t : pool)
    t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace hb
