// Checks a site written by `lems-content render --format html` (or `diff
// --format html`) the way a reader sees it: every page loaded in headless
// Chromium at a phone and a desktop width, with
//   - no broken link (every href/src resolves to a file of the site, and a
//     #fragment to an element of that page); no link leaves the site;
//   - the required text: the disclaimer (read from data/disclaimer.yaml) on
//     every page, each treatment's name (from data/treatments/<id>.yaml) on its
//     page, the style sheet applied;
//   - no horizontal overflow, no console error, no failed request, no script;
// and screenshots of the index, of diff.html and of a changed treatment page.
//
// usage: node scripts/check_site.mjs --modules target/node --data DATA_DIR \
//          --site SITE_DIR --shots target/screenshots --name guide
// (--modules: the folder `npm install --prefix` put playwright-core in)
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

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

const WIDTHS = [390, 1280];
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
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 844 }, javaScriptEnabled: true });
    for (const file of pages) {
      const rel = path.relative(site, file);
      const where = `${rel} @${width}px`;
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
        mainWidth: (document.querySelector("main") ?? document.body).getBoundingClientRect().width,
        fontSize: parseFloat(getComputedStyle(document.body).fontSize),
        h1: document.querySelectorAll("h1").length,
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        links: [...document.querySelectorAll("a[href], link[href], img[src], script[src], iframe[src]")].map((e) => ({
          href: e.getAttribute("href") ?? e.getAttribute("src"),
          url: e.href ?? e.src,
        })),
      }));
      checks++;
      const text = norm(facts.text);
      if (!text.includes(disclaimer)) fail(where, "the disclaimer is missing");
      if (facts.scripts > 0) fail(where, `${facts.scripts} <script> element(s): the site has no JavaScript`);
      if (facts.scrollWidth > facts.innerWidth + 1)
        fail(where, `horizontal overflow: the page is ${facts.scrollWidth}px wide in a ${facts.innerWidth}px window`);
      if (facts.mainMaxWidth === "none") fail(where, "style.css is not applied (main has no max-width)");
      if (width >= 1000 && facts.mainWidth > 900) fail(where, `lines too long on a desktop: main is ${facts.mainWidth}px wide`);
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
      if (width === WIDTHS[0]) {
        idsOf.set(file, new Set(facts.ids));
        for (const l of facts.links) links.push({ from: rel, ...l });
      }
      // The whole page, and the first screen as a reader sees it on opening.
      const shot = async (label) => {
        await page.screenshot({ path: path.join(shots, `${args.name}-${label}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(shots, `${args.name}-${label}-${width}-first-screen.png`) });
      };
      if (rel === "index.html") await shot("index");
      if (rel === "diff.html") await shot("diff");
      if (m && m[1] === firstChanged()) await shot(`changed-${m[1]}`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
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
  `${args.name}: ${pages.length} pages × ${WIDTHS.length} widths (${WIDTHS.join(", ")} px) = ${checks} page loads; ` +
    `${links.length} links checked (${fragments} with a #fragment); screenshots in ${path.relative(process.cwd(), shots) || "."}`,
);
if (failures.length) {
  console.error(`${failures.length} problem(s):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`${args.name}: ok`);
