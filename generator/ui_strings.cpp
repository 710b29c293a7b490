#include "ui_strings.h"

#include <utility>

namespace hb {

namespace {

const std::pair<const char*, const char*> kDanish[] = {
    {"skip_to_content", "Gå til indholdet"},
    {"menu", "Menu"},
    {"main_navigation", "Hovedmenu"},
    {"breadcrumbs", "Brødkrummesti"},
    {"home", "Forside"},
    {"on_this_page", "På denne side"},
    {"linked_from", "Der henvises hertil fra"},
    {"via_text", "i teksten"},
    {"search", "Søg"},
    {"search_label", "Søg i håndbogen"},
    {"search_placeholder", "Søg efter roller, fora, cases ..."},
    {"search_no_results", "Ingen resultater"},
    {"search_results", "Resultater"},
    {"search_needs_js", "Søgningen kræver JavaScript. Brug menuen eller indholdsfortegnelsen."},
    {"accessibility_statement", "Tilgængelighedserklæring"},
    {"contact", "Kontakt"},
    {"version", "Version"},
    {"status", "Status"},
    {"internal_edition", "Intern version"},
    {"internal_passage", "Intern passage"},
    {"public_edition", "Offentlig version"},
    {"participants", "Deltagere"},
    {"frequency", "Hyppighed"},
    {"months", "Måneder"},
    {"status_current", "Eksisterende"},
    {"status_proposed", "Foreslået"},
    {"forums_of_role", "Fora, rollen deltager i"},
    {"cases_of_role", "Cases, hvor rollen er aktør"},
    {"facts", "Fakta"},
    {"figures", "Gevinster i tal"},
    {"advice", "Gode råd"},
    {"related_cases", "Beslægtede cases"},
    {"themes", "Temaer"},
    {"sources", "Kilder"},
    {"pages_with_term", "Sider med temaet"},
    {"not_found_title", "Siden findes ikke"},
    {"not_found_text", "Siden, du leder efter, findes ikke eller er flyttet."},
    {"back_home", "Gå til forsiden"},
    {"booklet", "Hæfte til udskrift"},
    {"see_page", "se side"},
    {"contents", "Indhold"},
    {"colophon", "Kolofon"},
    {"living_version", "Den levende version findes på"},
    {"index", "Stikordsregister"},
    {"org_diagram", "Organisationsdiagram"},
    {"annual_wheel", "Årshjul"},
    {"matrix", "Roller og fora"},
    {"all_months",
     "Januar,Februar,Marts,April,Maj,Juni,Juli,August,September,Oktober,November,December"},
};

Value make_strings() {
  Value v;
  for (auto& [k, s] : kDanish)
    v[k] = s;
  return v;
}

}  // namespace

const Value& ui_strings(std::string_view) {
  static const Value danish = make_strings();
  return danish;
}

std::string ui_string(std::string_view language, std::string_view key) {
  const Value* v = ui_strings(language).find(key);
  return v ? v->to_string() : std::string(key);
}

}  // namespace hb
