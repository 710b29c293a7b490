// Builds a copy of the bundled handbook with every payload of payloads.txt placed in every kind
// of front matter field and in every kind of Markdown, in both editions, plus the booklets.
//
// Each payload i gets two pages: content/xss/pNNN.md (forum template: a markdown field, a ref,
// refs, taxonomy terms, internal contacts) and content/xssp/pNNN.md (page template: string, url,
// email, lists, a table, inline markdown, refs shown as cards). Payloads that the build refuses
// (a link to a file that is not there, a URL that is not one, ...) are errors; the line each error
// points at is blanked and the build run again, until both editions build. What was refused is
// counted: a refused payload reaches no reader.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Internal contacts, as the bundled handbook declares them: strings and an e-mail address.
const contactsField =
  'contacts = { type = "list", of = "table", internal = true, label = "Kontaktpersoner", ' +
  'fields = { name = { type = "string", required = true, label = "Navn" }, position = { type = "string", label = "Stilling" }, ' +
  'phone = { type = "string", label = "Telefon" }, email = { type = "email", label = "E-mail" } } }';

const collections = `
[[collections]]
name = "xss"
folder = "xss"
title = "XSS-prøver"
singular = "XSS-prøve"
template = "forum"
[collections.fields]
purpose = { type = "markdown", label = "Formål" }
facilitator = { type = "ref", to = "xss", label = "Facilitator" }
participants = { type = "refs", to = "xss", label = "Deltagere" }
themes = { type = "list", of = "string", taxonomy = "themes", label = "Temaer" }
sources = { type = "refs", to = "xssp", label = "Kilder" }
${contactsField}

[[collections]]
name = "xssp"
folder = "xssp"
title = "XSS-felter"
singular = "XSS-felt"
template = "page"
[collections.fields]
s = { type = "string", label = "Tekst" }
u = { type = "url", label = "Adresse" }
m = { type = "email", label = "E-mail" }
ls = { type = "list", of = "string", label = "Liste" }
lu = { type = "list", of = "url", label = "Adresser" }
mdi = { type = "markdown", inline = true, label = "Kort tekst" }
t = { type = "table", label = "Tabel", fields = { k = { type = "string", label = "Nøgle" }, v = { type = "markdown", label = "Værdi" } } }
roles = { type = "refs", to = "xss", label = "Roller" }
cases = { type = "refs", to = "xssp", label = "Cases" }
${contactsField}
`;

export function readPayloads(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
}

// A TOML basic string: JSON's escapes are TOML's, except that TOML has no `\/` (JSON never
// writes it).
const str = (s) => JSON.stringify(s);

// Every kind of Markdown a payload can stand in, each block on its own lines.
function body(p, i) {
  const lines = [
    `Tekst xssside ${i}: ${p}`,
    `[link ${p}](${p})`,
    `[link](<${p}>)`,
    `![billede ${p}](${p} "${p}")`,
    `<${p}>`,
    p,
    `\`${p}\``,
    "```",
    p,
    "```",
    `    ${p}`,
    `> ${p}`,
    `- ${p}`,
    `1. ${p}`,
    "| a | b |\n|---|---|\n| " + p + " | x |",
    `# ${p}`,
    `## ${p}`,
    `**${p}** _${p}_ ~~${p}~~`,
    `[reference][r${i}]`,
    `[r${i}]: ${p} "${p}"`,
    `Fodnote[^f${i}].`,
    `[^f${i}]: ${p}`,
    "<!-- internal -->",
    `Intern: ${p}`,
    "<!-- /internal -->",
  ];
  return lines.join("\n\n") + "\n";
}

function pages(p, i, n) {
  const id = (k) => `p${String(((k - 1 + n) % n) + 1).padStart(3, "0")}`;
  const contacts = `[[contacts]]\nname = ${str(p)}\nposition = ${str(p)}\nphone = ${str(p)}\nemail = ${str(p)}\n`;
  const forum =
    `+++\ntitle = ${str(p)}\nsummary = ${str(p)}\nweight = ${i}\npurpose = ${str(p)}\n` +
    `facilitator = "${id(i + 1)}"\nparticipants = ["${id(i + 1)}", "${id(i)}"]\n` +
    `themes = [${str(p)}]\nsources = ["${id(i)}"]\n${contacts}+++\n` +
    body(p, i);
  const fields =
    `+++\ntitle = ${str(p)}\nsummary = ${str(p)}\nweight = ${i}\ns = ${str(p)}\nu = ${str(p)}\n` +
    `m = ${str(p)}\nls = [${str(p)}, "x"]\nlu = [${str(p)}]\nmdi = ${str(p)}\n` +
    `roles = ["${id(i)}"]\ncases = ["${id(i + 1)}"]\n[t]\nk = ${str(p)}\nv = ${str(p)}\n${contacts}+++\n` +
    body(p, i);
  return { [`xss/${id(i)}.md`]: forum, [`xssp/${id(i)}.md`]: fields };
}

