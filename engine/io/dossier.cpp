#include "io/dossier.hpp"

namespace subsidia::io {

namespace {
// An empty dossier still has a root: an object with no slots, so root() is always safe.
const Value kEmptyRoot{};
}  // namespace

Dossier::Dossier() : root_(&kEmptyRoot) {}
Dossier::Dossier(Dossier&&) noexcept = default;
Dossier& Dossier::operator=(Dossier&&) noexcept = default;
Dossier::~Dossier() = default;

std::string_view Dossier::id() const {
  const Value& root = *root_;
  if (root.kind != Kind::Object || root.schema == nullptr) return {};
  const int slot = root.schema->field_index("id");
  if (slot < 0 || static_cast<std::uint32_t>(slot) >= root.count) return {};
  const Value& id = root.slot(slot);
  return id.kind == Kind::String ? id.text : std::string_view{};
}

}  // namespace subsidia::io
