// What the page tests share: the example meeting, and a page parsed as XML (every page plenary
// writes is well-formed XHTML), asked questions in XPath.
#pragma once

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

#include "format/meeting_file.h"

namespace plenary::web::testing {

struct Page {
  pugi::xml_document document;
  std::string html;

  // The node's text with white space collapsed, or the attribute's value.
  std::string text(const std::string& xpath) const {
    const pugi::xpath_node node = document.select_node(xpath.c_str());
    if (!node) return "<no node for " + xpath + ">";
    if (node.attribute()) return node.attribute().value();
    return pugi::xpath_query("normalize-space(.)").evaluate_string(node);
  }
  // The text as it is, white space kept: a textarea's value.
  std::string raw(const std::string& xpath) const {
    const pugi::xpath_node node = document.select_node(xpath.c_str());
    return node ? pugi::xpath_query("string(.)").evaluate_string(node) : "<no node for " + xpath + ">";
  }
  std::vector<std::string> texts(const std::string& xpath) const {
    std::vector<std::string> out;
    for (const pugi::xpath_node& node : document.select_nodes(xpath.c_str()))
      out.push_back(node.attribute() ? node.attribute().value()
                                     : pugi::xpath_query("normalize-space(.)").evaluate_string(node));
    return out;
  }
  size_t count(const std::string& xpath) const { return document.select_nodes(xpath.c_str()).size(); }
};

// The example meeting, the ninth meeting of CTOC/COP/WG.7.
inline Meeting load_example() {
  MeetingFile file = load_meeting_file(PLENARY_SOURCE_DIR "/examples/ctoc-wg7-2022/meeting.toml");
  EXPECT_TRUE(file.meeting.has_value());
  return file.meeting.value_or(Meeting{});
}

inline void parse(const std::string& html, Page& page) {
  page.html = html;
  const pugi::xml_parse_result result = page.document.load_buffer(html.data(), html.size());
  ASSERT_TRUE(result) << result.description() << " at byte " << result.offset << ": "
                      << html.substr(result.offset > 80 ? result.offset - 80 : 0, 160);
}

}  // namespace plenary::web::testing
