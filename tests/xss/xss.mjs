// The XSS corpus, run in a real browser. Builds a copy of the handbook with every payload of
// payloads.txt in every kind of field and Markdown (site.mjs), then loads every page of both
// editions and both booklets in Debian's Chromium (playwright-core from tests/browser),
// searches for the payload pages, and loads the search results page (soeg.html?q=...) and the
// home page's search box with each payload as the query. A payload has executed when any of
// these happens:
//   - alert, confirm, prompt or print is called, or a dialog opens, in any frame;
//   - a page writes to the console (the site's own script never does), or throws;
//   - a request leaves the site folder (another file: path, http:, https:, ...);
//   - the page holds something that runs on a click or an event: an on* attribute, a
//     javascript:/vbscript:/data: address in href, src, action, formaction, data or xlink:href,
//     a script other than the theme's search.js, or an iframe, frame, object, embed, base or
//     meta refresh element.
// Prints a summary line per edition and each failure; exits non-zero if any payload executed.
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSite, readPayloads, siteFiles, writeSite } from "./site.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const require = createRequire(path.join(repo, "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");

const handbook = path.resolve(process.env.HANDBOOK || path.join(repo, "build", "handbook"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const keep = process.env.XSS_KEEP === "1";
const started = Date.now();

// Installed in every frame before any of its scripts: records each call of a dialog function.
function hooks() {
  const hit = (name) =>
    function (...args) {
      const top = window.top || window;
      (top.__xss = top.__xss || []).push(`${name}(${args.map(String).join(", ")}) in ${location.href}`);
    };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    try {
      Object.defineProperty(window, name, { value: hit(name), writable: false, configurable: false });
    } catch {}
  }
}

// What in the loaded page could run script on a click or an event. `roots`: the addresses of
// the edition's folder (its file: URL, and the base_url path the 404 page links from).
function armed(roots) {
  const found = [];
  const urlAttrs = ["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcdoc"];
  const bad = /^(javascript|vbscript|data):/;
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`<${tag} ${name}="${attr.value}">`);
      else if (urlAttrs.includes(name) && (bad.test(value) || name === "srcdoc"))
        found.push(`<${tag} ${name}="${attr.value}">`);
      else if (name === "style" && /expression\(|javascript:|url\(/.test(value))
        found.push(`<${tag} style="${attr.value}">`);
    }
    // The theme's search.js (with the theme's fingerprint), and the search index it adds when
    // the search box is used.
    const src = tag === "script" ? el.src : "";
    const own =
      roots.some((r) => src.startsWith(r)) &&
      /(^|\/)(theme\/search\.js(\?v=[0-9a-f]{10})?|search-index\.js)$/.test(src);
    if (tag === "script" && !own)
      found.push(`<script${el.src ? ` src="${el.getAttribute("src")}"` : ""}>${el.textContent.slice(0, 60)}`);
    if (["iframe", "frame", "frameset", "object", "embed", "base", "applet"].includes(tag)) found.push(`<${tag}>`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push(`<meta http-equiv="${el.getAttribute("http-equiv")}">`);
  }
  return found;
}

async function main() {
  if (!fs.existsSync(handbook)) throw new Error(`no generator at ${handbook}: build it or set HANDBOOK`);
  const payloads = readPayloads(path.join(here, "payloads.txt"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-xss-"));
  const site = path.join(work, "site");
  const out = path.join(work, "out");
  try {
    writeSite(repo, site, payloads);
    const { refused, rounds } = buildSite(handbook, site, out);
    const built = Date.now();
    const placed = ["xss", "xssp"].flatMap((f) => fs.readdirSync(path.join(site, "content", f))).length;
    console.log(`${payloads.length} payloads in ${placed} pages; ` +
      `built in ${rounds} rounds, ${((built - started) / 1000).toFixed(1)} s; ${refused.length} placements refused by the build`);
    if (process.env.XSS_VERBOSE) for (const r of refused) console.log(`  refused: ${r}`);

    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
    });
    const failures = [];
    let loaded = 0;
    try {
      for (const edition of ["public", "internal"]) {
        const root = path.join(out, edition);
        const inside = pathToFileURL(root).href + "/";
        // The 404 page links from the edition's own address (its base_url's path), so that a
        // server can return it at any depth; over file:// those links are served from the
        // edition's folder too, and count as inside the site.
        const loc = /<loc>([^<]+)<\/loc>/.exec(fs.readFileSync(path.join(root, "sitemap.xml"), "utf8"));
        const base = loc ? new URL(loc[1]).pathname : "/";
        const served = base === "/" ? null : "file://" + base;
        const isInside = (u) => u.startsWith(inside) || (served !== null && u.startsWith(served));
        const context = await browser.newContext({ javaScriptEnabled: true });
        await context.addInitScript(hooks);
        const only = process.env.XSS_PAGES ? new RegExp(process.env.XSS_PAGES) : null;
        const files = siteFiles(root).filter((f) => !only || only.test(path.relative(root, f)));
        const pagesBefore = failures.length;
        // One tab per edition, reused for every page: its listeners add to `problems`.
        const page = await context.newPage();
        let problems = [];
        page.on("dialog", (d) => {
          problems.push(`dialog ${d.type()}: ${d.message()}`);
          d.dismiss().catch(() => {});
        });
        page.on("console", (m) => problems.push(`console.${m.type()}: ${m.text()}`));
        page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
        page.on("request", (r) => {
          const u = r.url();
          if (!isInside(u) && !u.startsWith("about:") && !u.startsWith("data:"))
            problems.push(`request outside the site: ${u}`);
        });
        await context.route("**/*", (route) => {
          const u = route.request().url();
          if (u.startsWith(inside)) return route.continue();
          if (served !== null && u.startsWith(served)) {
            const rel = decodeURIComponent(new URL(u).pathname.slice(base.length));
            const file = path.join(root, rel);
            if (file.startsWith(root + path.sep)) return route.fulfill({ path: file });
          }
          return route.abort();
        });
        const visit = async (file, action, query = "") => {
          problems = [];
          try {
            await page.goto(pathToFileURL(file).href + query, { waitUntil: "load", timeout: 60000 });
            if (action) await action(page);
            for (const frame of page.frames()) {
              const calls = await frame.evaluate(() => window.__xss || []).catch(() => []);
              problems.push(...calls.map((c) => `called ${c}`));
            }
            problems.push(...(await page.evaluate(armed, served ? [inside, served] : [inside])).map((a) => `armed: ${a}`));
          } catch (e) {
            problems.push(`could not load: ${String(e.message).split("\n")[0]}`);
          }
          loaded++;
          if (problems.length) failures.push({ page: `${edition}/${path.relative(root, file)}${query}`, problems });
        };
        // Self-test: a page that runs a payload must be caught, or the run proves nothing.
        const probe = path.join(root, "xss-selftest.html");
        fs.writeFileSync(probe, '<!doctype html><title>t</title><img src="nowhere.png" onerror="alert(1)"><a href="javascript:void 0">x</a>');
        await visit(probe);
        fs.rmSync(probe);
        const caught = failures.pop();
        const probed = caught ? caught.problems.join("\n") : "";
        if (!/called alert\(1\)/.test(probed) || !/armed: <img onerror/.test(probed) || !/armed: <a href/.test(probed))
          throw new Error(`the hooks missed the self-test page:\n${probed || "(nothing)"}`);
        loaded--;
        for (const file of files) await visit(file);
        // The search box renders titles and summaries of matching pages.
        await visit(path.join(root, "index.html"), async (page) => {
          await page.fill("#sog-felt", "xssside");
          await page.waitForFunction(() => document.querySelectorAll("#sog-resultater a").length > 0, null, { timeout: 10000 });
          await page.fill("#sog-felt", "script alert");
          await page.waitForTimeout(300);
        });
        // The search results page (soeg.html?q=...) and the search box of the home page
        // (index.html?q=...), with each payload as the query, URL-encoded: the query is put in
        // the field and the status line, and the pages found (the payload pages hold it in
        // their titles, summaries and headings) are listed with its words marked. And the
        // results page for a word of every payload page, which lists them all.
        const searches = { queries: 0, withHits: 0, hits: 0, marks: 0 };
        const settled = (sel) => async (page) => {
          await page.waitForFunction((s) => {
            const status = document.querySelector(`${s} .search-status`);
            const texts = status && status.closest("[data-loading]");
            return status && status.textContent !== "" && (!texts || status.textContent !== texts.getAttribute("data-loading"));
          }, sel, { timeout: 10000 });
          const found = await page.evaluate((s) => ({
            hits: document.querySelectorAll(`${s} .search-results li`).length,
            marks: document.querySelectorAll(`${s} .search-results mark`).length,
          }), sel);
          if (sel === ".search-page") {
            searches.queries++;
            searches.withHits += found.hits > 0;
            searches.hits += found.hits;
            searches.marks += found.marks;
          }
        };
        const soeg = path.join(root, "soeg.html");
        for (const p of payloads) {
          const query = `?q=${encodeURIComponent(p)}`;
          await visit(soeg, settled(".search-page"), query);
          await visit(path.join(root, "index.html"), settled(".search"), query);
        }
        await visit(soeg, settled(".search-page"), "?q=xssside");
        await page.close();
        console.log(`${edition}: ${files.length} pages and a search loaded, ${failures.length - pagesBefore} with a payload that ran or could run`);
        console.log(`${edition}: ${searches.queries} queries on soeg.html (${payloads.length} payloads and "xssside"): ` +
          `${searches.withHits} with hits, ${searches.hits} results shown, ${searches.marks} words marked; ` +
          `and each payload as the query of the home page's search box`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    for (const f of failures) {
      console.log(`FAIL ${f.page}`);
      for (const p of [...new Set(f.problems)].slice(0, 10)) console.log(`     ${p}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${loaded} loads in ${seconds} s: ${failures.length === 0 ? "no payload executed" : `${failures.length} pages FAILED`}`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  } finally {
    if (keep) console.log(`site and output kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(String(e.stack || e));
  process.exit(2);
});
