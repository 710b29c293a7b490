#include "search_view.h"

#include "base/ui_strings.h"
#include "view.h"

namespace hb {

Value search_view(const Site& site, const std::shared_ptr<const Value>& common) {
  const std::string& language = site.config->language;
  Value page;
  page["title"] = ui_string(language, "search_page_title");
  page["kind"] = "search";
  page["is_search"] = true;
  page["url"] = kSearchPage;
  Value crumbs;
  Value home;
  home["title"] = ui_string(language, "home");
  home["url"] = "index.html";
  crumbs.push_back(std::move(home));
  page["breadcrumbs"] = std::move(crumbs);
  return frame_view(site, common, kSearchPage, std::move(page));
}

}  // namespace hb
