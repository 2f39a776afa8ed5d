#include "reports/french_count.hpp"

namespace subsidia::reports {

std::string counted(std::size_t n, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(n);
  out += ' ';
  out += agreed(n, singular, plural);
  return out;
}

}  // namespace subsidia::reports
