#include "format/rich_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace plenary {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// One inline per token: 'text', *(...), **(...), link(url: ...), [^id],
// {{decision:id}}, {{opening}}, \n.
std::string show(const std::vector<Inline>& inlines);

std::string show(const Inline& in) {
  switch (in.kind) {
    case InlineKind::text: return "'" + in.text + "'";
    case InlineKind::emphasis: return "*(" + show(in.children) + ")";
    case InlineKind::strong: return "**(" + show(in.children) + ")";
    case InlineKind::link: return "link(" + in.target + ": " + show(in.children) + ")";
    case InlineKind::footnote_ref: return "[^" + in.target + "]";
    case InlineKind::decision_ref: return "{{decision:" + in.target + "}}";
    case InlineKind::opening: return "{{opening}}";
    case InlineKind::line_break: return "\\n";
  }
  return "?";
}

std::string show(const std::vector<Inline>& inlines) {
  std::string out;
  for (const Inline& in : inlines) out += (out.empty() ? "" : " ") + show(in);
  return out;
}

// Each paragraph as shown by show(); fails the test on any problem.
std::vector<std::string> paragraphs(std::string_view markdown) {
  std::vector<RichTextProblem> problems;
  const RichText text = parse_rich_text(markdown, problems);
  for (const RichTextProblem& problem : problems)
    ADD_FAILURE() << "line " << problem.line << ": " << problem.message << " in: " << markdown;
  std::vector<std::string> out;
  for (const Paragraph& paragraph : text) out.push_back(show(paragraph.content));
  return out;
}

// The problems of `markdown` as "line: message".
std::vector<std::string> problems(std::string_view markdown) {
  std::vector<RichTextProblem> found;
  parse_rich_text(markdown, found);
  std::vector<std::string> out;
  for (const RichTextProblem& problem : found) out.push_back(std::to_string(problem.line) + ": " + problem.message);
  return out;
}

TEST(RichText, Empty) {
  EXPECT_THAT(paragraphs(""), IsEmpty());
  EXPECT_THAT(paragraphs("\n\n  \n"), IsEmpty());
}

TEST(RichText, Paragraphs) {
  EXPECT_THAT(paragraphs("One paragraph."), ElementsAre("'One paragraph.'"));
  EXPECT_THAT(paragraphs("\nFirst.\n\nSecond,\nstill second.\n\n\nThird.\n"),
              ElementsAre("'First.'", "'Second, still second.'", "'Third.'"));
}

TEST(RichText, KeepsUtf8) {
  EXPECT_THAT(paragraphs("La réunion s'ouvrira à Vienne « bientôt »."),
              ElementsAre("'La réunion s'ouvrira à Vienne « bientôt ».'"));
}

TEST(RichText, HardLineBreak) {
  EXPECT_THAT(paragraphs("Line one  \nline two"), ElementsAre("'Line one' \\n 'line two'"));
  EXPECT_THAT(paragraphs("Line one\\\nline two"), ElementsAre("'Line one' \\n 'line two'"));
}

TEST(RichText, Emphasis) {
  EXPECT_THAT(paragraphs("*Impact of the pandemic*"), ElementsAre("*('Impact of the pandemic')"));
  EXPECT_THAT(paragraphs("See _Smuggling of Migrants_, p. 47."),
              ElementsAre("'See ' *('Smuggling of Migrants') ', p. 47.'"));
}

TEST(RichText, Strong) {
  EXPECT_THAT(paragraphs("**Note** well"), ElementsAre("**('Note') ' well'"));
  EXPECT_THAT(paragraphs("***both***"), ElementsAre("*(**('both'))"));
}

TEST(RichText, Links) {
  EXPECT_THAT(paragraphs("See [the web page](https://www.unodc.org/wg7)."),
              ElementsAre("'See ' link(https://www.unodc.org/wg7: 'the web page') '.'"));
  EXPECT_THAT(paragraphs("[*emphasized*](https://example.org)"),
              ElementsAre("link(https://example.org: *('emphasized'))"));
}

TEST(RichText, FootnoteCall) {
  EXPECT_THAT(paragraphs("between 2013 and 2019,[^compendium] the Working Group"),
              ElementsAre("'between 2013 and 2019,' [^compendium] ' the Working Group'"));
  EXPECT_THAT(paragraphs("[^a-1_b]"), ElementsAre("[^a-1_b]"));
}

TEST(RichText, DecisionCitation) {
  EXPECT_THAT(paragraphs("{{decision:calendar-2022}} {{decision:topics}}"),
              ElementsAre("{{decision:calendar-2022}} ' ' {{decision:topics}}"));
}

TEST(RichText, Opening) {
  EXPECT_THAT(paragraphs("will be opened on {{opening}}."), ElementsAre("'will be opened on ' {{opening}} '.'"));
}

