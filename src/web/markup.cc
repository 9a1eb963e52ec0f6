#include "web/markup.h"

#include <set>

#include "web/pages.h"

namespace plenary::web {

namespace {

// HTML elements that have no end tag: written <br/>. Every other element is
// written with its end tag even when empty, since HTML reads <textarea/> as
// an opening tag.
bool is_void(std::string_view name) {
  static const std::set<std::string_view> kVoid{"area", "base", "br", "col", "embed", "hr", "img",
                                                "input", "link", "meta", "source", "track", "wbr"};
  return kVoid.count(name) > 0;
}

void close_empty_elements(pugi::xml_node node) {
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_element) close_empty_elements(child);
  if (node.type() == pugi::node_element && !node.first_child() && !is_void(node.name()))
    node.append_child(pugi::node_pcdata);
}

class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, size_t size) override { out_.append(static_cast<const char*>(data), size); }

 private:
  std::string& out_;
};

}  // namespace

Node Node::add(const char* name, const Attributes& attributes, std::string_view text) {
  Node child(node_.append_child(name));
  for (const auto& [key, value] : attributes)
    if (!value.empty() || key == "value") child.attribute(key.c_str(), value);
  if (!text.empty()) child.text(text);
  return child;
}

Node& Node::text(std::string_view text) {
  node_.append_child(pugi::node_pcdata).set_value(valid_characters(text).c_str());
  return *this;
}

Node& Node::attribute(const char* name, std::string_view value) {
  pugi::xml_attribute attribute = node_.attribute(name);
  if (!attribute) attribute = node_.append_attribute(name);
  attribute.set_value(valid_characters(value).c_str());
  return *this;
}

void Node::markup(std::string_view xhtml) {
  pugi::xml_document fragment;
  const std::string wrapped = "<div>" + valid_characters(xhtml) + "</div>";
  if (!fragment.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    text(xhtml);
    return;
  }
  for (pugi::xml_node child : fragment.document_element().children()) node_.append_copy(child);
}

Markup::Markup() { document_.append_child("body"); }

std::string Markup::str() {
  close_empty_elements(document_.document_element());
  std::string out;
  StringWriter writer(out);
  for (pugi::xml_node child : document_.document_element().children())
    child.print(writer, "", pugi::format_raw | pugi::format_no_declaration);
  return out;
}

}  // namespace plenary::web
