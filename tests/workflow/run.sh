#!/usr/bin/env bash
# Runs docs/github-workflow.yml on a scratch repository, step by step, as GitHub would run it
# (tests/workflow/run_job.py), and checks what it leaves: the annotations of the checks, the
# pull-request comment, the booklet artifact and the published editions.
#
# The scratch repository holds this checkout's files on main and three branches: `pr` changes a
# public passage and an internal passage of content/roles/bestyrelsen.md, adds the internal page
# content/roles/notat-om-bestyrelsens-mandat.md and sets a review_by date in the past (a warning);
# `pr-broken` also names a role that does not exist (an error). Pull request 1 is `pr`, pull
# request 2 is `pr-broken`; then `pr` is merged and main is pushed.
#
#   bash tests/workflow/run.sh                 # needs ./build/handbook (or HANDBOOK=path)
#   WORKFLOW=other.yml bash tests/workflow/run.sh
#
# Prints one ok/FAIL line per check and "N passed, M failed"; exits 1 when a check failed.
# The checks are strings run by eval when they are checked:
# shellcheck disable=SC2016,SC2034
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
workflow=$(realpath "${WORKFLOW:-docs/github-workflow.yml}")
handbook=$(realpath "${HANDBOOK:-build/handbook}")
started=$(date +%s)

[[ -x $handbook ]] || { echo "FAIL: no generator at $handbook: build it first (bash scripts/setup.sh)"; exit 1; }
for tool in git rsync pdftotext; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (bash scripts/setup.sh)"; exit 1; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "FAIL: python3 has no yaml module (apt-get install python3-yaml)"; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin" "$T/stand-ins/actions" "$T/home" "$T/comments" "$T/artifacts" \
  "$T/servers/public" "$T/servers/internal"
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE

# ---------------------------------------------------------------------------------------------
# Stand-ins: what runs here instead of GitHub and the servers. Nothing else is replaced.
#
#   actions/checkout         a git fetch from the scratch repository $ORIGIN, as the action does
#                            (only the event's commit unless fetch-depth is 0)
#   actions/upload-artifact  copies `path` into $ARTIFACTS/<name>
#   actions/cache            writes its inputs to $CACHE_LOG and restores nothing (a first run)
#   gh                       `gh pr comment`: a pull request's comments are $GH_COMMENTS/<PR>.<k>.md
#   ssh                      runs the remote command (rsync's server) here, so that rsync copies
#                            into $T/servers/<edition>; the host must be one the -F config names
#   cmake                    (called by scripts/setup.sh) the generator is already built: build/
#                            gets this checkout's build/handbook instead of a compilation
#   secrets and github.*     the context written by run_workflow below
# ---------------------------------------------------------------------------------------------
export ORIGIN=$T/origin.git ARTIFACTS=$T/artifacts GH_COMMENTS=$T/comments SSH_LOG=$T/ssh.log \
  CMAKE_LOG=$T/cmake.log CACHE_LOG=$T/cache.log HANDBOOK_BUILT=$handbook

cat >"$T/stand-ins/actions/cache" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "path=$INPUT_PATH key=$INPUT_KEY restore-keys=$INPUT_RESTORE_KEYS sha=$GITHUB_SHA" >>"$CACHE_LOG"
EOF

