#include "render/html.h"

#include <gtest/gtest.h>

#include "render/test_support.h"

namespace plenary {
namespace {

TEST(Html, StandaloneAccessiblePage) {
  const std::string html = render_html(lay_out_agenda(testing::load_example(), Catalog::load("fr")));
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">"));
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<title>CTOC/COP/WG.7/2022/1 — Ordre du jour provisoire annoté</title>"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">Date et heure</th>"), std::string::npos);
  EXPECT_NE(html.find("<th class=\"day\" scope=\"rowgroup\" colspan=\"3\">Lundi 27 juin</th>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"continued\">(suite)</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"symbol\">CTOC/COP/WG.7/2022/2</span>"), std::string::npos);
  EXPECT_NE(html.find("href=\"#fn1\" role=\"doc-noteref\""), std::string::npos);
  EXPECT_NE(html.find("<li id=\"fn2\" value=\"2\">"), std::string::npos);
  EXPECT_NE(html.find("<em>Smuggling of Migrants: Compendium"), std::string::npos);
  // The annex repeats the note its title calls, as the issued document does.
  EXPECT_NE(html.find("<p class=\"annex-note\"><sup>1</sup> Si la réunion doit se tenir sous forme hybride"),
            std::string::npos);
}

TEST(Html, EscapesTextAndDropsUnsafeLinks) {
  Meeting meeting = testing::load_example();
  meeting.items[4].title["fr"] = "<script>alert('x')</script> & co";
  meeting.items[5].annotation["fr"] = {Paragraph{{Inline{InlineKind::link, "", "javascript:alert(1)",
                                                          {Inline{InlineKind::text, "clic", "", {}}}}}}};
  const std::string html = render_html(lay_out_agenda(meeting, Catalog::load("fr")));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("<p>clic</p>"), std::string::npos);
}

}  // namespace
}  // namespace plenary
