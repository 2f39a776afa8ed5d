// Buffered writing to a file descriptor (stdout) that notices when the reader went away.
//
// `subsidia check ... | head` must stop quietly with exit code 2 instead of dying on
// SIGPIPE or writing into the void: main() ignores SIGPIPE, and every write here reports
// failure (EPIPE or any other error) through ok(). Once failed, further writes are dropped.
#pragma once

#include <string>
#include <string_view>

namespace subsidia::cli {

class OutputSink {
 public:
  explicit OutputSink(int fd, std::size_t buffer_size = 1 << 16);
  ~OutputSink();  // flushes
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // Returns ok().
  bool write(std::string_view text);
  bool flush();
  bool ok() const { return ok_; }
  // The errno of the write that failed (EPIPE: the reader closed the pipe), 0 while ok().
  int error() const { return error_; }

 private:
  bool write_all(const char* data, std::size_t size);
  int fd_;
  std::size_t capacity_;
  std::string buffer_;
  bool ok_ = true;
  int error_ = 0;
};

}  // namespace subsidia::cli
