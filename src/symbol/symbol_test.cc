#include "symbol/symbol.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenary::symbol {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " ") + part;
  return out;
}

std::string modifiers_of(const Symbol& symbol) {
  std::vector<std::string> parts;
  for (const Modifier& m : symbol.modifiers)
    parts.push_back(m.number ? m.kind + "." + std::to_string(m.number) : m.kind);
  return join(parts);
}

// A real symbol, already in normalized form, and what it is made of. Bodies
// and modifiers are space-separated.
struct Real {
  const char* text;
  const char* series;
  const char* bodies;
  const char* session;
  const char* nature;
  const char* number;
  const char* modifiers;
  const char* qualifier;
};

// Real symbols of different organs and shapes, as the UN issued them.
const Real kReal[] = {
    // The examples of the brief.
    {"CTOC/COP/WG.7/2022/1", "CTOC", "COP WG.7", "2022", "", "1", "", ""},
    {"CTOC/COP/WG.7/2022/2", "CTOC", "COP WG.7", "2022", "", "2", "", ""},
    {"E/CN.15/2022/L.1/Rev.1", "E", "CN.15", "2022", "L.", "1", "Rev.1", ""},
    {"A/HRC/50/1/Add.1", "A", "HRC", "50", "", "1", "Add.1", ""},
    {"A/HRC/9/1", "A", "HRC", "9", "", "1", "", ""},
    {"CMW/C/16/1", "CMW", "C", "16", "", "1", "", ""},
    {"E/1997/100", "E", "", "1997", "", "100", "", ""},
    {"E/CN.15/2011/1", "E", "CN.15", "2011", "", "1", "", ""},
    {"FCCC/SBI/1996/1", "FCCC", "SBI", "1996", "", "1", "", ""},
    {"HSP/GC/19/1/Add.1", "HSP", "GC", "19", "", "1", "Add.1", ""},
    {"UNEP/CBD/BSWG/4/1/Add.1", "UNEP", "CBD BSWG", "4", "", "1", "Add.1", ""},
    {"UNEP/CBD/SBSTTA/13/1", "UNEP", "CBD SBSTTA", "13", "", "1", "", ""},
    {"S/RES/2669 (2022)", "S", "", "", "RES/", "2669", "", "2022"},
    {"A/RES/77/1", "A", "", "77", "RES/", "1", "", ""},
    {"S/PV.9000", "S", "", "", "PV.", "9000", "", ""},
    {"S/PRST/2022/1", "S", "", "2022", "PRST/", "1", "", ""},
    {"A/77/L.1", "A", "", "77", "L.", "1", "", ""},
    {"ST/SGB/2019/8", "ST", "SGB", "2019", "", "8", "", ""},
    {"A/C.3/77/L.5", "A", "C.3", "77", "L.", "5", "", ""},
    {"E/2022/SR.10", "E", "", "2022", "SR.", "10", "", ""},
    {"A/CONF.234/PC/1", "A", "CONF.234 PC", "", "", "1", "", ""},
    // General Assembly and its subsidiary organs.
    {"A/RES/64/293", "A", "", "64", "RES/", "293", "", ""},
    {"A/RES/54/162", "A", "", "54", "RES/", "162", "", ""},
    {"A/RES/491 (V)", "A", "", "", "RES/", "491", "", "V"},
    {"A/RES/1514 (XV)", "A", "", "", "RES/", "1514", "", "XV"},
    {"A/RES/S-27/2", "A", "", "S-27", "RES/", "2", "", ""},
    {"A/RES/ES-10/21", "A", "", "ES-10", "RES/", "21", "", ""},
    {"A/RES/ES-11/1", "A", "", "ES-11", "RES/", "1", "", ""},
    {"A/ES-10/L.27", "A", "", "ES-10", "L.", "27", "", ""},
    {"A/ES-10/L.30/Rev.2", "A", "", "ES-10", "L.", "30", "Rev.2", ""},
    {"A/ES-10/PV.41", "A", "", "ES-10", "PV.", "41", "", ""},
    {"A/520/Rev.20", "A", "", "", "", "520", "Rev.20", ""},
    {"A/6715/Rev.1", "A", "", "", "", "6715", "Rev.1", ""},
    {"A/78/7", "A", "", "78", "", "7", "", ""},
    {"A/65/L.78", "A", "", "65", "L.", "78", "", ""},
    {"A/62/80/Add.1", "A", "", "62", "", "80", "Add.1", ""},
    {"A/62/125", "A", "", "62", "", "125", "", ""},
    {"A/58/6/Add.1", "A", "", "58", "", "6", "Add.1", ""},
    {"A/75/6 (Sect. 1)", "A", "", "75", "", "6", "", "Sect. 1"},
    {"A/C.5/62/SR.10", "A", "C.5", "62", "SR.", "10", "", ""},
    {"A/CONF.151/26 (Vol. I)", "A", "CONF.151", "", "", "26", "", "Vol. I"},
    {"A/CN.9/1160", "A", "CN.9", "", "", "1160", "", ""},
    {"A/CN.9/SR.943", "A", "CN.9", "", "SR.", "943", "", ""},
    {"A/CN.9/WG.IV/WP.160", "A", "CN.9 WG.IV", "", "WP.", "160", "", ""},
    {"A/CN.9/WG.VI/WP.22/Add.1", "A", "CN.9 WG.VI", "", "WP.", "22", "Add.1", ""},
    {"A/HRC/5/21", "A", "HRC", "5", "", "21", "", ""},
    {"A/HRC/RES/6/1", "A", "HRC", "6", "RES/", "1", "", ""},
    {"A/HRC/RES/48/13", "A", "HRC", "48", "RES/", "13", "", ""},
    {"A/HRC/PRST/15/2", "A", "HRC", "15", "PRST/", "2", "", ""},
    {"A/HRC/DEC/18/117", "A", "HRC", "18", "DEC/", "117", "", ""},
    {"A/HRC/WG.6/41/BRA/2", "A", "HRC WG.6 BRA", "41", "", "2", "", ""},
    // Security Council.
    {"S/RES/1440 (2002)", "S", "", "", "RES/", "1440", "", "2002"},
    {"S/RES/2202 (2015)", "S", "", "", "RES/", "2202", "", "2015"},
    {"S/PRST/1994/16", "S", "", "1994", "PRST/", "16", "", ""},
    {"S/PV.9451 (Resumption 1)", "S", "", "", "PV.", "9451", "", "Resumption 1"},
    // Economic and Social Council and its commissions.
    {"E/5364", "E", "", "", "", "5364", "", ""},
    {"E/1992/22/Add.1/Rev.1", "E", "", "1992", "", "22", "Add.1 Rev.1", ""},
    {"E/CN.4/1992/84/Add.1/Rev.1", "E", "CN.4", "1992", "", "84", "Add.1 Rev.1", ""},
    {"E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1", "E", "CN.4 Sub.2 AC.2", "1987", "WP.", "4", "Add.1", ""},
    {"E/2010/34/Rev.1", "E", "", "2010", "", "34", "Rev.1", ""},
    {"E/ICEF/2010/7/Rev.1", "E", "ICEF", "2010", "", "7", "Rev.1", ""},
    {"E/ICEF/2023/P/L.16", "E", "ICEF P", "2023", "L.", "16", "", ""},
    {"E/C.12/GC/21", "E", "C.12 GC", "", "", "21", "", ""},
    {"E/ECE/324/Rev.2/Add.99/Rev.4/Amend.1", "E", "ECE", "", "", "324", "Rev.2 Add.99 Rev.4 Amend.1", ""},
    // Secretariat.
    {"ST/LIB/SER.B/5/Rev.5", "ST", "LIB SER.B", "", "", "5", "Rev.5", ""},
    {"ST/AI/189/Add.3/Rev.2", "ST", "AI", "", "", "189", "Add.3 Rev.2", ""},
    {"ST/SG/AC.10/11/Rev.5/Amend.1", "ST", "SG AC.10", "", "", "11", "Rev.5 Amend.1", ""},
    // Human rights treaty bodies.
    {"CEDAW/C/BGD/8", "CEDAW", "C BGD", "", "", "8", "", ""},
    {"CEDAW/C/BGD/6-7", "CEDAW", "C BGD", "", "", "6-7", "", ""},
    {"CEDAW/C/BGD/Q/8/Add.1", "CEDAW", "C BGD Q", "", "", "8", "Add.1", ""},
    {"CEDAW/C/SR.1453", "CEDAW", "C", "", "SR.", "1453", "", ""},
    {"CCPR/C/GC/36", "CCPR", "C GC", "", "", "36", "", ""},
    {"CCPR/C/108/2", "CCPR", "C", "108", "", "2", "", ""},
    {"CCPR/C/135/D/3624/2019", "CCPR", "C D 3624", "135", "", "2019", "", ""},
    {"CRC/C/GC/23", "CRC", "C GC", "", "", "23", "", ""},
    {"CAT/C/SR.209", "CAT", "C", "", "SR.", "209", "", ""},
    {"HRI/GEN/1/Rev.9 (Vol. I)", "HRI", "GEN", "", "", "1", "Rev.9", "Vol. I"},
    // Conventions, programmes and other bodies with series of their own.
    {"FCCC/CP/2015/10/Add.1", "FCCC", "CP", "2015", "", "10", "Add.1", ""},
    {"FCCC/CP/2016/1/Add.1", "FCCC", "CP", "2016", "", "1", "Add.1", ""},
    {"FCCC/SBI/2012/L.21", "FCCC", "SBI", "2012", "L.", "21", "", ""},
    {"FCCC/SBSTA/2022/1/Add.1", "FCCC", "SBSTA", "2022", "", "1", "Add.1", ""},
    {"FCCC/SB/2022/L.2", "FCCC", "SB", "2022", "L.", "2", "", ""},
    {"FCCC/KP/CMP/2012/1", "FCCC", "KP CMP", "2012", "", "1", "", ""},
    {"FCCC/APA/2016/3", "FCCC", "APA", "2016", "", "3", "", ""},
    {"ICCD/COP(13)/21/Add.1", "ICCD", "COP(13)", "", "", "21", "Add.1", ""},
    {"PCNICC/2000/WGRPE(7)/DP.1", "PCNICC", "WGRPE(7)", "2000", "DP.", "1", "", ""},
    {"UNEP/EA.5/Res.14", "UNEP", "EA.5", "", "Res.", "14", "", ""},
    {"UNEP/CBD/COP/DEC/X/1", "UNEP", "CBD COP", "X", "DEC/", "1", "", ""},
    {"UNEP/OzL.Pro/ExCom/97/8", "UNEP", "OzL.Pro ExCom", "97", "", "8", "", ""},
    {"UNEP/OzL.Pro.WG.1/47/INF/3/Rev.1", "UNEP", "OzL.Pro.WG.1", "47", "INF/", "3", "Rev.1", ""},
    {"ECE/TRANS/WP.29/2018/157", "ECE", "TRANS WP.29", "2018", "", "157", "", ""},
    {"ECE/TRANS/WP.29/GRVA/2019/3", "ECE", "TRANS WP.29 GRVA", "2019", "", "3", "", ""},
    {"ECE/TRANS/WP.29/1045/Amend.1", "ECE", "TRANS WP.29", "", "", "1045", "Amend.1", ""},
    {"ECE/TRANS/505/Rev.3/Add.143", "ECE", "TRANS", "", "", "505", "Rev.3 Add.143", ""},
    {"ECE/TRANS/180/Add.22/Amend.1", "ECE", "TRANS", "", "", "180", "Add.22 Amend.1", ""},
    {"TPNW/MSP/2022/INF/1", "TPNW", "MSP", "2022", "INF/", "1", "", ""},
    {"DP/2020/2", "DP", "", "2020", "", "2", "", ""},
    {"ID/B/SR.1", "ID", "B", "", "SR.", "1", "", ""},
    {"IDB.50/Dec.11", "IDB.50", "", "", "Dec.", "11", "", ""},
    {"IDB.51/1/Add.1", "IDB.51", "", "", "", "1", "Add.1", ""},
    {"IDB.51/CRP.1", "IDB.51", "", "", "CRP.", "1", "", ""},
    {"GC.18/INF/4", "GC.18", "", "", "INF/", "4", "", ""},
};

