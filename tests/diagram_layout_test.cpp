// The organisation diagram's layout by Graphviz: on the coordinates it writes, no arrow crosses a
// box other than its two ends, and the same site gives the same bytes.
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "config/config.h"
#include "content/content.h"
#include "site/site.h"
#include "support.h"
#include "view/diagrams.h"
#include "view/graph_layout.h"

using namespace hb;
using namespace hb::test;

#ifdef HANDBOOK_SANITIZE
// Graphviz 2.43 leaks the list of engines that its message for an unknown engine names (the test
// of that error below); LeakSanitizer reads this hook of the program's.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:gvplugin_list\n";
}
#endif

namespace {

bool inside(const LayoutBox& b, LayoutPoint p, double slack) {
  return p.x > b.x + slack && p.x < b.x + b.w - slack && p.y > b.y + slack &&
         p.y < b.y + b.h - slack;
}

// Distance from `p` to the border of `b` (0 on it).
double to_border(const LayoutBox& b, LayoutPoint p) {
  double dx = std::max({b.x - p.x, 0.0, p.x - (b.x + b.w)});
  double dy = std::max({b.y - p.y, 0.0, p.y - (b.y + b.h)});
  if (dx > 0 || dy > 0) return std::hypot(dx, dy);
  return std::min({p.x - b.x, b.x + b.w - p.x, p.y - b.y, b.y + b.h - p.y});
}

// The boxes that a route crosses, its two ends left out: a box an arrow passes through by more
// than a pixel (the coordinates are rounded to a tenth).
std::vector<size_t> crossed(const std::vector<LayoutBox>& boxes, const EdgeRoute& route,
                            size_t from, size_t to) {
  std::vector<size_t> out;
  auto points = sample_route(route, 400);
  for (size_t k = 0; k < boxes.size(); ++k) {
    if (k == from || k == to) continue;
    for (auto& p : points)
      if (inside(boxes[k], p, 1.0)) {
        out.push_back(k);
        break;
      }
  }
  return out;
}

// The box whose border `p` lies on; boxes.size() when none or more than one.
size_t box_at(const std::vector<LayoutBox>& boxes, LayoutPoint p) {
  size_t found = boxes.size(), n = 0;
  for (size_t k = 0; k < boxes.size(); ++k)
    if (to_border(boxes[k], p) < 1.5) found = k, ++n;
  return n == 1 ? found : boxes.size();
}

std::vector<double> numbers(const std::string& d) {
  std::vector<double> out;
  std::string s = d;
  for (char& c : s)
    if (c == ',' || std::isalpha(static_cast<unsigned char>(c))) c = ' ';
  std::istringstream in(s);
  for (double v; in >> v;)
    out.push_back(v);
  return out;
}

// The boxes and the arrows (curve and tip) that an organisation diagram's SVG draws.
struct Drawing {
  std::vector<LayoutBox> boxes;
  std::vector<EdgeRoute> routes;
};

void read_svg(const tinyxml2::XMLElement* e, Drawing& d) {
  std::string tag = e->Name(), cls = e->Attribute("class") ? e->Attribute("class") : "";
  if (cls == "legend") return;
  if (tag == "rect" && cls.starts_with("box "))
    d.boxes.push_back({e->DoubleAttribute("x"), e->DoubleAttribute("y"),
                       e->DoubleAttribute("width"), e->DoubleAttribute("height")});
  if (tag == "path" && cls == "edge") {
    auto v = numbers(e->Attribute("d"));
    d.routes.emplace_back();
    for (size_t k = 0; k + 1 < v.size(); k += 2)
      d.routes.back().curve.push_back({v[k], v[k + 1]});
  }
  if (tag == "path" && cls == "arrow") {
    auto v = numbers(e->Attribute("d"));
    REQUIRE(v.size() == 6);
    REQUIRE(!d.routes.empty());
    d.routes.back().tip = {v[0], v[1]};
  }
  for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
    read_svg(c, d);
}

Drawing drawing_of(const std::string& html) {
  tinyxml2::XMLDocument doc;
  REQUIRE(doc.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
  Drawing d;
  read_svg(doc.RootElement()->FirstChildElement("svg"), d);
  return d;
}

// Each arrow starts on one box and points at another, and crosses no third box.
void check_no_crossing(const Drawing& d) {
  for (size_t r = 0; r < d.routes.size(); ++r) {
    const EdgeRoute& route = d.routes[r];
    CAPTURE(r);
    REQUIRE(route.curve.size() >= 4);
    size_t from = box_at(d.boxes, route.curve.front()), to = box_at(d.boxes, route.tip);
    CHECK(from < d.boxes.size());
    CHECK(to < d.boxes.size());
    CHECK(from != to);
    CHECK(crossed(d.boxes, route, from, to).empty());
  }
}

struct BundledSite {
  SiteConfig config;
  Site site;
  explicit BundledSite(const std::string& profile) {
    Diagnostics d;
    config = load_config(source_dir(), d);
    const ProfileSpec* p = config.profile(profile);
    REQUIRE(p);
    site = build_site(config, *p, load_pages(config, {profile == "internal", 1}, d), d);
    REQUIRE(d.error_count() == 0);
  }
};

// Three boxes in a row and an arrow from the first to the last: a straight line would pass
// through the middle one. And a fan of arrows into one box, past the boxes of the rank between.
GraphSpec row_and_fan() {
  GraphSpec g;
  for (int r : {0, 1, 2})
    g.nodes.push_back({168, 40, r});
  g.edges = {{0, 1}, {1, 2}, {0, 2}};
  for (int k = 0; k < 4; ++k)
    g.nodes.push_back({168, 50, 1});
  g.nodes.push_back({168, 40, 2});
  for (int k = 3; k < 7; ++k)
    g.edges.push_back({0, 7}), g.edges.push_back({k, 7});
  return g;
}

}  // namespace

TEST_CASE("a synthetic graph's arrows go around the boxes that a straight line would cross") {
  GraphSpec g = row_and_fan();
  GraphLayout layout = layout_graph(g);
  REQUIRE(layout.boxes.size() == g.nodes.size());
  REQUIRE(layout.routes.size() == g.edges.size());
  size_t straight_crossings = 0;
  for (size_t e = 0; e < g.edges.size(); ++e) {
    CAPTURE(e);
    auto from = static_cast<size_t>(g.edges[e].from), to = static_cast<size_t>(g.edges[e].to);
    const EdgeRoute& route = layout.routes[e];
    // A straight line between the boxes' centres, for comparison.
    const LayoutBox &a = layout.boxes[from], &b = layout.boxes[to];
    LayoutPoint p{a.x + a.w / 2, a.y + a.h / 2}, q{b.x + b.w / 2, b.y + b.h / 2};
    EdgeRoute straight{{p, p, q, q}, q};
    straight_crossings += crossed(layout.boxes, straight, from, to).size();
    CHECK(crossed(layout.boxes, route, from, to).empty());
    CHECK(to_border(a, route.curve.front()) < 1.0);
    CHECK(to_border(b, route.tip) < 1.0);
  }
  CHECK(straight_crossings > 0);  // the test can fail: straight lines would cross boxes
}

TEST_CASE("the same graph is laid out to the same coordinates") {
  GraphLayout a = layout_graph(row_and_fan()), b = layout_graph(row_and_fan());
  REQUIRE(a.routes.size() == b.routes.size());
  for (size_t e = 0; e < a.routes.size(); ++e)
    CHECK(route_path(a.routes[e]) == route_path(b.routes[e]));
}

TEST_CASE("a layout engine that Graphviz lacks is a clear error") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  GraphSpec g = row_and_fan();
  g.engine = "nosuchengine";
  CHECK_THROWS_WITH(layout_graph(g),
                    "Graphviz has no layout engine 'nosuchengine' to lay out a diagram: install it "
                    "with 'apt-get install -y libgvc6', or register the installed plugins with "
                    "'libgvc6-config-update -c'");
  CHECK(layout_graph(row_and_fan()).routes.size() == 11);  // and the next layout still works
}

TEST_CASE("the bundled organisation diagram: no arrow crosses a box other than its ends") {
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    BundledSite b(profile);
    std::string html = organisation_diagram(b.site, "");
    Drawing d = drawing_of(html);
    CHECK(d.boxes.size() >= 20);
    CHECK(d.routes.size() >= 15);
    check_no_crossing(d);
    CHECK(html.find("<marker") == std::string::npos);
    CHECK(html.find("Pilen går fra en rolle til den, rollen svarer til") != std::string::npos);
    CHECK(organisation_diagram(b.site, "") == html);
  }
}

TEST_CASE("two runs of the program write the same organisation diagram") {
  TempDir tmp;
  std::string roles;
  for (std::string out : {"a", "b"}) {
    std::string cmd = std::string(HANDBOOK_BINARY) + " build --no-pdf --site '" +
                      source_dir().string() + "' --profile public --out '" + (tmp / out).string() +
                      "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
  std::string a = read_text(tmp / "a/roles/index.html"), b = read_text(tmp / "b/roles/index.html");
  CHECK(a.find("id=\"organisationsdiagram\"") != std::string::npos);
  CHECK(a == b);
}
