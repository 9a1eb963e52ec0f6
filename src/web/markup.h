// XHTML built as a tree (pugixml), so that no text reaches a page without
// being escaped: the editing pages make their markup through these nodes
// and never by joining strings. Text is made valid first (valid_characters),
// so broken UTF-8 and control characters become U+FFFD.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::web {

// Attributes as (name, value); a pair with an empty value is left out,
// except `value` itself (an empty input is still an input).
using Attributes = std::vector<std::pair<std::string, std::string>>;

// An element of the page being built.
class Node {
 public:
  explicit Node(pugi::xml_node node) : node_(node) {}

  // A child element, with its attributes and, when given, its text.
  Node add(const char* name, const Attributes& attributes = {}, std::string_view text = {});
  // Text after the node's children.
  Node& text(std::string_view text);
  Node& attribute(const char* name, std::string_view value);
  // XHTML made elsewhere and already escaped (the rendered agenda): parsed
  // and copied in; text that does not parse is added as text, escaped.
  void markup(std::string_view xhtml);

  pugi::xml_node xml() const { return node_; }

 private:
  pugi::xml_node node_;
};

// A fragment of a page: elements added to root() in order, written as XHTML
// that HTML parsers read alike (<br/> for void elements, <p></p> otherwise).
class Markup {
 public:
  Markup();
  Node root() { return Node(document_.document_element()); }
  std::string str();

 private:
  pugi::xml_document document_;
};

}  // namespace plenary::web