TEST(SymbolTest, ParsesRealSymbols) {
  EXPECT_GE(std::size(kReal), 100u);
  for (const Real& real : kReal) {
    SCOPED_TRACE(real.text);
    const ParseResult result = parse(real.text);
    ASSERT_TRUE(result) << result.error->message << " at " << result.error->offset;
    EXPECT_FALSE(result.error);
    const Symbol& s = *result.symbol;
    EXPECT_EQ(s.text, real.text);
    EXPECT_EQ(s.series, real.series);
    EXPECT_EQ(join(s.bodies), real.bodies);
    EXPECT_EQ(s.session, real.session);
    EXPECT_EQ(s.nature, real.nature);
    EXPECT_EQ(s.number, real.number);
    EXPECT_EQ(modifiers_of(s), real.modifiers);
    EXPECT_EQ(s.qualifier, real.qualifier);
    EXPECT_FALSE(s.reissued);
  }
}

TEST(SymbolTest, RealSymbolsRoundTrip) {
  for (const Real& real : kReal) {
    SCOPED_TRACE(real.text);
    const ParseResult first = parse(real.text);
    ASSERT_TRUE(first);
    const ParseResult second = parse(first.symbol->text);
    ASSERT_TRUE(second);
    EXPECT_EQ(second.symbol->text, first.symbol->text);
    EXPECT_EQ(akoma_ntoso_form(*second.symbol), akoma_ntoso_form(*first.symbol));
    ASSERT_EQ(second.symbol->components.size(), first.symbol->components.size());
    for (std::size_t i = 0; i < first.symbol->components.size(); ++i) {
      EXPECT_EQ(second.symbol->components[i].kind, first.symbol->components[i].kind);
      EXPECT_EQ(second.symbol->components[i].text, first.symbol->components[i].text);
    }
  }
}

