#include "symbol/symbol.h"

#include <cstdio>

namespace plenary::symbol {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

bool is_number(std::string_view s) { return all_of(s, is_digit); }
bool is_letters(std::string_view s) { return all_of(s, is_letter); }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (is_upper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (is_upper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string code_point(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// The modifiers of the research guide's "final component", in canonical case.
constexpr std::string_view kModifierKinds[] = {"Add", "Amend", "Corr", "Rev", "Summary"};

// The canonical spelling of the modifier a component starts with, matched
// without regard to case ("ADD.1" -> "Add"), or "" when it is none.
std::string_view modifier_kind(std::string_view component) {
  std::size_t end = 0;
  while (end < component.size() && is_letter(component[end])) ++end;
  for (std::string_view kind : kModifierKinds)
    if (equals_ignoring_case(component.substr(0, end), kind)) return kind;
  return {};
}

// Natures that stand in a component of their own, before the number: A/RES/77/1.
bool is_slash_nature(std::string_view s) {
  return s == "RES" || s == "DEC" || s == "PRST" || s == "INF" || s == "NGO" || s == "PET";
}

// Dotted natures that never name a body, so nothing but modifiers may follow
// them: a component after "L.1" that is no modifier is a mistyped one.
bool is_terminal_nature(std::string_view word) {
  return word == "L" || word == "PV" || word == "SR" || word == "CRP";
}

// Dotted natures written in mixed case: UNEA's "Res." and UNIDO's "Dec.".
bool is_mixed_case_nature(std::string_view word) { return word == "Res" || word == "Dec"; }

bool is_roman(std::string_view s) {
  return !s.empty() && s.size() <= 8 && s.find_first_not_of("IVX") == std::string_view::npos;
}

// "77", "2022", "S-27" (special session), "ES-10" (emergency special session).
bool is_session(std::string_view s) {
  if (is_number(s)) return true;
  if (s.substr(0, 2) == "S-") return is_number(s.substr(2));
  if (s.substr(0, 3) == "ES-") return is_number(s.substr(3));
  return false;
}

// The input decoded: ASCII only, each byte mapped back to where it came from
// in the input so that errors point at what the user wrote.
struct Text {
  std::string chars;
  std::vector<std::size_t> offsets;  // one per char, plus one for the end

  void push(char c, std::size_t offset) {
    chars.push_back(c);
    offsets.push_back(offset);
  }
};

// One slash-separated component: its core ("2669", "COP", "Rev.9") and an
// optional parenthesized part, as indices into Text::chars.
struct Piece {
  std::size_t begin = 0, end = 0;  // the core
  bool has_paren = false;
  std::size_t space = 0;           // index of the space before '(', if any
  bool space_before_paren = false;
  std::size_t paren = 0;           // index of '('
  std::size_t inner_begin = 0, inner_end = 0;
  enum class Role { series, middle, number, modifier } role = Role::middle;
};

class Parser {
 public:
  explicit Parser(std::string_view input) : input_(input) {}

  ParseResult run() {
    Symbol symbol;
    if (decode() && split() && lex_all() && check_roles() && validate_all() && classify(symbol)) {
      assemble(symbol);
      return {std::move(symbol), std::nullopt};
    }
    return {std::nullopt, std::move(error_)};
  }

 private:
  bool fail_at_offset(std::string message, std::size_t offset) {
    if (!error_) error_ = ParseError{std::move(message), offset};
    return false;
  }
  bool fail(std::string message, std::size_t index) {
    return fail_at_offset(std::move(message), text_.offsets[index]);
  }

  std::string_view chars(std::size_t begin, std::size_t end) const {
    return std::string_view(text_.chars).substr(begin, end - begin);
  }
  std::string_view core(const Piece& piece) const { return chars(piece.begin, piece.end); }
  std::string_view inner(const Piece& piece) const { return chars(piece.inner_begin, piece.inner_end); }

  // --- Decoding and normalization of characters ------------------------------

  struct Char {
    char32_t code;
    std::size_t offset;
  };

  static bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
           c == 0x2007 || c == 0x202F || c == 0xFEFF;
  }

  // Decodes the character at input_[i] and moves i past it.
  bool next_char(std::size_t& i, Char& out) {
    const auto lead = static_cast<unsigned char>(input_[i]);
    if (lead < 0x80) {
      out = {lead, i++};
      return true;
    }
    std::size_t length;
    char32_t code, least;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, code = lead & 0x1F, least = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, code = lead & 0x0F, least = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, code = lead & 0x07, least = 0x10000;
    } else {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(lead));
      return fail_at_offset(std::string("invalid UTF-8 byte ") + byte, i);
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= input_.size()) return fail_at_offset("truncated UTF-8 sequence", i);
      const auto next = static_cast<unsigned char>(input_[i + k]);
      if ((next & 0xC0) != 0x80) return fail_at_offset("truncated UTF-8 sequence", i);
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms and surrogates would smuggle characters past the checks.
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return fail_at_offset("invalid UTF-8 sequence", i);
    out = {code, i};
    i += length;
    return true;
  }

  bool fail_too_long(std::size_t offset) {
    return fail_at_offset("symbol is longer than " + std::to_string(kMaxSymbolLength) + " characters", offset);
  }

  // Decodes, trims, bounds the length and maps look-alike characters to ASCII.
  bool decode() {
    // Keeps at most one character past the limit, so that memory does not
    // grow with the input.
    std::vector<Char> kept;
    for (std::size_t i = 0; i < input_.size();) {
      Char c;
      if (!next_char(i, c)) return false;
      if (kept.empty() && is_space(c.code)) continue;
      if (kept.size() <= kMaxSymbolLength)
        kept.push_back(c);
      else if (!is_space(c.code))
        return fail_too_long(kept[kMaxSymbolLength].offset);
    }
    std::size_t end = kept.size();
    while (end > 0 && is_space(kept[end - 1].code)) --end;
    if (end == 0) return fail_at_offset("empty symbol", 0);
    if (end > kMaxSymbolLength) return fail_too_long(kept[kMaxSymbolLength].offset);

    Text folded;
    for (std::size_t i = 0; i < end; ++i) {
      const char32_t c = kept[i].code;
      const std::size_t offset = kept[i].offset;
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
        return fail_at_offset("control character " + code_point(c), offset);
      char ascii = 0;
      if (c < 0x7F) {
        ascii = static_cast<char>(c);
      } else if ((c >= 0x2010 && c <= 0x2013) || c == 0x2212) {
        ascii = '-';  // hyphens, figure dash, en dash, minus sign
      } else if (c == 0x00A0 || c == 0x2007 || c == 0x202F) {
        ascii = ' ';  // no-break spaces
      } else {
        return fail_at_offset("non-ASCII character " + code_point(c), offset);
      }
      if (!is_alnum(ascii) && std::string_view("/.-() *").find(ascii) == std::string_view::npos)
        return fail_at_offset(std::string("unexpected character '") + ascii + "'", offset);
      folded.push(ascii, offset);
    }
    folded.offsets.push_back(end < kept.size() ? kept[end].offset : input_.size());
    normalize_spaces(folded);
    return strip_reissue_mark();
  }

  // Drops the spaces OCR leaves after a dot ("CN. 15"), writes the space before
  // a '(' once and collapses or trims spaces inside parentheses. Any other
  // space is kept, once, for the lexer to reject.
  void normalize_spaces(const Text& in) {
    const std::string& c = in.chars;
    int depth = 0;
    for (std::size_t i = 0; i < c.size();) {
      if (c[i] != ' ') {
        if (c[i] == '(') ++depth;
        if (c[i] == ')' && depth > 0) --depth;
        text_.push(c[i], in.offsets[i]);
        ++i;
        continue;
      }
      std::size_t run_end = i;
      while (run_end < c.size() && c[run_end] == ' ') ++run_end;
      const std::string& out = text_.chars;
      const char before = out.empty() ? '\0' : out.back();
      const char after = run_end < c.size() ? c[run_end] : '\0';
      bool keep = true;
      if (depth > 0)
        keep = before != '(' && after != ')';
      else if (before == '.' && out.size() >= 2 && is_alnum(out[out.size() - 2]) && is_alnum(after))
        keep = false;
      if (keep) text_.push(' ', in.offsets[i]);
      i = run_end;
    }
    text_.offsets.push_back(in.offsets.back());
  }

  // A final '*' marks a document reissued for technical reasons.
  bool strip_reissue_mark() {
    if (!text_.chars.empty() && text_.chars.back() == '*') {
      reissued_ = true;
      text_.chars.pop_back();
      text_.offsets.pop_back();  // the '*' becomes the end
    }
    const std::size_t star = text_.chars.find('*');
    if (star != std::string::npos) return fail("'*' (reissued for technical reasons) can only end the symbol", star);
    if (text_.chars.empty()) return fail("empty symbol", 0);
    return true;
  }

  // --- Components ------------------------------------------------------------

  bool split() {
    const std::string& c = text_.chars;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= c.size(); ++i) {
      if (i < c.size() && c[i] != '/') continue;
      if (i == begin) {
        if (i == 0) return fail("symbol starts with '/'", 0);
        if (i == c.size()) return fail("symbol ends with '/'", i - 1);
        return fail("empty component between '//'", i);
      }
      Piece piece;
      piece.begin = begin;
      piece.end = i;
      pieces_.push_back(piece);
      begin = i + 1;
    }
    return true;
  }

