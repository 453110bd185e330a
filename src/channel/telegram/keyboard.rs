//! A question as a Telegram message: its text and its buttons (choices, ticks, pages), within
//! Telegram's limits.

use super::*;

/// Words of the interface that a prompt's message needs, in the survivor's language.
pub struct Words {
    /// The button that ends a multiple choice.
    pub done: String,
    /// On a review longer than a page: how to change an answer without the buttons.
    pub type_number: String,
    /// The buttons that move between the pages of a long list.
    pub more: String,
    pub back: String,
    /// On the review: opens the answers, a page at a time, to pick one to change.
    pub change: String,
    /// Whether the language is written right to left: the lines and buttons the program puts
    /// together (numbered answers, numbered choices) then open with a right-to-left mark, so
    /// their number stands at the right, where the line begins.
    pub rtl: bool,
}

impl Words {
    pub fn new(app: &App, lang: &str) -> Words {
        let f = |id: &str| app.locales().format(lang, id, &[]);
        Words {
            done: f("choice-done"),
            type_number: f("review-type-number"),
            more: f("choice-page-more"),
            back: f("choice-page-back"),
            change: f("choice-change-some"),
            rtl: app.locales().get(lang).is_some_and(|l| l.rtl),
        }
    }
}

impl Words {
    /// What a line the program numbers opens with: a right-to-left mark in a right-to-left
    /// language, nothing otherwise.
    pub fn line_start(&self) -> &'static str {
        if self.rtl {
            "\u{200F}"
        } else {
            ""
        }
    }
}

/// No message carries more buttons than this, navigation and ✕ included: a wall of buttons is
/// hard to read, with a screen reader above all (issue 16, item 11).
pub const MAX_BUTTONS: usize = 12;
/// A list of more choices than this goes a page at a time (with ✕ and Done it still fits).
pub const PAGE_OVER: usize = 10;
/// Choices on one page of a long list: with Back, More, Done and ✕, `MAX_BUTTONS`.
pub const PAGE: usize = 8;
/// A button label longer than this is cut (a review page names each answer's question).
pub(super) const LABEL_CHARS: usize = 40;

/// A prompt as a message: the question (and hint, and the earlier answer), with the buttons of
/// its first page and an Exit button. A review numbers its answers; its buttons are Send and
/// "Change an answer", which opens the answers a page at a time (see [`prompt_buttons`]).
pub fn prompt_message(p: &OutPrompt, words: &Words) -> (String, Vec<Vec<(String, String)>>) {
    let mut text = p.text.clone();
    if let Some(h) = &p.hint {
        text.push_str(&format!("\n\n{h}"));
    }
    // Under the question (and its hint), never first: a notification shows the question's neutral
    // first line, and the survivor sees how far along they are before the list of answers.
    if let Some(pr) = &p.progress {
        text.push_str(&format!("\n\n{pr}"));
    }
    let open = words.line_start();
    for (i, item) in p.review.iter().enumerate() {
        text.push_str(&format!("\n{open}{}. {}: {}", i + 1, item.question, item.answer));
    }
    if p.input == PromptKind::Review && p.review.len() > PAGE {
        text.push_str(&format!("\n\n{}", words.type_number));
    }
    if let Some(a) = &p.answer {
        let arrow = if words.rtl { '←' } else { '→' };
        text.push_str(&format!("\n\n{open}{arrow} {a}"));
    }
    (text, prompt_buttons(p, words, 0, &BTreeSet::new()))
}

pub(super) fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>())
    }
}

