// The Content-Security-Policy of docs/nginx/ in a real browser: Chromium opens every HTML page
// of both editions through nginx (the internal edition with its user and password), and a
// missing address at depth, and uses the search box. Every report of a violation counts: the
// console's "Content Security Policy" messages and the page's securitypolicyviolation events.
// A request to another origin is a failure too.
//
// Started by tests/publish/run.sh, which builds the editions, starts nginx and sets:
//   PUBLISH_SITES          the folder with public/ and internal/ as built
//   PUBLISH_PUBLIC_URL     https://127.0.0.1:PORT/ejerstrategi/
//   PUBLISH_INTERNAL_URL   https://127.0.0.1:PORT/ejerstrategi/
//   PUBLISH_USER, PUBLISH_PASSWORD   the internal edition's credentials
//   PUBLISH_CSP            the Content-Security-Policy every page must come with
// Uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through tests/browser's playwright-core.
// Prints one line per check and "N passed, M failed"; exits non-zero on any failure.

import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const require = createRequire(path.join(repo, "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");

const sites = process.env.PUBLISH_SITES;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const editions = [
  { name: "public", url: process.env.PUBLISH_PUBLIC_URL },
  {
    name: "internal",
    url: process.env.PUBLISH_INTERNAL_URL,
    credentials: { username: process.env.PUBLISH_USER, password: process.env.PUBLISH_PASSWORD },
  },
];

let passed = 0;
let failed = 0;
function check(name, ok, lines = []) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const line of lines) console.log(`     ${line}`);
  }
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

// Runs in every page before its own scripts: securitypolicyviolation events go to the test.
const listener = `
document.addEventListener("securitypolicyviolation", (e) => {
  window.__handbookCsp({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI,
    source: e.sourceFile ? e.sourceFile + ":" + e.lineNumber : "",
    sample: e.sample,
  });
});`;

