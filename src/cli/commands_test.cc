#include "cli/commands.h"
#include "cli/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace plenary {
namespace {

namespace fs = std::filesystem;

using testing::kExample;

class Cli : public testing::CommandTest {
 protected:
  int run(std::vector<std::string> args) {
    args.insert(args.begin(), "plenary");
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    clear_streams();
    return run_cli(static_cast<int>(argv.size()), argv.data(), out_, err_);
  }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  std::string example_with(const std::string& from, const std::string& to) {
    std::ifstream in(kExample);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return write("meeting.toml", text);
  }
};

TEST_F(Cli, CheckCleanExample) {
  EXPECT_EQ(run({"check", kExample}), kExitOk);
  EXPECT_EQ(out_.str(), kExample + ": 0 errors, 0 warnings\n");
}

TEST_F(Cli, CheckReportsPositionAndExitsOne) {
  const std::string file = example_with("number = 3\n", "number = 4\n");
  EXPECT_EQ(run({"check", file}), kExitErrors);
  EXPECT_NE(out_.str().find(file + ":"), std::string::npos);
  EXPECT_NE(out_.str().find(": error: item number 4 skips numbers: expected 3"), std::string::npos) << out_.str();
}

TEST_F(Cli, CheckUnreadableExitsTwo) {
  EXPECT_EQ(run({"check", (dir_ / "absent.toml").string()}), kExitUnreadable);
  EXPECT_NE(out_.str().find("absent.toml:1:1: error: cannot open the file"), std::string::npos);
  EXPECT_EQ(run({"check", write("bad.toml", "[body\n")}), kExitUnreadable);
  EXPECT_NE(out_.str().find("bad.toml:1:"), std::string::npos);
  EXPECT_NE(out_.str().find("not valid TOML"), std::string::npos);
}

TEST_F(Cli, CheckFinalTurnsMissingLanguagesIntoErrors) {
  const std::string file = example_with("title.fr = \"Questions diverses\"\n", "");
  EXPECT_EQ(run({"check", file}), kExitOk);
  EXPECT_NE(out_.str().find("warning: the title of item 5 has no French text (an error with --final)"), std::string::npos)
      << out_.str();
  EXPECT_EQ(run({"check", "--final", file}), kExitErrors);
  EXPECT_NE(out_.str().find("error: the title of item 5 has no French text"), std::string::npos);
}

TEST_F(Cli, CheckJson) {
  const std::string file = example_with("number = 3\n", "number = 4\n");
  EXPECT_EQ(run({"check", "--json", file}), kExitErrors);
  EXPECT_NE(out_.str().find("\"severity\": \"error\""), std::string::npos);
  EXPECT_NE(out_.str().find("\"status\": 1"), std::string::npos);
}

// The version is CMake's project version, read here from CMakeLists.txt.
TEST_F(Cli, VersionIsTheProjectVersion) {
  std::ifstream cmake(PLENARY_SOURCE_DIR "/CMakeLists.txt");
  std::stringstream text;
  text << cmake.rdbuf();
  const std::string marker = "project(plenary VERSION ";
  const size_t at = text.str().find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::string project_version =
      text.str().substr(at + marker.size(), text.str().find(' ', at + marker.size()) - at - marker.size());
  EXPECT_EQ(version(), project_version);
  ASSERT_EQ(run({"--version"}), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "plenary " + project_version + "\n");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(run({}), kExitUnreadable);
  EXPECT_EQ(run({"frobnicate"}), kExitUnreadable);
  EXPECT_EQ(run({"check"}), kExitUnreadable);
  EXPECT_NE(err_.str().find("FILE is required"), std::string::npos) << err_.str();
  EXPECT_EQ(run({"render", kExample, "--to", "rtf", "-o", dir_.string()}), kExitUnreadable);
  EXPECT_NE(err_.str().find("unknown format 'rtf'"), std::string::npos);
  EXPECT_EQ(run({"render", kExample, "--lang", "de", "-o", dir_.string()}), kExitUnreadable);
  EXPECT_NE(err_.str().find("no catalog for language 'de'"), std::string::npos);
  EXPECT_EQ(run({"--help"}), kExitOk);
}

TEST_F(Cli, RenderWritesEveryLanguageAndFormat) {
  EXPECT_EQ(run({"render", kExample, "--lang", "fr,en", "--to", "md,html", "-o", dir_.string()}), kExitOk) << err_.str();
  for (const char* name : {"CTOC_COP_WG.7_2022_1.fr.md", "CTOC_COP_WG.7_2022_1.fr.html", "CTOC_COP_WG.7_2022_1.en.md",
                           "CTOC_COP_WG.7_2022_1.en.html"}) {
    EXPECT_TRUE(fs::exists(dir_ / name)) << name;
    EXPECT_NE(out_.str().find(name), std::string::npos);
  }
  EXPECT_GT(fs::file_size(dir_ / "CTOC_COP_WG.7_2022_1.fr.html"), 10000u);
}

TEST_F(Cli, RenderToOneFile) {
  const std::string target = (dir_ / "sub" / "agenda.html").string();
  EXPECT_EQ(run({"render", kExample, "--lang", "en", "--to", "html", "-o", target}), kExitOk) << err_.str();
  EXPECT_TRUE(fs::exists(target));
}

TEST_F(Cli, RenderWritesAkomaNtoso) {
  EXPECT_EQ(run({"render", kExample, "--lang", "fr,en", "--to", "akn", "-o", dir_.string()}), kExitOk) << err_.str();
  std::ifstream in(dir_ / "CTOC_COP_WG.7_2022_1.fr.akn.xml", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str().starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso")) << text.str();
  EXPECT_NE(text.str().find("/CTOC-COP-WG.7-2022-1/fra@2022-03-16/!main.xml"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ / "CTOC_COP_WG.7_2022_1.en.akn.xml"));
  // One language to one file: any name ending in .xml.
  const std::string target = (dir_ / "agenda.xml").string();
  EXPECT_EQ(run({"render", kExample, "--lang", "en", "--to", "akn", "-o", target}), kExitOk) << err_.str();
  EXPECT_TRUE(fs::is_regular_file(target));
}

TEST_F(Cli, RenderWritesDocx) {
  EXPECT_EQ(run({"render", kExample, "--lang", "fr,ar", "--to", "docx", "-o", dir_.string()}), kExitOk) << err_.str();
  for (const char* name : {"CTOC_COP_WG.7_2022_1.fr.docx", "CTOC_COP_WG.7_2022_1.ar.docx"}) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    // A zip whose first entry is the package's content types.
    EXPECT_TRUE(bytes.str().starts_with("PK\x03\x04")) << name;
    EXPECT_EQ(bytes.str().find("[Content_Types].xml"), 30u) << name;
    EXPECT_NE(out_.str().find(name), std::string::npos);
  }
}

TEST_F(Cli, RenderWritesICalendar) {
  EXPECT_EQ(run({"render", kExample, "--lang", "en,fr", "--to", "ics", "-o", dir_.string()}), kExitOk) << err_.str();
  for (const char* name : {"CTOC_COP_WG.7_2022_1.en.ics", "CTOC_COP_WG.7_2022_1.fr.ics"}) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string calendar = text.str();
    EXPECT_TRUE(calendar.starts_with("BEGIN:VCALENDAR\r\n")) << name;
    size_t events = 0;
    for (size_t at = calendar.find("BEGIN:VEVENT"); at != std::string::npos; at = calendar.find("BEGIN:VEVENT", at + 1))
      ++events;
    EXPECT_EQ(events, 4u) << name;
  }
}

TEST_F(Cli, RenderRefusesAMeetingWithErrorsAndWritesNothing) {
  const std::string file = example_with("number = 3\n", "number = 4\n");
  const fs::path out = dir_ / "out";
  EXPECT_EQ(run({"render", file, "-o", out.string()}), kExitErrors);
  EXPECT_NE(err_.str().find("has errors; nothing was written"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(Cli, RenderMissingTextNeedsDraft) {
  const std::string file = example_with("title.fr = \"Questions diverses\"\n", "");
  const fs::path out = dir_ / "out";
  EXPECT_EQ(run({"render", file, "--lang", "fr", "-o", out.string()}), kExitErrors);
  EXPECT_NE(err_.str().find("lacks 1 text in 'fr': item 5 title"), std::string::npos) << err_.str();
  EXPECT_EQ(run({"render", file, "--lang", "fr", "--draft", "-o", out.string()}), kExitOk);
  std::ifstream in(out / "CTOC_COP_WG.7_2022_1.fr.md");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("\\[item 5 title: no fr text\\]"), std::string::npos);
}

}  // namespace
}  // namespace plenary