/// One page of a prompt's buttons, at most [`MAX_BUTTONS`]. A list of more than [`PAGE_OVER`]
/// choices shows [`PAGE`] at a time, each numbered as in the full list (a typed number means the
/// same choice on every page), with Back and More. `ticks` are the ticked options of a multiple
/// choice, by index in the full list; those not on this page travel in the navigation and Done
/// buttons, so paging never loses a tick. On a review, page 0 is Send and "Change an answer";
/// page N is the N-th page of answers, a button each.
pub fn prompt_buttons(
    p: &OutPrompt,
    words: &Words,
    page: usize,
    ticks: &BTreeSet<usize>,
) -> Vec<Vec<(String, String)>> {
    let tag = key_tag(&p.key);
    let choice = |id: &str| Callback::Choice { tag: tag.clone(), id: id.to_string() }.encode();
    // Which page a press asks for; the ticks of the other pages travel with it, so paging needs
    // no state in the session and never changes it (the ticks of the page shown are its labels).
    let page_to = |tag: &str, page: usize, ticks: &BTreeSet<usize>| {
        Callback::Page { tag: tag.to_string(), page, ticks: ticks.clone() }.encode()
    };
    let exit = || vec![("✕".to_string(), Callback::Exit.encode())];
    let nav = |page: usize, pages: usize, ticks: &BTreeSet<usize>| {
        let mut row = Vec::new();
        if page > 0 {
            row.push((words.back.clone(), page_to(&tag, page.saturating_sub(1), ticks)));
        }
        if page + 1 < pages {
            row.push((words.more.clone(), page_to(&tag, page + 1, ticks)));
        }
        row
    };
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    if p.input == PromptKind::Review {
        let pages = p.review.len().div_ceil(PAGE);
        if page == 0 || pages == 0 {
            rows.extend(p.choices.iter().filter(|c| c.id == "submit").map(|c| vec![(c.label.clone(), choice(&c.id))]));
            if pages > 0 {
                rows.push(vec![(words.change.clone(), page_to(&tag, 1, ticks))]);
            }
        } else {
            // Review pages are 1-based: Back from the first goes to Send and Change.
            let page = page.min(pages);
            let from = (page - 1) * PAGE;
            for (i, item) in p.review.iter().enumerate().skip(from).take(PAGE) {
                rows.push(vec![(
                    cut(&format!("{}{}. {}", words.line_start(), i + 1, item.question)),
                    choice(&format!("change:{}", item.key)),
                )]);
            }
            let mut row = vec![(words.back.clone(), page_to(&tag, page - 1, ticks))];
            if page < pages {
                row.push((words.more.clone(), page_to(&tag, page + 1, ticks)));
            }
            rows.push(row);
        }
        rows.push(exit());
        return rows;
    }
    let paged = p.choices.len() > PAGE_OVER;
    let pages = if paged { p.choices.len().div_ceil(PAGE) } else { 1 };
    let page = page.min(pages.saturating_sub(1));
    let (from, count) = if paged { (page * PAGE, PAGE) } else { (0, p.choices.len()) };
    let on_page = |i: &usize| (from..from + count).contains(i);
    // Ticks of other pages, carried by this page's navigation and Done buttons.
    let elsewhere: BTreeSet<usize> = ticks.iter().copied().filter(|i| !on_page(i)).collect();
    for (i, c) in p.choices.iter().enumerate().skip(from).take(count) {
        let label = if paged { format!("{}{}. {}", words.line_start(), i + 1, c.label) } else { c.label.clone() };
        // Ticks that toggle, then "Done"; "don't know" and "rather not say" answer at once.
        let at_once = p.input != PromptKind::Multi
            || matches!(c.id.as_str(), crate::flow::DONT_KNOW | crate::flow::PREFER_NOT | crate::flow::SEND_NOW);
        let button = if at_once {
            (label, choice(&c.id))
        } else {
            let mark = if ticks.contains(&i) { TICKED } else { UNTICKED };
            (format!("{mark}{label}"), Callback::Tick { tag: tag.clone(), id: c.id.clone() }.encode())
        };
        rows.push(vec![button]);
    }
    if paged {
        rows.push(nav(page, pages, &elsewhere));
    }
    if p.input == PromptKind::Multi {
        let done = Callback::Done { tag: tag.clone(), elsewhere: paged.then_some(elsewhere) }.encode();
        rows.push(vec![(words.done.clone(), done)]);
    }
    rows.push(exit());
    rows
}

pub(super) const UNTICKED: &str = "☐ ";
pub(super) const TICKED: &str = "☑ ";

/// The buttons with one option's tick flipped.
pub(super) fn toggle(markup: &[Vec<(String, String)>], data: &str) -> Vec<Vec<(String, String)>> {
    markup
        .iter()
        .map(|row| {
            row.iter()
                .map(|(label, d)| {
                    if d != data {
                        (label.clone(), d.clone())
                    } else if let Some(rest) = label.strip_prefix(TICKED) {
                        (format!("{UNTICKED}{rest}"), d.clone())
                    } else {
                        (format!("{TICKED}{}", label.strip_prefix(UNTICKED).unwrap_or(label)), d.clone())
                    }
                })
                .collect()
        })
        .collect()
}

/// The option ids ticked on a multiple-choice question's buttons.
pub(super) fn ticked(markup: &[Vec<(String, String)>], tag: &str) -> Vec<String> {
    markup
        .iter()
        .flatten()
        .filter(|(label, _)| label.starts_with(TICKED))
        .filter_map(|(_, d)| match Callback::decode(d) {
            Callback::Tick { tag: t, id } if t == tag => Some(id),
            _ => None,
        })
        .collect()
}
