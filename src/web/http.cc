#include "web/http.h"

#include <cctype>
#include <string>

#include "text/utf8.h"

namespace plenary::web {

const std::string* Request::header(const std::string& lowercase_name) const {
  auto found = headers.find(lowercase_name);
  return found == headers.end() ? nullptr : &found->second;
}

std::optional<std::string> Request::cookie(const std::string& name) const {
  const std::string* all = header("cookie");
  if (!all) return std::nullopt;
  std::string_view rest = *all;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(';'), rest.size());
    std::string_view pair = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name)
      return std::string(pair.substr(equals + 1));
  }
  return std::nullopt;
}

Params Request::form() const { return parse_query(body); }

Response json_response(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.set("content-type", "application/json; charset=utf-8");
  // Invalid UTF-8 never reaches a response: inputs are checked first, and
  // `replace` keeps a stray byte from turning an answer into an exception.
  response.body = body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return response;
}

Response json_error(int status, const std::string& message, const std::string& field) {
  nlohmann::json error{{"status", status}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return json_response(status, {{"error", error}});
}

Response html_response(int status, std::string html) {
  Response response;
  response.status = status;
  response.set("content-type", "text/html; charset=utf-8");
  response.body = std::move(html);
  return response;
}

Response redirect(const std::string& location, int status) {
  Response response;
  response.status = status;
  response.set("location", location);
  return response;
}

void add_security_headers(Response& response) {
  response.set("content-security-policy",
               "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.set("x-content-type-options", "nosniff");
  response.set("x-frame-options", "DENY");
  response.set("referrer-policy", "same-origin");
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

Params parse_query(std::string_view text) {
  Params params;
  while (!text.empty()) {
    const size_t end = std::min(text.find('&'), text.size());
    const std::string_view pair = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const size_t equals = pair.find('=');
    auto name = url_decode(pair.substr(0, equals), true);
    auto value = url_decode(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (name && value && !name->empty()) params[*name] = *value;
  }
  return params;
}

std::optional<std::string> utf8_problem(std::string_view text) {
  const size_t bad = invalid_utf8_offset(text);
  if (bad == std::string_view::npos) return std::nullopt;
  return "invalid UTF-8 at byte " + std::to_string(bad);
}

}  // namespace plenary::web
