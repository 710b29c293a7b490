#include "ui_strings.h"

#include <map>
#include <span>
#include <string>
#include <utility>

namespace hb {

namespace {

using Entry = std::pair<const char*, const char*>;

// Danish: the default, and the fallback for every key another language leaves out.
//
// Keys are snake_case English. Two kinds of key are made by the generator rather than chosen:
// `<field>_<value>` labels a value of an enum field (`status_current`; see enum_label in
// view.cpp), so its spelling follows handbook.toml; and `all_months` is one text with the twelve
// month names separated by commas. Texts with `{n}` or `{q}` are filled in by theme/search.js
// (a number and the query).
const Entry kDanish[] = {
    // Page frame: skip link, header, navigation, footer
    {"skip_to_content", "Gå til indholdet"},
    {"menu", "Menu"},
    {"main_navigation", "Hovedmenu"},
    {"breadcrumbs", "Brødkrummesti"},
    {"home", "Forside"},
    {"shortcuts", "Genveje"},
    {"accessibility_statement", "Tilgængelighedserklæring"},
    {"contact", "Kontakt"},
    {"version", "Version"},
    {"internal_edition", "Intern version"},
    {"internal_passage", "Intern passage"},
    {"public_edition", "Offentlig version"},
    {"booklet", "Hæfte til udskrift"},
    {"booklet_html", "Hæftet som tilgængelig webside (HTML)"},
    {"page_source", "Sidens kilde"},
    {"edit_page", "Rediger denne side"},
    {"see_history", "Se historik"},

    // Time: last change, history, changes, versions, review
    {"last_changed", "Senest ændret"},
    {"date_label", "Dato"},
    {"page_moved", "Siden er flyttet til"},
    {"by", "af"},
    {"uncommitted", "ikke committet"},
    {"page_history", "Sidens historik"},
    {"history_more", "Ældre ændringer"},
    {"changes", "Ændringer"},
    {"changes_lead", "De seneste ændringer i håndbogen, nyeste først. Følg dem også som"},
    {"feed", "nyhedsfeed (Atom)"},
    {"no_changes", "Ingen ændringer endnu."},
    {"versions", "Versioner"},
    {"versions_lead", "De godkendte versioner af ejerstrategien, nyeste først."},
    {"no_versions", "Ingen godkendte versioner endnu."},
    {"review", "Til revision"},
    {"review_lead",
     "Sider, hvis revisionsdato er overskredet eller falder inden for 60 dage, "
     "efter ejer. Opgjort pr."},
    {"overdue", "Overskredet"},
    {"review_due", "Revideres senest"},
    {"owner", "ejer"},
    {"nothing_due", "Ingen sider skal revideres de næste 60 dage."},
    {"strategy_status", "Status"},
    {"decided", "Vedtaget af"},
    {"next_revision", "Næste revision"},

    // Search (the form, and theme/search.js through the form's data-* attributes)
    {"search", "Søg"},
    {"search_label", "Søg i håndbogen"},
    {"search_placeholder", "Søg efter roller, fora, cases ..."},
    {"search_no_results", "Ingen resultater"},
    {"search_results", "Resultater"},
    {"search_needs_js", "Søgningen kræver JavaScript. Brug menuen eller indholdsfortegnelsen."},
    {"search_loading", "Henter søgeindekset …"},
    {"search_failed", "Søgeindekset kunne ikke hentes. Brug menuen i stedet."},
    {"search_too_short", "Skriv mindst to bogstaver."},
    {"search_count_one", "{n} resultat for »{q}«."},
    {"search_count_many", "{n} resultater for »{q}«."},
    {"search_count_none", "Ingen resultater for »{q}«."},
    {"search_showing_first", "Viser de første {n}."},
    {"search_kind_section", "Afsnit"},
    {"search_page_title", "Søgeresultater"},
    {"search_show_all", "Vis alle {n} resultater"},

    // Parts of a page
    {"on_this_page", "På denne side"},
    {"linked_from", "Der henvises hertil fra"},
    {"via_text", "i teksten"},
    {"facts", "Fakta"},
    {"contents", "Indhold"},
    {"see_also", "Se også"},
    {"themes", "Temaer"},
    {"sources", "Kilder"},
    {"status", "Status"},
    {"pages_unit", "sider"},  // after a number, for screen readers: "12 sider"
    {"quote_open", "»"},
    {"quote_close", "«"},

    // Home page
    {"taxonomy_card", "Alle sider ordnet efter ejerstrategiens temaer."},
    {"matrix_card", "Hvilke roller deltager i hvilke fora – vist som en tabel."},

    // List pages
    {"all_pages_in_section", "Alle sider i afsnittet"},
    {"matrix_question", "hvem deltager hvor?"},  // after the matrix's title and a colon

    // Roles
    {"forums_of_role", "Fora, rollen deltager i"},
    {"roles_answering", "Roller, der svarer hertil"},
    {"role_in_no_forum", "Rollen er ikke deltager i nogen af håndbogens fora."},

    // Forums
    {"participants", "Deltagere"},
    {"about_participants", "Om deltagerne"},
    {"frequency", "Hyppighed"},
    {"months", "Måneder"},

    // Cases
    {"figures", "Gevinster i tal"},
    {"figures_for", "for"},  // "Gevinster i tal for Aabenraa Kommune"
    {"advice", "Gode råd"},
    {"related_cases", "Beslægtede cases"},

    // Taxonomies, the matrix, the 404 page
    {"pages_with_term", "Sider med temaet"},
    {"taxonomy_lead",
     "Ejerstrategiens temaer. Tallet viser, hvor mange sider der handler om temaet."},
    {"overview", "Oversigt"},  // "Oversigt: Temaer", the link from a term to its taxonomy
    {"matrix", "Roller og fora"},
    {"matrix_lead", "Hvilke roller deltager i hvilke fora og møder?"},
    {"matrix_dot", "En prik i tabellen betyder, at rollen deltager i forummet."},
    {"matrix_as_list",
     "Der er for mange roller og fora til én tabel, så her står hver rolle med de fora, den "
     "deltager i."},
    {"matrix_none", "deltager ikke i nogen fora"},
    {"matrix_scroll_hint", "Tabellen er bredere end skærmen: rul til siden for at se alle fora."},
    {"not_found_title", "Siden findes ikke"},
    {"not_found_text", "Siden, du leder efter, findes ikke eller er flyttet."},
    {"not_found_help",
     "Du kan også bruge søgefeltet øverst på siden eller gå til et af håndbogens afsnit:"},
    {"back_home", "Gå til forsiden"},

    // The printable booklet
    {"see_page", "se side"},
    {"colophon", "Kolofon"},
    {"living_version", "Den levende version findes på"},
    {"index", "Stikordsregister"},

    // Diagrams
    {"org_diagram", "Organisationsdiagram"},
    {"annual_wheel", "Årshjul"},
    {"all_months",
     "Januar,Februar,Marts,April,Maj,Juni,Juli,August,September,Oktober,November,December"},
    {"org_diagram_desc",
     "{collection} ordnet efter {group}. Pilene viser, hvem hver rolle svarer til. Samme "
     "oplysninger står som liste under diagrammet."},
    {"org_diagram_legend", "Pilen går fra en rolle til den, rollen {label}"},
    {"annual_wheel_desc",
     "Et år som en cirkel med januar øverst. Hvert forum med faste mødemåneder har sin ring og "
     "sin farve og en prik i hver af sine mødemåneder. Fora uden faste måneder står under "
     "hjulet med deres hyppighed. Tabellen under diagrammet viser det samme."},
    {"wheel_legend_mark", "Prik: en fastlagt mødemåned. Farven viser forummet (se tabellen)."},
    {"wheel_without_months", "Hyppighed uden faste måneder"},
    {"wheel_no_months", "Ingen fora har faste måneder"},
    {"months_not_fixed", "Ikke fastlagt"},
    {"matrix_yes", "deltager"},

    // Enum values (`<field>_<value>`): the label of a value; one without is shown capitalised
    {"status_current", "Eksisterende"},
    {"status_proposed", "Foreslået"},
    {"scope_internt", "Internt samarbejde"},
    {"scope_eksternt", "Eksternt samarbejde"},
    {"group_ejer", "Ejer"},
    {"group_politik", "Politisk niveau"},
    {"group_selskab", "Selskabet"},
    {"group_forvaltning", "Forvaltningen"},
    {"group_ekstern", "Eksterne parter"},
    {"kind_vision", "Vision"},
    {"kind_mål", "Mål"},
    {"kind_dagsorden", "Dagsorden"},
    {"kind_projekt", "Projekt"},
    {"kind_prioritet", "Prioritet"},
    {"kind_tema", "Tema"},
};

// Another language is one more table like kDanish (only the keys it translates; the rest stay
// Danish) and one more line in kLanguages, under the code used in `[site] language`.
struct Language {
  const char* code;
  std::span<const Entry> strings;
};

const Language kLanguages[] = {
    {"da", kDanish},
};

constexpr const char* kDefault = "da";

// Every language's strings as a map for views: the default table, then the language's own.
std::map<std::string, Value, std::less<>> make_all() {
  std::map<std::string, Value, std::less<>> all;
  Value base;
  base.map();
  for (auto& l : kLanguages)
    if (std::string_view(l.code) == kDefault)
      for (auto& [k, s] : l.strings)
        base[k] = s;
  for (auto& l : kLanguages) {
    Value v = base;
    for (auto& [k, s] : l.strings)
      v[k] = s;
    all[l.code] = std::move(v);
  }
  return all;
}

}  // namespace

const Value& ui_strings(std::string_view language) {
  static const std::map<std::string, Value, std::less<>> all = make_all();
  auto it = all.find(language);
  if (it == all.end()) it = all.find(language.substr(0, language.find('-')));  // "da-DK"
  if (it == all.end()) it = all.find(kDefault);
  return it->second;
}

std::string ui_string(std::string_view language, std::string_view key) {
  const Value* v = ui_strings(language).find(key);
  return v ? v->to_string() : std::string(key);
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (auto& [name, value] : values) {
    std::string slot = "{" + name + "}";
    for (size_t at = text.find(slot); at != std::string::npos;
         at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

std::string capitalise(std::string s) {
  if (s.empty()) return s;
  unsigned char c = s[0];
  if (c >= 'a' && c <= 'z') s[0] = static_cast<char>(c - 32);
  unsigned char n = s.size() > 1 ? s[1] : 0;
  if (c == 0xC3 && n >= 0xA0 && n <= 0xBE && n != 0xB7) s[1] = static_cast<char>(n - 0x20);
  return s;
}

}  // namespace hb
