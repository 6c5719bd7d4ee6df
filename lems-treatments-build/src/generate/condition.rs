//! `CONDITION`, `DISCLAIMER` and the guide's opening and closing text.

use proc_macro2::TokenStream;
use quote::quote;

use super::emit::{
    code_slice, doc, opt_date, slice_of,
    Doc::{Content, Ours},
};
use crate::render::View;

/// `CONDITION` and `DISCLAIMER`.
pub(super) fn condition(view: &View<'_>) -> TokenStream {
    let c = view.content;
    let mut out = TokenStream::new();
    let k = &c.condition.item;
    let (name, abbr, summary, normal, wrong, curable, goal) = (
        k.name.as_str(),
        k.abbreviation.as_str(),
        k.summary.as_str(),
        k.normal_signal.as_str(),
        k.what_goes_wrong.as_str(),
        k.curable,
        k.treatment_goal.as_str(),
    );
    let (cname, share, note) = (
        k.associated_cancer.name.as_str(),
        k.associated_cancer.share_of_patients.as_str(),
        k.associated_cancer.treatment_note.as_str(),
    );
    let csources = slice_of("Source", k.sources.iter().map(|s| s.0.clone()));
    let ccodes = code_slice(&k.codes);
    let cond_doc_doc = doc(&[
        Content(name),
        Ours(" ("),
        Content(abbr),
        Ours("): "),
        Content(summary),
    ]);
    let disclaimer = c.disclaimer.item.text.as_str();
    let (head, tail) = (view.guide_head(), view.guide_tail());
    let disclaimer_markdown = crate::render::disclaimer_markdown(c.disclaimer.item.text.as_str());
    let disclaimer_status = c.reviews.status(&c.disclaimer.file);
    let cond_status = c.reviews.status(&c.condition.file);
    let disclaimer_reviewed = opt_date(disclaimer_status.checked_on());
    let cond_reviewed = opt_date(cond_status.checked_on());
    let (disclaimer_status, cond_status) = (disclaimer_status.summary(), cond_status.summary());
    let disclaimer_doc = doc(&[Content(disclaimer)]);
    out.extend(quote! {
        #cond_doc_doc
        pub const CONDITION: Condition = Condition {
            name: #name,
            abbreviation: #abbr,
            summary: #summary,
            normal_signal: #normal,
            what_goes_wrong: #wrong,
            curable: #curable,
            treatment_goal: #goal,
            associated_cancer: AssociatedCancer { name: #cname, share_of_patients: #share, treatment_note: #note },
            codes: #ccodes,
            sources: #csources,
            reviewed: #cond_reviewed,
        };

        /// The day the disclaimer was last checked against its sources (`YYYY-MM-DD`),
        /// when a recorded review covers it as it is now.
        pub const DISCLAIMER_REVIEWED: Option<&str> = #disclaimer_reviewed;

        /// What the review records say of the disclaimer, in plain words.
        pub const DISCLAIMER_REVIEW_STATUS: &str = #disclaimer_status;

        /// What the review records say of the condition's file, in plain words.
        pub const CONDITION_REVIEW_STATUS: &str = #cond_status;

        #disclaimer_doc
        pub const DISCLAIMER: &str = #disclaimer;

        /// The guide's opening (title, disclaimer, condition), in Markdown.
        const GUIDE_HEAD: &str = #head;
        /// The guide's closing list of sources, in Markdown.
        const GUIDE_TAIL: &str = #tail;
        /// The disclaimer as the note a card shows under its title, in Markdown.
        const DISCLAIMER_MARKDOWN: &str = #disclaimer_markdown;
    });
    out
}