TEST(RichText, TextAdjacentToMarks) {
  EXPECT_THAT(paragraphs("s'ouvrira le {{opening}}[^hybrid]."),
              ElementsAre("'s'ouvrira le ' {{opening}} [^hybrid] '.'"));
  EXPECT_THAT(paragraphs("x[^a][^b]y"), ElementsAre("'x' [^a] [^b] 'y'"));
  EXPECT_THAT(paragraphs("{{opening}}{{decision:d}}"), ElementsAre("{{opening}} {{decision:d}}"));
}

TEST(RichText, MarksAcrossASoftBreak) {
  EXPECT_THAT(paragraphs("opened on\n{{opening}}[^hybrid]\nin Vienna"),
              ElementsAre("'opened on ' {{opening}} [^hybrid] ' in Vienna'"));
}

TEST(RichText, MarksInsideEmphasisAndLinks) {
  EXPECT_THAT(paragraphs("*see {{decision:d}}[^n]*"), ElementsAre("*('see ' {{decision:d}} [^n])"));
  EXPECT_THAT(paragraphs("[on {{opening}}](https://example.org)"),
              ElementsAre("link(https://example.org: 'on ' {{opening}})"));
}

TEST(RichText, CodeSpanIsPlainText) {
  EXPECT_THAT(paragraphs("the `format_version` key"), ElementsAre("'the format_version key'"));
}

TEST(RichText, BracketsThatAreNotMarks) {
  EXPECT_THAT(paragraphs("[sic] and {braces} and a lone ^ and }} closing"),
              ElementsAre("'[sic] and {braces} and a lone ^ and }} closing'"));
}

// ---- malformed marks are reported and kept as text

TEST(RichTextMarks, MalformedFootnoteCalls) {
  for (const char* text : {"[^]", "[^a b]", "[^é]", "[^a.b]", "[^unclosed"}) {
    EXPECT_THAT(problems(text),
                ElementsAre("1: a footnote call must look like [^id], with letters, digits, '-' or '_'"))
        << text;
  }
  std::vector<RichTextProblem> found;
  const RichText text = parse_rich_text("see [^a b] here", found);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(show(text[0].content), "'see [^a b] here'");
}

TEST(RichTextMarks, UnknownMarks) {
  EXPECT_THAT(problems("{{closing}}"),
              ElementsAre("1: unknown mark '{{closing}}': expected {{opening}} or {{decision:id}}"));
  EXPECT_THAT(problems("{{ opening }}"), ElementsAre("1: unknown mark '{{ opening }}': expected {{opening}} or "
                                                     "{{decision:id}}"));
  EXPECT_THAT(problems("{{Opening}}"), ElementsAre("1: unknown mark '{{Opening}}': expected {{opening}} or "
                                                   "{{decision:id}}"));
  EXPECT_THAT(problems("{{decision:}}"), ElementsAre("1: unknown mark '{{decision:}}': expected {{opening}} or "
                                                     "{{decision:id}}"));
  EXPECT_THAT(problems("{{decision:a b}}"), ElementsAre("1: unknown mark '{{decision:a b}}': expected {{opening}} "
                                                        "or {{decision:id}}"));
  EXPECT_THAT(problems("{{}}"), ElementsAre("1: unknown mark '{{}}': expected {{opening}} or {{decision:id}}"));
}

TEST(RichTextMarks, UnclosedMark) {
  EXPECT_THAT(problems("opened on {{opening."),
              ElementsAre("1: a mark opened with '{{' is not closed with '}}': expected {{opening}} or "
                          "{{decision:id}}"));
}

TEST(RichTextMarks, LongMarkIsShortenedInTheMessage) {
  const std::string mark(100, 'x');
  EXPECT_THAT(problems("{{" + mark + "}}"), ElementsAre("1: unknown mark '{{" + mark.substr(0, 40) + "}}': expected "
                                                        "{{opening}} or {{decision:id}}"));
}

TEST(RichTextMarks, IdentifiersUpTo64Characters) {
  const std::string id64(64, 'a');
  EXPECT_THAT(paragraphs("[^" + id64 + "]"), ElementsAre("[^" + id64 + "]"));
  EXPECT_THAT(paragraphs("{{decision:" + id64 + "}}"), ElementsAre("{{decision:" + id64 + "}}"));
  EXPECT_THAT(problems("[^" + id64 + "a]"), ElementsAre(testing::HasSubstr("a footnote call must look like")));
  EXPECT_THAT(problems("{{decision:" + id64 + "a}}"), ElementsAre(testing::HasSubstr("unknown mark")));
}

