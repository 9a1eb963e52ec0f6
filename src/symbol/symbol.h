// UN document symbols: parse, validate and normalize "E/CN.15/2022/L.1/Rev.1".
//
// A symbol is slash-separated components (UN Documentation Research Guide,
// "Document Symbols"; UNBIS series symbols):
//
//   series / bodies... / session / nature / number / modifiers... (qualifier)
//   A      / C.3       / 77      /        / L.5    / Rev.1/Corr.1
//   S      /           /         / RES    / 2669   /               (2022)
//
// - series: the parent organ or series, in capitals: A, S, E, T, ST, or a
//   body's own series (CTOC, FCCC, UNEP, CEDAW, HSP, TD, DP, ...). UNIDO's
//   "IDB.50" and "GC.18" (series with the session after a dot) are series too.
// - bodies: subsidiary bodies and other components that are not the session:
//   "C.3", "CN.15", "Sub.2", "COP", "WG.7", "COP(13)", "OzL.Pro", country
//   codes ("BGD") and document classes ("GC", "D") of the treaty bodies, and
//   bare numbers after the session ("3624" of "CCPR/C/135/D/3624/2019").
// - session: the first session or year component: "77", "2022", "S-27"
//   (special session), "ES-10" (emergency special session), or a Roman
//   numeral right after RES/DEC ("UNEP/CBD/COP/DEC/X/1").
// - nature: "RES/", "DEC/", "PRST/", "INF/", "NGO/", "PET/" when that
//   component stands right before the number (or before session and number);
//   otherwise the word of a dotted number: "L." of "L.1", "PV." of "PV.9000",
//   "Dec." of UNIDO's "IDB.50/Dec.11".
// - number: the document number, "1", or a range of periodic reports "6-7".
// - modifiers: Add.N, Amend.N, Corr.N, Rev.N, Summary, stacked in order:
//   "E/ECE/324/Rev.2/Add.99/Rev.4/Amend.1".
// - qualifier: one parenthesized part after the number or after the last
//   modifier: the year of Security Council resolutions "S/RES/2669 (2022)",
//   the session of old General Assembly resolutions "A/RES/1514 (XV)",
//   "(Resumption 1)", "(Vol. I)", "(Sect. 29A)": a number or Roman numeral,
//   maybe after a capitalized word.
//
// Within a component, parts are joined by '.' or '-' and are either letters
// starting with a capital ("CN", "OzL", "ExCom") or digits maybe followed by
// capitals ("15", "29A"). Numbers have no leading zero and are not zero.
// Components are told apart by position, not by a list of known bodies, so an
// unknown but well-formed body is accepted; a modifier before the number, or
// anything but a modifier after "L.1", "PV.1", "SR.1" or "CRP.1", is not.
//
// Normalization (what `Symbol::text` is), and nothing else:
// - surrounding whitespace, no-break spaces included, is trimmed;
// - hyphen look-alikes (U+2010..U+2013, U+2212) become '-': symbols only use
//   the ASCII hyphen-minus, for "ES-10" as for the range "6-7";
// - spaces after a dot inside a component, as OCR leaves them, are dropped:
//   "E/CN. 15/2011/1" -> "E/CN.15/2011/1";
// - modifier keywords take their canonical case: "ADD.1" -> "Add.1" (ODS
//   records them in capitals; both denote the same document);
// - a qualifier is written after exactly one space: "A/RES/1514(XV)" ->
//   "A/RES/1514 (XV)", with single spaces inside;
// - a final '*' ("reissued for technical reasons") is dropped and reported in
//   `Symbol::reissued`: the reissue carries the same symbol.
// Everything else is case-significant and kept as written: a lowercase series
// ("a/77/1") or a component starting in lowercase ("A/77/l.1") is an error,
// not something to guess.
//
// Akoma Ntoso form (for IRIs, see akoma_ntoso_form): '/' becomes '-',
// parentheses become a '_' before their content ("S-RES-2669_2022",
// "ICCD-COP_13-21"), and inside a qualifier ". " becomes "." and ' ' becomes
// '_' ("HRI-GEN-1-Rev.9_Vol.I"). The result only holds [A-Za-z0-9._-],
// unreserved in RFC 3986, so it needs no escaping. It is an identifier, not a
// reversible encoding: "ES-10" and "ES/10" would map alike.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::symbol {

// Longer (trimmed) input is rejected before it is looked at.
inline constexpr std::size_t kMaxSymbolLength = 200;

enum class ComponentKind { series, body, session, nature, number, modifier, qualifier };
std::string_view to_string(ComponentKind kind);  // "series", "body", ...

// One slash-separated component as normalized ("CN.15", "RES", "L.1",
// "Rev.1"), or the content of the qualifier ("2022").
struct Component {
  ComponentKind kind = ComponentKind::body;
  std::string text;
};

struct Modifier {
  std::string kind;  // "Add", "Amend", "Corr", "Rev", "Summary"
  int number = 0;    // 0 for Summary, which takes none
};

struct Symbol {
  std::string text;                 // the normalized symbol
  std::string series;               // "A", "CTOC", "IDB.50"
  std::vector<std::string> bodies;  // "CN.15"; "COP", "WG.7"
  std::string session;              // "77", "2022", "ES-10"; "" when absent
  std::string nature;               // "L.", "RES/", "Dec."; "" when absent
  std::string number;               // "1", "6-7"
  std::vector<Modifier> modifiers;
  std::string qualifier;            // "2022" of "S/RES/2669 (2022)"; "" when absent
  bool reissued = false;            // the input ended in '*'
  std::vector<Component> components;  // all of the above, in order
};

struct ParseError {
  std::string message;  // "modifier 'Add.' needs a number, e.g. 'Add.1'"
  std::size_t offset;   // 0-based byte offset in the input given to parse()
};

// Exactly one of `symbol` and `error` is set.
struct ParseResult {
  std::optional<Symbol> symbol;
  std::optional<ParseError> error;
  explicit operator bool() const { return symbol.has_value(); }
};

// Parses `text` (UTF-8). Never throws for bad input: errors are values.
ParseResult parse(std::string_view text);

// "E/CN.15/2022/L.1/Rev.1" -> "E-CN.15-2022-L.1-Rev.1"; see above.
std::string akoma_ntoso_form(const Symbol& symbol);

// "General Assembly" for "A"; the body behind known series ("CTOC", "IDB.50");
// "" when unknown.
std::string_view organ_name(std::string_view series);

}  // namespace plenary::symbol
