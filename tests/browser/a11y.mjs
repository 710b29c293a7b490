// Real-browser checks of the rendered handbook: accessibility (axe-core, WCAG 2.0/2.1 A and AA),
// skip link and visible focus, search, edition markers, well-formed XML, no outside requests, no
// sideways scrolling on a phone, the navigation folded on a phone and open on a wide screen, print
// styles, and screenshots at 375 px and 1280 px.
//
// Expects both editions built into build/a11y/public and build/a11y/internal (run.sh does that).
// Uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core.
// Prints one line per check and ends with "N passed, M failed"; exits non-zero on any failure.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const siteRoot = path.resolve(process.env.A11Y_SITES || path.join(repo, "build", "a11y"));
const shotDir = path.resolve(process.env.A11Y_SCREENSHOTS || path.join(repo, "build", "screenshots"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const editions = ["public", "internal"];
const widths = [375, 1280];
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const searchCases = [
  // [query, url the results must contain]
  ["Bestyrelsen", "roles/bestyrelsen.html"],
  ["bestyr", "roles/bestyrelsen.html"],
  ["BORGMESTEREN", "roles/borgmester.html"],
  ["Aabenraa", "cases/aabenraa-anbringelser.html"],
  ["åbenrå", "cases/aabenraa-anbringelser.html"],
  ["økolariet", "roles/oekolariet.html"],
  ["oekolariet", "roles/oekolariet.html"],
];

let passed = 0;
let failed = 0;
const failures = [];

function pass(name, detail = "") {
  passed++;
  console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
}

function fail(name, lines) {
  failed++;
  const list = Array.isArray(lines) ? lines : [lines];
  failures.push(name);
  console.log(`FAIL ${name}`);
  for (const line of list) console.log(`     ${line}`);
}

function check(name, ok, detail) {
  if (ok) pass(name, typeof detail === "string" ? detail : "");
  else fail(name, detail || "failed");
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

// The page type is on <body class="type-…">; list pages are told apart by their folder.
function pageType(file, html, root) {
  const m = /<body[^>]*class="([^"]*)"/.exec(html);
  const cls = m ? m[1].split(/\s+/).find((c) => c.startsWith("type-")) : null;
  let type = cls ? cls.slice(5) : "other";
  if (type === "list") type = `list-${path.relative(root, file).split(path.sep)[0]}`;
  return type;
}

// One page per type: the largest of its kind, so the richest page is the one tested.
function pickPages(root) {
  const chosen = new Map();
  for (const file of walk(root)) {
    const html = fs.readFileSync(file, "utf8");
    const type = pageType(file, html, root);
    if (type === "other") continue; // not a website page (the printable booklet has its own test)
    const size = html.length;
    if (!chosen.has(type) || chosen.get(type).size < size) chosen.set(type, { file, size });
  }
  const order = (t) =>
    [
      "home",
      "list-",
      "vision",
      "role",
      "forum",
      "case",
      "guide",
      "source",
      "page",
      "term",
      "taxonomy",
      "matrix",
      "search",
      "not-found",
    ].findIndex((p) => t === p || (p.endsWith("-") && t.startsWith(p)));
  return [...chosen.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))
    .map(([type, v]) => ({ type, file: v.file }));
}

async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, wcagTags);
}

// The focused element: its tag, the start of its text, and whether its focus shows.
async function focusDescription(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    return {
      tag: e.tagName.toLowerCase(),
      text: (e.textContent || "").trim().slice(0, 50),
      visible: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== "none"),
    };
  });
}

