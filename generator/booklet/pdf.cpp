#include "pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "base/messages.h"

extern char** environ;

namespace fs = std::filesystem;

namespace hb {

namespace {

constexpr int kExitNoWeasyPrint = 3;
constexpr const char* kRefused = "not named by the booklet";  // as the script says it

// Run as `python3 -c SCRIPT HTML PDF VARIANT [URL FILE]...`. Prints "handbook-pdf: pages N" when
// done, "handbook-pdf: refused URL" for each URL it did not load, and what WeasyPrint's progress
// log says as it works: "handbook-pdf: step S" for its steps (1 HTML, 2 CSS, 3 styles applied,
// 4 boxes, 6 the PDF), "handbook-pdf: page N" for each page laid out and "handbook-pdf:
// repaginate N" when it lays the pages out again (for the page numbers of cross-references). A URL
// is looked up by its file path (for file: URLs) or by the whole URL, percent-decoded, so that
// spellings of one address meet; the file read is the one given for it, never the one the URL
// names.
//
// Two lines make it cheaper without changing what it makes (bench/README.md, "Booklet"). Python's
// cycle collector is off: it would walk the millions of objects WeasyPrint makes again and again,
// for about a sixth of the bundled booklet's CPU time, and reference counting frees nearly all of
// them anyway. And the script ends with os._exit once the PDF is written and its report flushed,
// rather than having Python free the laid-out document object by object.
constexpr const char* kScript = R"PY(
import gc, logging, os, re, sys
gc.disable()
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
try:
    import weasyprint
    from weasyprint.urls import default_url_fetcher
except ImportError:
    sys.exit(3)
source, target, variant = sys.argv[1:4]
named = sys.argv[4:]
document_url = Path(source).as_uri()
raster = re.compile(r'data:image/(png|gif|jpeg|webp)[;,]', re.IGNORECASE)

def key(url):
    parts = urlsplit(url)
    if parts.scheme == 'file':
        return 'file:' + os.path.normpath(unquote(parts.path))
    return unquote(parts._replace(fragment='').geturl())

allowed = {key(document_url): source}
for url, path in zip(named[0::2], named[1::2]):
    allowed[key(urljoin(document_url, url))] = path

def fetch(url):
    if raster.match(url):
        return default_url_fetcher(url)
    path = allowed.get(key(url))
    if path is None:
        print('handbook-pdf: refused', url, flush=True)
        raise ValueError('not named by the booklet')
    return default_url_fetcher(Path(path).as_uri())

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('%(message)s'))
weasyprint.LOGGER.addHandler(handler)
weasyprint.LOGGER.setLevel(logging.ERROR)

class Progress(logging.Handler):
    def emit(self, record):
        words = str(record.msg % record.args if record.args else record.msg).split()
        if len(words) < 2 or words[0] != 'Step':
            return
        if words[1] == '5' and 'Repagination' in words:
            print('handbook-pdf: repaginate', words[-1].lstrip('#'), flush=True)
        elif words[1] == '5' and 'Page' in words and '(up-to-date)' not in words:
            print('handbook-pdf: page', words[words.index('Page') + 1], flush=True)
        elif words[1] != '5':
            print('handbook-pdf: step', words[1], flush=True)

progress = logging.getLogger('weasyprint.progress')
progress.addHandler(Progress())
progress.setLevel(logging.INFO)
progress.propagate = False
document = weasyprint.HTML(filename=source, url_fetcher=fetch).render()
document.write_pdf(target, variant=variant or None)
print('handbook-pdf: pages', len(document.pages), flush=True)
sys.stderr.flush()
os._exit(0)
)PY";

bool is_executable(const fs::path& p) {
  return !p.empty() && access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p);
}

fs::path on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
    if (is_executable(candidate)) return candidate;
    start = end + 1;
  }
  return {};
}

// The interpreter named in the `#!` line of the `weasyprint` command: the Python that has the
// weasyprint module, whichever `python3` comes first on PATH.
fs::path interpreter_of(const fs::path& script) {
  std::ifstream in(script);
  std::string line;
  if (!std::getline(in, line) || !line.starts_with("#!")) return {};
  std::vector<std::string> words;
  size_t pos = 2;
  while (pos < line.size()) {
    size_t start = line.find_first_not_of(" \t", pos);
    if (start == std::string::npos) break;
    size_t end = line.find_first_of(" \t", start);
    if (end == std::string::npos) end = line.size();
    words.push_back(line.substr(start, end - start));
    pos = end;
  }
  if (words.empty()) return {};
  if (words[0].ends_with("/env") && words.size() > 1) return on_path(words[1]);
  return words[0];
}

fs::path find_python() {
  if (const char* chosen = std::getenv("HANDBOOK_PYTHON"); chosen && *chosen) return chosen;
  if (fs::path cmd = on_path("weasyprint"); !cmd.empty())
    if (fs::path py = interpreter_of(cmd); is_executable(py)) return py;
  if (is_executable("/usr/bin/python3")) return "/usr/bin/python3";
  return on_path("python3");
}

struct ChildRun {
  bool started = false;
  int status = 0;
  std::string output;  // stdout and stderr together
};

