// Checks a site written by `lems-content render --format html` (or `diff
// --format html`) the way a reader sees it: every page loaded in headless
// Chromium at a phone and a desktop width, with
//   - no broken link (every href/src resolves to a file of the site, and a
//     #fragment to an element of that page); no link leaves the site;
//   - the required text: the disclaimer (read from data/disclaimer.yaml) on
//     every page, each treatment's name (from data/treatments/<id>.yaml) on its
//     page, the style sheet applied;
//   - no horizontal overflow, no console error, no failed request, no script;
//   - axe-core (WCAG 2.1 A/AA and best-practice rules): no violation, on every
//     page at both widths and once more at the phone width in dark mode;
//   - printed (Chromium's PDF, print media): the treatment page with the most
//     callouts, and diff.html when there is one: no page that is empty or
//     holds only the footer, at most MAX_PRINT_PAGES pages, the callouts'
//     kinds and the sources in the printed text (read with pdftotext);
// and screenshots of the index, of diff.html, of that treatment page (light
// and dark) and of a changed treatment page, and the PDFs, in --shots.
//
// usage: node scripts/check_site.mjs --modules target/node --data DATA_DIR \
//          --site SITE_DIR --shots target/screenshots --name guide
// (--modules: the folder `npm install --prefix` put playwright-core and
// axe-core in)
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
for (const k of ["modules", "data", "site", "shots", "name"]) {
  if (!args[k]) {
    console.error(`missing --${k}; usage: node scripts/check_site.mjs --modules DIR --data DIR --site DIR --shots DIR --name NAME`);
    process.exit(2);
  }
}
const require = createRequire(path.resolve(args.modules, "package.json"));
const { chromium } = require("playwright-core");
const AXE = require.resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const MAX_PRINT_PAGES = 8;

const WIDTHS = [390, 1280];
// Each page is loaded in each of these: both widths, then the phone width in
// dark mode (axe's colour contrast in the dark scheme).
const VIEWS = [...WIDTHS.map((width) => ({ width, dark: false })), { width: WIDTHS[0], dark: true }];
const site = path.resolve(args.site);
const shots = path.resolve(args.shots);
fs.mkdirSync(shots, { recursive: true });

const norm = (s) => s.replace(/\s+/g, " ").trim();

