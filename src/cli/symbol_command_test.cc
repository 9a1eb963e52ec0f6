#include "cli/symbol_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace plenary {
namespace {

using nlohmann::json;

struct Output {
  int status;
  std::vector<json> lines;
  std::string err;
};

Output run(const std::vector<std::string>& symbols) {
  std::ostringstream out, err;
  Output r;
  r.status = run_symbol_command(symbols, out, err);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) r.lines.push_back(json::parse(line));
  r.err = err.str();
  return r;
}

TEST(SymbolCommandTest, PrintsTheComponentsOfAValidSymbol) {
  const Output r = run({"E/CN.15/2022/L.1/Rev.1"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(r.lines.size(), 1u);
  const json& j = r.lines[0];
  EXPECT_EQ(j["input"], "E/CN.15/2022/L.1/Rev.1");
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["symbol"], "E/CN.15/2022/L.1/Rev.1");
  EXPECT_EQ(j["series"], "E");
  EXPECT_EQ(j["organ"], "Economic and Social Council");
  EXPECT_EQ(j["bodies"], json::array({"CN.15"}));
  EXPECT_EQ(j["session"], "2022");
  EXPECT_EQ(j["nature"], "L.");
  EXPECT_EQ(j["number"], "1");
  EXPECT_EQ(j["modifiers"], json::parse(R"([{"kind":"Rev","number":1}])"));
  EXPECT_EQ(j["qualifier"], nullptr);
  EXPECT_EQ(j["reissued"], false);
  EXPECT_EQ(j["akoma_ntoso"], "E-CN.15-2022-L.1-Rev.1");
  ASSERT_EQ(j["components"].size(), 5u);
  EXPECT_EQ(j["components"][3], json::parse(R"({"kind":"number","text":"L.1"})"));
}

TEST(SymbolCommandTest, AbsentPartsAreNull) {
  const Output r = run({"S/RES/2669 (2022)", "PCNICC/2000/WGRPE(7)/DP.1", "E/2022/50/Summary"});
  EXPECT_EQ(r.status, 0);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0]["session"], nullptr);
  EXPECT_EQ(r.lines[0]["nature"], "RES/");
  EXPECT_EQ(r.lines[0]["qualifier"], "2022");
  EXPECT_EQ(r.lines[0]["akoma_ntoso"], "S-RES-2669_2022");
  EXPECT_EQ(r.lines[1]["organ"], nullptr);
  EXPECT_EQ(r.lines[2]["modifiers"], json::parse(R"([{"kind":"Summary","number":null}])"));
}

TEST(SymbolCommandTest, PrintsTheNormalizedSymbol) {
  const Output r = run({"  A/54/L.74/ADD.1 ", "A/65/L.78*"});
  EXPECT_EQ(r.status, 0);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0]["input"], "  A/54/L.74/ADD.1 ");
  EXPECT_EQ(r.lines[0]["symbol"], "A/54/L.74/Add.1");
  EXPECT_EQ(r.lines[1]["symbol"], "A/65/L.78");
  EXPECT_EQ(r.lines[1]["reissued"], true);
}

TEST(SymbolCommandTest, ReportsInvalidSymbolsAndKeepsGoing) {
  const Output r = run({"A/77/1", "A/HRC/50/1/Add.", "a/77/1"});
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0]["valid"], true);
  EXPECT_EQ(r.lines[1], json::parse(R"({"input":"A/HRC/50/1/Add.","valid":false,
      "error":"modifier 'Add.' needs a number, e.g. 'Add.1'","offset":15})"));
  EXPECT_EQ(r.lines[2]["valid"], false);
  EXPECT_EQ(r.lines[2]["offset"], 0);
}

TEST(SymbolCommandTest, SurvivesInputThatIsNotUtf8) {
  const Output r = run({"A/77/\xFF"});
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0]["input"], "A/77/\xEF\xBF\xBD");  // U+FFFD
  EXPECT_EQ(r.lines[0]["offset"], 5);
}

TEST(SymbolCommandTest, NeedsASymbol) {
  const Output r = run({});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.lines.empty());
  EXPECT_NE(r.err.find("usage: plenary symbol"), std::string::npos);
}

}  // namespace
}  // namespace plenary