  // Separates each component's core from a trailing "(...)" part.
  bool lex_all() {
    for (Piece& piece : pieces_) {
      const std::size_t end = piece.end;
      std::size_t i = piece.begin;
      while (i < end && text_.chars[i] != ' ' && text_.chars[i] != '(' && text_.chars[i] != ')') ++i;
      piece.end = i;
      if (i == end) continue;
      if (text_.chars[i] == ')') return fail("unexpected ')'", i);
      if (text_.chars[i] == ' ') {
        if (i + 1 >= end || text_.chars[i + 1] != '(') return fail("unexpected space", i);
        piece.space_before_paren = true;
        piece.space = i++;
      }
      if (i == piece.begin || piece.end == piece.begin) return fail("unexpected '(' at the start of a component", i);
      piece.has_paren = true;
      piece.paren = i;
      std::size_t close = i + 1;
      while (close < end && text_.chars[close] != ')') {
        if (text_.chars[close] == '(') return fail("unexpected '(' inside '(...)'", close);
        ++close;
      }
      if (close == end) return fail("unclosed '('", i);
      if (close == i + 1) return fail("empty '()'", i);
      if (close + 1 < end) return fail(std::string("unexpected '") + text_.chars[close + 1] + "' after ')'", close + 1);
      piece.inner_begin = i + 1;
      piece.inner_end = close;
    }
    return true;
  }