// A scalar of a small YAML file: `key: value`, quoted or plain, or a folded
// (`>`, `>-`) or literal block. Enough for the two fields read here.
function yamlScalar(file, key) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (i < 0) return null;
  const v = lines[i].slice(key.length + 1).trim();
  if (/^[>|][+-]?$/.test(v)) {
    const block = [];
    for (const l of lines.slice(i + 1)) {
      if (l.trim() !== "" && !/^\s/.test(l)) break;
      block.push(l.trim());
    }
    return norm(block.join(" "));
  }
  if (v.startsWith('"')) return JSON.parse(v);
  if (v.startsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

const disclaimer = yamlScalar(path.join(args.data, "disclaimer.yaml"), "text");
if (!disclaimer) {
  console.error(`no disclaimer text in ${args.data}/disclaimer.yaml`);
  process.exit(2);
}

function htmlFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

const pages = htmlFiles(site);
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const idsOf = new Map(); // file → Set of element ids
const links = []; // { from, href, url }
let checks = 0;
let axeRuns = 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  for (const { width, dark } of VIEWS) {
    const context = await browser.newContext({
      viewport: { width, height: 844 },
      javaScriptEnabled: true,
      colorScheme: dark ? "dark" : "light",
    });
    for (const file of pages) {
      const rel = path.relative(site, file);
      const where = `${rel} @${width}px${dark ? " dark" : ""}`;
      const page = await context.newPage();
      page.on("console", (m) => m.type() === "error" && fail(where, `console error: ${m.text()}`));
      page.on("pageerror", (e) => fail(where, `page error: ${e.message}`));
      page.on("requestfailed", (r) => fail(where, `request failed: ${r.url()} (${r.failure()?.errorText})`));
      try {
        await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      } catch (e) {
        fail(where, `did not load: ${e.message}`);
        await page.close();
        continue;
      }
      const facts = await page.evaluate(() => ({
        text: document.body.innerText,
        title: document.title,
        scripts: document.querySelectorAll("script").length,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        mainMaxWidth: getComputedStyle(document.querySelector("main") ?? document.body).maxWidth,
        // The reading column: main, or on the diff page (changes beside the
        // verdict) its widest column.
        mainWidth: document.querySelector(".diff-layout")
          ? Math.max(...[...document.querySelectorAll(".diff-layout > *")].map((e) => e.getBoundingClientRect().width))
          : (document.querySelector("main") ?? document.body).getBoundingClientRect().width,
        fontSize: parseFloat(getComputedStyle(document.body).fontSize),
        h1: document.querySelectorAll("h1").length,
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        links: [...document.querySelectorAll("a[href], link[href], img[src], script[src], iframe[src]")].map((e) => ({
          href: e.getAttribute("href") ?? e.getAttribute("src"),
          url: e.href ?? e.src,
        })),
      }));
      checks++;
      await axeCheck(page, where);
      const text = norm(facts.text);
      if (!text.includes(disclaimer)) fail(where, "the disclaimer is missing");
      if (facts.scripts > 0) fail(where, `${facts.scripts} <script> element(s): the site has no JavaScript`);
      if (facts.scrollWidth > facts.innerWidth + 1)
        fail(where, `horizontal overflow: the page is ${facts.scrollWidth}px wide in a ${facts.innerWidth}px window`);
      if (facts.mainMaxWidth === "none") fail(where, "style.css is not applied (main has no max-width)");
      if (width >= 1000 && facts.mainWidth > 900) fail(where, `lines too long on a desktop: the text column is ${facts.mainWidth}px wide`);
      if (facts.fontSize < 16) fail(where, `text too small: ${facts.fontSize}px`);
      if (facts.h1 !== 1) fail(where, `${facts.h1} <h1> headings (one expected)`);
      if (!facts.title.trim()) fail(where, "no <title>");
      const m = rel.match(/^treatments[\\/]([a-z0-9_]+)\.html$/);
      if (m) {
        const yaml = path.join(args.data, "treatments", `${m[1]}.yaml`);
        if (!fs.existsSync(yaml)) fail(where, `a page for ${m[1]}, which has no ${yaml}`);
        else {
          const name = yamlScalar(yaml, "name");
          if (!name || !text.includes(norm(name))) fail(where, `the treatment's name (${name}) is missing`);
        }
      }
      if (width === WIDTHS[0] && !dark) {
        idsOf.set(file, new Set(facts.ids));
        for (const l of facts.links) links.push({ from: rel, ...l });
      }
      // The whole page, and the first screen as a reader sees it on opening.
      const shot = async (label) => {
        const base = `${args.name}-${label}-${width}${dark ? "-dark" : ""}`;
        await page.screenshot({ path: path.join(shots, `${base}.png`), fullPage: true });
        await page.screenshot({ path: path.join(shots, `${base}-first-screen.png`) });
      };
      if (rel === "index.html") await shot("index");
      if (rel === "diff.html") await shot("diff");
      if (m && m[1] === firstChanged()) await shot(`changed-${m[1]}`);
      if (m && m[1] === mostCallouts()) await shot(`treatment-${m[1]}`);
      await page.close();
    }
    await context.close();
  }
  const printed = [mostCallouts() && path.join(site, "treatments", `${mostCallouts()}.html`), path.join(site, "diff.html")];
  for (const file of printed.filter((f) => f && fs.existsSync(f))) await printCheck(browser, file);
} finally {
  await browser.close();
}

// axe-core on the loaded page (injected after the page's own checks, which
// count <script> elements): every violation of the WCAG 2.1 A/AA and
// best-practice rules is a failure, with the elements it names.
async function axeCheck(page, where) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false }),
    AXE_TAGS,
  );
  axeRuns++;
  for (const v of result.violations) {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
    fail(where, `axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s): ${targets}]`);
  }
}

