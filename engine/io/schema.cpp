// dossier.schema.json -> schema::Node tree. Read once per run with nlohmann::ordered_json,
// whose key order gives the slot order of the reader.
#include "io/schema.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace subsidia::schema {

using Json = nlohmann::ordered_json;

namespace {

// Keys that document a schema without constraining dossiers.
bool is_annotation(const std::string& key) {
  return key == "description" || key == "title" || key == "$comment" || key == "examples" || key == "default" ||
         key == "$schema" || key == "$id" || key == "$defs";
}

std::string escape_pointer_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

class SchemaBuilder {
 public:
  explicit SchemaBuilder(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    throw std::runtime_error(file_ + ": " + (pointer.empty() ? "/" : pointer) + " : " + what);
  }

  std::unique_ptr<Node> build(const Json& j, const std::string& pointer) {
    if (!j.is_object()) fail(pointer, "un schéma doit être un objet JSON");
    auto node = std::make_unique<Node>();
    if (auto it = j.find("description"); it != j.end() && it->is_string()) node->description = it->get<std::string>();

    if (auto ref = j.find("$ref"); ref != j.end()) {
      if (!ref->is_string()) fail(pointer + "/$ref", "$ref doit être un texte");
      const std::string target = ref->get<std::string>();
      if (target == "#/$defs/montant") node->type = Type::Money;
      else if (target == "#/$defs/decimal") node->type = Type::Decimal;
      else if (target == "#/$defs/date") node->type = Type::Date;
      else if (target == "#/$defs/pays") node->type = Type::Country;
      else fail(pointer + "/$ref", "référence non prise en charge : " + target);
      for (const auto& [key, value] : j.items()) {
        if (key != "$ref" && !is_annotation(key)) fail(pointer + "/" + escape_pointer_token(key), "mot-clé non pris en charge à côté de $ref");
      }
      return node;
    }

    if (auto e = j.find("enum"); e != j.end()) {
      if (!e->is_array() || e->empty()) fail(pointer + "/enum", "enum doit être un tableau non vide");
      node->type = Type::Enum;
      for (std::size_t i = 0; i < e->size(); ++i) {
        if (!(*e)[i].is_string()) fail(pointer + "/enum/" + std::to_string(i), "seules les valeurs texte sont prises en charge");
        node->enum_values.push_back((*e)[i].get<std::string>());
      }
    }

    std::string type_name;
    if (auto t = j.find("type"); t != j.end()) {
      if (t->is_string()) {
        type_name = t->get<std::string>();
      } else if (t->is_array()) {
        for (std::size_t i = 0; i < t->size(); ++i) {
          const Json& entry = (*t)[i];
          if (!entry.is_string()) fail(pointer + "/type/" + std::to_string(i), "type doit être un texte");
          if (entry.get<std::string>() == "null") node->nullable = true;
          else if (type_name.empty()) type_name = entry.get<std::string>();
          else fail(pointer + "/type", "une seule alternative non nulle est prise en charge");
        }
      } else {
        fail(pointer + "/type", "type doit être un texte ou un tableau");
      }
    }
    if (node->type == Type::Enum) {
      if (!type_name.empty() && type_name != "string") fail(pointer + "/type", "enum de type " + type_name + " non pris en charge");
    } else if (type_name == "object") {
      node->type = Type::Object;
    } else if (type_name == "array") {
      node->type = Type::Array;
    } else if (type_name == "string") {
      node->type = Type::String;
    } else if (type_name == "integer") {
      node->type = Type::Integer;
    } else if (type_name == "boolean") {
      node->type = Type::Boolean;
    } else if (type_name.empty()) {
      fail(pointer, "ni type, ni enum, ni $ref");
    } else {
      fail(pointer + "/type", "type non pris en charge : " + type_name);
    }

    for (const auto& [key, value] : j.items()) {
      const std::string at = pointer + "/" + escape_pointer_token(key);
      if (is_annotation(key) || key == "type" || key == "enum") continue;
      if (key == "properties" && node->type == Type::Object) {
        if (!value.is_object()) fail(at, "properties doit être un objet");
        for (const auto& [name, sub] : value.items()) {
          Field field;
          field.name = name;
          field.node = build(sub, at + "/" + escape_pointer_token(name));
          node->fields.push_back(std::move(field));
        }
      } else if (key == "required" && node->type == Type::Object) {
        continue;  // after properties, below
      } else if (key == "items" && node->type == Type::Array) {
        node->items = build(value, at);
      } else if (key == "x-empty-means-absent" && (node->type == Type::Array || node->type == Type::String)) {
        if (!value.is_boolean()) fail(at, "x-empty-means-absent doit être vrai ou faux (true, false)");
        node->empty_means_absent = value.get<bool>();
      } else if (key == "pattern" && node->type == Type::String) {
        if (!value.is_string()) fail(at, "pattern doit être un texte");
        node->pattern = value.get<std::string>();
      } else if (key == "minLength" && (node->type == Type::String || node->type == Type::Enum)) {
        if (!value.is_number_unsigned()) fail(at, "minLength doit être un entier positif");
        node->min_length = value.get<std::size_t>();
      } else if ((key == "minimum" || key == "maximum") && node->type == Type::Integer) {
        if (!value.is_number_integer()) fail(at, key + " doit être un entier");
        (key == "minimum" ? node->minimum : node->maximum) = value.get<std::int64_t>();
      } else {
        fail(at, "mot-clé non pris en charge ici : " + key);
      }
    }
    if (node->type == Type::Array && !node->items) fail(pointer, "un tableau doit déclarer items");
    if (auto r = j.find("required"); r != j.end() && node->type == Type::Object) {
      if (!r->is_array()) fail(pointer + "/required", "required doit être un tableau");
      for (std::size_t i = 0; i < r->size(); ++i) {
        const Json& name = (*r)[i];
        const int slot = name.is_string() ? node->field_index(name.get<std::string>()) : -1;
        if (slot < 0) fail(pointer + "/required/" + std::to_string(i), "champ obligatoire non déclaré dans properties");
        node->fields[static_cast<std::size_t>(slot)].required = true;
      }
    }
    return node;
  }

