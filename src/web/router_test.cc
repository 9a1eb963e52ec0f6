#include "web/router.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plenary::web {
namespace {

Request request(const std::string& method, const std::string& path) {
  Request out;
  out.method = method;
  out.path = path;
  return out;
}

// A handler that answers which route it is and what it captured.
Handler answer(const std::string& name) {
  return [name](const Request&, const RouteParams& params) {
    Response response;
    response.body = name;
    for (const auto& [key, value] : params) response.body += " " + key + "=" + value;
    return response;
  };
}

TEST(SplitPath, KeepsEmptySegmentsSoTrailingSlashesCount) {
  EXPECT_EQ(split_path("/a/b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("/a/b/"), (std::vector<std::string>{"a", "b", ""}));
  EXPECT_EQ(split_path("/"), (std::vector<std::string>{""}));
  EXPECT_EQ(split_path(""), (std::vector<std::string>{""}));
  EXPECT_EQ(split_path("//"), (std::vector<std::string>{"", ""}));
  EXPECT_EQ(split_path("a/b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split_path("/a/../b"), (std::vector<std::string>{"a", "..", "b"}));
}

TEST(IsApiPath, OnlyUnderApi) {
  EXPECT_TRUE(is_api_path("/api/v1/meetings"));
  EXPECT_TRUE(is_api_path("/api/"));
  EXPECT_FALSE(is_api_path("/api"));
  EXPECT_FALSE(is_api_path("/apis/x"));
  EXPECT_FALSE(is_api_path("/en/api/x"));
  EXPECT_FALSE(is_api_path(""));
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/api/v1/meetings", answer("list"));
    router_.add("POST", "/api/v1/meetings", answer("create"));
    router_.add("GET", "/api/v1/meetings/{id}", answer("meeting"));
    router_.add("PATCH", "/api/v1/meetings/{id}/items/{key}", answer("item"));
    router_.add("GET", "/{lang}/", answer("index"));
    router_.add("GET", "/edit/", answer("edit"));
    router_.add("GET", "/{lang}", answer("language"));
  }
  Router router_;
};

TEST_F(RouterTest, CapturesSegments) {
  EXPECT_EQ(router_.route(request("GET", "/api/v1/meetings/12")).body, "meeting id=12");
  EXPECT_EQ(router_.route(request("PATCH", "/api/v1/meetings/3/items/1 (a)")).body, "item id=3 key=1 (a)");
  // A capture is one whole segment, never empty and never two.
  EXPECT_EQ(router_.route(request("GET", "/api/v1/meetings/")).status, 404);
  EXPECT_EQ(router_.route(request("GET", "/api/v1/meetings/1/2")).status, 404);
  EXPECT_EQ(router_.route(request("GET", "/api/v1/meetings//")).status, 404);
}

TEST_F(RouterTest, PrefersTheRouteWithMoreLiterals) {
  EXPECT_EQ(router_.route(request("GET", "/edit/")).body, "edit");
  EXPECT_EQ(router_.route(request("GET", "/fr/")).body, "index lang=fr");
  EXPECT_EQ(router_.route(request("GET", "/fr")).body, "language lang=fr");
  EXPECT_EQ(router_.route(request("GET", "/edit")).body, "language lang=edit");
}

TEST_F(RouterTest, AnswersUnknownPathsAndMethods) {
  // Under /api/ the 404 is JSON; elsewhere the application makes the page.
  const Response api = router_.route(request("GET", "/api/v1/nothing"));
  EXPECT_EQ(api.status, 404);
  EXPECT_NE(api.body.find("\"message\""), std::string::npos) << api.body;
  const Response page = router_.route(request("GET", "/a/b/c"));
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(page.body.empty());

  const Response not_allowed = router_.route(request("DELETE", "/api/v1/meetings"));
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.headers.at("allow"), "GET, POST");
  EXPECT_NE(not_allowed.body.find("use GET, POST"), std::string::npos) << not_allowed.body;
  EXPECT_EQ(router_.route(request("PUT", "/api/v1/meetings/1")).headers.at("allow"), "GET");
  // Methods are case-sensitive, as HTTP says.
  EXPECT_EQ(router_.route(request("get", "/api/v1/meetings")).status, 405);
  EXPECT_EQ(router_.route(request("", "/api/v1/meetings")).status, 405);
}

TEST_F(RouterTest, AnswersHeadAsGet) {
  // The body stays, so that the transport can send GET's Content-Length.
  const Response head = router_.route(request("HEAD", "/api/v1/meetings/5"));
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, router_.route(request("GET", "/api/v1/meetings/5")).body);
  EXPECT_EQ(router_.route(request("HEAD", "/api/v1/meetings/5/items/2")).status, 405);
}

TEST_F(RouterTest, ListsItsRoutesInTheOrderAdded) {
  const auto routes = router_.routes();
  ASSERT_EQ(routes.size(), 7u);
  EXPECT_EQ(routes[0], (std::pair<std::string, std::string>{"GET", "/api/v1/meetings"}));
  EXPECT_EQ(routes[3], (std::pair<std::string, std::string>{"PATCH", "/api/v1/meetings/{id}/items/{key}"}));
  EXPECT_EQ(routes[4], (std::pair<std::string, std::string>{"GET", "/{lang}/"}));
  EXPECT_EQ(routes[6], (std::pair<std::string, std::string>{"GET", "/{lang}"}));
  EXPECT_TRUE(Router().routes().empty());
}

TEST(Router, PassesTheRequestToTheHandler) {
  Router router;
  router.add("POST", "/echo", [](const Request& in, const RouteParams&) {
    Response response;
    response.body = in.body;
    return response;
  });
  Request echo = request("POST", "/echo");
  echo.body = std::string("a\0b", 3);
  EXPECT_EQ(router.route(echo).body, std::string("a\0b", 3));
  // "{}" is a literal segment, not a capture without a name.
  router.add("GET", "/x/{}", answer("braces"));
  EXPECT_EQ(router.route(request("GET", "/x/{}")).body, "braces");
  EXPECT_EQ(router.route(request("GET", "/x/y")).status, 404);
}

TEST(Router, HandlesLongAndOddPaths) {
  Router router;
  router.add("GET", "/files/{name}", answer("file"));
  const std::string long_name(100000, 'a');
  EXPECT_EQ(router.route(request("GET", "/files/" + long_name)).body, "file name=" + long_name);
  EXPECT_EQ(router.route(request("GET", std::string(10000, '/'))).status, 404);
  EXPECT_EQ(router.route(request("GET", "/files/\xFF\xFE")).body, "file name=\xFF\xFE");
  EXPECT_EQ(router.route(request("GET", std::string("/files/a\0b", 10))).body,
            std::string("file name=a\0b", 13));
}

}  // namespace
}  // namespace plenary::web
