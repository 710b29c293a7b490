#include "template_cycles.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "base/messages.h"

namespace hb {

namespace {

// A static partial or parent tag, and the position of the template it names.
struct Include {
  const IncludeNode* tag;
  size_t to;
};

// For each template, its static partials and parents that name a template, in the order of the
// text.
std::vector<std::vector<Include>> include_graph(const TemplateList& templates) {
  std::vector<std::vector<Include>> graph(templates.size());
  for (size_t i = 0; i < templates.size(); ++i)
    for_each_include(templates[i].second->nodes, [&](const IncludeNode& include) {
      if (include.dynamic || !include.target) return;
      auto to = std::lower_bound(
          templates.begin(), templates.end(), include.target->name,
          [](const auto& entry, const std::string& name) { return entry.first < name; });
      if (to != templates.end() && to->second.get() == include.target)
        graph[i].push_back({&include, static_cast<size_t>(to - templates.begin())});
    });
  return graph;
}

// A depth-first walk over the include graph, with a stack of its own (a chain of templates can
// be as long as there are templates), reporting each include that leads back into the chain.
class CycleFinder {
 public:
  CycleFinder(const TemplateList& templates, Diagnostics& diags)
      : templates_(templates),
        diags_(diags),
        graph_(include_graph(templates)),
        state_(templates.size(), kUnseen),
        depth_(templates.size(), 0) {}

  bool run() {
    for (size_t root = 0; root < templates_.size(); ++root)
      if (state_[root] == kUnseen) walk(root);
    return ok_;
  }

 private:
  enum State : uint8_t { kUnseen, kInChain, kDone };

  struct Step {
    size_t node;
    size_t next = 0;  // the next of its includes to follow
  };

  void walk(size_t root) {
    std::vector<Step> chain;
    push(chain, root);
    while (!chain.empty()) {
      Step& step = chain.back();
      if (step.next == graph_[step.node].size()) {
        state_[step.node] = kDone;
        chain.pop_back();
        continue;
      }
      const Include& include = graph_[step.node][step.next++];
      if (state_[include.to] == kInChain) report(chain, include);
      if (state_[include.to] == kUnseen) push(chain, include.to);
    }
  }

  void push(std::vector<Step>& chain, size_t node) {
    state_[node] = kInChain;
    depth_[node] = chain.size();
    chain.push_back({node});
  }

  // `include`, in the last template of `chain`, names a template earlier in it.
  void report(const std::vector<Step>& chain, const Include& include) {
    ok_ = false;
    const CompiledTemplate& from = *templates_[chain.back().node].second;
    if (!diags_.accepts(from.path)) return;
    const std::string& name = templates_[include.to].first;
    std::string loop;
    for (size_t i = depth_[include.to]; i < chain.size(); ++i)
      loop += templates_[chain[i].node].first + " → ";
    loop += name;
    const IncludeNode& tag = *include.tag;
    diags_.error_at(from.path, from.source, tag.line, tag.col,
                    msg("template_cycle", {{"tag", tag.tag}, {"name", name}, {"loop", loop}}));
  }

  const TemplateList& templates_;
  Diagnostics& diags_;
  std::vector<std::vector<Include>> graph_;
  std::vector<State> state_;
  std::vector<size_t> depth_;  // a template's place in the chain while it is in it
  bool ok_ = true;
};

}  // namespace

bool check_include_cycles(const TemplateList& templates, Diagnostics& diags) {
  return CycleFinder(templates, diags).run();
}

}  // namespace hb