 private:
  std::string file_;
};

}  // namespace

int Node::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Schema Schema::parse(std::string_view json_text, std::string_view file_name) {
  Json document;
  try {
    document = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    // Where, in lines and columns, and the usual cause when an object ends badly: a comma
    // left after the last property (easy to do when adding a field by hand).
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < json_text.size(); ++i) {
      if (json_text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(json_text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    std::string hint;
    std::size_t back = e.byte > 1 ? e.byte - 1 : 0;
    if (back < json_text.size() && (json_text[back] == '}' || json_text[back] == ']')) {
      std::size_t k = back;
      while (k > 0 && (json_text[k - 1] == ' ' || json_text[k - 1] == '\n' || json_text[k - 1] == '\r' || json_text[k - 1] == '\t')) --k;
      if (k > 0 && json_text[k - 1] == ',') hint = " ; une virgule en trop avant « " + std::string(1, json_text[back]) + " » ?";
    }
    throw std::runtime_error(std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column) +
                             ": JSON invalide" + hint + " (détail : " + e.what() + ")");
  }
  if (document.is_object() && document.contains("$defs")) {
    const Json& defs = document["$defs"];
    for (const char* name : {"montant", "decimal", "date", "pays"}) {
      if (!defs.contains(name)) throw std::runtime_error(std::string(file_name) + ": /$defs/" + name + " : définition attendue absente");
    }
  }
  Schema schema;
  schema.root_ = SchemaBuilder(std::string(file_name)).build(document, "");
  if (schema.root_->type != Type::Object) throw std::runtime_error(std::string(file_name) + ": / : la racine doit être un objet");
  return schema;
}

Schema Schema::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": fichier illisible");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), file.string());
}

std::string_view type_french(Type type) {
  switch (type) {
    case Type::Object: return "objet";
    case Type::Array: return "tableau";
    case Type::String: return "texte";
    case Type::Enum: return "valeur d'une liste";
    case Type::Integer: return "entier";
    case Type::Boolean: return "booléen (true ou false)";
    case Type::Money: return "montant";
    case Type::Decimal: return "nombre décimal";
    case Type::Date: return "date";
    case Type::Country: return "code pays";
  }
  return "valeur";
}

SchemaResult load_schema(const std::filesystem::path& file) {
  SchemaResult result;
  try {
    result.schema = std::make_shared<const Schema>(Schema::load(file));
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

SchemaResult parse_schema(std::string_view json_text, std::string_view file_name) {
  SchemaResult result;
  try {
    result.schema = std::make_shared<const Schema>(Schema::parse(json_text, file_name));
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace subsidia::schema
