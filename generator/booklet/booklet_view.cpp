#include "booklet_view.h"

#include <algorithm>
#include <memory>

#include "base/escape.h"
#include "booklet_fields.h"
#include "booklet_links.h"
#include "template/template.h"
#include "view/diagrams.h"
#include "view/view.h"

namespace hb {

namespace {

// Danish alphabetical order: æ, ø and å after z.
std::string sort_key(std::string_view title) {
  static const std::pair<std::string_view, std::string_view> letters[] = {
      {"æ", "{"}, {"Æ", "{"}, {"ø", "|"}, {"Ø", "|"}, {"å", "}"}, {"Å", "}"}};
  std::string out;
  for (size_t i = 0; i < title.size();) {
    bool replaced = false;
    for (auto& [from, to] : letters)
      if (title.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    if (replaced) continue;
    char c = title[i++];
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// Mustache shows a section for any string, also an empty one: leave empty text out.
Value text(std::string s) {
  return s.empty() ? Value() : Value(std::move(s));
}

Value link(std::string title, std::string url) {
  Value v;
  v["title"] = std::move(title);
  v["url"] = std::move(url);
  return v;
}

// Puts `css` into each <svg> of `html`: WeasyPrint styles an inline SVG only from a <style>
// inside it. The SVG is foreign content, where character references are decoded: escape it.
std::string style_svgs(const std::string& html, const std::string& css) {
  if (css.empty()) return html;
  std::string out, style = "<style>" + html_text(css) + "</style>";
  size_t pos = 0;
  for (size_t at; (at = html.find("<svg", pos)) != std::string::npos;) {
    size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    out.append(html, pos, end + 1 - pos);
    out += style;
    pos = end + 1;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

class BookletViewBuilder {
 public:
  BookletViewBuilder(const Site& site, const BookletPlan& plan)
      : site_(site), plan_(plan), links_(site, plan), common_(common_view(site)) {}

  Value build(const BookletStyles& styles) {
    diagram_css_ = styles.diagrams;
    Value v;
    for (auto& key : {"site", "edition", "strings", "footer"})  // shared, never copied
      v[key] = Value::shared(std::shared_ptr<const Value>(common_, common_->find(key)));
    v["booklet"] = settings(styles);
    v["contents"].list();
    v["chapters"].list();
    for (auto& ch : plan_.chapters) {
      v["contents"].push_back(contents_entry(ch));
      v["chapters"].push_back(chapter(ch));
    }
    v["index"] = index();
    return v;
  }

 private:
  Value settings(const BookletStyles& styles) const {
    const SiteConfig& c = *site_.config;
    const BookletSpec& b = c.booklet;
    Value s;
    s["title"] = text(b.title.empty() ? c.title : b.title);
    s["subtitle"] = text(b.subtitle.empty() ? c.subtitle : b.subtitle);
    s["edition"] =
        text(b.edition.empty() && !c.version.empty() ? "Version " + c.version : b.edition);
    s["status"] = text(b.status.empty() ? c.status : b.status);
    s["date"] = text(b.date);
    s["date_text"] = text(long_date(site_, b.date));
    s["owner"] = text(c.owner);
    s["base_url"] = text(site_.base_url());
    s["generator"] = std::string("handbook ") + HANDBOOK_VERSION;
    s["css"] = styles.document;
    s["print"] = styles.print;
    s["stylesheets"].list();
    for (auto& url : styles.links)
      s["stylesheets"].push_back(url);
    return s;
  }

  Value contents_entry(const BookletChapter& ch) const {
    Value entry = link(ch.title, "#" + ch.anchor);
    entry["sections"].list();
    for (int i : ch.sections)
      entry["sections"].push_back(link(site_.pages[static_cast<size_t>(i)].title, links_.href(i)));
    return entry;
  }

  // The website's view of page i, made part of the booklet.
  Value section(int i, bool demote) const {
    Value web = page_view(site_, i, common_);
    Value pv = std::move(web["page"]);
    std::string anchor = plan_.anchor(i);
    links_.rebase(pv);
    pv["anchor"] = anchor;
    std::string body = links_.body_html(i);
    pv["content"] = demote ? demote_headings(body, 1) : body;
    if (pv.find("toc"))
      for (auto& item : pv["toc"].list())
        item["id"] = anchor + "-" + item["id"].to_string();
    pv["booklet_fields"] = booklet_fields(site_, links_, i);
    pv["summary"] = text(pv["summary"].to_string());
    return pv;
  }

  // The diagrams that show collection `c`, each under its own name, for the template to place.
  void add_diagrams(const CollectionSpec& c, Value& chapter) const {
    const DiagramSpec& d = site_.config->diagrams;
    auto put = [&](const char* key, const std::string& html) {
      chapter[key] = text(style_svgs(links_.site_html(html), diagram_css_));
    };
    if (c.name == d.org_collection) put("organisation_diagram", organisation_diagram(site_, ""));
    if (c.name == d.matrix_rows) put("matrix", matrix_table(site_, "", Medium::Print));
    if (c.name == d.wheel_collection) put("annual_wheel", annual_wheel(site_, ""));
  }

  Value chapter(const BookletChapter& ch) const {
    Value c = link(ch.title, "#" + ch.anchor);
    c["anchor"] = ch.anchor;
    c["name"] = ch.collection ? ch.collection->name : ch.entry;
    if (!ch.collection) {
      c["is_page_chapter"] = true;
      c["page"] = section(ch.intro, false);
      return c;
    }
    c["is_collection_chapter"] = true;
    if (ch.intro >= 0) {
      c["summary"] = text(site_.pages[static_cast<size_t>(ch.intro)].summary);
      c["intro"] = links_.body_html(ch.intro);
      Value web = page_view(site_, ch.intro, common_);  // its tables ([collections.list_table])
      if (const Value* tables = web["page"].find("tables")) {
        c["tables"] = *tables;
        links_.rebase(c["tables"]);
      }
    }
    add_diagrams(*ch.collection, c);
    c["sections"].list();
    for (int i : ch.sections)
      c["sections"].push_back(section(i, true));
    return c;
  }

  // The collection chapters the index lists: those the diagrams show (roles and forums), or
  // every collection chapter when the site declares no diagrams.
  std::vector<const BookletChapter*> indexed_chapters() const {
    const DiagramSpec& d = site_.config->diagrams;
    std::vector<std::string> names = {d.org_collection, d.matrix_rows, d.matrix_columns,
                                      d.wheel_collection};
    std::vector<const BookletChapter*> chosen, all;
    for (auto& ch : plan_.chapters) {
      if (!ch.collection || ch.sections.empty()) continue;
      all.push_back(&ch);
      if (std::find(names.begin(), names.end(), ch.collection->name) != names.end())
        chosen.push_back(&ch);
    }
    return chosen.empty() ? all : chosen;
  }

  Value index() const {
    Value groups;
    groups.list();
    for (const BookletChapter* ch : indexed_chapters()) {
      std::vector<int> pages = ch->sections;
      std::stable_sort(pages.begin(), pages.end(), [&](int a, int b) {
        return sort_key(site_.pages[static_cast<size_t>(a)].title) <
               sort_key(site_.pages[static_cast<size_t>(b)].title);
      });
      Value group = link(ch->title, "#" + ch->anchor);
      group["items"].list();
      for (int i : pages)
        group["items"].push_back(link(site_.pages[static_cast<size_t>(i)].title, links_.href(i)));
      groups.push_back(std::move(group));
    }
    return groups;
  }

  const Site& site_;
  const BookletPlan& plan_;
  BookletLinks links_;
  std::shared_ptr<const Value> common_;
  std::string diagram_css_;
};

}  // namespace

Value booklet_view(const Site& site, const BookletPlan& plan, const BookletStyles& styles) {
  return BookletViewBuilder(site, plan).build(styles);
}

}  // namespace hb
