// The secretariat's pages under /edit/: server-rendered forms that work
// without JavaScript and call the same edits as the JSON API.
#include <fmt/format.h>

#include "auth/permissions.h"
#include "web/pages.h"
#include "web/services.h"

namespace plenary::web {

void add_editor_routes(Services& services) {
  Router& r = services.router;

  r.add("GET", "/edit/", [&services](const Request& request, const RouteParams&) {
    Call call(services, request);
    if (!call.caller().user) return redirect("/login", 303);
    const store::User& user = call.user();
    std::string body = "<h1>Meetings</h1>\n<ul class=\"meetings\">\n";
    for (const store::MeetingSummary& m : call.store->meetings()) {
      if (!auth::may_read_drafts(user, m.body)) continue;
      body += fmt::format("<li><a href=\"/edit/meetings/{}\">{}</a> ({}, version {}{})</li>\n", m.id,
                          escape_html(m.symbol), escape_html(m.body), m.version, m.published ? ", published" : "");
    }
    body += "</ul>\n";
    Response response = html_response(200, render_page({"en", "Meetings", {}, body}, services.catalog("en")));
    response.set("cache-control", "no-store");
    return response;
  });
}

}  // namespace plenary::web