async function checkSkipAndFocus(page, label) {
  const info = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), summary';
    const all = [...document.querySelectorAll(selector)].filter((e) => {
      const s = getComputedStyle(e);
      return s.visibility !== "hidden" && s.display !== "none" && !e.closest("[hidden]");
    });
    const first = all[0];
    const href = first ? first.getAttribute("href") || "" : "";
    const target = href.startsWith("#") ? document.getElementById(href.slice(1)) : null;
    return {
      firstIsSkip: !!first && first.classList.contains("skip-link"),
      first: first ? first.outerHTML.slice(0, 120) : "(none)",
      target: target ? target.tagName.toLowerCase() : null,
      targetId: target ? target.id : null,
    };
  });
  check(
    `${label}: skip link is the first focusable element and points at the main content`,
    info.firstIsSkip && info.target === "main",
    `first focusable: ${info.first}; target: ${info.target}`,
  );
  await page.keyboard.press("Tab");
  const focus = await page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {
      tag: e.tagName.toLowerCase(),
      cls: e.className,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      outlineVisible: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
      shadow: s.boxShadow,
      inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
    };
  });
  const visible = (focus.outlineVisible || (focus.shadow && focus.shadow !== "none")) && focus.inView;
  check(
    `${label}: Tab focuses the skip link, and the focus is visible`,
    focus.cls.includes("skip-link") && visible,
    `focused <${focus.tag} class="${focus.cls}">, outline ${focus.outline}, box-shadow ${focus.shadow}, on screen ${focus.inView}`,
  );
  await page.keyboard.press("Enter");
  const after = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check(`${label}: following the skip link moves focus to the main content`, after === info.targetId, `focus on #${after}`);
  // Tab on into the page: the next focused link must show its focus too.
  await page.keyboard.press("Tab");
  const next = await focusDescription(page);
  check(`${label}: the first link in the content shows its focus`, next.visible, `<${next.tag}> ${next.text}`);
}

async function checkWellFormed(browserPage, edition, root) {
  const files = walk(root);
  const docs = files.map((f) => ({
    name: path.relative(root, f),
    text: fs.readFileSync(f, "utf8").replace(/^<!DOCTYPE html>/i, ""),
  }));
  const problems = await browserPage.evaluate((list) => {
    const out = [];
    for (const d of list) {
      const doc = new DOMParser().parseFromString(d.text, "application/xml");
      const err = doc.getElementsByTagName("parsererror")[0];
      if (err) {
        out.push(`${d.name}: not well-formed XML: ${err.textContent.replace(/\s+/g, " ").slice(0, 200)}`);
        continue;
      }
      const seen = new Set();
      for (const e of doc.querySelectorAll("[id]")) {
        if (seen.has(e.id)) out.push(`${d.name}: id "${e.id}" is used twice`);
        seen.add(e.id);
      }
    }
    return out;
  }, docs);
  check(`${edition}: all ${files.length} HTML files are well-formed XML with unique ids`, problems.length === 0, problems);
}

