// The diagnostics in Danish: the default, and the language of the bundled site. Every id here is
// in messages_en.cpp too, with the same {slots}; a test checks it.
//
// Written for editors who are not developers: say what is wrong in plain words, then what to do
// ("Rettelse: …" shows the corrected line where one can be given). Field names, file names and
// code stay as they are written in the files.
#include "messages.h"

namespace hb {

namespace {

const MessageText kDanish[] = {
    // How a problem is printed
    {"severity_error", "fejl"},
    {"severity_warning", "advarsel"},
    {"count_errors_one", "{n} fejl"},
    {"count_errors_many", "{n} fejl"},
    {"count_warnings_one", "{n} advarsel"},
    {"count_warnings_many", "{n} advarsler"},
    {"count_omitted_one",
     "{n} problem mere vises ikke (højst {per_file} pr. fil og {all} i alt): ret dem ovenfor, og "
     "kør kontrollen igen"},
    {"count_omitted_many",
     "{n} problemer mere vises ikke (højst {per_file} pr. fil og {all} i alt): ret dem ovenfor, "
     "og kør kontrollen igen"},

    // The command line
    {"cli_see_help", "Skriv 'handbook --help' for at se, hvordan kommandoen bruges."},
    {"cli_lang_value", "--lang skal være 'da' eller 'en', ikke '{value}'"},

    // Words that messages are made of
    {"did_you_mean", " (mente du {word}?)"},
    {"list_or", " eller "},
    {"kind_text", "tekst"},
    {"kind_integer", "et helt tal"},
    {"kind_number", "et tal"},
    {"kind_boolean", "true/false"},
    {"kind_date", "en dato"},
    {"kind_time", "et klokkeslæt"},
    {"kind_date_time", "en dato med klokkeslæt"},
    {"kind_list", "en liste"},
    {"kind_table", "en tabel"},
    {"kind_nothing", "ingenting"},
    {"describe_string", "tekst i anførselstegn"},
    {"describe_markdown", "Markdown-tekst i anførselstegn"},
    {"describe_integer", "et helt tal"},
    {"describe_number", "et tal"},
    {"describe_boolean", "true eller false"},
    {"describe_date", "en dato som 2026-11-23"},
    {"describe_enum", "en af {values}"},
    {"describe_url", "en webadresse, der begynder med https://"},
    {"describe_email", "en e-mailadresse"},
    {"describe_ref", "id'et på en {collection}-side i anførselstegn"},
    {"describe_refs", "en liste med id'er på {collection}-sider, fx [\"a\", \"b\"]"},
    {"describe_table", "en tabel med felter"},
    {"describe_list", "en liste, fx [...]"},
    {"describe_value", "en værdi"},

    // A page's fields checked against its collection in handbook.toml, and vocabularies
    {"either_true_false", "{name} = true eller {name} = false"},
    {"label_owner", "Ejer"},
    {"label_review_by", "Revideres senest"},
    {"schema_marker_in_plain",
     "feltet {field} er almindelig tekst, hvor en intern-markering ikke skjuler noget: fjern den "
     "interne tekst, eller sæt den i et felt, der er erklæret internt"},
    {"schema_type", "feltet {field} skal være {expected}, ikke {actual}"},
    {"schema_between", "feltet {field} skal være mellem {min} og {max}, ikke {value}"},
    {"schema_boolean_in_quotes",
     "feltet {field} skal være true eller false uden anførselstegn, ikke \"{value}\". Rettelse: "
     "{fix}"},
    {"schema_image_in_field",
     "feltet {field} viser et billede: felter kan ikke vise billeder, så sæt billedet ind i sidens "
     "tekst under felterne"},
    {"schema_enum_value", "'{value}' er ikke tilladt i feltet {field}: brug {values}"},
    {"schema_url", "feltet {field} skal være en webadresse, der begynder med https://"},
    {"schema_email", "'{value}' i feltet {field} er ikke en e-mailadresse"},
    {"schema_empty_id", "feltet {field} har et tomt id"},
    {"schema_table_type",
     "feltet {field} skal være en tabel som { name = \"...\" }, ikke {actual}"},
    {"schema_table_unknown_key", "ukendt felt '{key}' i {field}"},
    {"schema_table_missing", "{field} mangler sit obligatoriske felt {sub} ({expected})"},
    {"config_visibility",
     "visibility = '{value}' er hverken 'public' eller 'internal'{hint}: en samling er offentlig, "
     "medmindre der står præcis visibility = \"internal\""},
    {"schema_list_too_long",
     "feltet {field} har {count} punkter, og et felt må højst have {max}: del siden op"},
    {"schema_list_twice", "'{value}' står mere end én gang i feltet {field}: skriv den én gang"},
    {"aliases_too_many",
     "aliases har {count} tidligere id'er, og en side må højst have {max}: hvert bliver en fil i "
     "hver udgave; fjern de ældste"},
    {"term_no_address",
     "'{term}' har hverken bogstaver (a-z, æ, ø, å, é, ...) eller tal, som termens side kan få "
     "sin adresse af: skriv termen med ord"},
    {"schema_visibility", "feltet {field} skal være 'public' eller 'internal'"},
    {"schema_date", "feltet {field} skal være en dato som {example} (uden anførselstegn)"},
    {"schema_date_quoted",
     "feltet {field} skal være en dato uden anførselstegn, ikke \"{value}\". Rettelse: {fix}"},
    {"schema_date_in_quotes",
     "feltet {field} skal være en dato som 2026-11-23 uden anførselstegn, ikke \"{value}\""},
    {"schema_owner",
     "feltet {field} skal være id'et på en rolle i anførselstegn, fx \"direktionen\""},
    {"schema_id_mismatch",
     "id'et '{id}' er ikke det samme som filnavnet: en sides id er filnavnet uden '.md' "
     "('{file_id}'); slet linjen med id, eller omdøb filen"},
    {"schema_unknown_field", "ukendt felt '{key}' i en {singular} ({collection})"},
    {"schema_unknown_field_section", "ukendt felt '{key}' på en afsnitsside"},
    {"schema_missing", "det obligatoriske felt {field} mangler ({expected})"},
    {"vocab_empty_term",
     "en tom værdi i et felt under {taxonomy}: fjern den, eller skriv en af dem på listen i "
     "handbook.toml ([taxonomies.{name}] terms)"},
    {"vocab_unknown_term",
     "'{term}' står ikke på listen over {taxonomy} i handbook.toml ([taxonomies.{name}] terms): "
     "brug {terms}, eller tilføj '{term}' til listen"},
    {"vocab_unknown_term_many",
     "'{term}' står ikke på listen over {taxonomy} i handbook.toml ([taxonomies.{name}] terms): "
     "brug en af dem, eller tilføj '{term}' til listen"},

    // Sitets indstillinger, handbook.toml
    {"config_unknown_setting", "ukendt indstilling '{key}' i {where}{hint}"},
    {"config_known_keys", " (de mulige indstillinger er: {keys})"},
    {"config_in_field", "feltet '{name}'"},
    {"config_in_collection", "en samling ([[collections]])"},
    {"config_in_profile", "udgaven '{name}'"},
    {"config_in_taxonomy", "emneinddelingen '{name}'"},
    {"config_string", "'{key}' skal være tekst i anførselstegn"},
    {"config_date", "'{key}' skal være en dato som 2026-11-23 (uden anførselstegn)"},
    {"config_web_address",
     "'{key}' skal være den webadresse, udgaven offentliggøres på: den begynder med https:// og "
     "har ingen mellemrum, anførselstegn, '#' eller '?', fx "
     "\"https://www.vejle.dk/ejerstrategi/\""},
    {"config_boolean", "'{key}' skal være true eller false"},
    {"config_strings", "'{key}' skal være en liste med tekster, fx [\"a\", \"b\"]"},
    {"config_strings_only", "'{key}' må kun indeholde tekster i anførselstegn"},
    {"config_table", "'{key}' skal være en tabel"},
    {"config_field_table", "feltet '{name}' skal være en tabel, fx { type = \"string\" }"},
    {"config_field_type", "feltet '{name}' har en ukendt type '{type}'{hint}"},
    {"config_field_of", "ukendt type '{type}' for listens elementer{hint}"},
    {"config_enum_values",
     "feltet '{name}' er en liste over faste valg (enum) og skal have values = [...] med de "
     "tilladte værdier"},
    {"config_ref_to",
     "feltet '{name}' henviser til sider og skal have to = \"<samling>\", der siger hvilke"},
    {"config_table_no_field",
     "list_table nævner feltet '{name}', men samlingen '{collection}' har ikke det felt{hint}"},
    {"config_table_internal",
     "list_table kan ikke vise feltet '{name}' i en kolonne: feltet er internt, og tabellen står "
     "i begge udgaver"},
    {"config_table_long",
     "list_table kan ikke vise feltet '{name}' i en kolonne: værdien er ikke kort nok til en "
     "celle"},
    {"config_table_group",
     "list_table's group skal være et felt med faste valg (enum), og '{name}' er ikke et sådant "
     "felt"},
    {"config_collection_name", "en samling skal have et navn: name = \"...\""},
    {"config_terms",
     "{where} skal være en liste over emneinddelingens ord, fx [\"klima og miljø\", "
     "\"økonomi\"]; uden linjen er alle ord tilladt"},
    {"config_terms_strings", "{where} må kun indeholde ord i anførselstegn"},
    {"config_terms_empty", "{where} har et tomt ord: fjern det"},
    {"config_terms_twice", "'{term}' står to gange i {where}: fjern den ene"},
    {"config_terms_case",
     "'{term}' og '{other}' i {where} er kun forskellige i store og små bogstaver: behold én "
     "stavemåde"},
    {"config_status",
     "status '{status}' er ikke en af 'udkast', 'vedtaget' eller 'under revision'{hint}"},
    {"config_owners", "owners nævner samlingen '{name}', men den findes ikke{hint}"},
    {"config_allowed_strings", "'allowed' må kun indeholde tekster i anførselstegn, fx \"pdf\""},
    {"config_allowed_type",
     "filtypen '{type}' skal være en filendelse af bogstaver og tal uden punktum, fx \"pdf\""},
    {"config_allowed_markdown",
     "'{type}'-filer er sidernes kildetekst og offentliggøres aldrig som bilag: fjern '{type}' "
     "fra listen"},
    {"config_allowed_list", "'allowed' skal være en liste over filtyper, fx [\"pdf\", \"png\"]"},
    {"config_repo_url",
     "[repository] skal have url = arkivets webadresse: den begynder med https:// og har ingen "
     "mellemrum, anførselstegn, '#', '?' eller '%', fx \"https://github.com/vejle/ejerstrategi\""},
    {"config_repo_branch",
     "[repository] skal have branch = den gren, der offentliggøres, skrevet med bogstaver, tal, "
     "'-', '_', '.' og '/', fx \"main\""},
    {"config_repo_kind_unknown",
     "det kan ikke ses på '{url}', om arkivet ligger på GitHub eller GitLab: tilføj kind = "
     "\"github\" eller kind = \"gitlab\""},
    {"config_repo_kind", "'kind' skal være \"github\" eller \"gitlab\", ikke '{kind}'{hint}"},
    {"config_repo_path",
     "'path' skal være sitets mappe inde i arkivet, skrevet med bogstaver, tal, '-', '_', '.' og "
     "'/', fx \"handbog\""},
    {"config_unknown_collection",
     "feltet '{name}' henviser til samlingen '{collection}', som ikke findes{hint}"},
    {"config_unknown_taxonomy",
     "feltet '{name}' nævner emneinddelingen '{taxonomy}', som ikke findes{hint}"},
    {"config_outside",
     "handbook.toml er et link til en fil uden for sitets mappe: byggeriet læser kun sitets egne "
     "filer, så læg selve indstillingsfilen i sitets mappe"},
    {"config_missing",
     "sitets indstillinger kan ikke læses: der er ingen handbook.toml i '{folder}'"},
    {"config_collections", "samlinger skal skrives som [[collections]]-tabeller"},

    // Skabeloner (templates/*.mustache)
    {"template_folder_missing", "mappen med skabeloner findes ikke"},
    {"template_outside",
     "skabelonen er et link til en fil uden for mappen med skabeloner: byggeriet læser kun sitets "
     "egne filer, så læg selve skabelonen i mappen"},
    {"template_unreadable", "skabelonen kan ikke læses"},
    {"template_not_found", "skabelonen '{name}' findes ikke{hint}"},
    {"template_named_by", ", navngivet af '{tag}'"},
    {"template_noun_section", "afsnittet"},
    {"template_noun_block", "blokken"},
    {"template_noun_parent", "forælderen"},
    {"template_delimiters_end",
     "ugyldigt skift af afgrænsere: '{end}' mangler til sidst, fx '{{=<% %>=}}'"},
    {"template_tag_unclosed", "mærket lukkes aldrig: '{end}' mangler"},
    {"template_delimiters_two",
     "ugyldigt skift af afgrænsere: skriv to afgrænsere adskilt af et mellemrum, fx "
     "'{{=<% %>=}}'"},
    {"template_tag_no_name", "mærket '{tag}' har intet navn"},
    {"template_tag_spaces", "mærkets navn '{name}' må ikke indeholde mellemrum"},
    {"template_never_closed", "{kind} '{name}' lukkes aldrig (åbnet her)"},
    {"template_too_deep",
     "{kind} '{name}' ligger mere end {max} niveauer inde i andre (afsnit, blokke og forældre kan "
     "højst ligge {max} niveauer inde i hinanden)"},
    {"template_close_none", "lukkemærket '{tag}' lukker intet åbent afsnit"},
    {"template_close_mismatch", "lukkemærket '{tag}' passer ikke til det åbne {kind} '{name}'"},
    {"template_render_deep",
     "'{tag}' ligger mere end {max} niveauer inde i andre, mens siden dannes (indsætter "
     "skabelonerne hinanden uden ende?)"},
    {"template_render_deep_self",
     "'{tag}' ligger mere end {max} niveauer inde i andre, mens siden dannes (indsætter '{name}' "
     "sig selv?)"},
    {"template_steps",
     "'{tag}' får siden til at bruge mere end {max} afsnit, delskabeloner og listepunkter "
     "(gentages afsnit inde i hinanden over lange lister?)"},
    {"template_bytes",
     "'{tag}' gør siden større end {max} bytes (gentages afsnit inde i hinanden over lange "
     "lister?)"},
    {"template_cycle",
     "'{tag}' får skabelonen '{name}' til at indsætte sig selv: {loop} (en skabelon må ikke "
     "indsætte sig selv, hverken direkte eller gennem andre)"},

    // Mappen, der skrives til, og dens filer
    {"out_refuse_folder", "skriver ikke i {path}: "},
    {"out_refuse_booklet", "skriver ikke hæftet til {path}: "},
    {"out_refuse_pdf", "skriver ikke PDF'en til {path}: "},
    {"out_is_root", "det er rodmappen; vælg en ny mappe"},
    {"out_is_home", "det er din hjemmemappe; vælg en ny mappe inde i den"},
    {"out_contains_home",
     "den indeholder din hjemmemappe; vælg en ny mappe inde i din hjemmemappe"},
    {"out_is_site",
     "det er sitets mappe, hvis kildefiler byggeriet ville erstatte; vælg en ny mappe, eller "
     "udelad "
     "--out for at skrive i sitets mappe _site/"},
    {"out_contains_site",
     "den indeholder sitets mappe, hvis kildefiler byggeriet ville erstatte; vælg en ny mappe, "
     "eller udelad --out for at skrive i sitets mappe _site/"},
    {"out_in_sources",
     "den ligger i sitets mappe {folder}/, som rummer kildefiler; vælg en mappe uden for content/, "
     "templates/ og theme/, eller udelad --out for at skrive i sitets mappe _site/"},
    {"out_is_file", "det er en fil, ikke en mappe; vælg en mappe til resultatet"},
    {"out_not_ours",
     "mappen er ikke tom og er ikke lavet af handbook (der er ingen fil {marker}); vælg en tom "
     "eller ny mappe, eller brug --force for at erstatte indholdet"},
    {"out_file_is_folder", "det er en mappe, ikke en fil; angiv et filnavn med --out"},
    {"out_file_is_settings",
     "det er sitets indstillingsfil handbook.toml; angiv et andet filnavn med --out"},
    {"out_file_in_sources",
     "den ligger i sitets mappe {folder}/, som rummer kildefiler; angiv et filnavn uden for "
     "content/, templates/ og theme/ med --out"},
    {"out_cannot_write", "kan ikke skrive {path}"},
    {"out_cannot_read", "kan ikke læse {path}"},
    {"out_cannot_copy", "kan ikke kopiere {path}: {reason}"},
    {"out_cannot_remove", "kan ikke fjerne {path}: {reason}"},
    {"out_cannot_create", "kan ikke oprette mappen {path}: {reason}"},
    {"out_staging_in_way",
     "kan ikke bruge mappen {path}: den er i vejen og er ikke lavet af handbook; fjern den"},
    {"out_replace_not_folder", "kan ikke erstatte {path}: det er ikke en mappe"},
    {"out_replace_not_ours",
     "kan ikke erstatte {path}: mappen er ikke tom og er ikke lavet af handbook"},
    {"out_move_old", "kan ikke flytte det gamle resultat {path} til side: {reason}"},
    {"out_move_new", "kan ikke flytte det nye resultat ind i {path}"},

    // Sitets filer, læst fra disken eller fra en version i git
    {"source_site_folder", "sitets mappe"},
    {"source_no_file", "der er ingen fil {file}"},
    {"source_dangling_link", "{file} er et symbolsk link, der ikke fører til nogen fil"},
    {"source_link_out",
     "{file} fører ud af {folder} gennem et symbolsk link: byggeriet læser kun filer i sitets "
     "content/ og theme/"},
    {"source_folder", "{file} er en mappe, ikke en fil"},
    {"source_not_regular", "{file} er ikke en almindelig fil"},
    {"source_hard_link",
     "{file} er et hårdt link, et af flere navne på en fil, der kan ligge uden for {folder}: "
     "erstat det med en kopi af filen"},
    {"source_git_link",
     "{file} er et symbolsk link, og et byggeri fra en version i git følger ingen links: læg selve "
     "filen der"},
    {"source_no_repository", "sitets mappe '{folder}' ligger ikke i et git-arkiv"},
    {"source_outside_worktree", "sitets mappe '{folder}' ligger ikke i arkivets arbejdskopi"},
    {"source_no_revision", "der er ingen version '{rev}' i arkivet: {reason}"},
    {"source_not_commit", "'{rev}' er ikke en commit"},
    {"source_no_tree", "filerne i '{rev}' kan ikke læses: {reason}"},

    // Historikken fra git, og sider der skal revideres
    {"history_unreadable",
     "arkivets historik kan ikke læses ({reason}), så siderne viser kun datoerne fra deres felter"},
    {"history_shallow",
     "arkivet er en overfladisk kopi (shallow clone), så historikken er ufuldstændig, og siderne "
     "kan vise en for sen dato for seneste ændring: hent hele historikken (i GitHub Actions: "
     "actions/checkout med 'fetch-depth: 0'; ellers: git fetch --unshallow)"},
    {"review_overdue",
     "siden skulle have været revideret senest {date} (review_by = {review_by}): tjek, at den "
     "stadig er rigtig, og sæt så en ny dato i review_by"},
    {"review_overdue_owner",
     "siden skulle have været revideret senest {date} (review_by = {review_by}): bed '{owner}' om "
     "at tjekke, at den stadig er rigtig, og sæt så en ny dato i review_by"},
    {"new_cannot_write", "kan ikke skrive {file}: {reason}"},

    // Byggeriet af udgaven og dens hæfte
    {"build_unknown_profile", "ukendt udgave '{name}'{hint}: udgaverne i handbook.toml er {list}"},
    {"graphviz_no_engine",
     "Graphviz har ingen layoutmotor '{engine}' til at tegne et diagram: installer den med "
     "'apt-get install -y libgvc6', eller registrer de installerede udvidelser med "
     "'libgvc6-config-update -c'"},
    {"graphviz_no_route", "Graphviz lagde ingen vej for en pil"},
    {"build_booklet_failed", "hæftet kunne ikke laves: {reason}"},
    {"build_failed", "byggeriet mislykkedes: {reason}"},
    {"booklet_no_template",
     "skabelonen 'booklet' findes ikke: hæftet skal bruge templates/booklet.mustache"},
    {"booklet_no_styles",
     "ingen stilark til tryk: hæftet skrives uden sidetal, løbende sidehoveder og sideskift"},
    {"booklet_unknown_chapter",
     "hæftets kapitel '{entry}' er hverken en samling eller en side (ingen samling '{entry}', "
     "ingen fil content/{file}){hint}"},
    {"booklet_page_twice",
     "hæftets kapitel '{entry}' gentager content/{file}, som kapitlet '{other}' allerede har: en "
     "side kan kun stå én gang i hæftet"},
    {"pdf_missing", "WeasyPrint findes ikke: installer det med 'apt-get install -y weasyprint'"},
    {"pdf_refused_load", "hentede ikke {url}: PDF'en læser kun hæftet og de billeder, det viser"},
    {"pdf_signal", "WeasyPrint blev stoppet af signal {n}"},
    {"pdf_exit", "WeasyPrint mislykkedes med slutstatus {n}"},
    {"out_cannot_temp", "kan ikke oprette en midlertidig mappe"},

    // Kommandolinjens tilvalg, og hvad en kommando siger, når den er færdig
    {"cli_pdf_only_booklet", "--pdf og --pdf-variant er kun for booklet"},
    {"cli_pdf_variant",
     "ukendt PDF-variant '{value}'{hint}: brug pdf/ua-1, pdf/a-1b, pdf/a-2b, pdf/a-3b eller "
     "pdf/a-4b"},
    {"cli_port", "--port skal være et tal fra 0 til 65535, ikke '{value}'"},
    {"cli_diff_base", "diff skal have --base VERSION, fx --base main"},
    {"cli_diff_format",
     "--format for diff skal være 'text', 'markdown' eller 'json', ikke '{value}'"},
    {"cli_diff_rev", "diff bruger --base og --head, ikke --rev"},
    {"cli_diff_out", "diff skriver kun sin rapport: --out, --force og --pdf er ikke for diff"},
    {"cli_unknown_option_for", "ukendt tilvalg '{option}' til {command}{hint}"},
    {"cli_option_value", "tilvalget {option} skal have en værdi"},
    {"cli_unknown_option", "ukendt tilvalg '{option}'{hint}"},
    {"cli_new_usage",
     "new skal have en samling og et id: handbook new <samling> <id> [--title \"...\"]"},
    {"cli_new_extra", "new tager en samling og et id, ikke også '{word}'"},
    {"cli_title_empty", "--title skal have en tekst, ikke en tom"},
    {"cli_no_command", "ingen kommando angivet"},
    {"cli_unknown_command", "ukendt kommando '{command}'{hint}"},
    {"cli_jobs", "--jobs skal være et tal, ikke '{value}'"},
    {"cli_base_only_diff", "--base og --head er kun for diff"},
    {"cli_format", "--format skal være 'text' eller 'github', ikke '{value}'"},
    {"cli_check_out", "check skriver intet: --out er kun for build"},
    {"cli_force_only_build", "--force er kun for build"},
    {"cli_port_only_serve", "--port og --bind er kun for serve"},
    {"cli_serve_out", "serve holder udgaven i hukommelsen: --out er kun for build og booklet"},
    {"cli_serve_rev", "serve viser filerne, som de er på disken: --rev er ikke for serve"},
    {"cli_today_only_check", "--fail-on-overdue og --today er kun for check"},
    {"cli_today", "--today skal være en dato som 2026-12-05, ikke '{value}'"},
    {"cli_pdf_writing", "laver PDF med WeasyPrint …"},
    {"cli_pdf_wrote", "skrev {n} PDF-sider til {path} på {seconds}"},
    {"cli_new_wrote", "skrev {file}: erstat hvert \"UDFYLD\" i filen, og kør så 'handbook check'"},
    {"cli_checked_clean", "udgaven '{profile}' er tjekket: ingen problemer"},
    {"cli_checked_warning", "udgaven '{profile}' er tjekket: ingen fejl, {n} advarsel"},
    {"cli_checked_warnings", "udgaven '{profile}' er tjekket: ingen fejl, {n} advarsler"},
    {"cli_booklet_wrote", "skrev hæftet for udgaven '{profile}' til {path} på {seconds}"},
    {"cli_build_wrote", "skrev {n} sider til {path} på {seconds}"},

    // handbook serve
    {"serve_not_built",
     "udgaven '{profile}' blev ikke bygget; de sider, der blev bygget før, vises, indtil fejlene "
     "er rettet"},
    {"serve_built",
     "byggede udgaven '{profile}' på {ms} ({files} ændrede filer, {pages} sider dannet)"},
    {"serve_built_full",
     "byggede udgaven '{profile}' på {ms} ({files} ændrede filer, {pages} sider dannet, alle "
     "sider læst)"},
    {"serve_wrong_host",
     "Afvist: forespørgslen er til værten '{host}', men handbook serve svarer kun forespørgsler "
     "til denne maskine (localhost, 127.0.0.1, [::1]); så kan en hjemmeside ikke læse udgaverne "
     "gennem et navn, der peger på 127.0.0.1"},
    {"serve_refused", "Afvist: {reason}"},
    {"serve_not_found", "Findes ikke"},
    {"serve_cannot_listen",
     "kan ikke lytte på {address} port {port}: porten er i brug, eller adressen er ikke denne "
     "maskines; vælg en anden med --port eller --bind"},
    {"serve_cannot_watch", "kan ikke holde øje med {folder}: {reason}"},
    {"serve_network",
     "advarsel: viser udgaven på {address}: udgaven '{profile}' kan nu nås fra netværket, ikke "
     "kun fra denne maskine; den interne udgave rummer det, der ikke er for offentligheden"},
    {"serve_serving", "viser udgaven '{profile}' på {url} (Ctrl-C stopper)"},
    {"serve_stopped", "stoppet"},
    {"serve_path_slash", "stien begynder ikke med '/'"},
    {"serve_path_absolute", "en absolut sti vises ikke"},
    {"serve_path_backslash", "en omvendt skråstreg vises ikke"},
    {"serve_path_nul", "en NUL-byte vises ikke"},
    {"serve_path_dots", "'{part}' vises ikke"},
    {"serve_path_empty", "en tom del af stien vises ikke"},

    // handbook --help
    {"cli_usage", R"(handbook - en levende ejerstrategi-håndbog fra Markdown

Brug:
  handbook build   [--site MAPPE] [--profile public|internal] [--out MAPPE] [--force]
                   [--jobs N] [--stats] [--no-pdf]
  handbook check   [--site MAPPE] [--profile public|internal] [--format text|github]
                   [--fail-on-overdue] [--today ÅÅÅÅ-MM-DD]
  handbook booklet [--site MAPPE] [--profile public|internal] [--out FIL] [--pdf]
                   [--pdf-variant pdf/ua-1]
  handbook diff    --base VERSION [--head VERSION] [--site MAPPE] [--format text|markdown|json]
  handbook new     <samling> <id> [--title "..."] [--site MAPPE]
  handbook mv      <samling> <gammelt-id> <nyt-id> [--site MAPPE]
  handbook serve   [--site MAPPE] [--profile public|internal] [--port N] [--bind ADRESSE]
  handbook --help | --version

Kommandoer:
  build    bygger sitet i MAPPE (standard: <site>/_site/<udgave>); det forrige resultat
           erstattes kun, når hele byggeriet lykkes, og kun en mappe, som handbook har lavet
           (den har filen .handbook-output), en tom mappe eller en ny; med [booklet] i
           handbook.toml også hæftets PDF, MAPPE/booklet.pdf (WeasyPrint)
  check    kontrollerer indhold, henvisninger, links og skabeloner uden at skrive noget
  booklet  skriver udgaven som ét HTML-dokument til udskrift (standard:
           <site>/_site/booklet-<udgave>.html) og med --pdf også en PDF ved siden af
  serve    bygger udgaven i hukommelsen og viser den på http://127.0.0.1:8000/; bygger igen,
           når en fil i sitet ændres, og genindlæser de åbne sider; fejl vises i browseren;
           /__handbook/edition/NAVN skifter til en anden udgave
  diff     viser, hvad en ændring gør ved hver udgave, den offentlige først: nye, fjernede og
           ændrede sider (ord for ord, afsnit for afsnit), tekst der går fra intern til
           offentlig, og nye advarsler; begge versioner læses fra git
  new      skriver content/<mappe>/<id>.md til en ny side i samlingen med felterne fra
           handbook.toml: hvert obligatorisk felt har "UDFYLD", som check melder, indtil det
           er udfyldt, og de valgfrie felter står som kommentarer, der siger, hvad de rummer
  mv       omdøber en side: content/<mappe>/<gammelt-id>.md bliver <nyt-id>.md, hver
           henvisning og hvert link til den i content/ skrives om, og siden får
           aliases = ["gammelt-id"], så dens gamle adresse fører til den nye; intet skrives,
           hvis sitet har fejl

Tilvalg:
  --site MAPPE      sitets mappe med handbook.toml (standard: .)
  --profile NAVN    udgaven: public (standard) eller internal
  --out MAPPE       hvor build skriver sitet (for booklet: HTML-filen)
  --force           build: erstat MAPPE, også når den ikke er tom og ikke er lavet af handbook
                    (dens filer slettes); aldrig sitet, dets kildefiler eller din hjemmemappe
  --rev VERSION     build, check, booklet: sitet, som det er i git-versionen VERSION (et
                    tag, en gren eller en commit), læst fra arkivet uden at hente det ud
                    (build skriver som standard i <site>/_site/rev-<VERSION>/<udgave>)
  --base VERSION    diff: den version, der sammenlignes med (fx main eller origin/main)
  --head VERSION    diff: den ændrede version (standard: arbejdskopien)
  --format FORMAT   check: text (standard) eller github (::error-anmærkninger til pull
                    requests); diff: text (standard), markdown (en kommentar til en pull
                    request) eller json
  --jobs N          antal tråde (standard: én pr. kerne)
  --stats           skriv, hvor lang tid hvert trin tager
  --fail-on-overdue check: en side, der har passeret sin review_by-dato, er en fejl, ikke en
                    advarsel
  --today DAG       check: sammenlign review_by-datoer med DAG (ÅÅÅÅ-MM-DD) i stedet for i dag
  --pdf             booklet: skriv også en PDF med WeasyPrint (apt-get install -y weasyprint)
  --no-pdf          build: uden hæftets PDF (sitet linker til HTML-hæftet)
  --pdf-variant V   booklet: PDF-varianten, fx pdf/ua-1 (medfører --pdf)
  --port N          serve: porten (standard 8000; 0: en hvilken som helst ledig port)
  --bind ADRESSE    serve: adressen (standard 127.0.0.1; enhver anden kan nås fra
                    netværket)
  --title TEKST     new: sidens titel (standard: "UDFYLD", som skal udfyldes)
  --lang da|en      sproget i beskederne (standard: sitets sprog, [site] language)

Slutstatus: 0 lykkedes, 1 fejl i indholdet, 2 forkert brug af kommandoen.
)"},

    // Links and references between pages
    {"link_absolute",
     "linket {url} er en absolut sti: link til en fil i content/ med stien fra denne side"},
    {"link_control", "linket {url} indeholder et kontroltegn: fjern det"},
    {"link_leaves", "linket {url} fører ud af mappen content/: link til en fil i content/"},
    {"link_content_folder", "linket {url} peger på selve mappen content/: link til en fil i den"},
    {"site_id_twice",
     "id'et '{id}' bruges to gange i {collection}: også af {other}; omdøb en af filerne"},
    {"site_internal_target",
     "{what} er intern og udelades af udgaven '{profile}': fjern henvisningen, markér passagen som "
     "intern, eller gør siden offentlig"},
    {"site_what_ref", "{collection} '{id}'"},
    {"site_what_link", "den linkede side '{path}'"},
    {"site_unknown_ref", "feltet {field} nævner '{id}', men der er ingen {collection} med det id"},
    {"site_no_heading_here", "denne side har ingen overskrift med id'et '{anchor}'"},
    {"site_no_heading", "'{page}' har ingen overskrift med id'et '{anchor}'"},
    {"site_no_file", "linket til '{url}': der er ingen fil content/{path}"},
    {"site_link_refused", "linket til '{url}': {reason}"},

    // Internal passages and their markers
    {"place_field", "dette felt"},
    {"place_page", "denne side"},
    {"place_quote", "dette citat"},
    {"place_list_item", "dette listepunkt"},
    {"place_paragraph", "dette afsnit"},
    {"place_heading", "denne overskrift"},
    {"place_footnote", "denne fodnote"},
    {"place_link", "dette link"},
    {"place_image", "denne billedbeskrivelse"},
    {"place_table_cell", "denne tabelcelle"},
    {"place_emphasis", "denne fremhævning"},
    {"marker_where",
     "en passage begynder og slutter samme sted: enten begge markeringer på hver sin linje (på "
     "siden eller i samme citat, listepunkt eller fodnote) eller begge i samme afsnit, overskrift "
     "eller tabelcelle"},
    {"marker_in_link",
     "'{marker}' står i et links adresse eller titel, hvor den ikke skjuler noget: sæt "
     "markeringerne om hele linket"},
    {"marker_unread",
     "'{marker}' står i tekst, som Markdown læser, men ikke viser (en fodnote, som ingen "
     "henviser til, eller en linkdefinition), så den kan ikke markere en passage: henvis til "
     "fodnoten, eller flyt passagen ud i teksten"},
    {"marker_in_html",
     "'{marker}' står inde i en blok HTML, hvor den ikke markerer noget: lad en tom linje stå "
     "mellem HTML'en og markeringen"},
    {"marker_not_alone",
     "'{marker}' skal stå alene på sin linje: flyt '{other}' til en linje for sig"},
    {"md_table_row_cells",
     "en tabel må højst have {max} celler i en række, og denne linje har flere ('|'): del "
     "tabellen op"},
    {"md_table_cells",
     "tabellerne her ville få mere end {max} celler i alt (kolonner gange rækker, også de tomme): "
     "del dem op på flere sider, eller afslut hver tabel med en tom linje"},
    {"md_link_copies",
     "en linkdefinition her kan fylde {size} byte, og hver af tekstens {uses} ']' kan gentage "
     "den i et link: det kan give mere end {max} MB HTML; skriv en kortere adresse, eller skriv "
     "den i linkene selv"},
    {"md_footnote_references",
     "mere end {max} fodnotehenvisninger ('[^') i én tekst: hver giver et link tilbage i "
     "fodnoten, og siden bliver for stor; saml henvisningerne, eller del teksten op"},
    {"md_brackets",
     "for mange '[' og ']' i samme afsnit: Markdown ville bruge for lang tid på at læse dem; sæt "
     "tomme linjer mellem afsnittene, eller skriv \\[ og \\] for klammer, der ikke hører til et "
     "link"},
    {"md_unclosed_html",
     "'{what}' bliver aldrig afsluttet, og så mange af dem i samme afsnit ville tage for lang tid "
     "at læse: skriv &lt; for et '<', der ikke indleder HTML"},
    {"link_definition_internal",
     "linket bruger en linkdefinition ('[navn]: adresse'), som står i en intern passage: i den "
     "offentlige udgave er definitionen væk, og linket står som tekst i firkantede parenteser; "
     "flyt definitionen ud af passagen, eller skriv adressen i linket: [tekst](adresse)"},
    {"footnote_definition_internal",
     "fodnoten [^{label}] står uden for de interne passager, men dens tekst står i en intern "
     "passage: i den offentlige udgave står '[^{label}]' som tekst; flyt fodnotens tekst ud af "
     "passagen, eller flyt henvisningen ind i den"},
    {"marker_as_text",
     "'{marker}' står her som tekst (skrevet med '\\' eller '&lt;' foran), så den skjuler "
     "intet, og teksten efter den bliver offentliggjort: skriv markeringen uden dem på en linje "
     "for sig, eller i `backticks` for at vise den"},
    {"marker_near_miss_char",
     "'{marker}' ligner en intern-markering, men er det ikke: den indeholder tegnet {char}, som "
     "en markering ikke kan rumme: skriv '{write}'"},
    {"char_no_break_space", "hårdt mellemrum"},
    {"char_zero_width_space", "usynligt mellemrum"},
    {"char_en_dash", "tankestreg"},
    {"char_em_dash", "lang tankestreg"},
    {"char_minus", "minustegn"},
    {"marker_near_miss", "'{marker}' ligner en intern-markering, men er det ikke: skriv '{write}'"},
    {"marker_close_nothing",
     "'<!-- /internal -->' afslutter ingen intern passage: skriv '<!-- internal -->' før den "
     "interne tekst, eller slet denne linje"},
    {"marker_close_nothing_in",
     "'<!-- /internal -->' afslutter ingen intern passage i {place}: {where}"},
    {"marker_never_closed",
     "den interne passage bliver aldrig afsluttet: tilføj en linje '<!-- /internal -->' efter den"},
    {"marker_never_closed_in",
     "den interne passage bliver aldrig afsluttet i {place}: skriv '<!-- /internal -->' inden "
     "slutningen; {where}"},
    {"marker_began_in_field", "der begyndte tidligere i dette felt"},
    {"marker_began_on_line", "der begyndte i linje {line}"},
    {"marker_nested",
     "'<!-- internal -->' inde i en intern passage, {began}: afslut den først med '<!-- /internal "
     "-->'"},
    {"marker_close_inside", "'<!-- /internal -->' inde i en intern passage, {began}: {where}"},

    // Files: attachments, names, text that cannot be published
    {"char_control", "et kontroltegn"},
    {"char_space", "et mellemrum"},
    {"types_none", "ingen"},
    {"file_not_inside", "{file} er ikke en sti i {folder}/"},
    {"file_hidden",
     "{file} er skjult (navnet begynder med '.'), og skjulte filer bliver aldrig offentliggjort"},
    {"file_leads_to_hidden",
     "{file} fører gennem et symbolsk link til en skjult fil eller mappe (et navn, der begynder "
     "med '.'), og skjulte filer bliver aldrig offentliggjort: læg selve filen der"},
    {"file_markdown_theme",
     "{file} er en Markdown-kilde, som aldrig offentliggøres som fil: flyt den ud af theme/"},
    {"file_name_breaks",
     "navnet {file} indeholder {char}, som ødelægger webadresser: omdøb filen, så navnet kun har "
     "bogstaver, tal, '-', '_' og '.'"},
    {"file_index_md",
     "{file} ville tage adressen fra afsnittets oversigtsside, {address}: et afsnits egen side "
     "hedder _index.md; omdøb denne fil"},
    {"file_page_link",
     "{file} er et symbolsk link: en side får sin samling og sin udgave af den mappe, den står i, "
     "så en side læses aldrig gennem et link (det kunne gøre en intern side offentlig): læg selve "
     "filen der"},
    {"file_page_too_large",
     "{file} fylder {size}, og en side må højst fylde {max}: del den op i flere sider"},
    {"file_attachment_too_large",
     "{file} fylder {size}, og et bilag må højst fylde {max}: gør filen mindre, eller læg den "
     "et andet sted og link til den der"},
    {"file_theme_too_large", "{file} fylder {size}, og en fil i theme/ må højst fylde {max}"},
    {"file_name_not_utf8",
     "navnet {file} er ikke gyldig UTF-8, så ingen webadresse kan nævne filen sikkert: omdøb "
     "den"},
    {"file_page_not_markdown", "{file} fører til en fil, der ikke er en Markdown-kilde"},
    {"file_markdown_attachment",
     "{file} er en Markdown-kilde, som aldrig offentliggøres som fil: en side skal hedde *.md, og "
     "et link til den nævner den fil"},
    {"file_no_type",
     "{file} har ingen filtype (som .pdf), så den kan ikke være et bilag: de tilladte typer er "
     "{types}"},
    {"file_type_not_allowed",
     "{file} er af typen '.{type}', som ikke er en tilladt type bilag: de tilladte typer er "
     "{types} ([attachments] allowed i handbook.toml)"},
    {"file_leads_to_markdown",
     "{file} fører til en Markdown-kilde, som aldrig offentliggøres som fil"},
    {"text_not_utf8",
     "filen er ikke gyldig UTF-8 her: gem den som UTF-8 (i de fleste editorer: 'Gem med kodning', "
     "UTF-8)"},
    {"text_control",
     "kontroltegnet {char} kan ikke offentliggøres: slet det (det er usynligt i de fleste "
     "editorer)"},
    {"text_control_escape",
     "teksten indeholder kontroltegnet {char}, som ikke kan offentliggøres: fjern den escape-kode, "
     "der skriver det (fx \\u0000)"},

    // handbook new
    {"new_id_taken",
     "der er allerede en {collection} med id'et '{id}': {file}; vælg et andet id, eller ret den "
     "side"},
    {"new_id_breaks",
     "id'et '{id}' indeholder {char}, som ødelægger webadresser: brug bogstaver, tal, '-', '_' og "
     "'.'"},

    // Et id til handbook new eller handbook mv
    {"id_empty", "id'et er tomt: et id er sidens filnavn uden '.md'"},
    {"id_slash", "id'et '{id}' indeholder '/': et id er sidens filnavn uden '.md' og uden mapper"},
    {"id_extension", "skriv id'et uden '.{type}': '{id}'"},
    {"id_dot",
     "id'et '{id}' begynder med '.', og så ville siden være skjult: skjulte filer bliver aldrig "
     "offentliggjort"},
    {"id_section_page",
     "'_index' er navnet på afsnittets egen side (content/{folder}/_index.md), ikke på en side i "
     "samlingen: vælg et andet id"},
    {"id_list_page",
     "id'et 'index' ville tage adressen fra afsnittets oversigtsside, {folder}/index.html: vælg "
     "et andet id"},
    {"unknown_collection",
     "der er ingen samling, der hedder '{name}'{suggest}: samlingerne i handbook.toml er {list}"},
    {"unknown_collection_none",
     "der er ingen samling, der hedder '{name}'{suggest}: handbook.toml erklærer ingen samlinger"},

    // handbook mv
    {"mv_usage_missing",
     "mv skal have en samling, sidens id og dens nye id: handbook mv <samling> <gammelt-id> "
     "<nyt-id>"},
    {"mv_usage_extra", "mv skal have en samling og to id'er, ikke også '{word}'"},
    {"mv_config_errors", "handbook.toml har fejl: ret dem først"},
    {"mv_no_edition", "handbook.toml erklærer ingen udgave ([profiles.NAVN])"},
    {"mv_no_page", "der er ingen {collection} med id'et '{id}': der er ingen fil {file}{suggest}"},
    {"mv_same_id", "det nye id er allerede sidens id: '{id}'"},
    {"mv_id_taken", "der er allerede en {collection} med id'et '{id}': {file}; vælg et andet id"},
    {"mv_site_errors", "sitet har fejl: ret dem, og kør 'handbook check', før du omdøber siden"},
    {"mv_nothing_renamed", "intet blev omdøbt: {file} er uændret"},
    {"mv_would_break", "efter omdøbningen ville sitet have disse fejl, så intet er ændret"},
    {"mv_cannot_rewrite",
     "{what} nævner '{id}' på en måde, som handbook mv ikke kan rette: skriv '{id}' (eller "
     "filnavnet {id}.md), og kør mv igen"},
    {"mv_what_field", "feltet '{field}'"},
    {"mv_what_link", "linket '{url}'"},
    {"mv_what_front_matter", "sidens felter"},
    {"mv_what_aliases", "feltet 'aliases'"},
    {"mv_cannot_write", "{file} kan ikke gemmes: {reason}"},
    {"mv_cannot_remove", "{file} kan ikke slettes: {reason}"},
    {"mv_file_gone", "{file} findes ikke"},
    {"mv_renamed", "{from} er omdøbt til {to}; den gamle adresse fører til den nye (aliases)"},
    {"mv_rewrote", "henvisningerne i {file} er rettet"},

    // Sidens tidligere id'er (aliases) og deres viderestillinger
    {"aliases_not_list",
     "feltet 'aliases' skal være en liste med sidens tidligere id'er, fx [\"gammelt-id\"], ikke "
     "{kind}"},
    {"alias_not_id",
     "et alias skal være et tidligere id for siden i anførselstegn: et filnavn uden '.md' og "
     "uden mapper, fx \"gammelt-id\""},
    {"alias_redirect", "viderestillingen for aliasset '{id}' på {file}"},
    {"alias_redirect_fix", "fjern '{id}' fra aliases, eller giv siden et andet id"},
    {"site_earlier_id", ": '{id}' er et tidligere id for {file} (aliases), så skriv '{now}'"},
    {"site_link_renamed",
     "linket til '{url}': siden content/{path} er omdøbt (aliases): den er nu {file}, så link "
     "til {now}.md"},

    // To filer, der ville blive offentliggjort på samme adresse
    {"claim_taken", "{what} ville blive offentliggjort som {path}, som er adressen på {earlier}"},
    {"claim_taken_case",
     "{what} ville blive offentliggjort som {path}, som (bortset fra store og små bogstaver) er "
     "adressen på {earlier}"},
    {"claim_inside_file",
     "{what} ville blive offentliggjort som {path}, i mappen {folder}, men {folder} er adressen "
     "på {earlier}"},
    {"claim_folder_of",
     "{what} ville blive offentliggjort som {path}, som er mappen med {earlier}"},
    {"claim_term_page", "siden for emnet '{term}' i {taxonomy}"},
    {"claim_term_list", "oversigten over {taxonomy}"},
    {"claim_matrix", "matrixsiden"},
    {"claim_page", "siden {path}"},
    {"claim_page_from", "siden, der laves af {file}"},
    {"claim_site_file", "sitets fil {file}"},
    {"claim_booklet", "hæftet"},
    {"claim_theme_file", "temaets fil {file}"},
    {"claim_attachment", "bilaget {file}"},
    {"claim_link_prefix", "linket til '{url}': "},
    {"claim_rename_one", "omdøb en af dem"},
    {"claim_rename_file", "omdøb filen"},
    {"claim_rename_attachment", "omdøb bilaget"},

    // Pages and their folders
    {"page_outside_collections", "en side skal ligge i en samlings mappe ({folders})"},
    {"folder_not_collection",
     "mappen '{folder}' er ikke en samling, der er erklæret i handbook.toml"},
    {"image_external",
     "billedet hentes fra en anden adresse ('{url}'), så hver læsers browser ville kontakte den "
     "server: læg billedfilen i content/ ved siden af siden, og vis den derfra, fx "
     "![Beskrivelse](billede.png)"},
    {"file_unreadable", "filen kan ikke læses"},
    {"file_misnamed_markdown",
     "navnet ender på '.{type}', så filen bliver ikke læst som en side: omdøb den til {name}"},

    // The lines '+++' around a page's fields
    {"fm_missing",
     "sidens felter mangler: filen skal begynde med en linje '+++', så felterne, fx "
     "title = \"...\", og så endnu en linje '+++'"},
    {"fm_unclosed",
     "sidens felter bliver aldrig afsluttet: tilføj en linje '+++' efter det sidste felt"},
    {"fm_yaml_fence",
     "sidens felter begynder med '---' som i Hugo eller Jekyll (YAML): her står felterne mellem "
     "to linjer '+++' og skrives i TOML, fx title = \"...\". Rettelse: skriv '+++' i stedet for "
     "'---' i denne linje og i linjen, der afslutter felterne"},
    {"fm_closed_with_dashes",
     "sidens felter begyndte med '+++', så de skal også slutte med '+++', ikke '---'. Rettelse: "
     "skriv '+++' i denne linje"},
    {"fm_fence_spaced", "linjen '+++' skal stå helt ude til venstre: slet mellemrummene foran den"},
    {"fm_fence_plus_count", "linjen skal være præcis tre plustegn, '+++', ikke '{fence}'"},

    // TOML the parser cannot read, explained
    {"toml_curly_quote",
     "{quote} er et typografisk anførselstegn, som TOML ikke kan læse (det kommer ofte med, når "
     "tekst kopieres fra Word): brug lige anførselstegn \"...\". Rettelse: {fix}"},
    {"toml_curly_quote_nofix",
     "{quote} er et typografisk anførselstegn, som TOML ikke kan læse (det kommer ofte med, når "
     "tekst kopieres fra Word): sæt teksten i lige anførselstegn \"...\""},
    {"toml_string_ends_curly",
     "teksten begynder med et lige anførselstegn, men slutter med {quote}, et typografisk "
     "anførselstegn, som TOML ikke kan læse: slut med et lige anførselstegn. Rettelse: {fix}"},
    {"toml_unclosed_string",
     "teksten i anførselstegn, der begynder her, bliver aldrig afsluttet: sæt et "
     "anførselstegn efter teksten. Rettelse: {fix}"},
    {"toml_unclosed_multiline",
     "teksten, der begynder med tre anførselstegn her, bliver aldrig afsluttet: slut den også "
     "med tre anførselstegn"},
    {"toml_missing_equals",
     "der mangler et '=' mellem feltnavnet '{key}' og værdien. Rettelse: {fix}"},
    {"toml_colon",
     "skriv '=' mellem feltnavnet og værdien, ikke ':' (felterne skrives i TOML, ikke YAML). "
     "Rettelse: {fix}"},
    {"toml_key_space",
     "et feltnavn kan ikke indeholde mellemrum eller tabulatortegn: '{key}' er ikke et feltnavn. "
     "Skriv navnet, som det står i handbook.toml, fx {suggest}"},
    {"toml_key_letter",
     "et feltnavn skrives kun med bogstaverne a-z, tal, '_' og '-', og '{char}' er ikke et af "
     "dem: skriv feltets navn, som det står i handbook.toml"},
    {"toml_boolean_word",
     "'{word}' kan TOML ikke læse: skriv true (ja) eller false (nej) uden anførselstegn. "
     "Rettelse: {fix}"},
    {"toml_bare_text", "tekst skal stå i anførselstegn. Rettelse: {fix}"},
    {"toml_list_parentheses", "en liste skrives i firkantede parenteser, fx [\"a\", \"b\"]"},
    {"toml_double_equals", "skriv kun ét '=' mellem feltnavnet og værdien"},
    {"toml_date_order",
     "en dato skrives år-måned-dag: skriv {iso}, ikke {given} (uden anførselstegn). Rettelse: "
     "{fix}"},
    {"toml_date_separator",
     "en dato skrives år-måned-dag med '-' imellem: skriv {iso}, ikke {given} (uden "
     "anførselstegn). Rettelse: {fix}"},
    {"toml_date_digits",
     "en dato har to cifre til måneden og to til dagen: skriv {iso}, ikke {given}. Rettelse: "
     "{fix}"},
    {"toml_date_impossible",
     "{given} er ikke en dato i kalenderen: en dato skrives år-måned-dag, fx 2026-11-23"},
    {"toml_decimal_comma", "et decimaltal skrives med punktum, ikke komma. Rettelse: {fix}"},
    {"toml_list_not_opened",
     "flere værdier skal stå i en liste, der begynder med '[' og slutter med ']'. Rettelse: {fix}"},
    {"toml_key_too_long",
     "nøglen har mere end {max} led adskilt af punktummer: skriv den med færre led"},
    {"toml_list_comma",
     "der mangler et komma mellem to værdier i listen: sæt et komma foran denne værdi"},
    {"toml_list_separator", "adskil værdierne i en liste med ',', ikke '{sep}'"},
    {"toml_list_unclosed",
     "listen, der begynder her, bliver aldrig afsluttet: sæt ']' efter den sidste værdi"},
    {"toml_repeated_key",
     "feltet '{key}' står der to gange (også i linje {first}): behold kun det ene"},
    {"toml_repeated_key_once", "feltet '{key}' står der to gange: behold kun det ene"},
    {"toml_repeated_table",
     "tabellen [{key}] står der to gange (også i linje {first}): saml dens felter under én "
     "overskrift"},
    {"toml_repeated_table_once",
     "tabellen [{key}] står der to gange: saml dens felter under én overskrift"},
    {"toml_nbsp",
     "her står et hårdt mellemrum (det kommer ofte med fra Word), som TOML ikke kan læse: slet "
     "det, og skriv et almindeligt mellemrum"},
    {"toml_invisible",
     "her står et usynligt tegn (det kommer ofte med, når tekst kopieres), som TOML ikke kan "
     "læse: slet tegnene omkring dette sted, og skriv dem igen"},
    {"toml_no_value", "feltet '{key}' har ingen værdi efter '=': skriv en, eller slet linjen"},
    {"toml_escape",
     "en omvendt skråstreg '\\' i anførselstegn begynder et specialtegn: skriv '\\\\' for en "
     "omvendt skråstreg, eller brug enkelte anførselstegn, fx 'C:\\mappe'"},
    {"toml_leading_zero", "et helt tal kan ikke begynde med 0. Rettelse: {fix}"},
    {"toml_inline_table_line", "en tabel i { } skal skrives på én linje"},
    {"toml_after_value",
     "efter værdien står der mere, som TOML ikke kan læse: et felt har én værdi, så sæt hele "
     "teksten i ét sæt anførselstegn, eller begynd en kommentar med '#'"},
    {"toml_other",
     "TOML kan ikke læse linjen (parserens besked: {parser}): sammenlign den med eksemplerne i "
     "docs/redaktoerguide.md"},
    // Links: absolute links to files in content/, and percent-codes in anchors
    {"link_absolute_page",
     "linket {url} begynder med '/', så det virker hverken på sitet eller i GitHubs visning af "
     "filen: skriv stien fra denne side, {relative}"},
    {"link_absolute_none",
     "linket {url} begynder med '/', og der er ingen fil content/{path}: link til en fil i "
     "content/ med stien fra denne side"},
    {"link_anchor_code",
     "linket {url} har en %-kode efter '#', som ikke kan læses: '{code}'. En %-kode er '%' og to "
     "tegn 0-9 eller A-F, og æ, ø og å fylder to koder hver (ø er %C3%B8); skriv hellere "
     "overskriftens id med almindelige bogstaver, fx #åbne-spørgsmål"},

    // The booklet's PDF in handbook build
    {"claim_booklet_pdf", "hæftets PDF"},
    {"build_pdf_missing",
     "hæftets PDF kan ikke laves, for WeasyPrint er ikke installeret: installer det med "
     "'apt-get install weasyprint', eller byg uden PDF med 'handbook build --no-pdf'. Det "
     "forrige websted er uændret"},
    {"build_pdf_failed",
     "hæftets PDF kunne ikke laves, så det forrige websted er uændret. Byg uden PDF med "
     "'handbook build --no-pdf', eller se fejlen med 'handbook booklet --pdf'. {why}"},
    {"build_pdf_started", "laver hæftets PDF med WeasyPrint …"},
    {"build_pdf_written", "skrev hæftets PDF, {pages} sider, på {seconds}"},
    {"cli_no_pdf_only_build", "--no-pdf er kun for build"},
    {"pdf_progress_html", "PDF: læser hæftet"},
    {"pdf_progress_css", "PDF: anvender stilarkene"},
    {"pdf_progress_boxes", "PDF: opbygger dokumentet"},
    {"pdf_progress_pages", "PDF: {n} sider sat"},
    {"pdf_progress_repaginate", "PDF: sætter siderne igen, så sidetallene i henvisningerne passer"},
    {"pdf_progress_pages_again", "PDF: {n} sider sat igen"},
    {"pdf_progress_writing", "PDF: skriver filen"},
};

}  // namespace

std::span<const MessageText> danish_messages() {
  return kDanish;
}

}  // namespace hb
