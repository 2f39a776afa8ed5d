#include "cli/output_sink.hpp"

#include <cerrno>
#include <unistd.h>

namespace subsidia::cli {

OutputSink::OutputSink(int fd, std::size_t buffer_size) : fd_(fd), capacity_(buffer_size) {
  buffer_.reserve(capacity_);
}

OutputSink::~OutputSink() { flush(); }

bool OutputSink::write(std::string_view text) {
  if (!ok_) return false;
  if (buffer_.size() + text.size() > capacity_) {
    if (!flush()) return false;
    // A big piece goes straight out rather than through the buffer.
    if (text.size() >= capacity_) return write_all(text.data(), text.size());
  }
  buffer_.append(text);
  return true;
}

bool OutputSink::flush() {
  if (!ok_) return false;
  const bool written = write_all(buffer_.data(), buffer_.size());
  buffer_.clear();
  return written;
}

bool OutputSink::write_all(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      ok_ = false;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace subsidia::cli