  // Series first, modifiers from the end, the number just before them.
  bool check_roles() {
    pieces_.front().role = Piece::Role::series;
    if (pieces_.size() == 1) {
      const std::size_t end = pieces_.front().has_paren ? pieces_.front().paren : pieces_.front().end;
      return fail("expected '/' and a document number after the series, e.g. 'A/77/1'", end);
    }
    std::size_t number = pieces_.size() - 1;
    while (number > 0 && !modifier_kind(core(pieces_[number])).empty()) {
      pieces_[number].role = Piece::Role::modifier;
      --number;
    }
    if (number == 0)
      return fail("modifier '" + std::string(core(pieces_[1])) + "' needs a document number before it",
                  pieces_[1].begin);
    pieces_[number].role = Piece::Role::number;
    number_index_ = number;
    return true;
  }

  bool validate_all() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      const Piece& piece = pieces_[i];
      switch (piece.role) {
        case Piece::Role::series:
          if (!validate_series(piece)) return false;
          break;
        case Piece::Role::middle:
          if (!modifier_kind(core(piece)).empty()) {
            if (!validate_modifier(piece, false)) return false;
            return fail("modifier '" + std::string(core(piece)) + "' must come after the document number",
                        piece.begin);
          }
          if (!validate_atoms(piece) || !validate_body_paren(piece)) return false;
          break;
        case Piece::Role::number:
          if (!validate_atoms(piece) || !validate_qualifier(piece)) return false;
          break;
        case Piece::Role::modifier:
          if (!validate_modifier(piece, i + 1 == pieces_.size())) return false;
          break;
      }
    }
    const bool number_has_qualifier = pieces_[number_index_].has_paren;
    if (number_has_qualifier && pieces_.back().has_paren && pieces_.back().role == Piece::Role::modifier)
      return fail("a symbol has at most one '(...)' qualifier", pieces_.back().paren);
    return true;
  }

  bool validate_series(const Piece& piece) {
    const std::string_view s = core(piece);
    if (piece.has_paren) return fail("unexpected '(' in the series", piece.paren);
    const std::size_t dot = s.find('.');
    const std::string_view letters = s.substr(0, dot);
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (is_lower(letters[i]))
        return fail("series '" + std::string(s) + "' must be in capital letters", piece.begin + i);
    }
    // Capital letters, and for UNIDO's series the session after a dot: IDB.50.
    const std::string shape = "series '" + std::string(s) + "' must be capital letters, optionally with '.' and a number";
    if (letters.empty()) return fail(shape, piece.begin);
    for (std::size_t i = 0; i < letters.size(); ++i)
      if (!is_upper(letters[i])) return fail(shape, piece.begin + i);
    if (dot == std::string_view::npos) return true;
    const std::string_view session = s.substr(dot + 1);
    if (!is_number(session)) return fail(shape, piece.begin + dot);
    return validate_number(session, piece.begin + dot + 1);
  }

  // Numbers of any kind: no leading zero, not zero, of a sane length.
  bool validate_number(std::string_view digits, std::size_t index) {
    if (digits.size() > 9) return fail("number '" + std::string(digits) + "' is too long", index);
    if (digits[0] == '0') {
      if (digits.size() == 1) return fail("number must not be zero", index);
      return fail("number '" + std::string(digits) + "' has a leading zero", index);
    }
    return true;
  }

  // A component's core: parts of letters and digits joined by '.' or '-',
  // each starting with a capital letter or a digit ("CN.15", "OzL.Pro.WG.1",
  // "ES-10", "6-7").
  bool validate_atoms(const Piece& piece) {
    const std::string_view s = core(piece);
    std::size_t i = 0;
    while (true) {
      const std::size_t start = i;
      while (i < s.size() && is_alnum(s[i])) ++i;
      const std::string_view atom = s.substr(start, i - start);
      if (atom.empty()) {
        if (start == 0) return fail(std::string("component cannot start with '") + s[0] + "'", piece.begin);
        const char separator = s[start - 1];
        return fail(std::string("'") + separator + "' must be followed by a letter or digit", piece.begin + start - 1);
      }
      if (is_lower(atom[0]))
        return fail("'" + std::string(atom) + "' in '" + std::string(s) + "' must start with a capital letter or a digit",
                    piece.begin + start);
      // Letters ("OzL", "ExCom"), or digits with maybe capitals ("29A"), never mixed further.
      std::size_t k = 0;
      if (is_digit(atom[0])) {
        while (k < atom.size() && is_digit(atom[k])) ++k;
        if (!validate_number(atom.substr(0, k), piece.begin + start)) return false;
        while (k < atom.size() && is_upper(atom[k])) ++k;
      } else {
        while (k < atom.size() && is_letter(atom[k])) ++k;
      }
      if (k < atom.size())
        return fail(std::string("unexpected '") + atom[k] + "' in '" + std::string(s) + "'", piece.begin + start + k);
      if (i == s.size()) return true;
      ++i;  // '.' or '-': the lexer left nothing else in a core
    }
  }

  // "COP(13)", "EX(71)": a body's session or number, attached.
  bool validate_body_paren(const Piece& piece) {
    if (!piece.has_paren) return true;
    if (piece.space_before_paren) return fail("unexpected space", piece.space);
    const std::string_view s = inner(piece);
    for (std::size_t i = 0; i < s.size(); ++i)
      if (!is_alnum(s[i])) return fail(std::string("unexpected '") + s[i] + "' inside '(...)'", piece.inner_begin + i);
    return true;
  }

  // "(2022)", "(XV)", "(Resumption 1)", "(Vol. I)", "(Sect. 29A)", "(Part II)":
  // a number or Roman numeral, maybe after a capitalized word.
  bool validate_qualifier(const Piece& piece) {
    if (!piece.has_paren) return true;
    const std::string_view s = inner(piece);
    if (!is_upper(s[0]) && !is_digit(s[0]))
      return fail("'(" + std::string(s) + ")' must start with a capital letter or a digit", piece.inner_begin);
    const std::size_t space = s.find(' ');
    std::string_view value = s;
    if (space != std::string_view::npos) {
      std::string_view word = s.substr(0, space);
      if (word.back() == '.') word.remove_suffix(1);
      if (word.size() >= 2 && is_upper(word[0]) && all_of(word.substr(1), is_lower)) value = s.substr(space + 1);
    }
    std::size_t digits = 0;
    while (digits < value.size() && is_digit(value[digits])) ++digits;
    const bool number = digits > 0 && (digits == value.size() || (digits + 1 == value.size() && is_upper(value.back())));
    if (!number && !is_roman(value))
      return fail("'(" + std::string(s) + ")' is not a qualifier such as (2022), (XV), (Resumption 1) or (Vol. I)",
                  piece.inner_begin);
    if (number) return validate_number(value.substr(0, digits), piece.inner_begin + (value.data() - s.data()));
    return true;
  }

  bool validate_modifier(const Piece& piece, bool last) {
    const std::string_view s = core(piece);
    const std::string_view kind = modifier_kind(s);
    const std::size_t word = kind.size();
    if (kind == "Summary") {
      if (word < s.size()) return fail("'Summary' takes no number", piece.begin + word);
    } else {
      const std::string name(kind);
      if (word == s.size()) return fail("modifier '" + name + "' needs a number, e.g. '" + name + ".1'", piece.end);
      if (s[word] != '.') return fail("expected '.' after '" + name + "'", piece.begin + word);
      std::size_t i = word + 1;
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i == word + 1) return fail("modifier '" + name + ".' needs a number, e.g. '" + name + ".1'", piece.begin + i);
      if (!validate_number(s.substr(word + 1, i - word - 1), piece.begin + word + 1)) return false;
      if (i < s.size())
        return fail(std::string("unexpected '") + s[i] + "' in modifier '" + std::string(s) + "'", piece.begin + i);
      if (i - word - 1 > 6) return fail("modifier number '" + std::string(s.substr(word + 1)) + "' is too long",
                                        piece.begin + word + 1);
    }
    if (piece.has_paren) {
      if (!last) return fail("'(...)' can only follow the document number or the last modifier", piece.paren);
      return validate_qualifier(piece);
    }
    return true;
  }

  // --- Classification --------------------------------------------------------

  static std::string not_a_modifier(std::string_view s) {
    return "'" + std::string(s) + "' is not a modifier (Add., Amend., Corr., Rev. or Summary)";
  }

  bool classify(Symbol& symbol) {
    const Piece& number_piece = pieces_[number_index_];
    const std::string_view number = core(number_piece);

    // The document number: 1, a range 6-7, or a dotted nature and number L.1.
    const std::size_t dash = number.find('-');
    const std::size_t dot = number.find('.');
    bool plain = false;
    if (is_number(number)) {
      plain = true;
      symbol.number = number;
    } else if (dash != std::string_view::npos && is_number(number.substr(0, dash)) &&
               is_number(number.substr(dash + 1))) {
      if (std::stoul(std::string(number.substr(0, dash))) >= std::stoul(std::string(number.substr(dash + 1))))
        return fail("range '" + std::string(number) + "' must go up", number_piece.begin);
      plain = true;
      symbol.number = number;
    } else if (dot != std::string_view::npos && is_letters(number.substr(0, dot)) &&
               is_number(number.substr(dot + 1))) {
      const std::string_view word = number.substr(0, dot);
      if (!all_of(word, is_upper) && !is_mixed_case_nature(word))
        return fail(not_a_modifier(number), number_piece.begin);
      symbol.nature = std::string(word) + ".";
      symbol.number = number.substr(dot + 1);
    } else if (number.find_first_of("0123456789") == std::string_view::npos) {
      return fail("the symbol must end with a document number, not '" + std::string(number) + "'",
                  number_piece.begin);
    } else {
      return fail("'" + std::string(number) + "' is not a document number", number_piece.begin);
    }

    // Nothing but modifiers follows "L.1", "PV.9000", "SR.10" or "CRP.1".
    for (std::size_t i = 1; i < number_index_; ++i) {
      const std::string_view s = core(pieces_[i]);
      const std::size_t d = s.find('.');
      if (d != std::string_view::npos && is_terminal_nature(s.substr(0, d)) && is_number(s.substr(d + 1)))
        return fail(not_a_modifier(core(pieces_[i + 1])), pieces_[i + 1].begin);
    }

    // A slash nature stands right before the number, or before session and number.
    std::size_t nature = 0, session = 0;  // 0: none
    if (plain && number_index_ >= 2 && is_slash_nature(core(pieces_[number_index_ - 1]))) {
      nature = number_index_ - 1;
    } else if (plain && number_index_ >= 3 && is_slash_nature(core(pieces_[number_index_ - 2]))) {
      const std::string_view s = core(pieces_[number_index_ - 1]);
      if (is_session(s) || is_roman(s)) {
        nature = number_index_ - 2;
        session = number_index_ - 1;
      }
    }
    for (std::size_t i = 1; i < number_index_ && session == 0; ++i)
      if (i != nature && is_session(core(pieces_[i]))) session = i;

    // "A/HRC/50/1/FOO.1": a second bare number before a dotted one means the
    // dotted one was meant as a modifier.
    if (!plain && number_index_ >= 2 && number_index_ - 1 != session && is_number(core(pieces_[number_index_ - 1])))
      return fail(not_a_modifier(number), number_piece.begin);

    symbol.series = core(pieces_[0]);
    symbol.components.push_back({ComponentKind::series, symbol.series});
    for (std::size_t i = 1; i < number_index_; ++i) {
      std::string text(core(pieces_[i]));
      if (pieces_[i].has_paren) text += "(" + std::string(inner(pieces_[i])) + ")";
      if (i == nature) {
        symbol.nature = text + "/";
        symbol.components.push_back({ComponentKind::nature, text});
      } else if (i == session) {
        symbol.session = text;
        symbol.components.push_back({ComponentKind::session, text});
      } else {
        symbol.bodies.push_back(text);
        symbol.components.push_back({ComponentKind::body, text});
      }
    }
    symbol.components.push_back({ComponentKind::number, std::string(number)});
    if (number_piece.has_paren) add_qualifier(symbol, number_piece);

    for (std::size_t i = number_index_ + 1; i < pieces_.size(); ++i) {
      const std::string_view s = core(pieces_[i]);
      Modifier modifier;
      modifier.kind = modifier_kind(s);
      if (modifier.kind != "Summary") modifier.number = std::stoi(std::string(s.substr(modifier.kind.size() + 1)));
      std::string text = modifier.kind;
      if (modifier.number != 0) text += "." + std::to_string(modifier.number);
      // Stacked modifiers alternate (Rev.2/Add.99/Rev.4); "Rev.1/Rev.2" is one too many.
      if (!symbol.modifiers.empty() && symbol.modifiers.back().kind == modifier.kind)
        return fail("'" + text + "' directly follows another '" + modifier.kind + "'", pieces_[i].begin);
      symbol.modifiers.push_back(modifier);
      symbol.components.push_back({ComponentKind::modifier, text});
      if (pieces_[i].has_paren) add_qualifier(symbol, pieces_[i]);
    }
    symbol.reissued = reissued_;
    return true;
  }

  void add_qualifier(Symbol& symbol, const Piece& piece) {
    symbol.qualifier = inner(piece);
    symbol.components.push_back({ComponentKind::qualifier, symbol.qualifier});
  }

  // The normalized text, rebuilt from the components.
  static void assemble(Symbol& symbol) {
    std::string& text = symbol.text;
    for (const Component& component : symbol.components) {
      if (component.kind == ComponentKind::qualifier) {
        text += " (" + component.text + ")";
        continue;
      }
      if (!text.empty()) text += '/';
      text += component.text;
    }
  }

  std::string_view input_;
  Text text_;
  std::vector<Piece> pieces_;
  std::size_t number_index_ = 0;
  bool reissued_ = false;
  std::optional<ParseError> error_;
};

