// The diagrams in print: WeasyPrint draws no SVG markers, so the arrowheads are filled paths.
// The test makes the booklet's PDF, renders the organisation diagram's page with pdftoppm and
// finds the arrowheads by their colour: each must be a triangle, not a square.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "print_support.h"

using namespace hb::test;

namespace {

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  const unsigned char* at(int x, int y) const {
    return &rgb[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 3];
  }
};

// A binary PPM (P6, 255 levels), as pdftoppm writes it.
Image read_ppm(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max = 0;
  Image img;
  in >> magic >> img.width >> img.height >> max;
  in.get();
  REQUIRE(magic == "P6");
  REQUIRE(max == 255);
  img.rgb.resize(static_cast<size_t>(img.width) * static_cast<size_t>(img.height) * 3);
  in.read(reinterpret_cast<char*>(img.rgb.data()), static_cast<std::streamsize>(img.rgb.size()));
  REQUIRE(in.good());
  return img;
}

// A patch of pixels of the arrowheads' colour (#55636f): its pixel count and its rows' and
// columns' widths.
struct Patch {
  int count = 0, x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  std::vector<std::pair<int, int>> pixels;
};

std::vector<Patch> patches_of_arrow_colour(const Image& img) {
  auto arrow = [&](int x, int y) {
    const unsigned char* p = img.at(x, y);
    return std::abs(p[0] - 0x55) <= 14 && std::abs(p[1] - 0x63) <= 14 &&
           std::abs(p[2] - 0x6f) <= 14;
  };
  std::vector<char> seen(static_cast<size_t>(img.width) * static_cast<size_t>(img.height), 0);
  std::vector<Patch> out;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      size_t i = static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x);
      if (seen[i] || !arrow(x, y)) continue;
      Patch p;
      std::vector<std::pair<int, int>> stack = {{x, y}};
      seen[i] = 1;
      while (!stack.empty()) {
        auto [px, py] = stack.back();
        stack.pop_back();
        p.pixels.push_back({px, py});
        p.x0 = std::min(p.x0, px), p.x1 = std::max(p.x1, px);
        p.y0 = std::min(p.y0, py), p.y1 = std::max(p.y1, py);
        for (auto [dx, dy] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
          int nx = px + dx, ny = py + dy;
          if (nx < 0 || ny < 0 || nx >= img.width || ny >= img.height) continue;
          size_t j =
              static_cast<size_t>(ny) * static_cast<size_t>(img.width) + static_cast<size_t>(nx);
          if (!seen[j] && arrow(nx, ny)) seen[j] = 1, stack.push_back({nx, ny});
        }
      }
      p.count = static_cast<int>(p.pixels.size());
      if (p.count >= 40) out.push_back(std::move(p));
    }
  return out;
}

// The widths of a patch's rows (or columns) from one side to the other.
std::vector<int> widths(const Patch& p, bool rows) {
  std::vector<int> w(static_cast<size_t>(rows ? p.y1 - p.y0 + 1 : p.x1 - p.x0 + 1), 0);
  for (auto [x, y] : p.pixels)
    ++w[static_cast<size_t>(rows ? y - p.y0 : x - p.x0)];
  return w;
}

// Widths that grow or shrink from one end to the other (by a pixel of antialiasing at most),
// from narrow to at least three times as wide: the rows of a triangle, not of a square.
bool tapers(std::vector<int> w) {
  if (w.size() < 6) return false;
  if (w.front() > w.back()) std::reverse(w.begin(), w.end());
  for (size_t k = 1; k < w.size(); ++k)
    if (w[k] + 1 < w[k - 1]) return false;
  return w.back() >= 3 * std::max(w.front(), 1);
}

}  // namespace

TEST_CASE("the booklet's PDF draws the organisation diagram's arrowheads as triangles") {
  if (std::string why = missing_print_tools(); !why.empty())
    return skip_test("the diagrams' print test: " + why);
  TempDir tmp;
  fs::path pdf = fixture_booklet_pdf(tmp.path());
  int page = page_with(pdf_text(pdf, true), "Pilen går fra en rolle til den, rollen svarer til");
  REQUIRE(page > 0);
  std::string n = std::to_string(page);
  REQUIRE(std::system(("pdftoppm -r 300 -singlefile -f " + n + " -l " + n + " '" + pdf.string() +
                       "' '" + (tmp / "page").string() + "'")
                          .c_str()) == 0);
  auto heads = patches_of_arrow_colour(read_ppm(tmp / "page.ppm"));
  // The fixture's two arrows ("svarer til") and the one in the legend.
  CHECK(heads.size() == 3);
  for (const Patch& p : heads) {
    CAPTURE(p.x0);
    CAPTURE(p.y0);
    double box = static_cast<double>(p.x1 - p.x0 + 1) * (p.y1 - p.y0 + 1);
    CHECK(p.count / box < 0.65);  // a triangle fills at most half its bounding box; a square all
    CHECK((tapers(widths(p, true)) || tapers(widths(p, false))));
  }
}