TEST(SymbolTest, ComponentsKeepTheirOrderAndKind) {
  const ParseResult result = parse("A/C.3/77/L.5/Rev.1/Corr.1");
  ASSERT_TRUE(result);
  const std::vector<Component>& c = result.symbol->components;
  ASSERT_EQ(c.size(), 6u);
  const ComponentKind kinds[] = {ComponentKind::series, ComponentKind::body,     ComponentKind::session,
                                 ComponentKind::number, ComponentKind::modifier, ComponentKind::modifier};
  const char* texts[] = {"A", "C.3", "77", "L.5", "Rev.1", "Corr.1"};
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(c[i].kind, kinds[i]) << i;
    EXPECT_EQ(c[i].text, texts[i]) << i;
  }
  EXPECT_EQ(result.symbol->modifiers[0].kind, "Rev");
  EXPECT_EQ(result.symbol->modifiers[0].number, 1);

  const ParseResult resolution = parse("S/RES/2669 (2022)");
  ASSERT_TRUE(resolution);
  const std::vector<Component>& r = resolution.symbol->components;
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[1].kind, ComponentKind::nature);
  EXPECT_EQ(r[1].text, "RES");
  EXPECT_EQ(r[3].kind, ComponentKind::qualifier);
  EXPECT_EQ(r[3].text, "2022");
  EXPECT_EQ(to_string(r[3].kind), "qualifier");
}