TEST(RichTextMarks, GoodMarksAfterABadOne) {
  std::vector<RichTextProblem> found;
  const RichText text = parse_rich_text("{{x}} on {{opening}} and {{a {{decision:d}}", found);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(show(text[0].content), "'{{x}} on ' {{opening}} ' and {{a ' {{decision:d}}");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "unknown mark '{{x}}': expected {{opening}} or {{decision:id}}");
  EXPECT_EQ(found[1].message, "unknown mark '{{a {{decision:d}}': expected {{opening}} or {{decision:id}}");
}

TEST(RichTextMarks, ProblemOnALaterLineOfAParagraph) {
  EXPECT_THAT(problems("First paragraph.\n\nSecond paragraph,\nwhose second line has {{closing}}\nand a third."),
              ElementsAre("4: unknown mark '{{closing}}': expected {{opening}} or {{decision:id}}"));
  EXPECT_THAT(problems("A\nB *in\nemphasis [^bad id]*"), ElementsAre(testing::StartsWith("3: a footnote call")));
}

TEST(RichTextMarks, MalformedTextStaysFast) {
  // Each search moves forward only: a quarter megabyte of openers takes
  // linear time, and gives one problem per line and message.
  const size_t size = 1 << 18;
  std::string pairs;
  for (size_t i = 0; i < size / 2; ++i) pairs += "[^";
  const auto begin = std::chrono::steady_clock::now();
  EXPECT_THAT(problems(std::string(size, '{')), ElementsAre(testing::HasSubstr("is not closed")));
  EXPECT_THAT(problems(std::string(size / 2, '[') + std::string(size / 2, '^')),
              ElementsAre(testing::HasSubstr("a footnote call")));
  EXPECT_THAT(problems(pairs), ElementsAre(testing::HasSubstr("a footnote call")));
  EXPECT_THAT(problems("{{" + std::string(size, 'x') + "}} {{" + std::string(size, 'y')),
              ElementsAre(testing::HasSubstr("unknown mark '{{xxxx"), testing::HasSubstr("is not closed")));
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(5));
}

// ---- what annotation text cannot hold

TEST(RichTextBlocks, ListIsReportedWithItsLine) {
  std::vector<RichTextProblem> found;
  const RichText text = parse_rich_text("Intro.\n\n- one\n- two\n\nOutro.", found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 3u);
  EXPECT_EQ(found[0].message, "only paragraphs are allowed here, found a list");
  ASSERT_EQ(text.size(), 2u);  // the paragraphs around it are kept
  EXPECT_EQ(show(text[1].content), "'Outro.'");
}

TEST(RichTextBlocks, EachKind) {
  EXPECT_THAT(problems("# Heading"), ElementsAre("1: only paragraphs are allowed here, found a heading"));
  EXPECT_THAT(problems("Title\n====="), ElementsAre("1: only paragraphs are allowed here, found a heading"));
  EXPECT_THAT(problems("1. first"), ElementsAre("1: only paragraphs are allowed here, found a list"));
  EXPECT_THAT(problems("a\n\n> quoted"), ElementsAre("3: only paragraphs are allowed here, found a block quote"));
  EXPECT_THAT(problems("a\n\n    code"), ElementsAre("3: only paragraphs are allowed here, found a code block"));
  EXPECT_THAT(problems("```\ncode\n```"), ElementsAre("1: only paragraphs are allowed here, found a code block"));
  EXPECT_THAT(problems("a\n\n---"), ElementsAre("3: only paragraphs are allowed here, found a horizontal rule"));
  EXPECT_THAT(problems("<div>\nx\n</div>"), ElementsAre("1: only paragraphs are allowed here, found HTML"));
}

TEST(RichTextBlocks, ParagraphThatLooksLikeALinkDefinition) {
  // cmark would drop these paragraphs without a trace.
  EXPECT_THAT(problems("Intro.\n\n[^hybrid]: the rest of the text."),
              ElementsAre("3: a paragraph that starts with '[^hybrid]:' is a Markdown link definition and would not "
                          "be shown: reword its start"));
  EXPECT_THAT(problems("   [see]: https://example.org"),
              ElementsAre("1: a paragraph that starts with '[see]:' is a Markdown link definition and would not be "
                          "shown: reword its start"));
  EXPECT_THAT(paragraphs("Intro,\n[x]: y"), ElementsAre("'Intro, [x]: y'"));
  EXPECT_THAT(paragraphs("[x] : y"), ElementsAre("'[x] : y'"));
}

TEST(RichTextBlocks, InlineElements) {
  EXPECT_THAT(problems("a\n\nsee ![logo](logo.png)"), ElementsAre("3: an image is not allowed in annotation text"));
  EXPECT_THAT(problems("a <b>bold</b> word"), ElementsAre("1: HTML is not allowed in annotation text"));
  EXPECT_THAT(problems("<b>1</b>\n<i>2</i>"), ElementsAre("1: HTML is not allowed in annotation text",
                                                          "2: HTML is not allowed in annotation text"));
}

}  // namespace
}  // namespace plenary
