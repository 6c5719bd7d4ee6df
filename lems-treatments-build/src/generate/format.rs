//! The last step before writing: the generated tokens as formatted Rust.
//!
//! prettyplease formats a `syn` file, and `syn` parses every literal it
//! meets. With thousands of treatments the generated code holds a few
//! literals of megabytes (every card joined in one string, the packed lookup
//! tables), and parsing those is most of the formatting time while
//! prettyplease prints them unchanged. So long literals are set aside: each
//! is replaced by a stand-in name, the file is formatted, and each stand-in
//! is replaced by its literal again. A stand-in that is not found exactly
//! once in the formatted text (content could hold the same words inside a
//! string) sends the whole file the long way, through `syn`, so the result is
//! always the formatted tokens.

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};

/// Literals at least this long (in source characters) are set aside.
const LONG: usize = 1024;

/// The formatted source of a token stream holding a whole file.
pub fn format_file(tokens: TokenStream) -> String {
    let mut long = Vec::new();
    let stand_ins = set_aside(tokens.clone(), &mut long);
    if let Ok(file) = syn::parse2::<syn::File>(stand_ins) {
        if let Some(text) = put_back(&prettyplease::unparse(&file), &long) {
            return text;
        }
    }
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        // Cannot happen for tokens built by `quote!`; keep the raw tokens so that
        // rustc points at the problem instead of the generator hiding it.
        Err(_) => tokens.to_string(),
    }
}

fn stand_in(i: usize) -> String {
    format!("__lems_long_literal_{i}__")
}

/// The tokens with every long literal replaced by its stand-in, and the
/// literals in stand-in order. Attributes are left whole: prettyplease
/// prints `#[doc = "…"]` as `///` lines only when it sees the literal.
fn set_aside(tokens: TokenStream, long: &mut Vec<Literal>) -> TokenStream {
    let mut out = Vec::new();
    let mut after_hash = false;
    for tree in tokens {
        let is_hash = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '#' || (after_hash && p.as_char() == '!'));
        let tree = match tree {
            TokenTree::Group(g) if after_hash && g.delimiter() == Delimiter::Bracket => {
                TokenTree::Group(g)
            }
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), set_aside(g.stream(), long));
                inner.set_span(g.span());
                TokenTree::Group(inner)
            }
            TokenTree::Literal(l) if l.to_string().len() >= LONG => {
                let name = Ident::new(&stand_in(long.len()), Span::call_site());
                long.push(l);
                TokenTree::Ident(name)
            }
            other => other,
        };
        after_hash = is_hash;
        out.push(tree);
    }
    out.into_iter().collect()
}

/// The formatted text with each stand-in replaced by its literal, or `None`
/// when a stand-in does not occur exactly once.
fn put_back(formatted: &str, long: &[Literal]) -> Option<String> {
    let mut places = Vec::with_capacity(long.len());
    for (i, literal) in long.iter().enumerate() {
        let name = stand_in(i);
        let mut found = formatted.match_indices(&name);
        let (at, _) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        places.push((at, name.len(), literal.to_string()));
    }
    places.sort_by_key(|p| p.0);
    let mut out =
        String::with_capacity(formatted.len() + places.iter().map(|p| p.2.len()).sum::<usize>());
    let mut from = 0;
    for (at, len, text) in places {
        out.push_str(formatted.get(from..at)?);
        out.push_str(&text);
        from = at + len;
    }
    out.push_str(formatted.get(from..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn slow(tokens: TokenStream) -> String {
        prettyplease::unparse(&syn::parse2::<syn::File>(tokens).unwrap())
    }

    #[test]
    fn long_literals_come_back_where_they_were() {
        let text = "x".repeat(5000);
        let bytes = Literal::byte_string(&[7u8; 2000]);
        let tokens = quote! {
            const A: &str = #text;
            const B: &[u8] = #bytes;
            const C: &str = "short";
        };
        let out = format_file(tokens);
        assert!(
            out.contains(&format!("const A: &str = \"{text}\";")),
            "{out}"
        );
        assert!(out.contains("const C: &str = \"short\";"));
        assert!(!out.contains("__lems_long_literal_"));
        assert_eq!(out.matches(&"\\x07".repeat(2000)).count(), 1);
        // The same file as formatting it whole, apart from line breaks
        // around the long literals.
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        let whole = slow(quote! {
            const A: &str = #text;
            const B: &[u8] = #bytes;
            const C: &str = "short";
        });
        assert_eq!(squash(&out), squash(&whole));
    }

    #[test]
    fn long_doc_attributes_stay_doc_comments() {
        let doc = format!(" {}", "word ".repeat(400));
        let tokens = quote! {
            #[doc = #doc]
            pub struct S;
        };
        assert_eq!(format_file(tokens.clone()), slow(tokens));
    }

    #[test]
    fn a_stand_in_name_inside_content_sends_the_file_the_long_way() {
        let sneaky = format!("{} {}", stand_in(0), "y".repeat(2000));
        let long = "z".repeat(3000);
        let tokens = quote! {
            const A: &str = #long;
            const B: &str = "__lems_long_literal_0__";
        };
        let out = format_file(tokens.clone());
        assert_eq!(out, slow(tokens));
        // And a long literal holding a stand-in name is itself set aside.
        let out = format_file(quote! { const S: &str = #sneaky; });
        assert!(out.contains(&sneaky));
    }
}