async function checkEditionMarkers(edition, root) {
  const problems = [];
  for (const f of walk(root)) {
    const html = fs.readFileSync(f, "utf8");
    if (!/<body[^>]*class="type-/.test(html)) continue; // not a website page (the booklet)
    const noindex = /<meta name="robots" content="noindex" \/>/.test(html);
    const banner = /class="edition-banner"/.test(html);
    const name = path.relative(root, f);
    if (edition === "internal" && (!noindex || !banner)) problems.push(`${name}: noindex ${noindex}, banner ${banner}`);
    if (edition === "public" && (noindex || banner)) problems.push(`${name}: noindex ${noindex}, banner ${banner}`);
    const loading = html.replace(/<link rel="canonical"[^>]*>/g, ""); // names the page's address, loads nothing
    if (/<(script|link)[^>]+(src|href)="(https?:)?\/\//.test(loading)) problems.push(`${name}: loads something from outside`);
  }
  const what =
    edition === "internal"
      ? "every page has the 'Intern version' banner and robots noindex"
      : "no page has the internal banner or noindex";
  check(`${edition}: ${what}; no website page loads outside scripts or styles`, problems.length === 0, problems);
}

async function checkSearch(context, edition, root) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const home = pathToFileURL(path.join(root, "index.html")).href;
  await page.goto(home);
  for (const [query, expected] of searchCases) {
    const label = `${edition}: searching for "${query}" from the home page finds ${expected}`;
    try {
      await page.fill("#sog-felt", "");
      await page.click("#sog-felt");
      await page.keyboard.type(query, { delay: 10 });
      const want = pathToFileURL(path.join(root, expected)).href;
      await page.waitForFunction(
        ([href, q]) =>
          document.getElementById("sog-status").textContent.includes(`»${q}«`) &&
          [...document.querySelectorAll("#sog-resultater a")].some((a) => a.href === href),
        [want, query],
        { timeout: 5000 },
      );
      const state = await page.evaluate((href) => ({
        status: document.getElementById("sog-status").textContent,
        live: document.getElementById("sog-status").getAttribute("aria-live"),
        first: document.querySelector("#sog-resultater a .result-title")?.textContent,
        rank: [...document.querySelectorAll("#sog-resultater a")].findIndex((a) => a.href === href) + 1,
      }), want);
      check(label, state.live === "polite", `${state.status} Found as number ${state.rank}; first: ${state.first}`);
    } catch (e) {
      const got = await page.evaluate(() =>
        [...document.querySelectorAll("#sog-resultater a")].map((a) => a.getAttribute("href")).join(", "),
      );
      fail(label, [`results: ${got || "(none)"}`, String(e.message).split("\n")[0]]);
    }
  }
  // Screenshots with the results open, wide and narrow.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    await page.fill("#sog-felt", "");
    await page.click("#sog-felt");
    await page.keyboard.type("bestyrelse", { delay: 10 });
    await page.waitForSelector("#sog-resultater a", { timeout: 5000 }).catch(() => {});
    await page.screenshot({ path: path.join(shotDir, `${edition}-search-${width}.png`) });
    if (width === 1280) {
      const violations = await runAxe(page);
      check(
        `${edition}: axe finds no WCAG violations with the search results open`,
        violations.length === 0,
        violations.flatMap((v) => [`search: ${v.id} (${v.impact}): ${v.help}`, ...v.targets.map((t) => `   at ${t}`)]),
      );
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // Keyboard: arrow down reaches the results, Escape returns to the field.
  await page.fill("#sog-felt", "");
  await page.click("#sog-felt");
  await page.keyboard.type("forum", { delay: 10 });
  await page.waitForSelector("#sog-resultater a", { timeout: 5000 }).catch(() => {});
  await page.keyboard.press("ArrowDown");
  const inResults = await page.evaluate(() => !!document.activeElement.closest("#sog-resultater"));
  await page.keyboard.press("Escape");
  const back = await page.evaluate(() => ({
    id: document.activeElement.id,
    hidden: document.getElementById("sog-panel").hidden,
  }));
  check(
    `${edition}: search results are reached with the arrow key and closed with Escape`,
    inResults && back.id === "sog-felt" && back.hidden,
    `in results ${inResults}, focus back on #${back.id}, panel hidden ${back.hidden}`,
  );
  await page.close();
}

// The results page, soeg.html?q=...: every hit, the matching words marked, the count in a live
// region, and the link to it from the first hits of the form in the header.
async function checkResultsPage(context, edition, root) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(path.join(root, "index.html")).href);
  const query = "samarbejde";
  await page.fill("#sog-felt", "");
  await page.click("#sog-felt");
  await page.keyboard.type(query, { delay: 10 });
  await page.waitForSelector(".search-more a", { state: "visible", timeout: 5000 }).catch(() => {});
  const quick = await page.evaluate((q) => {
    const link = document.querySelector(".search-more a");
    return {
      total: window.HandbookSearch.search(q).length,
      shown: document.querySelectorAll("#sog-resultater li").length,
      text: link ? link.textContent : "",
      href: link ? link.getAttribute("href") : "",
      visible: !!link && !link.closest(".search-more").hidden,
    };
  }, query);
  check(
    `${edition}: the first ${quick.shown} of ${quick.total} hits link to all of them`,
    quick.visible && quick.total > quick.shown && quick.text === `Vis alle ${quick.total} resultater` && quick.href === `soeg.html?q=${query}`,
    JSON.stringify(quick),
  );
  await page.click(".search-more a");
  await page.waitForFunction(() => document.getElementById("soeg-side-status").textContent.includes("»"), null, { timeout: 5000 }).catch(() => {});
  const full = await page.evaluate(() => {
    const items = [...document.querySelectorAll("#soeg-side-resultater li")];
    const marks = [...document.querySelectorAll("#soeg-side-resultater mark")].map((m) => m.textContent.toLowerCase());
    return {
      url: location.pathname.split("/").pop() + location.search,
      field: document.getElementById("soeg-side-felt").value,
      status: document.getElementById("soeg-side-status").textContent,
      live: document.getElementById("soeg-side-status").getAttribute("aria-live"),
      items: items.length,
      marked: items.filter((li) => li.querySelector("mark")).length,
      marks: [...new Set(marks)].slice(0, 8),
      panelOpen: !document.getElementById("sog-panel").hidden,
    };
  });
  check(
    `${edition}: the results page shows all ${quick.total} hits, the matching words marked, the count in a live region`,
    full.items === quick.total &&
      full.marked > 0 &&
      full.marks.every((m) => m.startsWith("samarbejd")) &&
      full.status === `${quick.total} resultater for »${query}«.` &&
      full.live === "polite" &&
      full.field === query &&
      !full.panelOpen,
    JSON.stringify(full),
  );
  const violations = await runAxe(page);
  check(
    `${edition}: axe finds no WCAG violations on the results page with its results`,
    violations.length === 0,
    violations.flatMap((v) => [`results: ${v.id} (${v.impact}): ${v.help}`, ...v.targets.map((t) => `   at ${t}`)]),
  );
  await page.screenshot({ path: path.join(shotDir, `${edition}-search-results-1280.png`), fullPage: true });
  check(`${edition}: the results page has no script errors`, errors.length === 0, errors);
  await page.close();
}

