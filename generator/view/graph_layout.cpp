#include "graph_layout.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <string>

#include "base/messages.h"

namespace hb {

namespace {

// Graphviz keeps global state (its error level, the attribute dictionaries), so one layout
// runs at a time, with one context for the process.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

GVC_t* context() {
  static GVC_t* gvc = [] {
    agseterr(AGMAX);  // no messages on stderr: a failed layout is an exception
    return gvContext();
  }();
  return gvc;
}

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

std::string inches(double points) {
  return std::to_string(std::max(points, 0.72) / 72.0);  // Graphviz's least size is 0.01 inch
}

Agnode_t* add_node(Agraph_t* g, const std::string& name, double width, double height) {
  Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 1);
  set(n, "shape", "box");
  set(n, "fixedsize", "true");
  set(n, "label", "");
  set(n, "width", inches(width));
  set(n, "height", inches(height));
  return n;
}

// The graph as dot sees it: one subgraph of rank=same for each rank, held in their order by a
// chain of invisible anchors. An edge runs from the lower rank to the higher (or, within a rank,
// from `to` to `from`), so that the ranks follow the groups; `reversed` says which.
struct Built {
  Agraph_t* g = nullptr;
  std::vector<Agnode_t*> nodes;
  std::vector<Agedge_t*> edges;
  std::vector<bool> reversed;
};

Built build(const GraphSpec& spec) {
  Built b;
  b.g = agopen(const_cast<char*>("g"), Agdirected, nullptr);
  set(b.g, "rankdir", "LR");
  set(b.g, "nodesep", "0.3");
  set(b.g, "ranksep", "1.1");
  set(b.g, "splines", "spline");
  int max_rank = 0;
  for (auto& n : spec.nodes)
    max_rank = std::max(max_rank, n.rank);
  std::vector<Agraph_t*> ranks;
  Agnode_t* previous = nullptr;
  for (int r = 0; r <= max_rank; ++r) {
    std::string name = "rank" + std::to_string(r);
    Agraph_t* sub = agsubg(b.g, const_cast<char*>(name.c_str()), 1);
    set(sub, "rank", "same");
    Agnode_t* anchor = add_node(sub, "anchor" + std::to_string(r), 0, 0);
    set(anchor, "style", "invis");
    if (previous) {
      Agedge_t* e = agedge(b.g, previous, anchor, nullptr, 1);
      set(e, "style", "invis");
      set(e, "weight", "0");
    }
    previous = anchor;
    ranks.push_back(sub);
  }
  for (size_t k = 0; k < spec.nodes.size(); ++k) {
    const auto& n = spec.nodes[k];
    b.nodes.push_back(add_node(ranks[static_cast<size_t>(std::max(n.rank, 0))],
                               "n" + std::to_string(k), n.width, n.height));
  }
  for (auto& e : spec.edges) {
    const auto &from = spec.nodes[static_cast<size_t>(e.from)],
               &to = spec.nodes[static_cast<size_t>(e.to)];
    bool reversed = to.rank <= from.rank;
    Agnode_t* tail = b.nodes[static_cast<size_t>(reversed ? e.to : e.from)];
    Agnode_t* head = b.nodes[static_cast<size_t>(reversed ? e.from : e.to)];
    Agedge_t* edge = agedge(b.g, tail, head, nullptr, 1);
    set(edge, "dir", reversed ? "back" : "forward");
    b.edges.push_back(edge);
    b.reversed.push_back(reversed);
  }
  return b;
}

EdgeRoute route_of(Agedge_t* e, bool reversed, const boxf& bb, double margin, double top) {
  EdgeRoute r;
  if (!ED_spl(e) || ED_spl(e)->size < 1) throw std::runtime_error(msg("graphviz_no_route"));
  const bezier& bz = ED_spl(e)->list[0];
  auto at = [&](pointf p) {
    return LayoutPoint{p.x - bb.LL.x + margin, bb.UR.y - p.y + margin + top};
  };
  for (int k = 0; k < bz.size; ++k)
    r.curve.push_back(at(bz.list[reversed ? bz.size - 1 - k : k]));
  if (reversed ? bz.sflag : bz.eflag)
    r.tip = at(reversed ? bz.sp : bz.ep);
  else
    r.tip = r.curve.back();
  return r;
}

}  // namespace

std::string tenths(double v) {
  double rounded = std::round(v * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, rounded);
  return std::string(buffer, end.ptr);
}

GraphLayout layout_graph(const GraphSpec& spec) {
  std::lock_guard<std::mutex> lock(graphviz_mutex());
  GVC_t* gvc = context();
  Built b = build(spec);
  if (gvLayout(gvc, b.g, spec.engine.c_str()) != 0) {
    agclose(b.g);
    throw std::runtime_error(msg("graphviz_no_engine", {{"engine", spec.engine}}));
  }
  GraphLayout out;
  boxf bb = GD_bb(b.g);
  out.width = bb.UR.x - bb.LL.x + 2 * spec.margin;
  out.height = bb.UR.y - bb.LL.y + 2 * spec.margin + spec.top;
  for (size_t k = 0; k < b.nodes.size(); ++k) {
    pointf c = ND_coord(b.nodes[k]);
    double w = spec.nodes[k].width, h = spec.nodes[k].height;
    out.boxes.push_back({c.x - w / 2 - bb.LL.x + spec.margin,
                         bb.UR.y - c.y - h / 2 + spec.margin + spec.top, w, h});
  }
  try {
    for (size_t k = 0; k < b.edges.size(); ++k)
      out.routes.push_back(route_of(b.edges[k], b.reversed[k], bb, spec.margin, spec.top));
  } catch (...) {
    gvFreeLayout(gvc, b.g);
    agclose(b.g);
    throw;
  }
  gvFreeLayout(gvc, b.g);
  agclose(b.g);
  return out;
}

std::vector<LayoutPoint> sample_route(const EdgeRoute& route, int per_piece) {
  std::vector<LayoutPoint> out;
  const auto& c = route.curve;
  for (size_t i = 0; i + 3 < c.size(); i += 3)
    for (int s = 0; s < per_piece; ++s) {
      double t = static_cast<double>(s) / per_piece, u = 1 - t;
      double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
      out.push_back({a * c[i].x + b * c[i + 1].x + d * c[i + 2].x + e * c[i + 3].x,
                     a * c[i].y + b * c[i + 1].y + d * c[i + 2].y + e * c[i + 3].y});
    }
  if (!c.empty()) out.push_back(c.back());
  out.push_back(route.tip);
  return out;
}

std::string route_path(const EdgeRoute& route) {
  std::string d;
  for (size_t k = 0; k < route.curve.size(); ++k) {
    d += k == 0 ? "M" : k == 1 ? " C" : " ";
    d += tenths(route.curve[k].x) + "," + tenths(route.curve[k].y);
  }
  return d;
}

std::string arrow_path(const EdgeRoute& route, double half_width) {
  if (route.curve.empty()) return "";
  LayoutPoint base = route.curve.back(), tip = route.tip;
  double dx = tip.x - base.x, dy = tip.y - base.y, len = std::hypot(dx, dy);
  if (len == 0) return "";
  double nx = -dy / len * half_width, ny = dx / len * half_width;
  auto p = [](double x, double y) { return tenths(x) + "," + tenths(y); };
  return "M" + p(tip.x, tip.y) + " L" + p(base.x + nx, base.y + ny) + " L" +
         p(base.x - nx, base.y - ny) + " Z";
}

}  // namespace hb
