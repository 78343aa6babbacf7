#include "server/auth/hash_queue.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

namespace kinerja::server {
namespace {

int CoresOf(const HashQueueOptions& o) {
  if (o.cores > 0) return o.cores;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double RandomUnit() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

}  // namespace

HashQueue::HashQueue(HashQueueOptions options, std::function<double()> clock,
                     std::function<double()> jitter)
    : options_(options),
      cores_(CoresOf(options)),
      clock_(std::move(clock)),
      jitter_(std::move(jitter)),
      average_(std::max(1e-6, options.initial_hash_seconds)) {}

HashQueue::HashQueue(HashQueueOptions options)
    : HashQueue(options, SteadySeconds, RandomUnit) {}

double HashQueue::EstimateLocked(int ahead) const {
  return static_cast<double>(ahead / cores_ + 1) * average_;
}

HashAdmission HashQueue::Enter() {
  const double now = clock_();
  std::lock_guard<std::mutex> lock(mu_);
  HashAdmission a;
  a.estimated_seconds = EstimateLocked(queued_);
  if (options_.wait_bound_seconds <= 0 || queued_ < cores_ ||
      a.estimated_seconds <= options_.wait_bound_seconds) {
    a.admitted = true;
    ++queued_;
    return a;
  }
  // Come back when the queue ahead has drained, after everyone already told to come back:
  // each refusal reserves one hash's share of the cores, so returns arrive at the drain rate.
  const double drained_at =
      now + static_cast<double>(queued_) / static_cast<double>(cores_) * average_;
  const double base = std::max(drained_at, promised_until_);
  promised_until_ = base + average_ / static_cast<double>(cores_);
  const double retry_at = base + jitter_() * options_.retry_jitter_seconds;
  a.retry_after_seconds = std::max(1, static_cast<int>(std::ceil(retry_at - now)));
  return a;
}

void HashQueue::Start() {
  std::unique_lock<std::mutex> lock(mu_);
  core_free_.wait(lock, [this] { return hashing_ < cores_; });
  ++hashing_;
}

void HashQueue::Finish(double seconds) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --hashing_;
    --queued_;
    const double w = std::clamp(options_.average_weight, 0.0, 1.0);
    average_ = std::max(1e-6, w * std::max(0.0, seconds) + (1 - w) * average_);
  }
  core_free_.notify_one();
}

void HashQueue::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  --queued_;
}

HashAdmission HashQueue::Run(const std::function<void()>& work) {
  HashAdmission a = Enter();
  if (!a.admitted) return a;
  Start();
  const double started = clock_();
  work();
  Finish(clock_() - started);
  return a;
}

double HashQueue::average_hash_seconds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return average_;
}

int HashQueue::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queued_;
}

}  // namespace kinerja::server