// The main navigation: on a phone (also turned sideways) a compact header and the list folded
// behind a "Menu" control (details and summary, no script) that the keyboard and a click open; at
// 1280 px the whole list is shown without any interaction. Long items wrap within the window. Axe runs folded and open.
const phone = { width: 375, height: 667 };
const sideways = { width: 667, height: 375 };
// The header (title, search, folded navigation), 102 px at 375 px and 121 px at 667 px when this
// was written.
const phoneHeaderLimit = 112;
const sidewaysHeaderLimit = 130;

// The navigation as the page lays it out, and as Chromium's accessibility tree exposes it.
async function navState(page, cdp) {
  const dom = await page.evaluate(() => {
    const nav = document.querySelector(".site-nav");
    const details = nav.querySelector("details");
    const toggle = nav.querySelector("summary");
    const header = document.querySelector(".site-header").getBoundingClientRect();
    const banner = document.querySelector(".edition-banner");
    const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    const links = [...nav.querySelectorAll("ul a")].map((a) => {
      const r = a.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(a);
      const lines = new Set([...range.getClientRects()].map((q) => Math.round(q.top))).size;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const hit = cy >= 0 && cy < innerHeight ? document.elementFromPoint(cx, cy) : null;
      return {
        text: a.textContent.trim(),
        shown: shown(a) && r.width > 0 && r.height > 0,
        inside: r.left >= 0 && r.right <= innerWidth,
        onTop: !!hit && (hit === a || a.contains(hit)),
        lines,
        height: Math.round(r.height),
      };
    });
    return {
      label: nav.getAttribute("aria-label"),
      open: !!details && details.open,
      toggleShown: !!toggle && shown(toggle),
      toggleText: toggle ? toggle.textContent.trim() : "(no control)",
      headerHeight: Math.round(header.height),
      bannerHeight: banner ? Math.round(banner.getBoundingClientRect().height) : 0,
      mainTop: Math.round(document.querySelector("main").getBoundingClientRect().top),
      navHeight: Math.round(nav.getBoundingClientRect().height),
      scrollWidth: document.documentElement.scrollWidth,
      width: innerWidth,
      links,
    };
  });
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const navNode = nodes.find((n) => n.role?.value === "navigation" && n.name?.value === dom.label);
  const inNav = [];
  const walk = (n) => {
    inNav.push(n);
    for (const c of n.childIds || []) if (byId.has(c)) walk(byId.get(c));
  };
  if (navNode) walk(navNode);
  const toggle = inNav.find((n) => !n.ignored && n.name?.value === dom.toggleText && n.role?.value !== "StaticText");
  const prop = (n, name) => n?.properties?.find((p) => p.name === name)?.value.value;
  dom.ax = {
    toggle: toggle ? `${toggle.role.value} "${toggle.name.value}" expanded=${prop(toggle, "expanded")}` : "(none)",
    expanded: prop(toggle, "expanded"),
    links: inNav.filter((n) => !n.ignored && n.role?.value === "link").length,
  };
  return dom;
}