struct Organ {
  std::string_view series;
  std::string_view name;
};

// Principal organs first, then series of the bodies that have their own.
constexpr Organ kOrgans[] = {
    {"A", "General Assembly"},
    {"S", "Security Council"},
    {"E", "Economic and Social Council"},
    {"T", "Trusteeship Council"},
    {"ST", "Secretariat"},
    {"CAT", "Committee against Torture"},
    {"CBD", "Convention on Biological Diversity"},
    {"CCPR", "Human Rights Committee"},
    {"CED", "Committee on Enforced Disappearances"},
    {"CEDAW", "Committee on the Elimination of Discrimination against Women"},
    {"CERD", "Committee on the Elimination of Racial Discrimination"},
    {"CMW", "Committee on Migrant Workers"},
    {"CRC", "Committee on the Rights of the Child"},
    {"CRPD", "Committee on the Rights of Persons with Disabilities"},
    {"CTOC", "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"},
    {"DP", "Executive Board of UNDP, UNFPA and UNOPS"},
    {"ECE", "Economic Commission for Europe"},
    {"FCCC", "United Nations Framework Convention on Climate Change"},
    {"HRI", "International Human Rights Instruments"},
    {"HSP", "United Nations Human Settlements Programme"},
    {"ICCD", "United Nations Convention to Combat Desertification"},
    {"IDB", "Industrial Development Board of UNIDO"},
    {"TD", "United Nations Conference on Trade and Development"},
    {"UNEP", "United Nations Environment Programme"},
    {"UNW", "Executive Board of UN-Women"},
};

}  // namespace

std::string_view to_string(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::series: return "series";
    case ComponentKind::body: return "body";
    case ComponentKind::session: return "session";
    case ComponentKind::nature: return "nature";
    case ComponentKind::number: return "number";
    case ComponentKind::modifier: return "modifier";
    case ComponentKind::qualifier: return "qualifier";
  }
  return "";
}

ParseResult parse(std::string_view text) { return Parser(text).run(); }

std::string akoma_ntoso_form(const Symbol& symbol) {
  const std::string& text = symbol.text;
  std::string out;
  bool in_paren = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '/') {
      out += '-';
    } else if (c == '(') {
      out += '_';
      in_paren = true;
    } else if (c == ')') {
      in_paren = false;
    } else if (c == ' ') {
      // " (" and ". " vanish; other spaces inside a qualifier become '_'.
      const bool before_paren = i + 1 < text.size() && text[i + 1] == '(';
      if (in_paren && !before_paren && i > 0 && text[i - 1] != '.') out += '_';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view organ_name(std::string_view series) {
  const std::string_view letters = series.substr(0, series.find('.'));
  for (const Organ& organ : kOrgans)
    if (organ.series == letters) return organ.name;
  return {};
}

}  // namespace plenary::symbol
