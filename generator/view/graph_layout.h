// Graph layout by Graphviz (the dot engine, through its C API: cgraph and gvc): boxes in ranks,
// and edges routed around the boxes as cubic Bézier curves that end in an arrow. The result is
// plain coordinates in SVG's orientation (y grows downwards, the origin at the top left); the
// diagrams draw them with their own writer.
#pragma once

#include <string>
#include <vector>

namespace hb {

struct GraphSpec {
  struct Node {
    double width = 0, height = 0;  // in points (SVG user units)
    int rank = 0;                  // nodes of one rank share a column; ranks go left to right
  };
  struct Edge {
    int from = 0, to = 0;  // indexes into `nodes`; the arrow points at `to`
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  double margin = 8;           // free space around the drawing
  double top = 0;              // more free space above it, for headings
  std::string engine = "dot";  // Graphviz's layout engine
};

struct LayoutPoint {
  double x = 0, y = 0;
};

struct LayoutBox {
  double x = 0, y = 0, w = 0, h = 0;  // the top left corner and the size
};

struct EdgeRoute {
  // A cubic Bézier spline from the border of `from` to the base of the arrow: the start point,
  // then three points (two control points and an end point) for each piece.
  std::vector<LayoutPoint> curve;
  LayoutPoint tip;  // the arrow's point, on the border of `to`
};

struct GraphLayout {
  double width = 0, height = 0;
  std::vector<LayoutBox> boxes;   // one for each node, in the order of GraphSpec::nodes
  std::vector<EdgeRoute> routes;  // one for each edge
};

// Lays out the graph; the same spec gives the same coordinates. Throws std::runtime_error when
// Graphviz cannot (its layout plugin missing or not registered).
GraphLayout layout_graph(const GraphSpec& spec);

// Points along a route: `per_piece` points on each Bézier piece, then the tip.
std::vector<LayoutPoint> sample_route(const EdgeRoute& route, int per_piece);

// The route's curve as SVG path data ("M x,y C ..."), numbers rounded to a tenth.
std::string route_path(const EdgeRoute& route);
// A filled triangle for the arrowhead: from the curve's end (its base) to the tip.
std::string arrow_path(const EdgeRoute& route, double half_width);
// A number rounded to a tenth, written shortest ("12.5", "3").
std::string tenths(double v);

}  // namespace hb
