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

/// Builds the plain and HTML forms of a rendered template. Placeholders are
/// replaced in one pass, so argument values are never scanned for markup or
/// for other placeholders.
pub(super) fn render(template: &str, args: &[Arg]) -> Text {
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
                        plain.push_str(t);
                        html.push_str(&escape_html(t));
                    }
                    Some(Arg::Code(t)) => {
                        plain.push('`');
                        plain.push_str(t);
                        plain.push('`');
                        html.push_str("<code>");
                        html.push_str(&escape_html(t));
                        html.push_str("</code>");
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
    Text { plain, html }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_and_line_breaks_become_html() {
        let text = render("Send `!help`\nnow", &[]);
        assert_eq!(text.plain, "Send `!help`\nnow");
        assert_eq!(text.html, "Send <code>!help</code><br>\nnow");
    }

    #[test]
    fn an_argument_that_looks_like_a_placeholder_stays_text() {
        let args = [Arg::Text(placeholder(1)), Arg::Text("<i>".into())];
        let text = render(&format!("a {} b", placeholder(0)), &args);
        assert_eq!(text.plain, format!("a {} b", placeholder(1)));
        assert!(!text.html.contains("<i>"));
    }
}
