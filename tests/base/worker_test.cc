#include "base/worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace vanban {
namespace {

TEST(WorkerTest, RunsJobsOnItsOwnThreadOneAfterAnother) {
  Worker worker;
  std::thread::id caller = std::this_thread::get_id();
  for (int i = 0; i < 100; ++i) {
    std::thread::id ran_on;
    int value = 0;
    worker.Start([&] {
      ran_on = std::this_thread::get_id();
      value = i + 1;
    });
    worker.Wait();
    EXPECT_NE(ran_on, caller);
    EXPECT_EQ(value, i + 1);
  }
}

TEST(WorkerTest, WaitReturnsOnlyAfterTheJobFinished) {
  Worker worker;
  std::atomic<bool> done{false};
  worker.Start([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    done = true;
  });
  worker.Wait();
  EXPECT_TRUE(done);
}

TEST(WorkerTest, WaitWithoutAJobReturnsAtOnce) {
  Worker worker;
  worker.Wait();
  worker.Wait();
}

TEST(WorkerTest, DestructorLetsTheRunningJobFinish) {
  std::atomic<bool> done{false};
  {
    Worker worker;
    worker.Start([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      done = true;
    });
  }
  EXPECT_TRUE(done);
}

}  // namespace
}  // namespace vanban
