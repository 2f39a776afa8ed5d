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
  // The previous item, when `entry` still holds one, lends its strings: the next line is read
  // into their capacity instead of two new allocations a dossier. Every field of an item is
  // set again by the stream.
  if (io::InputItem* previous = std::get_if<io::InputItem>(&entry)) item = std::move(*previous);
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