TEST(SymbolTest, SummaryTakesNoNumber) {
  const ParseResult result = parse("E/2022/50/Summary");
  ASSERT_TRUE(result);
  ASSERT_EQ(result.symbol->modifiers.size(), 1u);
  EXPECT_EQ(result.symbol->modifiers[0].kind, "Summary");
  EXPECT_EQ(result.symbol->modifiers[0].number, 0);
}

struct Normalized {
  const char* input;
  const char* text;
};

TEST(SymbolTest, Normalizes) {
  const Normalized cases[] = {
      {"  A/77/1\n", "A/77/1"},
      {"\tE/CN.15/2011/1 \r\n", "E/CN.15/2011/1"},
      {"\xC2\xA0S/PV.9000\xC2\xA0", "S/PV.9000"},                  // no-break spaces
      {"\xEF\xBB\xBF" "A/77/1", "A/77/1"},                          // byte order mark
      {"E/CN. 15/2011/1", "E/CN.15/2011/1"},                       // OCR space after a dot
      {"E/CN.4/Sub. 2/AC. 2/1987/WP. 4/Add. 1", "E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1"},
      {"A/54/L.74/ADD.1", "A/54/L.74/Add.1"},                      // as ODS records it
      {"A/C.3/77/L.5/rev.1/CORR.1", "A/C.3/77/L.5/Rev.1/Corr.1"},
      {"E/2022/50/SUMMARY", "E/2022/50/Summary"},
      {"ST/SG/AC.10/11/REV.5/AMEND.1", "ST/SG/AC.10/11/Rev.5/Amend.1"},
      {"A/RES/ES\xE2\x80\x93" "10/21", "A/RES/ES-10/21"},           // en dash
      {"CEDAW/C/BGD/6\xE2\x80\x93" "7", "CEDAW/C/BGD/6-7"},          // en dash in a range
      {"A/RES/S\xE2\x80\x91" "27/2", "A/RES/S-27/2"},               // non-breaking hyphen
      {"S/RES/2669(2022)", "S/RES/2669 (2022)"},
      {"S/RES/2669  ( 2022 )", "S/RES/2669 (2022)"},
      {"S/RES/2669\xC2\xA0(2022)", "S/RES/2669 (2022)"},
      {"A/RES/1514(XV)", "A/RES/1514 (XV)"},
      {"HRI/GEN/1/Rev.9 (Vol.  I)", "HRI/GEN/1/Rev.9 (Vol. I)"},
      {"ICCD/COP( 13 )/21/Add.1", "ICCD/COP(13)/21/Add.1"},
      {"A/RES/2200(XXI)", "A/RES/2200 (XXI)"},
      {"A/CONF.151/26 (Part II)", "A/CONF.151/26 (Part II)"},
  };
  for (const Normalized& c : cases) {
    SCOPED_TRACE(c.input);
    const ParseResult result = parse(c.input);
    ASSERT_TRUE(result) << result.error->message << " at " << result.error->offset;
    EXPECT_EQ(result.symbol->text, c.text);
    const ParseResult again = parse(result.symbol->text);
    ASSERT_TRUE(again);
    EXPECT_EQ(again.symbol->text, result.symbol->text);
  }
}

