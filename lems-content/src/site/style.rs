//! The site's one style sheet, `style.css`.

/// The site's one style sheet: readable on a phone (no horizontal scroll at
/// 320 px and up), a measure of about 70 characters on a desktop.
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
blockquote, .disclaimer {
  margin: 1rem 0;
  padding: 0.75rem 1rem;
  background: #fff6d6;
  border-left: 0.35rem solid #c99300;
  border-radius: 4px;
}
blockquote p, .disclaimer p { margin: 0; }
nav { font-size: 0.95rem; margin: 0.5rem 0; }
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
"#;
