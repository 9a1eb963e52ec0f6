#include "web/http.h"

#include <gtest/gtest.h>

#include <string>

namespace plenary::web {
namespace {

Request with_header(const std::string& name, const std::string& value) {
  Request request;
  request.headers[name] = value;
  return request;
}

TEST(Request, FindsHeadersByLowercaseName) {
  const Request request = with_header("content-type", "application/json");
  ASSERT_NE(request.header("content-type"), nullptr);
  EXPECT_EQ(*request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("accept"), nullptr);
  EXPECT_EQ(Request().header(""), nullptr);
}

TEST(Request, ReadsCookies) {
  const Request request =
      with_header("cookie", "theme=dark; plenary_session=abc=def;plenary_login=xyz;  empty=");
  EXPECT_EQ(request.cookie("plenary_session"), "abc=def");
  EXPECT_EQ(request.cookie("plenary_login"), "xyz");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("empty"), "");
  EXPECT_EQ(request.cookie("missing"), std::nullopt);
  // A name is matched whole: neither a prefix nor a suffix of another.
  EXPECT_EQ(request.cookie("plenary"), std::nullopt);
  EXPECT_EQ(request.cookie("session"), std::nullopt);
  EXPECT_EQ(with_header("cookie", "xplenary_session=1").cookie("plenary_session"), std::nullopt);
  EXPECT_EQ(Request().cookie("plenary_session"), std::nullopt);
  EXPECT_EQ(with_header("cookie", "").cookie("a"), std::nullopt);
  EXPECT_EQ(with_header("cookie", ";;;=;").cookie("a"), std::nullopt);
  EXPECT_EQ(with_header("cookie", "novalue").cookie("novalue"), std::nullopt);
  // The first of two cookies of one name.
  EXPECT_EQ(with_header("cookie", "a=1; a=2").cookie("a"), "1");
}

TEST(Request, DecodesForms) {
  Request request;
  request.body = "name=Ana+Mar%C3%ADa&password=p%26ss%3Dword&csrf=&empty";
  const Params form = request.form();
  EXPECT_EQ(form.at("name"), "Ana María");
  EXPECT_EQ(form.at("password"), "p&ss=word");
  EXPECT_EQ(form.at("csrf"), "");
  EXPECT_EQ(form.at("empty"), "");
  EXPECT_EQ(form.size(), 4u);
}

TEST(UrlDecode, DecodesEscapesAndRefusesMalformedOnes) {
  EXPECT_EQ(url_decode("a%20b%2Fc", false), "a b/c");
  EXPECT_EQ(url_decode("a+b", false), "a+b");
  EXPECT_EQ(url_decode("a+b", true), "a b");
  EXPECT_EQ(url_decode("%e2%82%AC", false), "\xE2\x82\xAC");
  EXPECT_EQ(url_decode("%00", false), std::string(1, '\0'));
  EXPECT_EQ(url_decode("", false), "");
  EXPECT_EQ(url_decode("%", false), std::nullopt);
  EXPECT_EQ(url_decode("%4", false), std::nullopt);
  EXPECT_EQ(url_decode("abc%4", false), std::nullopt);
  EXPECT_EQ(url_decode("%G1", false), std::nullopt);
  EXPECT_EQ(url_decode("%1G", false), std::nullopt);
  EXPECT_EQ(url_decode("%%41", false), std::nullopt);
  EXPECT_EQ(url_decode("%41", false), "A");
  EXPECT_EQ(url_decode("x%41", false), "xA");
}

TEST(UrlEncode, EscapesAllButUnreservedCharacters) {
  EXPECT_EQ(url_encode("CTOC/COP/WG.7 ~_-"), "CTOC%2FCOP%2FWG.7%20~_-");
  EXPECT_EQ(url_encode("é&=+"), "%C3%A9%26%3D%2B");
  EXPECT_EQ(url_encode(std::string("\0\xFF", 2)), "%00%FF");
  EXPECT_EQ(url_encode(""), "");
  const std::string all = [] {
    std::string bytes;
    for (int c = 0; c < 256; ++c) bytes += static_cast<char>(c);
    return bytes;
  }();
  EXPECT_EQ(url_decode(url_encode(all), false), all);
  EXPECT_EQ(url_decode(url_encode(all), true), all);
}

TEST(ParseQuery, SkipsMalformedPairs) {
  const Params query = parse_query("a=1&b=x%20y&&=nameless&bad=%G0&c&a=2&d=%2B+");
  EXPECT_EQ(query.at("a"), "2") << "the last of a repeated name wins";
  EXPECT_EQ(query.at("b"), "x y");
  EXPECT_EQ(query.at("c"), "");
  EXPECT_EQ(query.at("d"), "+ ");
  EXPECT_EQ(query.count("bad"), 0u);
  EXPECT_EQ(query.count(""), 0u);
  EXPECT_EQ(query.size(), 4u);
  EXPECT_TRUE(parse_query("").empty());
  EXPECT_TRUE(parse_query("&&&").empty());
  EXPECT_EQ(parse_query(std::string(100000, '&') + "x=1").at("x"), "1");
}

TEST(Utf8Problem, NamesTheFirstBadByte) {
  EXPECT_EQ(utf8_problem("plain ASCII"), std::nullopt);
  EXPECT_EQ(utf8_problem("Вена 维也纳 فيينا"), std::nullopt);
  EXPECT_EQ(utf8_problem(""), std::nullopt);
  EXPECT_EQ(utf8_problem("ab\xFF"), "invalid UTF-8 at byte 2");
  EXPECT_EQ(utf8_problem("\xC3\x28"), "invalid UTF-8 at byte 0");
  EXPECT_TRUE(utf8_problem("\xC0\xAF")) << "an overlong '/'";
  EXPECT_TRUE(utf8_problem("\xED\xA0\x80")) << "a surrogate";
  EXPECT_TRUE(utf8_problem("\xE2\x82")) << "a truncated sequence";
  EXPECT_TRUE(utf8_problem("\xF4\x90\x80\x80")) << "beyond U+10FFFF";
}

TEST(Responses, JsonErrorsNameTheirField) {
  const Response error = json_error(422, "the title is too long", "items[1].title.fr");
  EXPECT_EQ(error.status, 422);
  EXPECT_EQ(error.headers.at("content-type"), "application/json; charset=utf-8");
  const nlohmann::json body = nlohmann::json::parse(error.body);
  EXPECT_EQ(body["error"]["status"], 422);
  EXPECT_EQ(body["error"]["message"], "the title is too long");
  EXPECT_EQ(body["error"]["field"], "items[1].title.fr");
  EXPECT_FALSE(nlohmann::json::parse(json_error(404, "no such thing").body)["error"].contains("field"));
}

TEST(Responses, JsonNeverThrowsOnBadUtf8) {
  const Response response = json_response(200, {{"text",
                                                 "a\xFF"
                                                 "b"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(utf8_problem(response.body));
  EXPECT_EQ(nlohmann::json::parse(response.body)["text"],
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Responses, HtmlRedirectAndSecurityHeaders) {
  const Response html = html_response(404, "<p>no</p>");
  EXPECT_EQ(html.status, 404);
  EXPECT_EQ(html.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(html.body, "<p>no</p>");
  const Response moved = redirect("/fr/");
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(moved.headers.at("location"), "/fr/");
  EXPECT_EQ(redirect("/fr/", 301).status, 301);

  Response response;
  add_security_headers(response);
  EXPECT_NE(response.headers.at("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(response.headers.at("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(response.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.headers.at("x-frame-options"), "DENY");
}

}  // namespace
}  // namespace plenary::web
