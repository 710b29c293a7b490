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
  // Violations and outside requests, by the page that was open.
  let current = "";
  const violations = new Map(); // "page: directive blocked" -> details
  const outside = [];
  const errors = [];
  const note = (page, what) => {
    const key = `${page}: ${what}`;
    if (!violations.has(key)) violations.set(key, what);
  };
  await context.exposeBinding("__handbookCsp", (_source, v) =>
    note(current, `${v.directive} blocked ${v.blocked || "(inline)"}${v.source ? ` at ${v.source}` : ""}${v.sample ? ` "${v.sample}"` : ""} [event]`),
  );
  await context.addInitScript(listener);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) note(current, `${m.text().replace(/\s+/g, " ").slice(0, 300)} [console]`);
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
  for (const rel of pages) {
    current = `${edition.name} ${rel}`;
    const response = await page.goto(edition.url + rel, { waitUntil: "load" });
    const want = rel.startsWith("roles/findes/") ? 404 : 200;
    if (!response || response.status() !== want) statuses.push(`${rel}: ${response ? response.status() : "no response"} (want ${want})`);
    // Reports are queued: give them a moment to arrive before the next page.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
  }
  check(`${edition.name}: all ${pages.length} pages load through nginx (the last one a 404 at depth)`, statuses.length === 0, statuses);

  // The search: search.js loads search-index.js and writes the results into the page.
  current = `${edition.name} index.html (search)`;
  await page.goto(edition.url + "index.html");
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
    current = `${edition.name} ${page.url().slice(edition.url.length)} (from the search)`;
    searchOk = true;
  } catch (e) {
    found = String(e.message).split("\n")[0];
  }
  await new Promise((r) => setTimeout(r, 100));
  check(`${edition.name}: the search box finds pages (${found}) and opens the first result`, searchOk, [found]);

  const list = [...violations.keys()];
  const pagesWith = new Set(list.map((k) => k.split(": ")[0]));
  check(
    `${edition.name}: no Content-Security-Policy violation on any page${list.length ? ` (${list.length} on ${pagesWith.size} pages)` : ""}`,
    list.length === 0,
    list,
  );
  check(`${edition.name}: no request to another origin`, outside.length === 0, outside);
  check(`${edition.name}: no script errors`, errors.length === 0, errors);
  await context.close();
}

async function main() {
  for (const e of editions) {
    if (!e.url || !sites) {
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