TEST(SymbolTest, ReissueMarkIsDroppedAndReported) {
  const ParseResult result = parse("A/65/L.78*");
  ASSERT_TRUE(result);
  EXPECT_EQ(result.symbol->text, "A/65/L.78");
  EXPECT_TRUE(result.symbol->reissued);
  EXPECT_FALSE(parse(result.symbol->text).symbol->reissued);
}

struct Malformed {
  const char* input;
  const char* message;  // a substring of the error message
  std::size_t offset;
};

TEST(SymbolTest, RejectsMalformedSymbols) {
  const std::string too_long = "A/77/" + std::string(300, '1');
  const Malformed cases[] = {
      {"", "empty symbol", 0},
      {"  \t ", "empty symbol", 0},
      {"a/77/1", "series 'a' must be in capital letters", 0},
      {"Ctoc/COP/WG.7/2022/1", "must be in capital letters", 1},
      {"1A/77/1", "must be capital letters", 0},
      {"A//77/1", "empty component between '//'", 2},
      {"/A/77/1", "symbol starts with '/'", 0},
      {"A/77/1/", "symbol ends with '/'", 6},
      {"A/77 /1", "unexpected space", 4},
      {"A/HRC/50 /1", "unexpected space", 8},
      {"A/COP (13)/1", "unexpected space", 5},
      {"A/HRC/50/1/Foo.1", "'Foo.1' is not a modifier", 11},
      {"A/HRC/50/1/FOO.1", "'FOO.1' is not a modifier", 11},
      {"A/77/L.1/XYZ.1", "'XYZ.1' is not a modifier", 9},
      {"A/HRC/50/1/Add.", "modifier 'Add.' needs a number", 15},
      {"A/HRC/50/1/Add", "modifier 'Add' needs a number", 14},
      {"A/77/1/Rev-1", "expected '.' after 'Rev'", 10},
      {"A/77/1/Add.1a", "unexpected 'a' in modifier", 12},
      {"A/77/1/Summary.1", "'Summary' takes no number", 14},
      {"A/77/1/Rev.1/Rev.2", "directly follows another 'Rev'", 13},
      {"A/77/1/Add.1234567", "too long", 11},
      {"A/77/L.01", "number '01' has a leading zero", 7},
      {"A/077/1", "leading zero", 2},
      {"A/77/0", "number must not be zero", 5},
      {"A/77/1/Add.0", "number must not be zero", 11},
      {"E/CN.4/1992/84/\xC3\x80" "dd.1", "non-ASCII character U+00C0", 15},
      {"A/77/\xE2\x80\x94" "1", "non-ASCII character U+2014", 5},  // an em dash is no hyphen
      {"A/77\t/1", "control character U+0009", 4},
      {"A/77/1\x7F", "control character U+007F", 6},
      {"A/77/1\xFF", "invalid UTF-8 byte 0xFF", 6},
      {"A/77/\xC3", "truncated UTF-8 sequence", 5},
      {"A/77/\xC0\xAF", "invalid UTF-8 sequence", 5},  // an overlong '/'
      {too_long.c_str(), "longer than 200 characters", 200},
      {"A/77/Add.1/L.1", "modifier 'Add.1' must come after the document number", 5},
      {"A/Add.1", "needs a document number before it", 2},
      {"A", "expected '/' and a document number", 1},
      {"A/HRC", "must end with a document number, not 'HRC'", 2},
      {"A/ES-10", "'ES-10' is not a document number", 2},
      {"E/CN./2011/1", "'.' must be followed by a letter or digit", 4},
      {"A/C.3/77/l.5", "must start with a capital letter or a digit", 9},
      {"A/77/1, A/77/2", "unexpected character ','", 6},
      {"A/77/1*/Add.1", "can only end the symbol", 6},
      {"S/RES/2669 (2022", "unclosed '('", 11},
      {"S/RES/2669 2022)", "unexpected space", 10},
      {"S/RES/2669)", "unexpected ')'", 10},
      {"S/RES/2669 ()", "empty '()'", 11},
      {"A/RES/S-10/2 (p. 102)", "must start with a capital letter or a digit", 14},
      {"A/77/1/Add.1 (Vol. I)/Corr.1", "can only follow the document number or the last modifier", 13},
      {"A/75/6 (Sect. 1)/Add.1 (Vol. I)", "at most one", 23},
      {"CEDAW/C/BGD/7-6", "range '7-6' must go up", 12},
      {"A/74dd/1", "unexpected 'd' in '74dd'", 4},
      {"E/CN4P/1", "unexpected '4' in 'CN4P'", 4},
      {"E/2/2 (CN.7.1 4)", "is not a qualifier", 7},
      {"S/RES/2669 (2022 2023)", "is not a qualifier", 12},
      {"S/RES/2669 (02022)", "leading zero", 12},
      {"A/CONF.151/26 (Vol. 01)", "leading zero", 20},
      {"\xC2\xA0" "A//1", "empty component", 4},  // offsets count bytes of the input
  };
  for (const Malformed& c : cases) {
    SCOPED_TRACE(c.input);
    const ParseResult result = parse(c.input);
    ASSERT_FALSE(result) << "parsed as " << result.symbol->text;
    ASSERT_TRUE(result.error);
    EXPECT_FALSE(result.symbol);
    EXPECT_NE(result.error->message.find(c.message), std::string::npos) << result.error->message;
    EXPECT_EQ(result.error->offset, c.offset) << result.error->message;
  }
}