cat >"$T/stand-ins/actions/checkout" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
cd "$GITHUB_WORKSPACE"
git init -q .
git remote add origin "file://$ORIGIN"
case $GITHUB_REF in
  refs/pull/*) local_ref=refs/remotes/pull/${GITHUB_REF#refs/pull/} ;;
  refs/heads/*) local_ref=refs/remotes/origin/${GITHUB_REF#refs/heads/} ;;
  *) echo "checkout stand-in: cannot check out $GITHUB_REF" >&2; exit 1 ;;
esac
if [[ ${INPUT_FETCH_DEPTH:-1} == 0 ]]; then
  git fetch -q --prune origin '+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*'
  git fetch -q origin "+$GITHUB_REF:$local_ref"
else
  git fetch -q --no-tags --depth="${INPUT_FETCH_DEPTH:-1}" origin "+$GITHUB_REF:$local_ref"
fi
case $GITHUB_REF in
  refs/heads/*) git checkout -q --force -B "${GITHUB_REF#refs/heads/}" "$local_ref" ;;
  *) git checkout -q --force --detach "$local_ref" ;;
esac
test "$(git rev-parse HEAD)" = "$GITHUB_SHA"
EOF

cat >"$T/stand-ins/actions/upload-artifact" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
cd "$GITHUB_WORKSPACE"
dest=$ARTIFACTS/${INPUT_NAME:-artifact}
mkdir -p "$dest"
found=0
while IFS= read -r pattern; do
  [[ -n $pattern ]] || continue
  for f in $pattern; do
    [[ -e $f ]] && cp -r "$f" "$dest/" && found=1
  done
done <<<"$INPUT_PATH"
if ((!found)); then
  case ${INPUT_IF_NO_FILES_FOUND:-warn} in
    error) echo "::error::No files were found with the provided path: $INPUT_PATH" >&2; exit 1 ;;
    warn) echo "::warning::No files were found with the provided path: $INPUT_PATH" ;;
  esac
fi
EOF

cat >"$T/bin/gh" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "gh $*" >>"$GH_COMMENTS/calls.log"
if [[ -z ${GH_TOKEN:-${GITHUB_TOKEN:-}} ]]; then
  echo "gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable." >&2
  exit 4
fi
[[ ${1:-} == pr && ${2:-} == comment && -n ${3:-} ]] || { echo "gh stand-in: only 'gh pr comment N'" >&2; exit 2; }
pr=$3
shift 3
body= edit_last=0
while (($#)); do
  case $1 in
    --body-file) body=$2; shift 2 ;;
    --edit-last) edit_last=1; shift ;;
    *) echo "gh stand-in: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -s $body ]] || { echo "gh: body cannot be blank" >&2; exit 1; }
count=$(find "$GH_COMMENTS" -name "$pr.*.md" | wc -l)
if ((edit_last)); then
  ((count)) || { echo "no comments found for current user" >&2; exit 1; }
  cp "$body" "$GH_COMMENTS/$pr.$count.md"
else
  cp "$body" "$GH_COMMENTS/$pr.$((count + 1)).md"
fi
EOF

cat >"$T/bin/ssh" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
config=
while (($#)); do
  case $1 in
    -F) config=$2; shift 2 ;;
    -[bcDEeIiJLlmOopQRSWw]) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host=$1
shift
echo "host=$host config=$config" >>"$SSH_LOG"
if [[ -z $config ]] || ! grep -qx "Host $host" "$config"; then
  echo "ssh: Could not resolve hostname $host: Name or service not known" >&2
  exit 255
fi
for key in $(awk '$1 == "IdentityFile" { print $2 }' "$config"); do
  [[ $(stat -c %a "$key") == [46]00 ]] || { echo "ssh: UNPROTECTED PRIVATE KEY FILE $key" >&2; exit 255; }
done
exec sh -c "$*"
EOF

cat >"$T/bin/cmake" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "cmake $*" >>"$CMAKE_LOG"
case "$*" in
  "-S . -B build"*) mkdir -p build ;;
  "--build build"*) ln -sfn "$HANDBOOK_BUILT" build/handbook ;;
  *) echo "cmake stand-in: unexpected arguments: $*" >&2; exit 2 ;;
esac
EOF
chmod +x "$T"/stand-ins/actions/* "$T"/bin/*
export PATH=$T/bin:$PATH

# ---------------------------------------------------------------------------------------------
# The scratch repository: this checkout's files on main, the branches, and GitHub's refs of the
# pull requests (refs/pull/N/merge: the branch merged into main, which GitHub checks out).
# ---------------------------------------------------------------------------------------------
src=$T/src
mkdir -p "$src"
git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$src" -xf -
at=2026-01-05T10:00:00Z
g() { GIT_AUTHOR_DATE=$at GIT_COMMITTER_DATE=$at git -c user.name=Redaktør \
  -c user.email=redaktoer@example.org -c commit.gpgsign=false -c core.hooksPath=/dev/null -C "$src" "$@"; }
# Replaces the one occurrence of a text in a file, or stops: the test must change what it says.
edit() {
  python3 - "$src/$1" "$2" "$3" <<'EOF'
import sys
path, old, new = sys.argv[1:]
text = open(path, encoding="utf-8").read()
if text.count(old) != 1:
    sys.exit(f"{path}: '{old}' occurs {text.count(old)} times, not once")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
EOF
}
page=content/roles/bestyrelsen.md
forum=content/forums/bestyrelsesmoeder.md
notat=content/roles/notat-om-bestyrelsens-mandat.md

# The passages the pull request changes are the test's own, so that editing the handbook's text
# never breaks the test: a public sentence and an internal passage at the end of the page.
cat >>"$src/$page" <<'EOF'

I testens måling gav borgerne bestyrelsen gode karakterer.

<!-- internal -->
Testens bestyrelsesmedlemmer kan føle sig fanget i testens magtrelationer.
<!-- /internal -->
EOF
g init -q -b main
g add -A
g commit -q -m "Ejerstrategien"
g checkout -q -b pr
at=2026-02-02T09:00:00Z
edit $page "gav borgerne bestyrelsen gode karakterer" "gav borgerne bestyrelsen meget gode karakterer" # public
edit $page "fanget i testens magtrelationer" "klemt i testens magtrelationer"              # internal
edit $page "review_by = 2027-06-30" "review_by = 2025-06-30"                                 # warning
cat >"$src/$notat" <<'EOF'
+++
title = "Notat om bestyrelsens mandat"
group = "selskab"
visibility = "internal"
+++

Mandatet drøftes i økonomiudvalget før generalforsamlingen.
EOF
g add -A
g commit -q -m "Bestyrelsen: karakterer, magtrelationer og et notat om mandatet"
g checkout -q -b pr-broken
edit $forum 'participants = ["bestyrelsen",' 'participants = ["bestyrelse",'                # error
g commit -q -am "Bestyrelsesmøderne: deltagere"
for n in 1 2; do
  branch=$([[ $n == 1 ]] && echo pr || echo pr-broken)
  g checkout -q --detach main
  g merge -q --no-ff -m "Merge $branch into main" "$branch"
  g update-ref "refs/pull/$n/merge" HEAD
  g update-ref "refs/pull/$n/head" "$branch"
done
g checkout -q main
git init -q --bare "$ORIGIN"
g push -q "$ORIGIN" 'refs/heads/*:refs/heads/*' 'refs/pull/*:refs/pull/*'

# ---------------------------------------------------------------------------------------------
# Running the workflow: run_workflow NAME EVENT REF; then $T/runs/NAME holds the workspace (ws),
# the step logs (logs/JOB.N.out|err), results.tsv and the runner's temporary folder.
# ---------------------------------------------------------------------------------------------
run_workflow() {
  local event=$2 ref=$3 dir=$T/runs/$1
  mkdir -p "$dir/ws" "$dir/logs"
  local sha pr=${ref#refs/pull/}
  sha=$(git -C "$ORIGIN" rev-parse "$ref")
  pr=${pr%/merge}
  python3 - "$dir/context.json" "$event" "$ref" "$sha" "$pr" "$dir/temp" "$T" <<'EOF'
import json, sys
path, event, ref, sha, pr, temp, t = sys.argv[1:]
github = {"event_name": event, "ref": ref, "sha": sha, "repository": "vejle/ejerstrategi",
          "base_ref": "", "head_ref": "", "event": {}}
if event == "pull_request":
    github.update(base_ref="main", head_ref="pr" if pr == "1" else "pr-broken",
                  event={"pull_request": {"number": int(pr)}})
secrets = {"GITHUB_TOKEN": "test-token",
           "PUBLISH_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\ntest\n-----END OPENSSH PRIVATE KEY-----",
           "PUBLISH_KNOWN_HOSTS": "www.example.test ssh-ed25519 AAAAtest",
           "PUBLISH_USER": "handbook",
           "PUBLISH_HOST_PUBLIC": "www.example.test",
           "PUBLISH_PATH_PUBLIC": f"{t}/servers/public",
           "PUBLISH_HOST_INTERNAL": "intranet.example.test",
           "PUBLISH_PATH_INTERNAL": f"{t}/servers/internal"}
json.dump({"github": github, "secrets": secrets, "vars": {}, "runner": {"temp": temp}},
          open(path, "w"), indent=2)
EOF
  echo "workflow on $event ($ref):"
  local status=0
  python3 "$root/tests/workflow/run_job.py" "$workflow" --event "$event" --context "$dir/context.json" \
    --workspace "$dir/ws" --stand-ins "$T/stand-ins" --logs "$dir/logs" \
    --results "$dir/results.tsv" || status=$?
  echo "$status" >"$dir/status"
}

# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------
passed=0 failed=0
check() {
  local what=$1
  shift
  if "$@" >"$T/check.out" 2>&1; then
    echo "ok   $what"
    passed=$((passed + 1))
  else
    echo "FAIL $what"
    sed 's/^/       /' "$T/check.out" | head -20
    failed=$((failed + 1))
  fi
}
# The exit status of a step ("skipped" when it did not run), by run, job and step name.
step() { awk -F'\t' -v j="$2" -v s="$3" '$1 == j && $3 == s { print $4 }' "$T/runs/$1/results.tsv"; }
step_is() {
  local got
  got=$(step "$1" "$2" "$3")
  [[ $got == "$4" ]] || { echo "step '$3' of $2 in run $1: '$got', expected '$4'"; return 1; }
}
# The log of a step: log RUN JOB NAME out|err
log() {
  local n
  n=$(awk -F'\t' -v j="$2" -v s="$3" '$1 == j && $3 == s { print $2 }' "$T/runs/$1/results.tsv")
  cat "$T/runs/$1/logs/$2.$n.$4"
}
# Every step of the job ran and passed.
all_passed() {
  local bad
  [[ -s $T/runs/$1/results.tsv ]] || { echo "no step ran"; return 1; }
  bad=$(awk -F'\t' -v j="$2" '$1 == j && $4 != "0"' "$T/runs/$1/results.tsv")
  [[ -z $bad ]] || { echo "$bad"; return 1; }
  grep -q "^$2	" "$T/runs/$1/results.tsv"
}
no_job() { ! grep -q "^$2	" "$T/runs/$1/results.tsv"; }
# The file holds this exact line.
has_line() { grep -Fxq -- "$2" "$1" || { echo "no line '$2' in:"; cat "$1"; return 1; }; }
has() { grep -Fq -- "$2" "$1" || { echo "no '$2' in $1"; return 1; }; }
has_not() { ! grep -Fq -- "$2" "$1" || { echo "'$2' in $1"; return 1; }; }
# Every line that is not empty is a GitHub annotation with a file, a line and a column.
annotations_only() {
  local bad
  bad=$(grep -Ev '^(::(error|warning) file=[^,]+,line=[0-9]+,col=[0-9]+::.+)?$' "$1" || true)
  [[ -z $bad ]] || { echo "not an annotation: $bad"; return 1; }
}
# The lines of a file from the one that starts with $2 up to the one before the one starting with $3.
section() { awk -v a="$2" -v b="$3" 'index($0, b) == 1 { on = 0 } index($0, a) == 1 { on = 1 } on' "$1"; }
# How many comments pull request $1 has.
comments() { find "$GH_COMMENTS" -name "$1.*.md" | wc -l; }
is_pdf() { [[ -s $1 && $(head -c 5 "$1") == %PDF- ]] || { echo "$1 is not a PDF"; return 1; }; }
no_file_named() { local found; found=$(find "$1" -name "$2*"); [[ -z $found ]] || { echo "$found"; return 1; }; }
no_file_holding() { local found; found=$(grep -rlF -- "$2" "$1" || true); [[ -z $found ]] || { echo "$found"; return 1; }; }
owner=$(g show "pr:$page" | sed -n 's/^owner = "\(.*\)"$/\1/p')
warning="::warning file=$page,line=$(g show "pr:$page" | grep -nF 'review_by = 2025-06-30' | cut -d: -f1),col=13::siden skulle have været revideret senest 30. juni 2025 (review_by = 2025-06-30): bed '$owner' om at tjekke, at den stadig er rigtig, og sæt så en ny dato i review_by"
error_line=$(g show "pr-broken:$forum" | grep -nF 'participants = ["bestyrelse",' | cut -d: -f1)
error="::error file=$forum,line=$error_line,col=17::feltet 'participants' (Deltagere) nævner 'bestyrelse', men der er ingen role med det id (mente du 'bestyrelsen'?)"
public_heading="### Det ændrer sig for borgerne (den offentlige udgave)"
internal_heading="### Det ændrer sig på intranettet (den interne udgave)"

# --- Pull request 1: a public change, an internal change, an internal page, a warning --------
run_workflow pr1 pull_request refs/pull/1/merge
r=$T/runs/pr1
log pr1 pull-request "Check the public edition" err >"$r/check-public.err" || true
log pr1 pull-request "Check the internal edition" err >"$r/check-internal.err" || true
section "$T/comments/1.1.md" "$public_heading" "$internal_heading" >"$r/comment-public" 2>/dev/null || true
section "$T/comments/1.1.md" "$internal_heading" "###" >"$r/comment-internal" 2>/dev/null || true

check "PR 1: every step of the pull-request job passes" all_passed pr1 pull-request
check "PR 1: the publish job does not run" no_job pr1 publish
check "PR 1: scripts/setup.sh ran cmake configure and build" \
  eval 'grep -qx "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release" "$CMAKE_LOG" && grep -q "^cmake --build build" "$CMAKE_LOG"'
check "PR 1: the public check exits 0 and annotates the overdue review_by at its line and column" \
  eval 'step_is pr1 pull-request "Check the public edition" 0 && has_line "$r/check-public.err" "$warning"'
check "PR 1: the internal check exits 0 and annotates it too" \
  eval 'step_is pr1 pull-request "Check the internal edition" 0 && has_line "$r/check-internal.err" "$warning"'
check "PR 1: the checks print nothing but ::error/::warning annotations with file, line and col" \
  eval 'annotations_only "$r/check-public.err" && annotations_only "$r/check-internal.err"'
check "PR 1: one comment posted, with a GitHub token" \
  eval '[[ $(comments 1) == 1 ]] && has_line "$GH_COMMENTS/calls.log" "gh pr comment 1 --body-file handbook-diff.md"'
check "PR 1: the comment compares with origin/main" has "$T/comments/1.1.md" 'Sammenligner `origin/main ('
check "PR 1: the comment opens with the public edition: '$public_heading'" \
  eval '[[ $(grep -m1 "^### " "$T/comments/1.1.md") == "$public_heading" ]]'
check "PR 1: under it, the changed public page and its new word" \
  eval 'has "$r/comment-public" "- **Selskabets bestyrelse** (\`roles/bestyrelsen.html\`)" && has "$r/comment-public" "<ins>meget</ins> gode karakterer"'
check "PR 1: the public part names neither the internal page nor the internal passage" \
  eval '[[ -s $r/comment-public ]] && has_not "$r/comment-public" "notat-om-bestyrelsens-mandat" && has_not "$r/comment-public" "Notat om" && has_not "$r/comment-public" "klemt"'
check "PR 1: the internal part lists the internal page as new and the internal passage's change" \
  eval 'has "$r/comment-internal" "**Nye sider**" && has "$r/comment-internal" "- **Notat om bestyrelsens mandat** (\`roles/notat-om-bestyrelsens-mandat.html\`)" && has "$r/comment-internal" "~~fanget~~ <ins>klemt</ins>"'
check "PR 1: the job's summary holds the same comparison" \
  has "$r/temp/_pull-request.github_step_summary" "$public_heading"
check "PR 1: the booklet artifact is a PDF" is_pdf "$ARTIFACTS/booklet-public/booklet-public.pdf"
check "PR 1: the public booklet has the public change and not the internal page or passage" \
  eval 'pdftotext "$ARTIFACTS/booklet-public/booklet-public.pdf" "$r/booklet.txt" && has "$r/booklet.txt" "meget gode" && has_not "$r/booklet.txt" "Notat om bestyrelsens" && has_not "$r/booklet.txt" "klemt"'

# --- Pull request 2: an error, run twice (the second run edits the comment) -------------------
run_workflow pr2 pull_request refs/pull/2/merge
comments_after_first=$(comments 2)
mv "$T/runs/pr2" "$T/runs/pr2-first"
run_workflow pr2 pull_request refs/pull/2/merge
r=$T/runs/pr2
log pr2 pull-request "Check the public edition" err >"$r/check-public.err" || true
log pr2 pull-request "Check the internal edition" err >"$r/check-internal.err" || true

check "PR 2: the workflow fails" eval '[[ $(cat "$r/status") == 1 ]]'
check "PR 2: setup passes although the handbook does not render (the checks report why)" \
  step_is pr2 pull-request "Install and build" 0
check "PR 2: the public check exits 1 with the planted error at its line and column" \
  eval 'step_is pr2 pull-request "Check the public edition" 1 && has_line "$r/check-public.err" "$error"'
check "PR 2: the internal check still runs, and exits 1 with the same error" \
  eval 'step_is pr2 pull-request "Check the internal edition" 1 && has_line "$r/check-internal.err" "$error"'
check "PR 2: the checks print nothing but annotations" \
  eval 'annotations_only "$r/check-public.err" && annotations_only "$r/check-internal.err"'
check "PR 2: the comment is posted, lists the error, and the step fails" \
  eval 'step_is pr2 pull-request "Comment what the change does to each edition" 1 && has "$T/comments/2.1.md" "**Ændringen kan ikke bygges. Ret disse fejl først:**" && has "$T/comments/2.1.md" "\`$forum:$error_line:17\`"'
check "PR 2: the second run edits its comment instead of adding one" \
  eval '[[ $comments_after_first == 1 && $(comments 2) == 1 ]] && [[ $(grep -c "^gh pr comment 2 --body-file handbook-diff.md --edit-last$" "$GH_COMMENTS/calls.log") == 2 ]]'
check "PR 2: no booklet is made or uploaded" \
  eval 'step_is pr2 pull-request "Booklet (PDF)" skipped && step_is pr2 pull-request "Upload the booklet" skipped'

# --- Push to main: pull request 1 merged ------------------------------------------------------
g merge -q --no-ff -m "Merge pull request #1 from vejle/pr" pr
g push -q "$ORIGIN" main
echo "stale" >"$T/servers/public/gammel-side.html"
echo "stale" >"$T/servers/internal/gammel-side.html"
run_workflow main push refs/heads/main
r=$T/runs/main
pub=$T/servers/public
int=$T/servers/internal

check "main: every step of the publish job passes" all_passed main publish
check "every job keeps .git/handbook/ with actions/cache, keyed by the commit" \
  eval '(($(wc -l <"$CACHE_LOG") >= 3)) && ! grep -v -E "^path=\.git/handbook key=handbook-history-([0-9a-f]{40}) restore-keys=handbook-history- sha=\1$" "$CACHE_LOG"'
check "main: the pull-request job does not run" no_job main pull-request
check "main: both editions are built in _site" \
  eval '[[ -f $r/ws/_site/public/roles/bestyrelsen.html && -f $r/ws/_site/internal/roles/notat-om-bestyrelsens-mandat.html ]]'
check "main: rsync went through ssh to the two hosts of the ssh config" \
  eval 'has_line "$SSH_LOG" "host=handbook-public config=$r/temp/handbook-ssh/config" && has_line "$SSH_LOG" "host=handbook-internal config=$r/temp/handbook-ssh/config" && has_line "$r/temp/handbook-ssh/config" "  HostName www.example.test" && has_line "$r/temp/handbook-ssh/config" "  HostName intranet.example.test"'
check "main: the public server has the public edition with the merged change" \
  eval 'has "$pub/index.html" "<html" && has "$pub/roles/bestyrelsen.html" "meget gode karakterer"'
check "main: the public server has the booklet PDF, which its pages link" \
  eval 'is_pdf "$pub/booklet.pdf" && has "$pub/index.html" "href=\"booklet.pdf\""'
check "main: the intranet server has the internal booklet PDF" is_pdf "$int/booklet.pdf"
check "main: the public server has no file of the internal page" no_file_named "$pub" notat-om-bestyrelsens-mandat
check "main: no public file names the internal page or holds the internal passage" \
  eval 'no_file_holding "$pub" "notat-om-bestyrelsens-mandat" && no_file_holding "$pub" "Notat om bestyrelsens mandat" && no_file_holding "$pub" "klemt i testens magtrelationer"'
check "main: the intranet server has the internal page and passage" \
  eval 'has "$int/roles/notat-om-bestyrelsens-mandat.html" "Mandatet drøftes" && has "$int/roles/bestyrelsen.html" "klemt i testens magtrelationer"'
check "main: what the editions no longer have is removed from the servers, and no .handbook-output" \
  eval '[[ ! -e $pub/gammel-side.html && ! -e $int/gammel-side.html && ! -e $pub/.handbook-output && ! -e $int/.handbook-output ]]'

echo "$passed passed, $failed failed ($(($(date +%s) - started)) s)"
((failed == 0))
