#include "reports/value_path.hpp"

namespace subsidia::reports {

ValuePath::ValuePath(const schema::Node& root, std::initializer_list<std::string_view> names) {
  const schema::Node* node = &root;
  for (std::string_view name : names) {
    if (!node || node->type != schema::Type::Object) {
      slots_.clear();
      return;
    }
    const int slot = node->field_index(name);
    if (slot < 0) {
      slots_.clear();
      return;
    }
    slots_.push_back(slot);
    node = node->fields[static_cast<std::size_t>(slot)].node.get();
  }
}

const io::Value* ValuePath::follow(const io::Value& root) const {
  if (slots_.empty()) return nullptr;
  const io::Value* value = &root;
  for (int slot : slots_) {
    if (value->kind != io::Kind::Object || !value->items) return nullptr;
    value = &value->slot(slot);
    if (!value->present()) return nullptr;
  }
  return value;
}

std::string ValuePath::text(const io::Value& root) const { return std::string(view(root)); }

std::string_view ValuePath::view(const io::Value& root) const {
  const io::Value* v = follow(root);
  return v && v->kind == io::Kind::String ? v->text : std::string_view();
}

bool ValuePath::flag(const io::Value& root) const {
  const io::Value* v = follow(root);
  return v && v->kind == io::Kind::Boolean && v->boolean;
}

const io::Value* field_of(const io::Value& object, std::string_view name) {
  if (object.kind != io::Kind::Object || !object.schema || !object.items) return nullptr;
  const int slot = object.schema->field_index(name);
  if (slot < 0 || !object.slot(slot).present()) return nullptr;
  return &object.slot(slot);
}

}  // namespace subsidia::reports