// Runs `argv`, and calls `on_line` with each line of its output as soon as the line is whole.
ChildRun run_child(const std::vector<std::string>& argv,
                   const std::function<void(const std::string&)>& on_line) {
  ChildRun run;
  int fds[2];
  if (pipe(fds) != 0) return run;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::vector<char*> args;
  for (auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc == 0) {
    run.started = true;
    char buf[4096];
    ssize_t n;
    size_t told = 0;  // the output up to here has gone to on_line
    while ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
      if (n <= 0) continue;
      run.output.append(buf, static_cast<size_t>(n));
      for (size_t end; (end = run.output.find('\n', told)) != std::string::npos; told = end + 1)
        on_line(run.output.substr(told, end - told));
    }
    while (waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
    }
  }
  close(fds[0]);
  return run;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Reads what the script printed into `result`; returns the lines that are not its own.
std::vector<std::string> read_report(const std::string& output, PdfResult& result) {
  std::vector<std::string> other;
  for (auto& line : lines_of(output)) {
    if (line.starts_with("handbook-pdf: pages "))
      result.pages = std::atoi(line.c_str() + 20);
    else if (line.starts_with("handbook-pdf: step ") || line.starts_with("handbook-pdf: page ") ||
             line.starts_with("handbook-pdf: repaginate "))
      continue;  // told as it came (ProgressReport)
    else if (line.starts_with("handbook-pdf: refused "))
      result.notes.push_back(msg("pdf_refused_load", {{"url", line.substr(22)}}));
    else
      other.push_back(line);
  }
  return other;
}

std::string failure(const ChildRun& run, const std::vector<std::string>& output) {
  std::string why = WIFSIGNALED(run.status)
                        ? msg("pdf_signal", {{"n", std::to_string(WTERMSIG(run.status))}})
                        : msg("pdf_exit", {{"n", std::to_string(WEXITSTATUS(run.status))}});
  size_t from = output.size() > 12 ? output.size() - 12 : 0;
  for (size_t k = from; k < output.size(); ++k)
    why += "\n  " + output[k];
  return why;
}

// Tells `progress` what the script reports of WeasyPrint's work, in the user's words: each step
// once, and the pages laid out at every kPagesReported pages.
class ProgressReport {
 public:
  explicit ProgressReport(const std::function<void(const std::string&)>& progress)
      : progress_(progress) {}
  void line(const std::string& line) {
    if (!progress_) return;
    if (line.starts_with("handbook-pdf: step ")) {
      std::string step = line.substr(19);
      if (step == told_step_) return;
      told_step_ = step;
      if (step == "1") progress_(msg("pdf_progress_html"));
      if (step == "3") progress_(msg("pdf_progress_css"));
      if (step == "4") progress_(msg("pdf_progress_boxes"));
      if (step == "6") progress_(msg("pdf_progress_writing"));
    } else if (line.starts_with("handbook-pdf: page ")) {
      int page = std::atoi(line.c_str() + 19);
      if (page % kPagesReported == 0)
        progress_(msg(pass_ == 0 ? "pdf_progress_pages" : "pdf_progress_pages_again",
                      {{"n", std::to_string(page)}}));
    } else if (line.starts_with("handbook-pdf: repaginate ")) {
      if (pass_ == 0) progress_(msg("pdf_progress_repaginate"));  // once: a pass is short
      pass_ = std::atoi(line.c_str() + 25);
    }
  }

 private:
  static constexpr int kPagesReported = 25;
  const std::function<void(const std::string&)>& progress_;
  std::string told_step_;
  int pass_ = 0;
};

}  // namespace

const std::vector<std::string>& pdf_variants() {
  static const std::vector<std::string> names = {"pdf/ua-1", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b",
                                                 "pdf/a-4b"};
  return names;
}

PdfResult write_pdf(const PdfJob& job) {
  auto start = std::chrono::steady_clock::now();
  PdfResult result;
  fs::path python = find_python();
  if (python.empty()) {
    result.error = msg("pdf_missing");
    result.missing = true;
    return result;
  }
  fs::path temp = job.pdf;
  temp += ".tmp-" + std::to_string(getpid());
  std::vector<std::string> argv = {
      python.string(), "-I",       "-X", "utf8", "-c", kScript, fs::absolute(job.html).string(),
      temp.string(),   job.variant};
  for (auto& f : job.files) {
    argv.push_back(f.url);
    argv.push_back(fs::absolute(f.file).string());
  }
  ProgressReport report{job.progress};
  ChildRun run = run_child(argv, [&](const std::string& line) { report.line(line); });
  std::vector<std::string> output = read_report(run.output, result);
  std::error_code ec;
  if (!run.started || (WIFEXITED(run.status) && WEXITSTATUS(run.status) == kExitNoWeasyPrint)) {
    result.error = msg("pdf_missing");
    result.missing = true;
  } else if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0 || result.pages == 0) {
    result.error = failure(run, output);
  } else {
    fs::rename(temp, job.pdf, ec);
    if (ec)
      result.error =
          msg("out_cannot_copy", {{"path", job.pdf.generic_string()}, {"reason", ec.message()}});
  }
  fs::remove(temp, ec);
  for (auto& line : output)  // a refused URL is reported once, above
    if (result.error.empty() && line.find(kRefused) == std::string::npos)
      result.notes.push_back("WeasyPrint: " + line);
  result.ok = result.error.empty();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace hb