function describeNav(s) {
  return `open ${s.open}, control shown ${s.toggleShown} (${s.ax.toggle}), links shown ${s.links.filter((l) => l.shown).length} of ${s.links.length}, in the accessibility tree ${s.ax.links}`;
}

// Presses Tab until the focus is on an element matching the selector; the number of presses, or 0.
async function tabTo(page, selector, most = 20) {
  for (let i = 1; i <= most; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement.matches(sel), selector)) return i;
  }
  return 0;
}

async function checkAxeHere(page, label) {
  const violations = await runAxe(page);
  check(
    `${label}: axe finds no WCAG violations`,
    violations.length === 0,
    violations.flatMap((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.targets.map((t) => `   at ${t}`)]),
  );
}

async function checkNavigation(context, edition, root) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const address = pathToFileURL(path.join(root, "index.html")).href;
  const label = `${edition} navigation`;
  const isOpen = (s) => s.open && s.ax.expanded === true && s.links.every((l) => l.shown) && s.ax.links === s.links.length;
  const isFolded = (s) =>
    !s.open && s.toggleShown && s.ax.expanded === false && s.links.every((l) => !l.shown) && s.ax.links === 0;

  // A phone: folded, and a compact header.
  await page.setViewportSize(phone);
  await page.goto(address);
  let s = await navState(page, cdp);
  check(
    `${label}: at 375 px the header with the folded navigation is ${s.headerHeight} px high, at most ${phoneHeaderLimit} px`,
    s.headerHeight <= phoneHeaderLimit && s.headerHeight > 0,
    `header ${s.headerHeight} px, edition banner ${s.bannerHeight} px, main starts at ${s.mainTop} px`,
  );
  check(
    `${label}: at 375 px the list is folded behind a control named "${s.toggleText}", collapsed`,
    isFolded(s) && s.toggleText === "Menu" && s.ax.toggle === 'DisclosureTriangle "Menu" expanded=false',
    describeNav(s),
  );
  await checkAxeHere(page, `${label}: at 375 px, folded,`);

  // The keyboard: Tab reaches the control, which shows its focus; Enter and Space open and close.
  await page.reload();
  const presses = await tabTo(page, ".site-nav summary");
  const focus = await focusDescription(page);
  check(
    `${label}: at 375 px Tab reaches the control (${presses} presses) and its focus is visible`,
    presses > 0 && focus.visible,
    `<${focus.tag}> ${focus.text}, focus visible ${focus.visible}`,
  );
  if (!presses) {
    fail(`${label}: the checks of the open list need the control`, "skipped");
    await page.close();
    return;
  }
  const keySteps = [];
  for (const [key, want] of [
    ["Enter", true],
    ["Enter", false],
    ["Space", true],
  ]) {
    await page.keyboard.press(key);
    s = await navState(page, cdp);
    keySteps.push({ key, want, ok: want ? isOpen(s) : isFolded(s), state: describeNav(s) });
  }
  check(
    `${label}: at 375 px Enter opens and closes the list, Space opens it, and it then shows all ${s.links.length} links`,
    keySteps.every((k) => k.ok),
    keySteps.map((k) => `${k.key} -> ${k.want ? "open" : "folded"}: ${k.ok ? "ok" : "WRONG"}; ${k.state}`),
  );
  await page.keyboard.press("Tab");
  const first = await focusDescription(page);
  check(
    `${label}: at 375 px Tab from the open control goes to the first link, with a visible focus`,
    first.tag === "a" && first.text === s.links[0].text.slice(0, 50) && first.visible,
    `<${first.tag}> ${first.text}, focus visible ${first.visible}`,
  );

  // Open: every link inside the window, the longest wrapping rather than widening the page.
  for (const width of [375, 320]) {
    await page.setViewportSize({ width, height: phone.height });
    s = await navState(page, cdp);
    const longest = s.links.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    check(
      `${label}: at ${width} px the open list fits the window, "${longest.text}" on ${longest.lines} lines, nothing scrolls sideways`,
      isOpen(s) && s.links.every((l) => l.inside) && s.scrollWidth <= s.width,
      `page ${s.scrollWidth} px wide in a ${s.width} px window; outside: ${s.links.filter((l) => !l.inside).map((l) => l.text).join(", ") || "none"}`,
    );
  }
  await page.setViewportSize(phone);
  await page.screenshot({ path: path.join(shotDir, `${edition}-menu-open-375.png`) });
  await checkAxeHere(page, `${label}: at 375 px, open,`);

  // In print the control and the list are never shown, open or not.
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() =>
    [".site-nav", ".site-nav summary", ".site-nav ul"].filter((sel) => document.querySelector(sel)?.checkVisibility()),
  );
  check(`${label}: print shows neither the control nor the list, even when open`, printed.length === 0, `shown: ${printed.join(", ")}`);
  await page.emulateMedia({ media: "screen" });

  // A click closes and opens it again.
  const clicks = [];
  for (const want of [false, true]) {
    await page.click(".site-nav summary", { timeout: 2000 }).catch(() => {});
    s = await navState(page, cdp);
    clicks.push({ want, ok: want ? isOpen(s) : isFolded(s), state: describeNav(s) });
  }
  check(
    `${label}: at 375 px a click closes the list and another opens it`,
    clicks.every((c) => c.ok),
    clicks.map((c) => `click -> ${c.want ? "open" : "folded"}: ${c.ok ? "ok" : "WRONG"}; ${c.state}`),
  );

  // A phone turned sideways: folded too.
  await page.setViewportSize(sideways);
  await page.goto(address);
  s = await navState(page, cdp);
  check(
    `${label}: at 667 x 375 px the list is folded and the header is ${s.headerHeight} px high, at most ${sidewaysHeaderLimit} px`,
    isFolded(s) && s.headerHeight <= sidewaysHeaderLimit,
    describeNav(s),
  );

  // A wide window: the whole list, without the control, without any interaction.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(address);
  s = await navState(page, cdp);
  check(
    `${label}: at 1280 px all ${s.links.length} links are shown and uncovered without any interaction, and no control`,
    !s.toggleShown && s.links.every((l) => l.shown && l.inside && l.onTop) && s.ax.links === s.links.length,
    `${describeNav(s)}; header ${s.headerHeight} px (navigation ${s.navHeight} px), main starts at ${s.mainTop} px`,
  );
  const wideTabs = await tabTo(page, ".site-nav a");
  const wideFocus = await focusDescription(page);
  check(
    `${label}: at 1280 px Tab reaches the first link (${wideTabs} presses), with a visible focus`,
    wideTabs > 0 && wideFocus.text === s.links[0].text.slice(0, 50) && wideFocus.visible,
    `<${wideFocus.tag}> ${wideFocus.text}, focus visible ${wideFocus.visible}`,
  );
  await page.close();
}