TEST(SymbolTest, LengthLimitIsInclusive) {
  std::string longest = "E";
  for (int i = 0; i < 97; ++i) longest += "/X";
  longest += "/XY/1";
  ASSERT_EQ(longest.size(), kMaxSymbolLength);
  EXPECT_TRUE(parse(longest));
  EXPECT_TRUE(parse("  " + longest + "  "));  // surrounding whitespace does not count
  const ParseResult result = parse(longest + "1");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error->message.find("longer than 200"), std::string::npos);
  EXPECT_EQ(result.error->offset, kMaxSymbolLength);

  // Whitespace around the symbol does not count, however much there is.
  const std::string padding(100000, ' ');
  const ParseResult padded = parse(padding + "A/77/1" + padding);
  ASSERT_TRUE(padded);
  EXPECT_EQ(padded.symbol->text, "A/77/1");
  const ParseResult spaced = parse("A/77/1" + padding + "2");
  ASSERT_FALSE(spaced);
  EXPECT_EQ(spaced.error->offset, kMaxSymbolLength);
  const ParseResult junk = parse(std::string(1000000, 'A'));
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error->offset, kMaxSymbolLength);
}

struct AkomaNtoso {
  const char* symbol;
  const char* form;
};

TEST(SymbolTest, AkomaNtosoForm) {
  const AkomaNtoso cases[] = {
      {"E/CN.15/2022/L.1/Rev.1", "E-CN.15-2022-L.1-Rev.1"},
      {"CTOC/COP/WG.7/2022/1", "CTOC-COP-WG.7-2022-1"},
      {"A/RES/ES-10/21", "A-RES-ES-10-21"},
      {"S/RES/2669 (2022)", "S-RES-2669_2022"},
      {"A/RES/1514 (XV)", "A-RES-1514_XV"},
      {"S/PV.9451 (Resumption 1)", "S-PV.9451_Resumption_1"},
      {"HRI/GEN/1/Rev.9 (Vol. I)", "HRI-GEN-1-Rev.9_Vol.I"},
      {"A/75/6 (Sect. 1)", "A-75-6_Sect.1"},
      {"ICCD/COP(13)/21/Add.1", "ICCD-COP_13-21-Add.1"},
  };
  for (const AkomaNtoso& c : cases) {
    const ParseResult result = parse(c.symbol);
    ASSERT_TRUE(result) << c.symbol;
    EXPECT_EQ(akoma_ntoso_form(*result.symbol), c.form);
  }
  // Every form is made of characters that need no escaping in an IRI.
  for (const Real& real : kReal) {
    const std::string form = akoma_ntoso_form(*parse(real.text).symbol);
    EXPECT_EQ(form.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"),
              std::string::npos)
        << form;
  }
}

TEST(SymbolTest, OrganNames) {
  EXPECT_EQ(organ_name("A"), "General Assembly");
  EXPECT_EQ(organ_name("S"), "Security Council");
  EXPECT_EQ(organ_name("E"), "Economic and Social Council");
  EXPECT_EQ(organ_name("T"), "Trusteeship Council");
  EXPECT_EQ(organ_name("ST"), "Secretariat");
  EXPECT_EQ(organ_name("CTOC"),
            "Conference of the Parties to the United Nations Convention against Transnational Organized Crime");
  EXPECT_EQ(organ_name("IDB.50"), "Industrial Development Board of UNIDO");
  EXPECT_EQ(organ_name("PCNICC"), "");
  EXPECT_EQ(organ_name(""), "");
}

}  // namespace
}  // namespace plenary::symbol
