#include "pipeline/pipeline.hpp"

namespace subsidia::pipeline {

unsigned resolve_thread_count(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware > 0 ? hardware : 1;
}

namespace detail {

bool next_entry(io::InputStream& input, InputEntry& entry) {
  io::InputItem item;
  std::optional<io::InputError> error;
  if (!input.next(item, error)) return false;
  if (error) {
    entry = std::move(*error);
  } else {
    entry = std::move(item);
  }
  return true;
}

}  // namespace detail
}  // namespace subsidia::pipeline