async function checkNoScript(context, edition, root) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
  await page.goto(pathToFileURL(path.join(root, "index.html")).href);
  const state = await page.evaluate(() => ({
    formHidden: document.querySelector(".search-form").hidden,
    note: document.querySelector(".search-nojs") ? document.querySelector(".search-nojs").textContent : null,
  }));
  check(
    `${edition}: without JavaScript the search form is hidden and a note says so`,
    state.formHidden && !!state.note,
    `form hidden ${state.formHidden}; note: ${state.note}`,
  );
  await page.close();
}

// The edition as a web server serves it, at the path of its address (from the 404 page's
// stylesheet, which starts there): a missing address at any depth gets 404.html with status 404,
// as docs/nginx/ configures it. The 404 page is checked at such an address.
const types = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".xml": "application/xml" };
function serveEdition(root) {
  const m = /href="(\/[^"]*)theme\/site\.css[?"]/.exec(fs.readFileSync(path.join(root, "404.html"), "utf8"));
  const base = m ? m[1] : "/";
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = url.startsWith(base) ? url.slice(base.length) || "index.html" : null;
    const file = rel === null || rel.split("/").includes("..") ? null : path.join(root, rel);
    const found = file && fs.existsSync(file) && fs.statSync(file).isFile();
    const served = found ? file : path.join(root, "404.html");
    res.writeHead(found ? 200 : 404, { "Content-Type": types[path.extname(served)] || "application/octet-stream" });
    res.end(fs.readFileSync(served));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, base, close: () => server.close() }),
    ),
  );
}

