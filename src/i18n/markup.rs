//! The small markup of catalog text: `` `code` `` spans and line breaks,
//! turned into HTML, with arguments spliced in escaped.

use super::{Arg, Text};

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The stand-in for argument `index` while the template is rendered.
pub(super) fn placeholder(index: usize) -> String {
    format!("{OPEN}{index}{CLOSE}")
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Removes from user text what could disguise it when shown: control
/// characters (but line breaks and tabs) and the bidirectional embedding,
/// override and isolate controls that can reorder what people read
/// ("Trojan Source"). Marks that scripts need (LRM, RLM, ZWJ, ZWNJ) stay.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    let dangerous = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if text.chars().any(dangerous) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !dangerous(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// First strong isolate and pop directional isolate: the text between them
/// is laid out on its own, in its own direction, whatever surrounds it.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko… and their presentation forms).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
            || matches!(c, '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// Writes an argument with `write`, between isolation marks if `isolate`.
fn isolated(
    plain: &mut String,
    html: &mut String,
    isolate: bool,
    write: impl FnOnce(&mut String, &mut String),
) {
    if isolate {
        plain.push(FSI);
        html.push_str("<bdi>");
        html.push(FSI);
    }
    write(plain, html);
    if isolate {
        plain.push(PDI);
        html.push(PDI);
        html.push_str("</bdi>");
    }
}

/// Builds the plain and HTML forms of a rendered template. Placeholders are
/// replaced in one pass, so argument values are never scanned for markup or
/// for other placeholders.
///
/// An argument is isolated (`<bdi>` and FSI…PDI in HTML, FSI…PDI in the
/// plain body) when the message is right to left (`rtl`) or the argument
/// holds right-to-left letters: an English title in Arabic text, an Arabic
/// title in English text, and a title mixing both keep their own order.
pub(super) fn render(template: &str, args: &[Arg], rtl: bool) -> Text {
    let mut plain = String::with_capacity(template.len());
    let mut html = String::with_capacity(template.len() * 2);
    let mut in_code = false;
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        match c {
            OPEN => {
                let index: String = chars.by_ref().take_while(|&c| c != CLOSE).collect();
                match index.parse::<usize>().ok().and_then(|i| args.get(i)) {
                    Some(Arg::Text(t)) => {
                        let t = sanitize(t);
                        isolated(&mut plain, &mut html, rtl || has_rtl(&t), |plain, html| {
                            plain.push_str(&t);
                            html.push_str(&escape_html(&t));
                        });
                    }
                    Some(Arg::Code(t)) => {
                        let t = sanitize(t);
                        isolated(&mut plain, &mut html, rtl || has_rtl(&t), |plain, html| {
                            plain.push('`');
                            plain.push_str(&t);
                            plain.push('`');
                            html.push_str("<code>");
                            html.push_str(&escape_html(&t));
                            html.push_str("</code>");
                        });
                    }
                    Some(Arg::Mentions(users)) => {
                        isolated(&mut plain, &mut html, rtl, |plain, html| {
                            for (i, user) in users.iter().map(|u| sanitize(u)).enumerate() {
                                if i > 0 {
                                    plain.push_str(", ");
                                    html.push_str(", ");
                                }
                                plain.push_str(&user);
                                html.push_str("<a href=\"https://matrix.to/#/");
                                html.push_str(&escape_html(&user));
                                html.push_str("\">");
                                html.push_str(&escape_html(&user));
                                html.push_str("</a>");
                            }
                        });
                    }
                    Some(Arg::Number(n)) => {
                        plain.push_str(&n.to_string());
                        html.push_str(&n.to_string());
                    }
                    None => {}
                }
            }
            '`' => {
                plain.push('`');
                html.push_str(if in_code { "</code>" } else { "<code>" });
                in_code = !in_code;
            }
            '\n' => {
                plain.push('\n');
                html.push_str("<br>\n");
            }
            _ => {
                plain.push(c);
                html.push_str(&escape_html(&c.to_string()));
            }
        }
    }
    if in_code {
        html.push_str("</code>");
    }
    Text { plain, html, rtl }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_line_breaks_become_html() {
        let text = render("Send `!help`\nnow", &[], false);
        assert_eq!(text.plain, "Send `!help`\nnow");
        assert_eq!(text.html, "Send <code>!help</code><br>\nnow");
    }

    #[test]
    fn bidi_overrides_and_controls_are_removed_but_script_marks_stay() {
        let evil = "abc\u{202E}fed\u{2066}x\u{0007}\u{200F}\u{200D}\nok";
        let text = render(&placeholder(0), &[Arg::Text(evil.into())], false);
        assert_eq!(text.plain, "abcfedx\u{200F}\u{200D}\nok");
    }

    proptest::proptest! {
        #[test]
        fn user_text_never_becomes_markup(arg in ".*", code in ".*") {
            let text = render(
                &format!("a {} b `c` {}", placeholder(0), placeholder(1)),
                &[Arg::Text(arg.clone()), Arg::Code(code)],
                false,
            );
            let isolations = text.html.matches("<bdi>").count();
            let tags = text.html.matches('<').count() - 2 * isolations;
            // Only the template's own tags: one <code> pair from `c`, one
            // around the code argument, and line breaks the template has none of.
            proptest::prop_assert_eq!(tags, 4, "{}", text.html);
            let overridden = text.plain.contains('\u{202E}');
            proptest::prop_assert!(!overridden, "a bidi override survived");
        }
    }

    #[test]
    fn mixed_direction_user_text_is_isolated_in_both_bodies() {
        // An Arabic title with Latin words and digits, in an English message.
        let title = "ورشة عمل UPR 2024 حول التوصيات";
        let text =
            render(&format!("Title: {} ok", placeholder(0)), &[Arg::Text(title.into())], false);
        assert_eq!(text.plain, format!("Title: \u{2068}{title}\u{2069} ok"));
        assert_eq!(text.html, format!("Title: <bdi>\u{2068}{title}\u{2069}</bdi> ok"));
        // Logical order is kept: the characters are as typed, only wrapped.
        assert!(text.plain.contains(title));
        // An English title in an Arabic message is isolated too; a Latin
        // title in a Latin message is left as it is.
        let rtl =
            render(&format!("العنوان: {}", placeholder(0)), &[Arg::Text("Training".into())], true);
        assert_eq!(rtl.plain, "العنوان: \u{2068}Training\u{2069}");
        assert!(rtl.rtl);
        let ltr =
            render(&format!("Title: {}", placeholder(0)), &[Arg::Text("Training".into())], false);
        assert_eq!(ltr.plain, "Title: Training");
        assert!(!has_rtl("abc \u{200F}"), "a mark is not a letter");
    }

    #[test]
    fn mentions_become_links_to_each_person_and_stay_plain_ids_in_plain_text() {
        let people = vec!["@ma:x.org".to_owned(), "@pt:y.org\"><b>".to_owned()];
        let text = render(&format!("Hi {}!", placeholder(0)), &[Arg::Mentions(people)], false);
        assert_eq!(text.plain, "Hi @ma:x.org, @pt:y.org\"><b>!");
        assert_eq!(
            text.html,
            "Hi <a href=\"https://matrix.to/#/@ma:x.org\">@ma:x.org</a>, \
             <a href=\"https://matrix.to/#/@pt:y.org&quot;&gt;&lt;b&gt;\">@pt:y.org&quot;&gt;&lt;b&gt;</a>!"
        );
    }

    #[test]
    fn an_argument_that_looks_like_a_placeholder_stays_text() {
        let args = [Arg::Text(placeholder(1)), Arg::Text("<i>".into())];
        let text = render(&format!("a {} b", placeholder(0)), &args, false);
        assert_eq!(text.plain, format!("a {} b", placeholder(1)));
        assert!(!text.html.contains("<i>"));
    }
}