// Writes the site into `dir`: the repository's site with the payload collections added.
export function writeSite(repo, dir, payloads) {
  for (const part of ["content", "templates", "theme"])
    fs.cpSync(path.join(repo, part), path.join(dir, part), { recursive: true });
  let toml = fs.readFileSync(path.join(repo, "handbook.toml"), "utf8");
  toml = toml.replace(/^chapters = \[(.*)\]$/m, 'chapters = [$1, "xss", "xssp"]');
  // Themes open to any term, so that every payload reaches a theme's page and its links.
  toml = toml.replace(/^terms = \[[^\]]*\]\n/m, "");
  toml = toml.replace(/^\[booklet\]$/m, collections + "\n[booklet]");
  fs.writeFileSync(path.join(dir, "handbook.toml"), toml);
  payloads.forEach((p, k) => {
    for (const [rel, text] of Object.entries(pages(p, k + 1, payloads.length))) {
      fs.mkdirSync(path.dirname(path.join(dir, "content", rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, "content", rel), text);
    }
  });
}

// Runs one handbook command; returns its status and output.
function run(handbook, args) {
  const r = spawnSync(handbook, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

// Builds both editions and both booklets into `out`, blanking each payload line that an error
// points at until every build succeeds. The messages are asked for in English (`--lang en`), the
// language the pattern below reads. Returns the refused lines, as "file:line: message",
// and the number of rounds.
export function buildSite(handbook, site, out) {
  const refused = new Map();  // "file:line" -> the first message
  const commands = ["public", "internal"].flatMap((profile) => [
    ["build", "--lang", "en", "--site", site, "--profile", profile, "--out", path.join(out, profile)],
    ["booklet", "--lang", "en", "--site", site, "--profile", profile, "--out",
      path.join(out, profile, "booklet.html")],
  ]);
  for (let round = 1; round <= 40; round++) {
    const blanks = new Map();  // file -> set of lines
    const other = [];
    for (const args of commands) {
      const { status, output } = run(handbook, args);
      if (status === 0) continue;
      let found = 0;
      for (const m of output.matchAll(/^(\S*content\/(?:xss|xssp)\/p\d+\.md)(?::(\d+):\d+)?: error: (.*)$/gm)) {
        const file = m[1].startsWith("/") ? m[1] : path.resolve(m[1]);
        if (!blanks.has(file)) blanks.set(file, new Set());
        blanks.get(file).add(Number(m[2] || 0));  // 0: the file as a whole
        const where = `${path.relative(site, file)}:${m[2] || 0}`;
        if (!refused.has(where)) refused.set(where, m[3]);
        found++;
      }
      if (found === 0) other.push(`${args.slice(0, 1).join(" ")} ${args.at(-3)}: ${output}`);
    }
    if (blanks.size === 0 && other.length === 0)
      return { refused: [...refused].map(([where, message]) => `${where}: ${message}`), rounds: round };
    if (blanks.size === 0) throw new Error(`the build fails for a reason not in a payload page:\n${other.join("\n")}`);
    for (const [file, lines] of blanks) {
      if (lines.has(0) || !fs.existsSync(file)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      const text = fs.readFileSync(file, "utf8").split("\n");
      // An error at a front-matter fence (a required field that was blanked) refuses the page.
      if ([...lines].some((line) => text[line - 1] === "+++")) {
        fs.rmSync(file, { force: true });
        continue;
      }
      for (const line of lines) if (line >= 1 && line <= text.length) text[line - 1] = "";
      fs.writeFileSync(file, text.join("\n"));
    }
  }
  throw new Error("the payload pages still do not build after 40 rounds");
}

export function siteFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) siteFiles(p, out);
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}