async function visitEdition(browser, edition) {
  const origin = new URL(edition.url).origin;
  const context = await browser.newContext({
    ignoreHTTPSErrors: true, // the test's certificate is its own
    httpCredentials: edition.credentials,
    locale: "da-DK",
  });
  // Violations and outside requests, by the page that was open. A violation is reported twice:
  // as an event (directive, line) and as a console message; both are kept, by page.
  let current = "";
  const violations = new Map(); // page -> { events: Map("directive … line" -> count), console: [] }
  const outside = [];
  const errors = [];
  const on = (p) => {
    if (!violations.has(p)) violations.set(p, { events: new Map(), console: [] });
    return violations.get(p);
  };
  await context.exposeBinding("__handbookCsp", (_source, v) => {
    const at = v.source ? `, line ${v.source.replace(/^.*:/, "")}` : "";
    const key = `${v.directive} blocked ${v.blocked || "(inline)"}${at}${v.sample ? ` "${v.sample}"` : ""}`;
    const events = on(current).events;
    events.set(key, (events.get(key) || 0) + 1);
  });
  await context.addInitScript(listener);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) on(current).console.push(m.text().replace(/\s+/g, " ").slice(0, 300));
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith("data:") && !u.startsWith("about:")) outside.push(`${current}: ${u}`);
  });
  page.on("pageerror", (e) => errors.push(`${current}: ${String(e).split("\n")[0]}`));

  const root = path.join(sites, edition.name);
  const pages = walk(root).map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
  pages.push("roles/findes/ikke/dybt.html"); // the 404 page, at depth
  const statuses = [];
  const withoutPolicy = [];
  for (const rel of pages) {
    current = `${edition.name} ${rel}`;
    const response = await page.goto(edition.url + rel, { waitUntil: "load" });
    const want = rel.startsWith("roles/findes/") ? 404 : 200;
    if (!response || response.status() !== want) statuses.push(`${rel}: ${response ? response.status() : "no response"} (want ${want})`);
    const policy = response ? (await response.allHeaders())["content-security-policy"] : undefined;
    if (policy !== process.env.PUBLISH_CSP) withoutPolicy.push(`${rel}: ${policy === undefined ? "(none)" : policy}`);
    // Reports are queued: give them a moment to arrive before the next page.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
  }
  check(`${edition.name}: all ${pages.length} pages load through nginx (the last one a 404 at depth)`, statuses.length === 0, statuses);
  check(`${edition.name}: every page came with the Content-Security-Policy of docs/publicering.md`, withoutPolicy.length === 0, withoutPolicy);

  // The browser does report: an image from another origin, put into a page on purpose, must be
  // refused and reported (and then not counted against the site, neither the violation nor the
  // request it refused).
  // A data: image, which Markdown may carry (docs/security.md), is allowed.
  current = "control";
  const pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  await page.evaluate((src) => {
    document.body.insertAdjacentHTML("beforeend", `<img alt="" id="control-data" src="${src}">`);
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="https://example.invalid/x.png">');
  }, pixel);
  await page.waitForFunction(() => document.getElementById("control-data").complete);
  await new Promise((r) => setTimeout(r, 200));
  const control = violations.get("control");
  const reports = control ? [...control.events.keys(), ...control.console] : [];
  const dataLoaded = await page.evaluate(() => document.getElementById("control-data").naturalWidth === 1);
  check(
    `${edition.name}: the browser refuses and reports an image from another origin put in on purpose`,
    reports.some((k) => k.startsWith("img-src blocked https://example.invalid")) && control.console.length > 0,
    [reports.join("; ") || "no report"],
  );
  check(
    `${edition.name}: a data: image, as Markdown may carry, is shown without a report`,
    dataLoaded && !reports.some((k) => k.includes("blocked data")),
    [`shown ${dataLoaded}; reports: ${reports.join("; ")}`],
  );
  violations.delete("control");
  for (let i = outside.length - 1; i >= 0; i--) if (outside[i].startsWith("control: ")) outside.splice(i, 1);

  // The search: search.js loads search-index.js and writes the results into the page; on the
  // home page, and on the 404 page at depth, whose links start at the edition's address.
  for (const from of ["index.html", "roles/findes/ikke/dybt.html"]) {
    current = `${edition.name} ${from} (search)`;
    await page.goto(edition.url + from);
    let searchOk = false;
    let found = "";
    try {
      await page.click("#sog-felt");
      await page.keyboard.type("bestyrelse", { delay: 10 });
      await page.waitForSelector("#sog-resultater a", { timeout: 5000 });
      found = await page.evaluate(() => document.getElementById("sog-status").textContent);
      await page.keyboard.press("ArrowDown");
      const before = page.url();
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.href !== before, { waitUntil: "load", timeout: 5000 });
      const opened = page.url();
      current = `${edition.name} ${opened.slice(edition.url.length)} (from the search)`;
      const status = await page.evaluate(() => document.body.className);
      if (!opened.startsWith(edition.url) || status.includes("type-not-found")) throw new Error(`opened ${opened} (${status})`);
      searchOk = true;
    } catch (e) {
      found = String(e.message).split("\n")[0];
    }
    await new Promise((r) => setTimeout(r, 100));
    check(`${edition.name}: the search box on ${from} finds pages (${found}) and opens the first result`, searchOk, [found]);
  }

  const lines = [];
  let count = 0;
  for (const [p, v] of violations) {
    for (const [key, n] of v.events) lines.push(`${p}: ${key}${n > 1 ? ` (${n} times)` : ""}`);
    const events = [...v.events.values()].reduce((a, b) => a + b, 0);
    count += Math.max(events, v.console.length);
    if (v.console.length) lines.push(`${p}: ${v.console.length} console message(s), e.g. ${v.console[0]}`);
  }
  check(
    `${edition.name}: no Content-Security-Policy violation on any page${count ? ` (${count} on ${violations.size} pages)` : ""}`,
    violations.size === 0,
    lines,
  );
  check(`${edition.name}: no request to another origin`, outside.length === 0, outside);
  check(`${edition.name}: no script errors`, errors.length === 0, errors);
  await context.close();
}

async function main() {
  for (const e of editions) {
    if (!e.url || !sites || !process.env.PUBLISH_CSP) {
      console.error("csp: run tests/publish/run.sh (it starts nginx and sets PUBLISH_*)");
      process.exit(2);
    }
  }
  if (!fs.existsSync(executablePath)) {
    console.error(`csp: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM)`);
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    for (const e of editions) await visitEdition(browser, e);
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
