#!/usr/bin/env bash
# Publishing test: builds both editions, serves them with Debian's nginx and the configurations
# in docs/nginx/ (paths and ports replaced, nothing else), and checks what a reader's browser
# gets: status codes, the 404 page, access control of the internal edition, noindex, caching,
# gzip, security headers, path traversal and hidden files (curl), then the Content-Security-
# Policy in Chromium on every page of both editions (tests/publish/csp.mjs).
#
# Run from anywhere: bash tests/publish/run.sh. Uses ./build/handbook (built here when missing)
# or $HANDBOOK. Installs nginx-light, apache2-utils and openssl when missing (Debian, as root).
# Prints one "ok"/"FAIL" line per check and "N passed, M failed"; exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

handbook="${HANDBOOK:-./build/handbook}"
if [[ -z "${HANDBOOK:-}" && ! -x build/handbook ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j2 --target handbook
fi

nginx_bin="${NGINX:-/usr/sbin/nginx}"
missing=()
[[ -x "$nginx_bin" ]] || missing+=(nginx-light)
command -v htpasswd >/dev/null || missing+=(apache2-utils)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The two editions, side by side as on the server (/srv/handbook/public, /srv/handbook/internal).
sites="$repo/build/publish"
# Without the booklet's PDF (WeasyPrint, tens of seconds): the editions' folders are served as
# a whole, booklet.pdf with them, and the PDF has tests of its own.
"$handbook" build --no-pdf --site . --profile public --out "$sites/public"
"$handbook" build --no-pdf --site . --profile internal --out "$sites/internal"
# A file beside the editions: no request may reach it.
echo "CANARY: outside the edition's folder" >"$sites/canary.txt"

source tests/browser/setup.sh

tmp=$(mktemp -d /tmp/handbook-publish.XXXXXX)
cleanup() {
  if [[ -s "$tmp/nginx.pid" ]]; then
    local pid
    pid=$(cat "$tmp/nginx.pid")
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/conf" "$tmp/logs" "$tmp/temp" "$tmp/pdf-public" "$tmp/pdf-internal"

# Four free loopback ports: HTTPS and HTTP for each edition.
read -r port_public port_public_http port_internal port_internal_http < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

# A certificate for the test (the configurations serve HTTPS), the users of the internal
# edition (bcrypt, as docs/publicering.md says) and the booklet PDFs' folders.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
user=redaktoer
password="test-$RANDOM-$RANDOM"
htpasswd -B -c -b "$tmp/htpasswd" "$user" "$password" 2>/dev/null
# Stand-ins for the booklet PDFs: this test checks nginx's rules for their folder (headers,
# login, caching); the booklet's own tests build and read real PDFs.
printf '%%PDF-1.4\n%% booklet placeholder\n' >"$tmp/pdf-public/ejerstrategi.pdf"
printf '%%PDF-1.4\n%% internal booklet placeholder\n' >"$tmp/pdf-internal/ejerstrategi-intern.pdf"

# docs/nginx/ with the test's paths and ports: the only changes.
configure() { # FILE [HTTPS-PORT HTTP-PORT]
  sed -e "s#/etc/nginx/snippets/#$tmp/conf/#g" \
    -e "s#/srv/handbook/public/#$sites/public/#g" \
    -e "s#/srv/handbook/internal/#$sites/internal/#g" \
    -e "s#/srv/handbook/pdf-public/#$tmp/pdf-public/#g" \
    -e "s#/srv/handbook/pdf-internal/#$tmp/pdf-internal/#g" \
    -e "s#/etc/nginx/handbook-internal.htpasswd#$tmp/htpasswd#g" \
    -e "s#/etc/ssl/certs/[^;]*;#$tmp/cert.pem;#" \
    -e "s#/etc/ssl/private/[^;]*;#$tmp/key.pem;#" \
    -e "s#/var/log/nginx/#$tmp/logs/#g" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:${2:-} ssl http2;#" \
    -e "s#listen 80;#listen 127.0.0.1:${3:-};#" \
    -e "/listen \[::\]/d" \
    "docs/nginx/$1" >"$tmp/conf/$1"
}
configure handbook-common.conf
configure handbook-headers.conf
configure public.conf "$port_public" "$port_public_http"
configure internal.conf "$port_internal" "$port_internal_http"
if grep -nE '^[^#]*(/srv/|/etc/|/var/|listen (80|443))' "$tmp"/conf/*.conf; then
  echo "publish: a path or port of docs/nginx/ was not replaced (above)" >&2
  exit 2
fi

# As root, nginx's workers would run as nobody: keep the current user, who can read the build.
user_line=""
[[ $(id -u) == 0 ]] && user_line="user root;"
cat >"$tmp/nginx.conf" <<EOF
$user_line
worker_processes 1;
error_log $tmp/logs/error.log;
events { worker_connections 128; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $tmp/logs/access.log;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $tmp/conf/public.conf;
    include $tmp/conf/internal.conf;
}
EOF
nginx_args=(-p "$tmp" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf" -g "daemon on; pid $tmp/nginx.pid;")
"$nginx_bin" -t -q "${nginx_args[@]}"
"$nginx_bin" "${nginx_args[@]}"
for _ in $(seq 50); do
  curl -sk -o /dev/null "https://127.0.0.1:$port_public/" && break
  sleep 0.1
done
echo "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///') on 127.0.0.1: public https :$port_public, internal https :$port_internal"

# --- Checks ---------------------------------------------------------------------------------
passed=0
failed=0
failures=()
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() {
  failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1"; shift
  local line; for line in "$@"; do echo "     $line"; done
}
check() { # NAME CONDITION-STATUS DETAIL...
  local name=$1 cond=$2; shift 2
  if [[ $cond == 0 ]]; then ok "$name"; else bad "$name" "$@"; fi
}

# get URL [curl options]: sets $code; headers in $tmp/h, body in $tmp/b.
get() {
  local url=$1; shift
  code=$(curl -sk --path-as-is --max-time 10 -o "$tmp/b" -D "$tmp/h" -w '%{http_code}' "$@" "$url") || code=000
}
# All values of header NAME of the last response, one a line.
header() { grep -i "^$1:" "$tmp/h" | sed -e 's/^[^:]*:[[:space:]]*//' -e 's/\r$//' || true; }
# expect_header NAME VALUE LABEL: exactly one such header, with exactly this value.
expect_header() {
  local got; got=$(header "$1")
  if [[ "$got" == "$2" ]]; then ok "$3: $1: $2"
  else bad "$3: $1 should be exactly \"$2\"" "got: ${got:-(none)}"; fi
}
expect_status() { # WANT LABEL
  if [[ "$code" == "$1" ]]; then ok "$2: $1"; else bad "$2: should be $1" "got $code"; fi
}

csp="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
theme_cache="public, max-age=31536000, immutable"
security_headers() { # LABEL: the security headers of the last response, each exactly once
  expect_header Content-Security-Policy "$csp" "$1"
  expect_header X-Content-Type-Options "nosniff" "$1"
  expect_header X-Frame-Options "DENY" "$1"
  expect_header Referrer-Policy "same-origin" "$1"
  expect_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()" "$1"
  expect_header Strict-Transport-Security "max-age=31536000" "$1"
}
body_is() { # FILE LABEL: the body of the last response is FILE, byte for byte
  if cmp -s "$tmp/b" "$1"; then ok "$2"; else bad "$2" "body: $(head -c 200 "$tmp/b" | tr '\n' ' ')"; fi
}

unversioned=$(grep -rhoE --include='*.html' '(href|src)="[^"]*theme/[^"?]*"' "$sites/public" "$sites/internal" | sort -u | head -3 || true)
check "every page links the theme's files with its fingerprint (?v=), so they may be cached for a year" \
  "$([[ -z $unversioned ]] && echo 0 || echo 1)" "without it: $unversioned"

check "docs/publicering.md states the same Content-Security-Policy as the test" \
  "$(grep -qF "$csp" docs/publicering.md && echo 0 || echo 1)" "docs/publicering.md lacks: $csp"

# The checks every edition gets. $auth: curl options with the credentials ("" for public).
edition_checks() { # EDITION PORT AUTH...
  local ed=$1 port=$2; shift 2
  local auth=("$@") base="https://127.0.0.1:$port/ejerstrategi" root="$sites/$ed"
  local page="roles/bestyrelsen.html" f rel ct

  echo; echo "== $ed edition: $base/"
  get "$base/" "${auth[@]}"
  expect_status 200 "$ed: GET /ejerstrategi/"
  body_is "$root/index.html" "$ed: /ejerstrategi/ is the edition's index.html"
  expect_header Content-Type "text/html; charset=utf-8" "$ed: /ejerstrategi/"
  security_headers "$ed: the home page"
  expect_header Cache-Control "no-cache" "$ed: the home page"
  expect_header Server "nginx" "$ed: no version number"

  get "$base" "${auth[@]}"
  expect_status 301 "$ed: GET /ejerstrategi (no slash)"
  expect_header Location "https://127.0.0.1:$port/ejerstrategi/" "$ed: /ejerstrategi redirects to the folder"

  get "$base/$page" "${auth[@]}"
  expect_status 200 "$ed: GET /ejerstrategi/$page"
  body_is "$root/$page" "$ed: $page is the built file"

  # ETag and Last-Modified: no-cache costs a 304, not the page.
  get "$base/$page" "${auth[@]}"
  local etag; etag=$(header ETag)
  get "$base/$page" "${auth[@]}" -H "If-None-Match: $etag"
  expect_status 304 "$ed: asking again with the page's ETag"

  # The 404 page: at the top and nested, with the site's 404.html and a stylesheet that loads.
  for rel in findes-ikke.html roles/nope/deeper.html a/b/c/d/; do
    get "$base/$rel" "${auth[@]}"
    expect_status 404 "$ed: GET /ejerstrategi/$rel"
    body_is "$root/404.html" "$ed: /ejerstrategi/$rel shows the edition's 404 page"
    expect_header Cache-Control "no-cache" "$ed: the 404 page"
  done
  security_headers "$ed: the 404 page"
  local css js
  css=$(grep -o 'rel="stylesheet" href="[^"]*"' "$tmp/b" | sed 's/.*href="//; s/"$//')
  js=$(grep -o '<script src="[^"]*"' "$tmp/b" | sed 's/.*src="//; s/"$//')
  for f in $css $js; do
    get "https://127.0.0.1:$port$f" "${auth[@]}"
    ct=$(header Content-Type)
    check "$ed: the nested 404 page's $f loads (200 $ct)" \
      "$([[ $code == 200 && ($ct == text/css* || $ct == application/javascript*) ]] && echo 0 || echo 1)" \
      "got $code $ct"
  done
  get "https://127.0.0.1:$port/nothing-of-ours" "${auth[@]}"
  expect_status 404 "$ed: GET /nothing-of-ours (outside the edition)"
  body_is "$root/404.html" "$ed: /nothing-of-ours shows the edition's 404 page"

  # Caching: every file the build wrote outside theme/ (pages, feed, sitemap, search index,
  # robots.txt) must be asked for again; the theme is kept.
  for f in "$root"/* "$root/$page"; do
    [[ -f $f ]] || continue
    rel=${f#"$root/"}
    get "$base/$rel" "${auth[@]}" -o /dev/null
    expect_header Cache-Control "no-cache" "$ed: $rel ($code)"
  done
  for f in "$root"/theme/*; do
    rel=${f#"$root/"}
    get "$base/$rel" "${auth[@]}"
    expect_header Cache-Control "$theme_cache" "$ed: $rel ($code)"
  done
  security_headers "$ed: theme file $rel"

  # gzip: for every kind of text file the build writes, the same bytes when unpacked (not
  # robots.txt: below gzip_min_length, it would only grow).
  for rel in index.html theme/site.css theme/search.js search-index.js feed.xml sitemap.xml; do
    [[ -f "$root/$rel" ]] || continue
    get "$base/$rel" "${auth[@]}" -H "Accept-Encoding: gzip"
    local enc vary; enc=$(header Content-Encoding); vary=$(header Vary)
    if [[ $code == 200 && $enc == gzip && $vary == *Accept-Encoding* ]] && gzip -dc "$tmp/b" | cmp -s - "$root/$rel"; then
      ok "$ed: $rel is sent gzipped ($(wc -c <"$tmp/b") of $(wc -c <"$root/$rel") bytes), Vary: Accept-Encoding"
    else
      bad "$ed: $rel should be sent gzipped" "status $code, Content-Encoding: ${enc:-(none)}, Vary: ${vary:-(none)}"
    fi
  done
  get "$base/index.html" "${auth[@]}"
  check "$ed: without Accept-Encoding the page is not gzipped" "$([[ -z $(header Content-Encoding) ]] && echo 0 || echo 1)"

  # Path traversal, plain and encoded: never a file outside the edition's folder.
  local bad_path outside
  for bad_path in \
    "/ejerstrategi/../etc/passwd" \
    "/ejerstrategi/../../../../etc/passwd" \
    "/ejerstrategi/%2e%2e/%2e%2e/etc/passwd" \
    "/ejerstrategi/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
    "/ejerstrategi/..%2f..%2fetc/passwd" \
    "/ejerstrategi/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd" \
    "/ejerstrategi/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd" \
    "/ejerstrategi/..%5c..%5c..%5c..%5cetc/passwd" \
    "/ejerstrategi/theme/../../canary.txt" \
    "/ejerstrategi/%2e%2e/canary.txt" \
    "/ejerstrategi/..%2fcanary.txt" \
    "/ejerstrategi../canary.txt" \
    "/ejerstrategi..%2fcanary.txt" \
    "/ejerstrategi../public/index.html" \
    "/ejerstrategi../internal/index.html" \
    "/ejerstrategi/%2e%2e/internal/index.html" \
    "/ejerstrategi/..%2f..%2finternal/index.html"; do
    get "https://127.0.0.1:$port$bad_path" "${auth[@]}"
    outside=""
    grep -q "root:.*:0:0:" "$tmp/b" && outside="/etc/passwd"
    grep -q "CANARY" "$tmp/b" && outside="canary.txt"
    [[ $code == 200 ]] && outside="${outside:-a file} (200)"
    if [[ ($code == 400 || $code == 404) && -z $outside ]]; then ok "$ed: $bad_path is refused ($code)"
    else bad "$ed: $bad_path should be refused with 400 or 404" "got $code${outside:+, served $outside}"; fi
  done

  # Hidden files: the build's marker and anything starting with a dot.
  for rel in .handbook-output %2ehandbook-output theme/.handbook-output .git/config; do
    get "$base/$rel" "${auth[@]}"
    if [[ $code == 404 ]] && ! grep -q "Written by handbook build" "$tmp/b"; then ok "$ed: /ejerstrategi/$rel is not served (404)"
    else bad "$ed: /ejerstrategi/$rel should be 404" "got $code: $(head -c 100 "$tmp/b")"; fi
  done

  # The booklet's PDF, from its own folder beside the edition.
  local pdf=ejerstrategi.pdf; [[ $ed == internal ]] && pdf=ejerstrategi-intern.pdf
  get "$base/pdf/$pdf" "${auth[@]}"
  expect_status 200 "$ed: GET /ejerstrategi/pdf/$pdf"
  expect_header Content-Type "application/pdf" "$ed: the booklet PDF"

  # Plain HTTP: only a redirect to HTTPS.
  local http_port=$port_public_http host=www.vejle.dk
  [[ $ed == internal ]] && http_port=$port_internal_http host=intranet.vejle.dk
  get "http://127.0.0.1:$http_port/ejerstrategi/roles/?x=1"
  expect_status 301 "$ed: plain HTTP"
  expect_header Location "https://$host/ejerstrategi/roles/?x=1" "$ed: plain HTTP redirects to HTTPS"
}

edition_checks public "$port_public"
# The public edition is for search engines.
for rel in "" roles/bestyrelsen.html findes-ikke.html theme/site.css; do
  get "https://127.0.0.1:$port_public/ejerstrategi/$rel"
  check "public: /ejerstrategi/$rel has no X-Robots-Tag" "$([[ -z $(header X-Robots-Tag) ]] && echo 0 || echo 1)" \
    "X-Robots-Tag: $(header X-Robots-Tag)"
done
get "https://127.0.0.1:$port_public/ejerstrategi/"
check "public: the home page is not the internal edition" "$(grep -q 'edition-banner' "$tmp/b" && echo 1 || echo 0)"

echo; echo "== internal edition: access control"
ibase="https://127.0.0.1:$port_internal/ejerstrategi"
for rel in "" index.html roles/bestyrelsen.html theme/site.css search-index.js findes-ikke.html \
  roles/nope/deeper.html .handbook-output pdf/ejerstrategi-intern.pdf; do
  get "$ibase/$rel"
  if [[ $code == 401 ]] && ! grep -q 'edition-banner\|HANDBOOK_SEARCH\|PDF' "$tmp/b"; then
    ok "internal: /ejerstrategi/$rel without credentials: 401"
  else
    bad "internal: /ejerstrategi/$rel without credentials should be 401" "got $code: $(head -c 100 "$tmp/b")"
  fi
done
expect_header WWW-Authenticate 'Basic realm="Ejerstrategi, intern version"' "internal: 401"
expect_header X-Robots-Tag "noindex, nofollow" "internal: 401"
security_headers "internal: 401"
get "https://127.0.0.1:$port_internal/"
expect_status 401 "internal: / without credentials"
get "$ibase/" -u "$user:wrong-$password"
expect_status 401 "internal: wrong password"
get "$ibase/" -u "nobody:$password"
expect_status 401 "internal: unknown user"
get "$ibase/" -u "$user:"
expect_status 401 "internal: empty password"
get "$ibase/" -u "$user:$password"
expect_status 200 "internal: right user and password"
check "internal: the page is the internal edition (banner)" "$(grep -q 'edition-banner' "$tmp/b" && echo 0 || echo 1)"

edition_checks internal "$port_internal" -u "$user:$password"
for rel in "" roles/bestyrelsen.html findes-ikke.html theme/site.css feed.xml pdf/ejerstrategi-intern.pdf; do
  get "$ibase/$rel" -u "$user:$password"
  expect_header X-Robots-Tag "noindex, nofollow" "internal: /ejerstrategi/$rel ($code)"
done

# --- The Content-Security-Policy in Chromium ---------------------------------------------------
echo
PUBLISH_SITES="$sites" \
  PUBLISH_PUBLIC_URL="https://127.0.0.1:$port_public/ejerstrategi/" \
  PUBLISH_INTERNAL_URL="https://127.0.0.1:$port_internal/ejerstrategi/" \
  PUBLISH_USER="$user" PUBLISH_PASSWORD="$password" PUBLISH_CSP="$csp" \
  node tests/publish/csp.mjs | tee "$tmp/csp.out" || true
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/csp.out" | tail -1 || true)
if [[ -n $summary ]]; then
  read -r p _ f _ <<<"$summary"
  passed=$((passed + p)); failed=$((failed + f))
  ((f == 0)) || failures+=("Content-Security-Policy in Chromium: $f failed (above)")
else
  bad "tests/publish/csp.mjs ran to the end"
fi

if grep -q '\[\(emerg\|alert\|crit\)\]' "$tmp/logs/error.log"; then
  bad "nginx's error log has no alerts" "$(grep '\[\(emerg\|alert\|crit\)\]' "$tmp/logs/error.log" | head -5)"
fi

echo
if ((${#failures[@]})); then
  echo "Failed:"
  for f in "${failures[@]}"; do echo "  - $f"; done
fi
echo "$passed passed, $failed failed"
((failed == 0))
