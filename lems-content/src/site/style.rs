//! The site's one style sheet, `style.css` (light and dark colours, print
//! styles), and its icon, `favicon.svg`.

/// The site's icon: a plain mark, no text.
pub const FAVICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b5cad\"/><path d=\"M10 7v18h13\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>\n";

/// The site's one style sheet: readable on a phone (no horizontal scroll at
/// 320 px and up), a measure of about 70 characters on a desktop; a dark
/// scheme when the reader's system asks for one; printed, a clean handout
/// (no navigation, link targets written out, callouts never split, no
/// footer on a page of its own).
pub const STYLE: &str = r#"*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1b1b1b;
  background: #fff;
}
main { max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.75rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
p, li, h1, h2, h3, td { overflow-wrap: break-word; }
ul { padding-left: 1.25rem; }
li { margin: 0.25rem 0; }
a { color: #0b5cad; }
a:visited { color: #5a3a9a; }
code {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.9em;
  background: #f1f1f1;
  padding: 0.05em 0.3em;
  border-radius: 3px;
  overflow-wrap: anywhere;
}
.note {
  margin: 1rem 0;
  padding: 0.6rem 0.9rem;
  background: #f3f4f6;
  border-left: 0.3rem solid #6b7280;
  border-radius: 4px;
  font-size: 0.95rem;
}
.note p { margin: 0; }
.note details { margin-top: 0.3rem; }
.note details p { margin-top: 0.4rem; }
summary { cursor: pointer; color: #0b5cad; text-decoration: underline; padding: 0.2rem 0; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: #fff; color: #0b5cad; border: 2px solid #0b5cad; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
nav { font-size: 0.95rem; margin: 0.5rem 0; }
.contents { margin: 1rem 0; padding: 0.5rem 0.9rem; border: 1px solid #d1d5db; border-radius: 4px; }
.contents-title { margin: 0; font-weight: 700; }
.contents ul { margin: 0.25rem 0; padding-left: 1.1rem; }
.contents li { margin: 0; }
.contents a { padding: 0.2rem 0; }
ul.callouts { list-style: none; padding: 0; }
.callout {
  margin: 0.75rem 0;
  padding: 0.6rem 0.9rem;
  border: 1px solid #9ca3af;
  border-left: 0.45rem solid #6b7280;
  border-radius: 4px;
  background: #f9fafb;
  break-inside: avoid;
  page-break-inside: avoid;
}
.callout p { margin: 0.3rem 0; }
.callout-kind { font-weight: 700; font-size: 1.05rem; }
.callout-contraindication { border-left-color: #b00020; background: #fdf2f2; }
.callout-contraindication .callout-kind { color: #8a0000; }
.callout-warning { border-left-color: #b35900; background: #fff7ed; }
.callout-warning .callout-kind { color: #7a3d00; }
.callout-undesirable-effect { border-left-color: #92400e; background: #fffbeb; }
.callout-none-named { border-left-color: #0b5cad; background: #eff6ff; }
.callout-not-applied { border-left-color: #6b7280; }
.callout-source { color: #4b5563; }
.callout-source small { font-size: 0.85rem; }
figure.acts { margin: 1rem 0; }
svg.figure { display: block; width: 100%; max-width: 26rem; height: auto; margin: 0 auto; }
.fig-band { fill: #eef4fb; stroke: #0b5cad; stroke-width: 1.5; }
.fig-class { fill: #fff; stroke: #6b7280; }
.fig-target { font: 700 15px system-ui, sans-serif; fill: #0b3d73; }
.fig-class-name, .fig-none { font: 14px system-ui, sans-serif; fill: #1b1b1b; }
figcaption { font-size: 0.95rem; margin: 0.5rem 0; }
nav a { display: inline-block; padding: 0.4rem 0; }
ul.treatments { list-style: none; padding: 0; }
ul.treatments li { margin: 0; }
ul.treatments li + li { border-top: 1px solid #eee; }
ul.treatments a { display: block; padding: 0.6rem 0.25rem; font-weight: 600; }
.changed {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  background: #fff1e6;
  border: 2px solid #b35900;
  border-radius: 4px;
}
.changed h2 { margin: 0 0 0.5rem; padding: 0; border: 0; font-size: 1.15rem; }
.release { padding: 0.75rem 1rem; background: #eef4fb; border-left: 0.35rem solid #0b5cad; border-radius: 4px; }
.release p { margin: 0.3rem 0; }
del { background: #ffe1e1; color: #8a0000; text-decoration: line-through; }
ins { background: #dcf5dc; color: #004d00; text-decoration: underline; }
del + ins { margin-left: 0.2em; }
.clinical { font-weight: 700; color: #8a0000; }
mark { background: #fff08a; color: inherit; font-weight: 700; }
.rule { color: #555; font-size: 0.95em; }
main:has(.diff-layout) { max-width: 76rem; }
.diff-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; }
.diff-verdict h2:first-child { margin-top: 1rem; }
@media (min-width: 64rem) {
  .diff-layout { grid-template-columns: minmax(0, 1fr) minmax(0, 22rem); }
}
.verdict-line { font-size: 0.95rem; }
.sbs { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; margin: 0.4rem 0 0.8rem; }
@media (min-width: 40rem) { .sbs { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.sbs > div { min-width: 0; padding: 0.4rem 0.6rem; border: 1px solid #ccc; border-radius: 4px; overflow-wrap: anywhere; }
.sbs p { margin: 0; }
.sbs p.side { font-size: 0.85rem; font-weight: 600; color: #555; }
footer { max-width: 46rem; margin: 0 auto; padding: 1rem; color: #555; font-size: 0.9rem; border-top: 1px solid #ddd; }
.back { margin-top: 2rem; }
:root { color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  body { color: #e5e7eb; background: #111418; }
  a, summary { color: #8cc4ff; }
  a:visited { color: #c4a8ff; }
  code { background: #262b33; }
  h2 { border-top-color: #374151; }
  .note { background: #1f2430; border-left-color: #9ca3af; }
  .contents { border-color: #4b5563; }
  .skip-link { background: #111418; color: #8cc4ff; border-color: #8cc4ff; }
  .callout { background: #1a1e24; border-color: #4b5563; border-left-color: #9ca3af; }
  .callout-contraindication { background: #2a1416; border-left-color: #f87171; }
  .callout-contraindication .callout-kind { color: #fca5a5; }
  .callout-warning { background: #2a1d10; border-left-color: #fb923c; }
  .callout-warning .callout-kind { color: #fdba74; }
  .callout-undesirable-effect { background: #29220f; border-left-color: #fbbf24; }
  .callout-none-named { background: #132033; border-left-color: #8cc4ff; }
  .callout-source { color: #b6bcc6; }
  .fig-band { fill: #132033; stroke: #8cc4ff; }
  .fig-class { fill: #1a1e24; stroke: #9ca3af; }
  .fig-target { fill: #bfdcff; }
  .fig-class-name, .fig-none { fill: #e5e7eb; }
  ul.treatments li + li { border-top-color: #2d333b; }
  .changed { background: #2a1d10; border-color: #fb923c; }
  .release { background: #132033; border-left-color: #8cc4ff; }
  del { background: #4a1d1d; color: #fecaca; }
  ins { background: #14361c; color: #bbf7d0; }
  .clinical { color: #fca5a5; }
  mark { background: #5c4d00; color: #fff8c5; }
  .rule, footer { color: #b6bcc6; }
  footer { border-top-color: #374151; }
  .sbs > div { border-color: #4b5563; }
  .sbs p.side { color: #b6bcc6; }
}
@media print {
  :root { color-scheme: light; }
  body { font-size: 11pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  nav, .skip-link, .back, footer, .note details { display: none; }
  a { color: #000; text-decoration: none; }
  main a[href$=".html"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #333; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .callout, figure, .note { break-inside: avoid; page-break-inside: avoid; }
  .callout { background: #fff; }
  ul.treatments a { padding: 0.1rem 0; }
}
"#;
