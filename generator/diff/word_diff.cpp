#include "word_diff.h"

#include <dtl/dtl.hpp>

namespace hb {

namespace {

constexpr size_t kContext = 5;  // unchanged words shown on each side of a change

struct Words {
  std::vector<std::string> words;
  std::vector<size_t> section;  // the section of each word
};

Words flatten(const PageText& page) {
  Words out;
  for (size_t s = 0; s < page.sections.size(); ++s)
    for (auto& w : page.sections[s].words) {
      out.words.push_back(w);
      out.section.push_back(s);
    }
  return out;
}

// Adds a word to the change, joining it to the last run when that is of the same kind.
void add(WordChange& change, WordRun::Kind kind, const std::string& word) {
  if (change.runs.empty() || change.runs.back().kind != kind)
    change.runs.push_back({kind, word});
  else
    change.runs.back().text += " " + word;
}

using Ses = std::vector<std::pair<std::string, dtl::elemInfo>>;

// The heading of the section that a change at ses[k] lies in: the section of the first word of
// the new text at or after it, else of the old text.
std::string heading_at(const Ses& ses, size_t k, const Words& a, const Words& b,
                       const PageText& base, const PageText& head) {
  for (size_t j = k; j < ses.size(); ++j)
    if (ses[j].second.afterIdx > 0)
      return head.sections[b.section[static_cast<size_t>(ses[j].second.afterIdx - 1)]].heading;
  for (size_t j = k; j < ses.size(); ++j)
    if (ses[j].second.beforeIdx > 0)
      return base.sections[a.section[static_cast<size_t>(ses[j].second.beforeIdx - 1)]].heading;
  return "";
}

}  // namespace

std::vector<SectionChange> diff_text(const PageText& base, const PageText& head) {
  Words a = flatten(base), b = flatten(head);
  dtl::Diff<std::string, std::vector<std::string>> diff(a.words, b.words);
  diff.onHuge();
  diff.compose();
  const Ses& ses = diff.getSes().getSequence();
  std::vector<SectionChange> out;
  size_t k = 0;
  while (k < ses.size()) {
    if (ses[k].second.type == dtl::SES_COMMON) {
      ++k;
      continue;
    }
    // A change: up to kContext unchanged words before it, then runs of changed words for as long
    // as the next change is no more than two contexts away, then up to kContext words after.
    size_t start = k >= kContext ? k - kContext : 0;
    while (start < k && ses[start].second.type != dtl::SES_COMMON)
      ++start;  // never reach back into the change before
    WordChange change;
    for (size_t j = start; j < k; ++j)
      add(change, WordRun::Same, ses[j].first);
    size_t end = k;
    while (end < ses.size()) {
      size_t same = end;
      while (same < ses.size() && ses[same].second.type == dtl::SES_COMMON)
        ++same;
      if (same > end && (same == ses.size() || same - end > 2 * kContext)) break;
      for (; end < same; ++end)
        add(change, WordRun::Same, ses[end].first);
      std::vector<const std::string*> added;  // shown after what they replace
      for (; end < ses.size() && ses[end].second.type != dtl::SES_COMMON; ++end)
        if (ses[end].second.type == dtl::SES_ADD)
          added.push_back(&ses[end].first);
        else
          add(change, WordRun::Removed, ses[end].first);
      for (auto* word : added)
        add(change, WordRun::Added, *word);
    }
    for (size_t j = end; j < ses.size() && j < end + kContext; ++j)
      add(change, WordRun::Same, ses[j].first);
    std::string heading = heading_at(ses, k, a, b, base, head);
    if (out.empty() || out.back().heading != heading) out.push_back({heading, {}});
    out.back().changes.push_back(std::move(change));
    k = end;
  }
  return out;
}

}  // namespace hb