// Prints a page to PDF (A4, print media) and reads each page's text back
// with pdftotext: no page may be empty or hold only the footer, the page
// count stays small, and a treatment page's callouts and sources are printed.
async function printCheck(browser, file) {
  const rel = path.relative(site, file);
  const where = `${rel} printed`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const kinds = await page.evaluate(() => [...document.querySelectorAll(".callout-kind")].map((e) => e.innerText.trim()));
  const pdf = path.join(shots, `${args.name}-print-${path.basename(file, ".html")}.pdf`);
  await page.pdf({ path: pdf, format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" } });
  await context.close();
  const out = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (out.error || out.status !== 0) {
    fail(where, `pdftotext failed (install poppler-utils): ${out.error?.message ?? out.stderr}`);
    return;
  }
  const sheets = out.stdout.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
  if (sheets.length > MAX_PRINT_PAGES) fail(where, `${sheets.length} printed pages (at most ${MAX_PRINT_PAGES})`);
  const footer = /^(Generated by lems-content from the content in data\/\. Information, not medical advice\.)?$/;
  sheets.forEach((sheet, i) => {
    const t = norm(sheet);
    if (t.length < 40 || footer.test(t)) fail(where, `printed page ${i + 1} of ${sheets.length} holds only ${JSON.stringify(t.slice(0, 80))}`);
  });
  const all = norm(sheets.join(" "));
  for (const k of kinds) if (!all.includes(norm(k))) fail(where, `the callout "${k}" is not in the printed text`);
  if (rel.startsWith("treatments") && !/Sources/.test(all)) fail(where, "the sources are not printed");
  console.log(`${args.name}: printed ${rel}: ${sheets.length} page(s), ${kinds.length} callout(s); ${path.relative(process.cwd(), pdf)}`);
}

// The treatment page with the most callouts (the first by file name on a tie).
function mostCallouts() {
  if (mostCallouts.id === undefined) {
    let best = 0;
    mostCallouts.id = null;
    for (const f of pages) {
      const mm = path.relative(site, f).match(/^treatments[\\/]([a-z0-9_]+)\.html$/);
      const n = mm ? (fs.readFileSync(f, "utf8").match(/class="callout callout-/g) ?? []).length : 0;
      if (n > best) [best, mostCallouts.id] = [n, mm[1]];
    }
  }
  return mostCallouts.id;
}

// The first treatment page (by name) marked "Changed in this revision".
function firstChanged() {
  if (firstChanged.id === undefined) {
    firstChanged.id = null;
    for (const f of pages) {
      const mm = path.relative(site, f).match(/^treatments[\\/]([a-z0-9_]+)\.html$/);
      if (mm && fs.readFileSync(f, "utf8").includes('class="changed"')) {
        firstChanged.id = mm[1];
        break;
      }
    }
  }
  return firstChanged.id;
}

// Links: every target is a file of the site; a fragment names an element there.
let fragments = 0;
for (const { from, href, url } of links) {
  const u = new URL(url);
  if (u.protocol !== "file:") {
    fail(from, `link leaves the site: ${href}`);
    continue;
  }
  const target = fileURLToPath(u);
  if (!target.startsWith(site + path.sep)) fail(from, `link leaves the site folder: ${href}`);
  else if (!fs.existsSync(target) || !fs.statSync(target).isFile()) fail(from, `broken link: ${href}`);
  else if (u.hash) {
    fragments++;
    const ids = idsOf.get(target);
    if (!ids?.has(decodeURIComponent(u.hash.slice(1)))) fail(from, `broken fragment: ${href}`);
  }
}

console.log(
  `${args.name}: ${pages.length} pages × ${VIEWS.length} views (${WIDTHS.join(", ")} px, ${WIDTHS[0]} px dark) = ${checks} page loads, ` +
    `${axeRuns} axe runs (${AXE_TAGS.join(", ")}); ` +
    `${links.length} links checked (${fragments} with a #fragment); screenshots in ${path.relative(process.cwd(), shots) || "."}`,
);
if (failures.length) {
  console.error(`${failures.length} problem(s):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`${args.name}: ok`);