async function checkPage(context, edition, root, { type, file }, server) {
  const rel = path.relative(root, file);
  const label = `${edition} ${type} (${rel})`;
  const page = await context.newPage();
  const outside = [];
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("about:") && !u.startsWith(`${server.origin}/`))
      outside.push(u);
  });
  const address = type === "not-found" ? `${server.origin}${server.base}a/b/c/mangler.html` : pathToFileURL(file).href;
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(address);
  if (type === "not-found")
    check(
      `${label}: served for a missing address at any depth, its stylesheet loads`,
      await page.evaluate(() =>
        [...document.styleSheets].some(
          (s) => s.href && new URL(s.href).pathname.endsWith("/theme/site.css") && s.cssRules.length > 0,
        ),
      ),
      address,
    );

  const violations = await runAxe(page);
  if (violations.length === 0) pass(`${label}: axe finds no WCAG 2.0/2.1 A or AA violations`);
  else
    fail(
      `${label}: axe finds WCAG violations`,
      violations.flatMap((v) => [`${rel}: ${v.id} (${v.impact}): ${v.help}`, ...v.targets.map((t) => `   at ${t}`)]),
    );

  await page.reload();
  await checkSkipAndFocus(page, label);

  for (const width of [320, ...widths]) {
    await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    await page.goto(address);
    await page.waitForTimeout(50);
    if (width < 600) {
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: window.innerWidth,
        wide: [...document.querySelectorAll("body *")]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.right > window.innerWidth + 1 && !e.closest(".matrix-wrap, .skip-link, .visually-hidden");
          })
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      }));
      check(
        `${label}: nothing scrolls sideways at ${width} px`,
        overflow.scroll <= overflow.view,
        `page ${overflow.scroll} px wide in a ${overflow.view} px window; too wide: ${overflow.wide.join(", ")}`,
      );
    }
    if (widths.includes(width))
      await page.screenshot({ path: path.join(shotDir, `${edition}-${type}-${width}.png`), fullPage: true });
  }

  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => {
    const hidden = (sel) => [...document.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === "none");
    return {
      nav: hidden(".site-nav"),
      menu: [...document.querySelectorAll(".site-nav summary")].every((e) => !e.checkVisibility()),
      search: hidden(".search"),
      skip: hidden(".skip-link"),
    };
  });
  check(
    `${label}: print hides navigation, its "Menu" control, search and skip link`,
    print.nav && print.menu && print.search && print.skip,
    JSON.stringify(print),
  );
  await page.emulateMedia({ media: "screen" });

  check(`${label}: no requests outside the site`, outside.length === 0, outside);
  check(`${label}: no script errors`, errors.length === 0, errors);
  await page.close();
}

async function main() {
  for (const e of editions) {
    if (!fs.existsSync(path.join(siteRoot, e, "index.html"))) {
      console.error(`a11y: ${path.join(siteRoot, e)} has no index.html: build the editions first (tests/browser/run.sh)`);
      process.exit(2);
    }
  }
  if (!fs.existsSync(executablePath)) {
    console.error(`a11y: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM)`);
    process.exit(2);
  }
  fs.mkdirSync(shotDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "handbook-a11y-"));
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
    reducedMotion: "reduce",
    locale: "da-DK",
  });
  try {
    const parser = await context.newPage();
    await parser.goto("about:blank");
    for (const edition of editions) {
      const root = path.join(siteRoot, edition);
      console.log(`\n== ${edition} edition: ${root}`);
      await checkWellFormed(parser, edition, root);
      await checkEditionMarkers(edition, root);
      const pages = pickPages(root);
      console.log(`   page types: ${pages.map((p) => p.type).join(", ")}`);
      const server = await serveEdition(root);
      for (const p of pages) await checkPage(context, edition, root, p, server);
      server.close();
      await checkSearch(context, edition, root);
      await checkResultsPage(context, edition, root);
      await checkNoScript(context, edition, root);
      await checkNavigation(context, edition, root);
    }
    await parser.close();
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`\nScreenshots: ${shotDir}`);
  if (failures.length) {
    console.log("Failed:");
    for (const f of failures) console.log(`  - ${f}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
