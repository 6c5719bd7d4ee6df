//! The index page's figure: where each class of treatment acts, drawn as SVG
//! from the content (each treatment's mechanisms and their `target`), with
//! the same facts as a list beside it for people who do not see the picture.
//! It states nothing the content does not: a class stands under a target
//! when one of its treatments has a mechanism acting on that target.

use std::fmt::Write as _;

use lems_treatments_build::model::{ClosedSet, Target};
use lems_treatments_build::relations::Relations;
use lems_treatments_build::Content;

use super::html::text;
use crate::text::capitalised;

/// One target of the figure: its label, and each class acting on it with
/// the names of the mechanisms through which it does.
struct Band<'c> {
    label: &'static str,
    classes: Vec<(&'c str, Vec<&'c str>)>,
}

/// The bands in the model's order of targets; classes in guide order.
fn bands<'c>(c: &'c Content, rel: &Relations) -> Vec<Band<'c>> {
    let mut out = Vec::new();
    for &target in Target::ALL {
        let mut classes = Vec::new();
        for class in &rel.guide_order {
            let mut mechanisms: Vec<&str> = Vec::new();
            for t in c
                .treatments
                .values()
                .filter(|t| &t.item.category.0 == class)
            {
                for m in &t.item.mechanisms {
                    if let Some(m) = c.mechanisms.get(&m.0).map(|l| &l.item) {
                        if m.target == target && !mechanisms.contains(&m.name.as_str()) {
                            mechanisms.push(m.name.as_str());
                        }
                    }
                }
            }
            if let (false, Some(l)) = (mechanisms.is_empty(), c.classes.get(class)) {
                classes.push((l.item.name.as_str(), mechanisms));
            }
        }
        out.push(Band {
            label: target.label(),
            classes,
        });
    }
    out
}

/// Words greedily joined into lines of at most `width` characters.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + w.chars().count() <= width => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    lines
}

const WIDTH: u32 = 360;
const LINE: u32 = 20;

/// Text lines at `x`, from baseline `y`; returns the y after them.
fn lines(svg: &mut String, class: &str, x: u32, mut y: u32, s: &str, width: usize) -> u32 {
    for l in wrap(s, width) {
        let _ = write!(
            svg,
            "<text class=\"{class}\" x=\"{x}\" y=\"{y}\">{}</text>",
            text(&l)
        );
        y += LINE;
    }
    y
}

/// The SVG: one band per target, its label as a heading and each class
/// acting on it as a box.
fn svg(bands: &[Band<'_>]) -> String {
    let mut body = String::new();
    let mut y = 8;
    for b in bands {
        let top = y;
        let mut inner = String::new();
        let mut yy = lines(
            &mut inner,
            "fig-target",
            16,
            top + 26,
            &format!("Acts on {}", b.label),
            36,
        );
        if b.classes.is_empty() {
            yy = lines(
                &mut inner,
                "fig-none",
                16,
                yy + 4,
                "No class in the content",
                36,
            );
        }
        for (name, _) in &b.classes {
            let n = wrap(name, 34).len() as u32;
            let h = n * LINE + 12;
            let _ = write!(
                inner,
                "<rect class=\"fig-class\" x=\"16\" y=\"{}\" width=\"{}\" height=\"{h}\" rx=\"6\"/>",
                yy - 6,
                WIDTH - 48
            );
            lines(&mut inner, "fig-class-name", 28, yy + 14, name, 34);
            yy += h + 8;
        }
        let height = yy - top + 4;
        let _ = write!(
            body,
            "<rect class=\"fig-band\" x=\"4\" y=\"{top}\" width=\"{}\" height=\"{height}\" rx=\"10\"/>{inner}",
            WIDTH - 8
        );
        y = top + height + 12;
    }
    format!(
        "<svg class=\"figure\" viewBox=\"0 0 {WIDTH} {y}\" role=\"img\" aria-labelledby=\"figure-caption\" aria-describedby=\"figure-list\">{body}</svg>\n"
    )
}

/// The figure as a `<figure>`: the picture, its caption, and its facts as a
/// list (the text alternative).
pub(super) fn figure(c: &Content, rel: &Relations) -> String {
    let bands = bands(c, rel);
    let mut list = String::new();
    for b in &bands {
        let classes: Vec<String> = b
            .classes
            .iter()
            .map(|(name, ms)| format!("{} ({})", text(name), text(&ms.join(", "))))
            .collect();
        let classes = if classes.is_empty() {
            "no class in the content".to_string()
        } else {
            classes.join("; ")
        };
        let _ = writeln!(
            list,
            "<li><strong>{}</strong>: {classes}</li>",
            text(&capitalised(b.label))
        );
    }
    format!(
        "<figure class=\"acts\">\n{}<figcaption id=\"figure-caption\">Where each class of treatment acts: each class stands under what one of its treatments' mechanisms acts on (mechanisms in brackets below).</figcaption>\n<ul id=\"figure-list\">\n{list}</ul>\n</figure>\n",
        svg(&bands)
    )
}
