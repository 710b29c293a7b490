// The diagnostics in English (`--lang en`). Every id here is in messages_da.cpp too, with the
// same {slots}; a test checks it.
#include "messages.h"

namespace hb {

namespace {

const MessageText kEnglish[] = {
    // How a problem is printed
    {"severity_error", "error"},
    {"severity_warning", "warning"},
    {"count_errors_one", "{n} error"},
    {"count_errors_many", "{n} errors"},
    {"count_warnings_one", "{n} warning"},
    {"count_warnings_many", "{n} warnings"},
    {"count_omitted_one",
     "{n} more problem is not shown (at most {per_file} per file and {all} in all): fix the ones "
     "above and run the check again"},
    {"count_omitted_many",
     "{n} more problems are not shown (at most {per_file} per file and {all} in all): fix the "
     "ones above and run the check again"},

    // The command line
    {"cli_see_help", "Run 'handbook --help' for usage."},
    {"cli_lang_value", "--lang must be 'da' or 'en', not '{value}'"},

    // Words that messages are made of
    {"did_you_mean", " (did you mean {word}?)"},
    {"list_or", " or "},
    {"kind_text", "text"},
    {"kind_integer", "a whole number"},
    {"kind_number", "a number"},
    {"kind_boolean", "true/false"},
    {"kind_date", "a date"},
    {"kind_time", "a time"},
    {"kind_date_time", "a date and time"},
    {"kind_list", "a list"},
    {"kind_table", "a table"},
    {"kind_nothing", "nothing"},
    {"describe_string", "text in quotes"},
    {"describe_markdown", "Markdown text in quotes"},
    {"describe_integer", "a whole number"},
    {"describe_number", "a number"},
    {"describe_boolean", "true or false"},
    {"describe_date", "a date like 2026-11-23"},
    {"describe_enum", "one of {values}"},
    {"describe_url", "a web address starting with https://"},
    {"describe_email", "an e-mail address"},
    {"describe_ref", "the id of a {collection} page in quotes"},
    {"describe_refs", "a list of ids of {collection} pages, like [\"a\", \"b\"]"},
    {"describe_table", "a table of fields"},
    {"describe_list", "a list, like [...]"},
    {"describe_value", "a value"},

    // A page's fields checked against its collection in handbook.toml, and vocabularies
    {"either_true_false", "{name} = true or {name} = false"},
    {"label_owner", "Owner"},
    {"label_review_by", "Review by"},
    {"schema_marker_in_plain",
     "field {field} is plain text, where an internal marker hides nothing: remove the internal "
     "text, or put it in a field declared internal"},
    {"schema_type", "field {field} must be {expected}, not {actual}"},
    {"schema_between", "field {field} must be between {min} and {max}, not {value}"},
    {"schema_boolean_in_quotes",
     "field {field} must be true or false without quotes, not \"{value}\". Fix: {fix}"},
    {"schema_image_in_field",
     "field {field} shows an image: fields cannot show images, so put the image in the page's text "
     "below the front matter"},
    {"schema_enum_value", "'{value}' is not allowed in field {field}: use {values}"},
    {"schema_url", "field {field} must be a web address starting with https://"},
    {"schema_email", "'{value}' in field {field} is not an e-mail address"},
    {"schema_empty_id", "field {field} has an empty id"},
    {"schema_table_type", "field {field} must be a table like { name = \"...\" }, not {actual}"},
    {"schema_table_unknown_key", "unknown field '{key}' in {field}"},
    {"schema_table_missing", "{field} is missing its required field {sub} ({expected})"},
    {"config_visibility",
     "visibility = '{value}' is neither 'public' nor 'internal'{hint}: a collection is public "
     "unless it says exactly visibility = \"internal\""},
    {"schema_list_too_long",
     "field {field} has {count} entries, and a field may have at most {max}: split the page"},
    {"schema_list_twice", "'{value}' stands more than once in field {field}: write it once"},
    {"aliases_too_many",
     "aliases has {count} former ids, and a page may have at most {max}: each becomes a file in "
     "each edition; remove the oldest"},
    {"term_no_address",
     "'{term}' has no letter (a-z, æ, ø, å, é, ...) or digit to give the term's page its "
     "address: write the term in words"},
    {"schema_visibility", "field {field} must be 'public' or 'internal'"},
    {"schema_date", "field {field} must be a date like {example} (without quotes)"},
    {"schema_date_quoted",
     "field {field} must be a date without quotes, not \"{value}\". Fix: {fix}"},
    {"schema_date_in_quotes",
     "field {field} must be a date like 2026-11-23 without quotes, not \"{value}\""},
    {"schema_owner", "field {field} must be a role's id in quotes, like \"direktionen\""},
    {"schema_id_mismatch",
     "id '{id}' differs from the file name: a page's id is its file name without '.md' "
     "('{file_id}'); remove the id line or rename the file"},
    {"schema_unknown_field", "unknown field '{key}' in a {singular} ({collection})"},
    {"schema_unknown_field_section", "unknown field '{key}' in a section page"},
    {"schema_missing", "missing required field {field} ({expected})"},
    {"vocab_empty_term",
     "an empty term in a field of the {taxonomy}: remove it, or write one of the {taxonomy} "
     "declared in handbook.toml [taxonomies.{name}] terms"},
    {"vocab_unknown_term",
     "'{term}' is not one of the {taxonomy} declared in handbook.toml [taxonomies.{name}] terms: "
     "use {terms}, or add '{term}' to that list"},
    {"vocab_unknown_term_many",
     "'{term}' is not one of the {taxonomy} declared in handbook.toml [taxonomies.{name}] terms: "
     "use one of them, or add '{term}' to that list"},

    // The site's settings, handbook.toml
    {"config_unknown_setting", "unknown setting '{key}' in {where}{hint}"},
    {"config_known_keys", " (the settings there are: {keys})"},
    {"config_in_field", "field '{name}'"},
    {"config_in_collection", "a collection"},
    {"config_in_profile", "profile '{name}'"},
    {"config_in_taxonomy", "taxonomy '{name}'"},
    {"config_string", "'{key}' must be a string in quotes"},
    {"config_date", "'{key}' must be a date like 2026-11-23 (without quotes)"},
    {"config_web_address",
     "'{key}' must be the web address the edition is published at, starting with https:// and "
     "without spaces, quotes, '#' or '?', like \"https://www.vejle.dk/ejerstrategi/\""},
    {"config_boolean", "'{key}' must be true or false"},
    {"config_strings", "'{key}' must be a list of strings, like [\"a\", \"b\"]"},
    {"config_strings_only", "'{key}' must contain only strings"},
    {"config_table", "'{key}' must be a table"},
    {"config_field_table", "field '{name}' must be a table such as { type = \"string\" }"},
    {"config_field_type", "field '{name}' has unknown type '{type}'{hint}"},
    {"config_field_of", "unknown list element type '{type}'{hint}"},
    {"config_enum_values", "enum field '{name}' needs values = [...]"},
    {"config_ref_to", "field '{name}' needs to = \"<collection>\" naming what it refers to"},
    {"config_table_no_field",
     "list_table names the field '{name}', but the collection '{collection}' has none{hint}"},
    {"config_table_internal",
     "list_table cannot show the field '{name}' in a column: it is internal, and the table is in "
     "both editions"},
    {"config_table_long",
     "list_table cannot show the field '{name}' in a column: it is not a short value"},
    {"config_table_group", "list_table's group must be an enum field, and '{name}' is not one"},
    {"config_collection_name", "a collection needs a name = \"...\""},
    {"config_terms",
     "{where} must be a list of the taxonomy's terms, like [\"klima og miljø\", \"økonomi\"]; "
     "without the line, any term is accepted"},
    {"config_terms_strings", "{where} must contain only terms in quotes"},
    {"config_terms_empty", "{where} has an empty term: remove it"},
    {"config_terms_twice", "'{term}' is in {where} twice: remove one"},
    {"config_terms_case",
     "'{term}' and '{other}' in {where} differ only in case: keep one spelling"},
    {"config_status", "status '{status}' is none of 'udkast', 'vedtaget', 'under revision'{hint}"},
    {"config_owners", "owners names the collection '{name}', but there is none{hint}"},
    {"config_allowed_strings", "'allowed' must contain only strings, like \"pdf\""},
    {"config_allowed_type",
     "attachment type '{type}' must be a file ending of letters and digits without the dot, like "
     "\"pdf\""},
    {"config_allowed_markdown",
     "'{type}' files are the pages' sources and are never published as attachments"},
    {"config_allowed_list", "'allowed' must be a list of file types, like [\"pdf\", \"png\"]"},
    {"config_repo_url",
     "[repository] needs url = the repository's web address, starting with https:// and without "
     "spaces, quotes, '#', '?' or '%', like \"https://github.com/vejle/ejerstrategi\""},
    {"config_repo_branch",
     "[repository] needs branch = the branch that is published, in letters, digits, '-', '_', '.' "
     "and '/', like \"main\""},
    {"config_repo_kind_unknown",
     "cannot tell from '{url}' whether the repository is on GitHub or GitLab: add kind = "
     "\"github\" or kind = \"gitlab\""},
    {"config_repo_kind", "'kind' must be \"github\" or \"gitlab\", not '{kind}'{hint}"},
    {"config_repo_path",
     "'path' must be the site folder inside the repository, in letters, digits, '-', '_', '.' and "
     "'/', like \"handbog\""},
    {"config_unknown_collection",
     "field '{name}' refers to unknown collection '{collection}'{hint}"},
    {"config_unknown_taxonomy", "field '{name}' names unknown taxonomy '{taxonomy}'{hint}"},
    {"config_outside",
     "handbook.toml is a link to a file outside the site folder: the build reads only the site's "
     "own files, so put the settings file itself in the site folder"},
    {"config_missing", "cannot read the site settings: no handbook.toml in '{folder}'"},
    {"config_collections", "collections must be written as [[collections]] tables"},

    // Templates (templates/*.mustache)
    {"template_folder_missing", "template folder not found"},
    {"template_outside",
     "the template is a link to a file outside the template folder: the build reads only the "
     "site's own files, so put the template itself there"},
    {"template_unreadable", "cannot read the template"},
    {"template_not_found", "template '{name}' not found{hint}"},
    {"template_named_by", ", named by '{tag}'"},
    {"template_noun_section", "section"},
    {"template_noun_block", "block"},
    {"template_noun_parent", "parent"},
    {"template_delimiters_end",
     "invalid delimiter change: expected '{end}' at its end, like '{{=<% %>=}}'"},
    {"template_tag_unclosed", "tag is never closed: expected '{end}'"},
    {"template_delimiters_two",
     "invalid delimiter change: expected two delimiters separated by a space, like '{{=<% %>=}}'"},
    {"template_tag_no_name", "tag '{tag}' has no name"},
    {"template_tag_spaces", "tag name '{name}' cannot contain spaces"},
    {"template_never_closed", "{kind} '{name}' is never closed (opened here)"},
    {"template_too_deep",
     "{kind} '{name}' is nested more than {max} levels deep (sections, blocks and parents may "
     "nest {max} levels at most)"},
    {"template_close_none", "closing tag '{tag}' has no open section"},
    {"template_close_mismatch", "closing tag '{tag}' does not match the open {kind} '{name}'"},
    {"template_render_deep",
     "'{tag}' is nested more than {max} levels deep while rendering (do templates include each "
     "other without end?)"},
    {"template_render_deep_self",
     "'{tag}' is nested more than {max} levels deep while rendering (does '{name}' include "
     "itself?)"},
    {"template_steps",
     "'{tag}' takes the render past {max} sections, partials and list items (do sections repeat "
     "inside each other over long lists?)"},
    {"template_bytes",
     "'{tag}' takes the output past {max} bytes (do sections repeat inside each other over long "
     "lists?)"},
    {"template_cycle",
     "'{tag}' makes template '{name}' include itself: {loop} (a template may not include itself, "
     "directly or through others)"},

    // The output folder and its files
    {"out_refuse_folder", "refusing to write into {path}: "},
    {"out_refuse_booklet", "refusing to write the booklet to {path}: "},
    {"out_refuse_pdf", "refusing to write the PDF to {path}: "},
    {"out_is_root", "it is the root folder; choose a new folder"},
    {"out_is_home", "it is your home folder; choose a new folder inside it"},
    {"out_contains_home",
     "it contains your home folder; choose a new folder inside your home folder"},
    {"out_is_site",
     "it is the site folder, whose sources the build would replace; choose a new folder, or leave "
     "out --out to write into the site's _site/ folder"},
    {"out_contains_site",
     "it contains the site folder, whose sources the build would replace; choose a new folder, or "
     "leave out --out to write into the site's _site/ folder"},
    {"out_in_sources",
     "it is in the site's {folder}/ folder, which holds sources; choose a folder outside "
     "content/, templates/ and theme/, or leave out --out to write into the site's _site/ folder"},
    {"out_is_file", "it is a file, not a folder; choose a folder for the output"},
    {"out_not_ours",
     "the folder is not empty and was not made by handbook (no {marker} file); choose an empty or "
     "new folder, or pass --force to replace its contents"},
    {"out_file_is_folder", "it is a folder, not a file; give a file name with --out"},
    {"out_file_is_settings",
     "it is the site's settings file handbook.toml; give another file name with --out"},
    {"out_file_in_sources",
     "it is in the site's {folder}/ folder, which holds sources; give a file name outside "
     "content/, templates/ and theme/ with --out"},
    {"out_cannot_write", "cannot write {path}"},
    {"out_cannot_read", "cannot read {path}"},
    {"out_cannot_copy", "cannot copy {path}: {reason}"},
    {"out_cannot_remove", "cannot remove {path}: {reason}"},
    {"out_cannot_create", "cannot create the folder {path}: {reason}"},
    {"out_staging_in_way",
     "cannot use the folder {path}: it is in the way and was not made by handbook; remove it"},
    {"out_replace_not_folder", "cannot replace {path}: it is not a folder"},
    {"out_replace_not_ours",
     "cannot replace {path}: the folder is not empty and was not made by handbook"},
    {"out_move_old", "cannot move the old output {path} aside: {reason}"},
    {"out_move_new", "cannot move the new output into {path}"},

    // Reading the site's files, on disk or from a git revision
    {"source_site_folder", "the site folder"},
    {"source_no_file", "there is no file {file}"},
    {"source_dangling_link", "{file} is a symbolic link that leads to no file"},
    {"source_link_out",
     "{file} leads out of {folder} through a symbolic link: the build reads only files inside the "
     "site's content/ and theme/"},
    {"source_folder", "{file} is a folder, not a file"},
    {"source_not_regular", "{file} is not a regular file"},
    {"source_hard_link",
     "{file} is a hard link, one of several names of a file that may lie outside {folder}: "
     "replace it with a copy of the file"},
    {"source_git_link",
     "{file} is a symbolic link, and a build from a git revision follows none: put the file "
     "itself there"},
    {"source_no_repository", "the site folder '{folder}' is not in a git repository"},
    {"source_outside_worktree",
     "the site folder '{folder}' is not inside the repository's working tree"},
    {"source_no_revision", "no revision '{rev}' in the repository: {reason}"},
    {"source_not_commit", "'{rev}' is not a commit"},
    {"source_no_tree", "cannot read the tree of '{rev}': {reason}"},

    // The history from git, and pages due for review
    {"history_unreadable",
     "cannot read the history of the repository ({reason}), so pages show only the dates of their "
     "front matter"},
    {"history_shallow",
     "the repository is a shallow clone, so its history is incomplete and pages may show too late "
     "a date of last change: fetch the whole history (in GitHub Actions: actions/checkout with "
     "'fetch-depth: 0'; elsewhere: git fetch --unshallow)"},
    {"review_overdue",
     "the page was due for review on {date} (review_by = {review_by}): check that it is still "
     "true, then set a new review_by date"},
    {"review_overdue_owner",
     "the page was due for review on {date} (review_by = {review_by}): ask '{owner}' to check that "
     "it is still true, then set a new review_by date"},
    {"new_cannot_write", "cannot write {file}: {reason}"},

    // Building the edition and its booklet
    {"build_unknown_profile",
     "unknown profile '{name}'{hint}: the profiles in handbook.toml are {list}"},
    {"graphviz_no_engine",
     "Graphviz has no layout engine '{engine}' to lay out a diagram: install it with 'apt-get "
     "install -y libgvc6', or register the installed plugins with 'libgvc6-config-update -c'"},
    {"graphviz_no_route", "Graphviz routed no edge"},
    {"build_booklet_failed", "booklet failed: {reason}"},
    {"build_failed", "build failed: {reason}"},
    {"booklet_no_template",
     "template 'booklet' not found: the booklet needs templates/booklet.mustache"},
    {"booklet_no_styles",
     "no print styles: the booklet is written without page numbers, running headers or page "
     "breaks"},
    {"booklet_unknown_chapter",
     "booklet chapter '{entry}' names neither a collection nor a page (no collection '{entry}', "
     "no file content/{file}){hint}"},
    {"booklet_page_twice",
     "booklet chapter '{entry}' repeats content/{file}, which chapter '{other}' already holds: a "
     "page can appear only once in the booklet"},
    {"pdf_missing", "WeasyPrint not found: install it with 'apt-get install -y weasyprint'"},
    {"pdf_refused_load",
     "refused to load {url}: the PDF reads only the booklet and the images it shows"},
    {"pdf_signal", "WeasyPrint was stopped by signal {n}"},
    {"pdf_exit", "WeasyPrint failed with exit status {n}"},
    {"out_cannot_temp", "cannot make a temporary folder"},

    // The command line's options, and what a command says when it is done
    {"cli_pdf_only_booklet", "--pdf and --pdf-variant are only for booklet"},
    {"cli_pdf_variant",
     "unknown PDF variant '{value}'{hint}: use pdf/ua-1, pdf/a-1b, pdf/a-2b, pdf/a-3b or pdf/a-4b"},
    {"cli_port", "--port needs a number from 0 to 65535, not '{value}'"},
    {"cli_diff_base", "diff needs --base REV, e.g. --base main"},
    {"cli_diff_format", "--format for diff must be 'text', 'markdown' or 'json', not '{value}'"},
    {"cli_diff_rev", "diff takes --base and --head, not --rev"},
    {"cli_diff_out", "diff writes only its report: --out, --force and --pdf are not for diff"},
    {"cli_unknown_option_for", "unknown option '{option}' for {command}{hint}"},
    {"cli_option_value", "option {option} needs a value"},
    {"cli_unknown_option", "unknown option '{option}'{hint}"},
    {"cli_new_usage",
     "new needs a collection and an id: handbook new <collection> <id> [--title \"...\"]"},
    {"cli_new_extra", "new takes a collection and an id, not also '{word}'"},
    {"cli_title_empty", "--title needs a text, not an empty one"},
    {"cli_no_command", "no command given"},
    {"cli_unknown_command", "unknown command '{command}'{hint}"},
    {"cli_jobs", "--jobs needs a number, not '{value}'"},
    {"cli_base_only_diff", "--base and --head are only for diff"},
    {"cli_format", "--format must be 'text' or 'github', not '{value}'"},
    {"cli_check_out", "check writes nothing: --out is only for build"},
    {"cli_force_only_build", "--force is only for build"},
    {"cli_port_only_serve", "--port and --bind are only for serve"},
    {"cli_serve_out", "serve keeps the edition in memory: --out is only for build and booklet"},
    {"cli_serve_rev", "serve shows the files as they are on disk: --rev is not for serve"},
    {"cli_today_only_check", "--fail-on-overdue and --today are only for check"},
    {"cli_today", "--today needs a date like 2026-12-05, not '{value}'"},
    {"cli_pdf_writing", "writing PDF with WeasyPrint ..."},
    {"cli_pdf_wrote", "wrote {n} PDF pages to {path} in {seconds}"},
    {"cli_new_wrote", "wrote {file}: replace each \"UDFYLD\" in it, then run 'handbook check'"},
    {"cli_checked_clean", "{profile} edition checked: no problems"},
    {"cli_checked_warning", "{profile} edition checked: no errors, {n} warning"},
    {"cli_checked_warnings", "{profile} edition checked: no errors, {n} warnings"},
    {"cli_booklet_wrote", "wrote the {profile} booklet to {path} in {seconds}"},
    {"cli_build_wrote", "wrote {n} pages to {path} in {seconds}"},

    // handbook serve
    {"serve_not_built",
     "the {profile} edition was not built; the pages built before are served until the errors are "
     "fixed"},
    {"serve_built", "built the {profile} edition in {ms} ({files} changed, {pages} rendered)"},
    {"serve_built_full",
     "built the {profile} edition in {ms} ({files} changed, {pages} rendered, every page read)"},
    {"serve_wrong_host",
     "Refused: the request is for the host '{host}', but handbook serve answers only requests for "
     "this machine (localhost, 127.0.0.1, [::1]); so no web page can read the editions through a "
     "name that leads to 127.0.0.1"},
    {"serve_refused", "Refused: {reason}"},
    {"serve_not_found", "Not found"},
    {"serve_cannot_listen",
     "cannot listen on {address} port {port}: the port is in use or the address is not this "
     "machine's; choose another with --port or --bind"},
    {"serve_cannot_watch", "cannot watch {folder}: {reason}"},
    {"serve_network",
     "warning: serving on {address}: the {profile} edition can now be reached from the network, "
     "not only from this machine; the internal edition holds what is not for the public"},
    {"serve_serving", "serving the {profile} edition at {url} (Ctrl-C stops)"},
    {"serve_stopped", "stopped"},
    {"serve_path_slash", "the path does not start with '/'"},
    {"serve_path_absolute", "an absolute path is not served"},
    {"serve_path_backslash", "a backslash is not served"},
    {"serve_path_nul", "a NUL byte is not served"},
    {"serve_path_dots", "'{part}' is not served"},
    {"serve_path_empty", "an empty path part is not served"},

    // handbook --help
    {"cli_usage", R"(handbook - a living owner-strategy handbook from Markdown

Usage:
  handbook build   [--site DIR] [--profile public|internal] [--out DIR] [--force] [--jobs N]
                   [--stats] [--no-pdf]
  handbook check   [--site DIR] [--profile public|internal] [--format text|github]
                   [--fail-on-overdue] [--today YYYY-MM-DD]
  handbook booklet [--site DIR] [--profile public|internal] [--out FILE] [--pdf]
                   [--pdf-variant pdf/ua-1]
  handbook diff    --base REV [--head REV] [--site DIR] [--format text|markdown|json]
  handbook new     <collection> <id> [--title "..."] [--site DIR]
  handbook mv      <collection> <old-id> <new-id> [--site DIR]
  handbook serve   [--site DIR] [--profile public|internal] [--port N] [--bind ADDR]
  handbook --help | --version

Commands:
  build    renders the site into DIR (default: <site>/_site/<profile>); the previous output
           is replaced only when the whole build succeeds, and only a folder that handbook
           made (it holds a .handbook-output file), an empty folder or a new one; with
           [booklet] in handbook.toml also the booklet's PDF, DIR/booklet.pdf (WeasyPrint)
  check    validates content, references, links and templates without writing anything
  booklet  writes the edition as one printable HTML document (default:
           <site>/_site/booklet-<profile>.html) and with --pdf also a PDF beside it
  serve    builds the edition in memory and serves it at http://127.0.0.1:8000/; builds it
           again when a file of the site changes and reloads the open pages; errors are
           shown in the browser; /__handbook/edition/NAME switches to another edition
  diff     shows what a change does to each edition, the public one first: pages added,
           removed and changed (a word diff of the text, by section), text that moves from
           internal to public, and new warnings; both revisions are read from git
  new      writes content/<folder>/<id>.md for a new page of the collection, with its fields
           from handbook.toml: each required field holds "UDFYLD", which check reports until
           it is filled in, and the optional fields are comments saying what each holds
  mv       renames a page: content/<folder>/<old-id>.md becomes <new-id>.md, every reference
           and link to it in content/ is rewritten, and the page gets aliases = ["old-id"], so
           that its old address leads to the new one; nothing is written if the site has errors

Options:
  --site DIR        the site folder with handbook.toml (default: .)
  --profile NAME    the edition: public (default) or internal
  --out DIR         where build writes the site (for booklet: the HTML file)
  --force           build: replace DIR even when it is not empty and handbook did not make it
                    (its files are deleted); never the site, its sources or your home folder
  --rev REV         build, check, booklet: the site as it is in git revision REV (a tag,
                    branch or commit), read from the repository without a checkout
                    (build's default DIR: <site>/_site/rev-<REV>/<profile>)
  --base REV        diff: the revision to compare with (e.g. main or origin/main)
  --head REV        diff: the changed revision (default: the working tree)
  --format FORMAT   check: text (default) or github (::error annotations for pull requests);
                    diff: text (default), markdown (a pull-request comment) or json
  --jobs N          worker threads (default: every core)
  --stats           print the time of each stage
  --fail-on-overdue check: a page past its review_by date is an error, not a warning
  --today DAY       check: compare review_by dates with DAY (YYYY-MM-DD) instead of today
  --pdf             booklet: also write a PDF with WeasyPrint (apt-get install -y weasyprint)
  --no-pdf          build: without the booklet's PDF (the site links the HTML booklet)
  --pdf-variant V   booklet: the PDF variant, e.g. pdf/ua-1 (implies --pdf)
  --port N          serve: the port (default 8000; 0: any free port)
  --bind ADDR       serve: the address (default 127.0.0.1; any other can be reached from
                    the network)
  --title TEXT      new: the page's title (default: "UDFYLD", to be filled in)
  --lang da|en      the language of the messages (default: the site's [site] language)

Exit status: 0 success, 1 content errors, 2 usage errors.
)"},

    // Links and references between pages
    {"link_absolute",
     "link {url} is an absolute path: link to a file inside content/ by its path from this page"},
    {"link_control", "link {url} encodes a control character: remove it"},
    {"link_leaves", "link {url} leaves the content folder: link to a file inside content/"},
    {"link_content_folder", "link {url} names the content folder itself: link to a file inside it"},
    {"site_id_twice",
     "id '{id}' is used twice in {collection}: also by {other}; rename one of the files"},
    {"site_internal_target",
     "{what} is internal and left out of the {profile} edition: remove the reference, mark this "
     "passage internal, or make the target public"},
    {"site_what_ref", "{collection} '{id}'"},
    {"site_what_link", "the linked page '{path}'"},
    {"site_unknown_ref", "field {field} names '{id}', but there is no {collection} with that id"},
    {"site_no_heading_here", "this page has no heading with the id '{anchor}'"},
    {"site_no_heading", "'{page}' has no heading with the id '{anchor}'"},
    {"site_no_file", "link to '{url}': there is no file content/{path}"},
    {"site_link_refused", "link to '{url}': {reason}"},

    // Internal passages and their markers
    {"place_field", "field"},
    {"place_page", "page"},
    {"place_quote", "quote"},
    {"place_list_item", "list item"},
    {"place_paragraph", "paragraph"},
    {"place_heading", "heading"},
    {"place_footnote", "footnote"},
    {"place_link", "link"},
    {"place_image", "image description"},
    {"place_table_cell", "table cell"},
    {"place_emphasis", "emphasis"},
    {"marker_where",
     "a passage begins and ends in the same place: both markers on lines of their own (in the "
     "page, or in one quote, list item or footnote), or both within one paragraph, heading or "
     "table cell"},
    {"marker_in_link",
     "'{marker}' stands in a link's address or title, where it hides nothing: put the markers "
     "around the whole link"},
    {"marker_unread",
     "'{marker}' stands in text that Markdown reads but does not show (a footnote that nothing "
     "refers to, or a link definition), so it cannot mark a passage: refer to the footnote, or "
     "move the passage into the text"},
    {"marker_in_html",
     "'{marker}' stands inside a block of HTML, where it marks nothing: leave a blank line between "
     "the HTML and the marker"},
    {"marker_not_alone",
     "'{marker}' must stand alone on its line: move '{other}' to a line of its own"},
    {"md_table_row_cells",
     "a table may have at most {max} cells in a row, and this line has more ('|'): split the "
     "table"},
    {"md_table_cells",
     "the tables here would have more than {max} cells in all (columns times rows, empty ones "
     "too): split them over several pages, or end each table with a blank line"},
    {"md_link_copies",
     "a link definition here may take {size} bytes, and each of the text's {uses} ']' may repeat "
     "it in a link: that may make over {max} MB of HTML; write a shorter address, or write it in "
     "the links themselves"},
    {"md_footnote_references",
     "over {max} footnote references ('[^') in one text: each adds a link back in the footnote, "
     "and the page grows too large; gather the references, or split the text"},
    {"md_brackets",
     "too many '[' and ']' in one paragraph: Markdown would take too long to read them; put blank "
     "lines between the paragraphs, or write \\[ and \\] for brackets that belong to no link"},
    {"md_unclosed_html",
     "'{what}' is never closed, and so many of them in one paragraph would take too long to read: "
     "write &lt; for a '<' that begins no HTML"},
    {"link_definition_internal",
     "the link uses a link definition ('[name]: address') that stands in an internal passage: "
     "the public edition lacks the definition and shows the link as text in square brackets; "
     "move the definition out of the passage, or write the address in the link: [text](address)"},
    {"footnote_definition_internal",
     "the footnote [^{label}] stands outside the internal passages, but its text stands in an "
     "internal passage: the public edition shows '[^{label}]' as text; move the footnote's text "
     "out of the passage, or move the reference into it"},
    {"marker_as_text",
     "'{marker}' stands here as text (written with '\\' or '&lt;'), so it hides nothing and "
     "the text after it is published: write the marker without them on a line of its own, or in "
     "`backticks` to show it"},
    {"marker_near_miss_char",
     "'{marker}' looks like an internal marker but is not one: it holds the character {char}, "
     "which a marker cannot hold: write '{write}'"},
    {"char_no_break_space", "no-break space"},
    {"char_zero_width_space", "zero-width space"},
    {"char_en_dash", "en dash"},
    {"char_em_dash", "em dash"},
    {"char_minus", "minus sign"},
    {"marker_near_miss",
     "'{marker}' looks like an internal marker but is not one: write '{write}'"},
    {"marker_close_nothing",
     "'<!-- /internal -->' closes no internal passage: add '<!-- internal -->' before the internal "
     "text, or remove this line"},
    {"marker_close_nothing_in",
     "'<!-- /internal -->' closes no internal passage in this {place}: {where}"},
    {"marker_never_closed",
     "internal passage is never closed: add a line '<!-- /internal -->' after it"},
    {"marker_never_closed_in",
     "internal passage is never closed in this {place}: add '<!-- /internal -->' before it ends; "
     "{where}"},
    {"marker_began_in_field", "that began earlier in this field"},
    {"marker_began_on_line", "that began on line {line}"},
    {"marker_nested",
     "'<!-- internal -->' inside an internal passage {began}: close that one with '<!-- /internal "
     "-->' first"},
    {"marker_close_inside", "'<!-- /internal -->' inside an internal passage {began}: {where}"},

    // Files: attachments, names, text that cannot be published
    {"char_control", "a control character"},
    {"char_space", "a space"},
    {"types_none", "none"},
    {"file_not_inside", "{file} is not a path inside {folder}/"},
    {"file_hidden",
     "{file} is hidden (a name that starts with '.'), and hidden files are never published"},
    {"file_leads_to_hidden",
     "{file} leads through a symbolic link to a hidden file or folder (a name that starts with "
     "'.'), and hidden files are never published: put the file itself there"},
    {"file_markdown_theme",
     "{file} is a Markdown source, which is never published as a file: move it out of theme/"},
    {"file_name_breaks",
     "the name {file} contains {char}, which breaks web addresses: rename it using letters, "
     "digits, '-', '_' and '.'"},
    {"file_index_md",
     "{file} would take the address of the section's list page, {address}: a section's own page is "
     "named _index.md; rename this file"},
    {"file_page_link",
     "{file} is a symbolic link: a page takes its collection and its edition from the folder it "
     "stands in, so a page is never read through a link (it could make an internal page public): "
     "put the file itself there"},
    {"file_page_too_large",
     "{file} takes {size}, and a page may take at most {max}: split it into several pages"},
    {"file_attachment_too_large",
     "{file} takes {size}, and an attachment may take at most {max}: make the file smaller, or "
     "put it elsewhere and link to it there"},
    {"file_theme_too_large", "{file} takes {size}, and a file in theme/ may take at most {max}"},
    {"file_name_not_utf8",
     "the name {file} is not valid UTF-8, so no web address can name the file safely: rename "
     "it"},
    {"file_page_not_markdown", "{file} leads to a file that is not a Markdown source"},
    {"file_markdown_attachment",
     "{file} is a Markdown source, which is never published as a file: a page must be named *.md, "
     "and a link to it names that file"},
    {"file_no_type",
     "{file} has no file type (like .pdf), so it cannot be an attachment: the allowed types are "
     "{types}"},
    {"file_type_not_allowed",
     "{file} is of type '.{type}', which is not an allowed attachment type: the allowed types are "
     "{types} ([attachments] allowed in handbook.toml)"},
    {"file_leads_to_markdown",
     "{file} leads to a Markdown source, which is never published as a file"},
    {"text_not_utf8",
     "the file is not valid UTF-8 here: save it as UTF-8 (in most editors: 'Save with encoding', "
     "UTF-8)"},
    {"text_control",
     "the control character {char} cannot be published: delete it (it is invisible in most "
     "editors)"},
    {"text_control_escape",
     "this text holds the control character {char}, which cannot be published: remove the escape "
     "that writes it (such as \\u0000)"},

    // handbook new
    {"new_id_taken",
     "there is a {collection} with the id '{id}' already: {file}; choose another id, or edit "
     "that page"},
    {"new_id_breaks",
     "the id '{id}' contains {char}, which breaks web addresses: use letters, digits, '-', '_' and "
     "'.'"},

    // An id given to handbook new or handbook mv
    {"id_empty", "the id is empty: an id is the page's file name without '.md'"},
    {"id_slash",
     "the id '{id}' contains '/': an id is the page's file name without '.md', without folders"},
    {"id_extension", "write the id without '.{type}': '{id}'"},
    {"id_dot",
     "the id '{id}' starts with '.', which would hide the page: hidden files are never published"},
    {"id_section_page",
     "'_index' is the name of the section's own page (content/{folder}/_index.md), not of a page "
     "in the collection: choose another id"},
    {"id_list_page",
     "the id 'index' would take the address of the section's list page, {folder}/index.html: "
     "choose another id"},
    {"unknown_collection",
     "unknown collection '{name}'{suggest}: the collections in handbook.toml are {list}"},
    {"unknown_collection_none",
     "unknown collection '{name}'{suggest}: handbook.toml declares no collections"},

    // handbook mv
    {"mv_usage_missing",
     "mv needs a collection, the page's id and its new id: handbook mv <collection> <old-id> "
     "<new-id>"},
    {"mv_usage_extra", "mv takes a collection and two ids, not also '{word}'"},
    {"mv_config_errors", "handbook.toml has errors: fix them first"},
    {"mv_no_edition", "handbook.toml declares no edition ([profiles.NAME])"},
    {"mv_no_page", "there is no {collection} with the id '{id}': no file {file}{suggest}"},
    {"mv_same_id", "the new id is the page's id already: '{id}'"},
    {"mv_id_taken",
     "there is a {collection} with the id '{id}' already: {file}; choose another id"},
    {"mv_site_errors",
     "the site has errors: fix them and run 'handbook check', then rename the page"},
    {"mv_nothing_renamed", "nothing was renamed: {file} stays as it is"},
    {"mv_would_break", "the renamed site would have these errors, so nothing was changed"},
    {"mv_cannot_rewrite",
     "{what} names '{id}' in a way that handbook mv cannot rewrite: write it as '{id}' (or its "
     "file name as {id}.md), then run mv again"},
    {"mv_what_field", "field '{field}'"},
    {"mv_what_link", "the link '{url}'"},
    {"mv_what_front_matter", "the front matter"},
    {"mv_what_aliases", "'aliases'"},
    {"mv_cannot_write", "cannot write {file}: {reason}"},
    {"mv_cannot_remove", "cannot remove {file}: {reason}"},
    {"mv_file_gone", "{file} does not exist"},
    {"mv_renamed", "renamed {from} to {to}; its old address leads to the new one (aliases)"},
    {"mv_rewrote", "rewrote the references in {file}"},

    // A page's earlier ids (aliases) and their redirects
    {"aliases_not_list",
     "field 'aliases' must be a list of the page's earlier ids, like [\"gammelt-id\"], not "
     "{kind}"},
    {"alias_not_id",
     "an alias must be an earlier id of the page in quotes, a file name without '.md' and "
     "without folders, like \"gammelt-id\""},
    {"alias_redirect", "the redirect for the alias '{id}' of {file}"},
    {"alias_redirect_fix", "remove '{id}' from aliases, or give the page another id"},
    {"site_earlier_id", ": '{id}' is an earlier id of {file} (aliases), so write '{now}'"},
    {"site_link_renamed",
     "link to '{url}': the page content/{path} was renamed (aliases): it is now {file}, so link "
     "to {now}.md"},

    // Two files that would be published at the same address
    {"claim_taken", "{what} would be published as {path}, the address of {earlier}"},
    {"claim_taken_case",
     "{what} would be published as {path}, the address (but for case) of {earlier}"},
    {"claim_inside_file",
     "{what} would be published as {path}, inside the folder {folder}, but {folder} is the "
     "address of {earlier}"},
    {"claim_folder_of", "{what} would be published as {path}, the folder that holds {earlier}"},
    {"claim_term_page", "the page of the term '{term}' in {taxonomy}"},
    {"claim_term_list", "the list of {taxonomy}"},
    {"claim_matrix", "the page of the matrix"},
    {"claim_page", "the page {path}"},
    {"claim_page_from", "the page made from {file}"},
    {"claim_site_file", "the site's file {file}"},
    {"claim_booklet", "the booklet"},
    {"claim_theme_file", "the theme's file {file}"},
    {"claim_attachment", "the attachment {file}"},
    {"claim_link_prefix", "link to '{url}': "},
    {"claim_rename_one", "rename one of them"},
    {"claim_rename_file", "rename the file"},
    {"claim_rename_attachment", "rename the attachment"},

    // Pages and their folders
    {"page_outside_collections", "a page must be in a collection's folder ({folders})"},
    {"folder_not_collection", "folder '{folder}' is not a collection declared in handbook.toml"},
    {"image_external",
     "the image is fetched from another address ('{url}'), so every reader's browser would contact "
     "that server: put the image file in content/ beside the page and show it from there, for "
     "example ![Beskrivelse](billede.png)"},
    {"file_unreadable", "cannot read the file"},
    {"file_misnamed_markdown",
     "the name ends in '.{type}', so the file is not read as a page: rename it to {name}"},

    // The lines '+++' around a page's fields
    {"fm_missing",
     "missing front matter: the file must begin with a line '+++', then TOML fields such as "
     "title = \"...\", then another line '+++'"},
    {"fm_unclosed", "front matter is never closed: add a line '+++' after the last TOML field"},
    {"fm_yaml_fence",
     "the front matter begins with '---', as in Hugo or Jekyll (YAML): here the fields stand "
     "between two lines '+++' and are written as TOML, like title = \"...\". Fix: write '+++' "
     "instead of '---' on this line and on the line that ends the fields"},
    {"fm_closed_with_dashes",
     "the front matter began with '+++', so it must end with '+++' too, not '---'. Fix: write "
     "'+++' on this line"},
    {"fm_fence_spaced",
     "the line '+++' must begin at the start of the line: remove the spaces before it"},
    {"fm_fence_plus_count", "this line must be exactly three plus signs, '+++', not '{fence}'"},

    // TOML the parser cannot read, explained
    {"toml_curly_quote",
     "{quote} is a typographic quote, which TOML does not read (it often comes from Word): write "
     "straight quotes \"...\". Fix: {fix}"},
    {"toml_curly_quote_nofix",
     "{quote} is a typographic quote, which TOML does not read (it often comes from Word): put "
     "text in straight quotes \"...\""},
    {"toml_string_ends_curly",
     "the text begins with a straight quote but ends with {quote}, a typographic quote that TOML "
     "does not read: end it with a straight quote. Fix: {fix}"},
    {"toml_unclosed_string",
     "the text in quotes that begins here is never closed: add a quote at its end. Fix: {fix}"},
    {"toml_unclosed_multiline",
     "the text that begins with three quotes here is never closed: end it with three quotes "
     "too"},
    {"toml_missing_equals", "missing '=' between the field name '{key}' and its value. Fix: {fix}"},
    {"toml_colon",
     "write '=' between the field name and its value, not ':' (the fields are TOML, not YAML). "
     "Fix: {fix}"},
    {"toml_key_space",
     "a field name cannot contain spaces or tabs: '{key}' is not a field name. Write the name as "
     "handbook.toml spells it, for example {suggest}"},
    {"toml_key_letter",
     "a field name is written with the letters a-z, digits, '_' and '-' only, and '{char}' is not "
     "one of them: write the field's name as handbook.toml spells it"},
    {"toml_boolean_word",
     "'{word}' is not a value TOML knows: write true (yes) or false (no), without quotes. Fix: "
     "{fix}"},
    {"toml_bare_text", "text must stand in quotes. Fix: {fix}"},
    {"toml_list_parentheses", "a list is written in square brackets, like [\"a\", \"b\"]"},
    {"toml_double_equals", "write one '=' between the field name and its value"},
    {"toml_date_order",
     "a date is written year-month-day: write {iso}, not {given} (without quotes). Fix: {fix}"},
    {"toml_date_separator",
     "a date is written year-month-day with '-' between them: write {iso}, not {given} (without "
     "quotes). Fix: {fix}"},
    {"toml_date_digits",
     "a date has two digits for the month and two for the day: write {iso}, not {given}. Fix: "
     "{fix}"},
    {"toml_date_impossible",
     "{given} is not a date in the calendar: a date is written year-month-day, like 2026-11-23"},
    {"toml_decimal_comma", "a decimal number is written with a point, not a comma. Fix: {fix}"},
    {"toml_list_not_opened",
     "several values make a list, which begins with '[' and ends with ']'. Fix: {fix}"},
    {"toml_key_too_long",
     "this key has more than {max} parts separated by dots: write it with fewer parts"},
    {"toml_list_comma", "missing ',' between two values of the list: put a comma before this one"},
    {"toml_list_separator", "separate the values of a list with ',', not '{sep}'"},
    {"toml_list_unclosed",
     "the list that begins here is never closed: add ']' after its last value"},
    {"toml_repeated_key",
     "field '{key}' is written twice (also on line {first}): keep only one of them"},
    {"toml_repeated_key_once", "field '{key}' is written twice: keep only one of them"},
    {"toml_repeated_table",
     "the table [{key}] is written twice (also on line {first}): put its fields under one "
     "heading"},
    {"toml_repeated_table_once",
     "the table [{key}] is written twice: put its fields under one heading"},
    {"toml_nbsp",
     "there is a non-breaking space here (it often comes from Word), which TOML does not accept: "
     "delete it and type an ordinary space"},
    {"toml_invisible",
     "there is an invisible character here (it often comes with copied text), which TOML does "
     "not accept: delete the characters around this place and type them again"},
    {"toml_no_value", "field '{key}' has no value after '=': write one, or delete the line"},
    {"toml_escape",
     "a backslash '\\' in quotes begins a special character: write '\\\\' for a backslash, or use "
     "single quotes, like 'C:\\mappe'"},
    {"toml_leading_zero", "a whole number cannot begin with 0. Fix: {fix}"},
    {"toml_inline_table_line", "a table in { } must be written on one line"},
    {"toml_after_value",
     "after the value comes more text that TOML cannot read: a field holds one value, so put all "
     "of the text in one pair of quotes, or begin a comment with '#'"},
    {"toml_other",
     "TOML cannot read this line ({parser}): compare it with the examples in "
     "docs/redaktoerguide.md"},
    // Links: absolute links to files in content/, and percent-codes in anchors
    {"link_absolute_page",
     "link {url} starts with '/', so it works neither on the site nor in GitHub's view of the "
     "file: write the path from this page, {relative}"},
    {"link_absolute_none",
     "link {url} starts with '/', and there is no file content/{path}: link to a file inside "
     "content/ by its path from this page"},
    {"link_anchor_code",
     "link {url} has a %-code after '#' that cannot be read: '{code}'. A %-code is '%' and two "
     "characters 0-9 or A-F, and æ, ø and å take two codes each (ø is %C3%B8); better write the "
     "heading's id in plain letters, e.g. #åbne-spørgsmål"},

    // The booklet's PDF in handbook build
    {"claim_booklet_pdf", "the booklet's PDF"},
    {"build_pdf_missing",
     "the booklet's PDF cannot be made, for WeasyPrint is not installed: install it with "
     "'apt-get install weasyprint', or build without the PDF with 'handbook build --no-pdf'. "
     "The previous site is unchanged"},
    {"build_pdf_failed",
     "the booklet's PDF could not be made, so the previous site is unchanged. Build without the "
     "PDF with 'handbook build --no-pdf', or see the error with 'handbook booklet --pdf'. "
     "{why}"},
    {"build_pdf_started", "making the booklet's PDF with WeasyPrint …"},
    {"build_pdf_written", "wrote the booklet's PDF, {pages} pages, in {seconds}"},
    {"cli_no_pdf_only_build", "--no-pdf is only for build"},
    {"pdf_progress_html", "PDF: reading the booklet"},
    {"pdf_progress_css", "PDF: applying the style sheets"},
    {"pdf_progress_boxes", "PDF: building the document"},
    {"pdf_progress_pages", "PDF: {n} pages laid out"},
    {"pdf_progress_repaginate",
     "PDF: laying out the pages again, so that the page numbers of the references are right"},
    {"pdf_progress_pages_again", "PDF: {n} pages laid out again"},
    {"pdf_progress_writing", "PDF: writing the file"},
};

}  // namespace

std::span<const MessageText> english_messages() {
  return kEnglish;
}

}  // namespace hb
