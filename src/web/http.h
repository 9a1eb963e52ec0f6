// Requests and responses as plain values, so the application is a function
// from one to the other: tests call it without sockets, and server.cc is
// the only file that knows cpp-httplib.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace plenary::web {

// Header names are case-insensitive; we keep them lowercase.
using Headers = std::map<std::string, std::string>;
using Params = std::map<std::string, std::string>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query: "/fr/meetings/1"
  Params query;        // decoded query parameters; the last of a repeated name wins
  Headers headers;     // lowercase names
  std::string body;
  std::string remote_address;

  const std::string* header(const std::string& lowercase_name) const;
  // The value of cookie `name`, if the Cookie header has it.
  std::optional<std::string> cookie(const std::string& name) const;
  // The body of an application/x-www-form-urlencoded POST, decoded.
  Params form() const;
};

struct Response {
  int status = 200;
  Headers headers;  // lowercase names
  std::string body;

  void set(const std::string& name, const std::string& value) { headers[name] = value; }
};

// The error every API endpoint answers: {"error": {"status", "message", "field"}}.
// `field` names the offending input ("items[2].title.fr", "based_on_version")
// and is left out when no single field is at fault.
Response json_error(int status, const std::string& message, const std::string& field = "");
Response json_response(int status, const nlohmann::json& body);
Response html_response(int status, std::string html);
Response redirect(const std::string& location, int status = 303);

// Sets the headers every response carries, whoever made it (the
// application, or the HTTP layer refusing a request): a Content-Security-
// Policy that forbids framing and foreign scripts, nosniff, and no referrer
// to other sites.
void add_security_headers(Response& response);

// Percent-decoding of a URL component; '+' is a space when `plus_is_space`.
// Returns nothing for a malformed escape ("%G1", "%4").
std::optional<std::string> url_decode(std::string_view text, bool plus_is_space);
std::string url_encode(std::string_view text);
// "a=1&b=x%20y" -> {a: 1, b: "x y"}; malformed pairs are skipped.
Params parse_query(std::string_view text);

// Why `text` is not valid UTF-8 ("invalid UTF-8 at byte 12"), or nothing.
std::optional<std::string> utf8_problem(std::string_view text);

}  // namespace plenary::web
