//! A strict scanner for the HTML Folio writes, and the safety rules the fuzz targets
//! check it against.
//!
//! The scanner is deliberately stricter than a browser: every `<` must open a
//! well-formed tag, comment or doctype, so a `<` that a translation smuggled through
//! unescaped is an error even where a browser would show it as text. It knows only the
//! shapes the renderer emits (pulldown-cmark's inline HTML and the page template), which
//! is what makes it a cheap, independent oracle rather than a second HTML parser.

/// One tag of a scanned document; comments and doctypes are tags named `!--` and
/// `!doctype` so that an allow-list of names covers them too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlTag {
    /// The lowercase tag name.
    pub name: String,
    /// Whether it is an end tag (`</p>`).
    pub closing: bool,
    /// Attributes in order: lowercase name, value with character references decoded
    /// (what a browser hands to the URL parser or the script engine).
    pub attributes: Vec<(String, String)>,
    /// Byte offset of the `<`.
    pub offset: usize,
}

/// Elements whose content is raw text: the scanner skips to their end tag, as a browser
/// does, since a stylesheet may hold `>` or `<` that is not markup.
const RAW_TEXT: &[&str] = &["style", "script"];

/// Scans `html` into its tags, or says where a `<` does not open a well-formed one.
pub fn scan(html: &str) -> Result<Vec<HtmlTag>, String> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment
                .find("-->")
                .ok_or_else(|| format!("unterminated comment at byte {start}"))?;
            tags.push(HtmlTag {
                name: "!--".to_owned(),
                closing: false,
                attributes: Vec::new(),
                offset: start,
            });
            at = start + 4 + end + 3;
            continue;
        }
        if rest
            .get(..9)
            .is_some_and(|r| r.eq_ignore_ascii_case("<!doctype"))
        {
            let end = rest
                .find('>')
                .ok_or_else(|| format!("unterminated doctype at byte {start}"))?;
            tags.push(HtmlTag {
                name: "!doctype".to_owned(),
                closing: false,
                attributes: Vec::new(),
                offset: start,
            });
            at = start + end + 1;
            continue;
        }
        let mut i = start + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(format!(
                "unescaped `<` at byte {start}: {:?}",
                snippet(html, start)
            ));
        }
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                None => return Err(format!("unterminated tag at byte {start}")),
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') if bytes.get(i + 1) == Some(&b'>') => {
                    i += 2;
                    break;
                }
                _ => {}
            }
            let attr_start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/' | b'"' | b'\'' | b'<')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            if i == attr_start {
                return Err(format!(
                    "malformed attribute in the tag at byte {start}: {:?}",
                    snippet(html, start)
                ));
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(quote as char).ok_or_else(|| {
                            format!("unterminated attribute value in the tag at byte {start}")
                        })?;
                        value = decode_references(&html[i + 1..i + 1 + end]);
                        i += end + 2;
                    }
                    _ => {
                        let value_start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        value = decode_references(&html[value_start..i]);
                    }
                }
            }
            attributes.push((attr, value));
        }
        at = i;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = html[at..]
                .to_ascii_lowercase()
                .find(&close)
                .ok_or_else(|| format!("unterminated <{name}> at byte {start}"))?;
            at += end;
        }
        tags.push(HtmlTag {
            name,
            closing,
            attributes,
            offset: start,
        });
    }
    Ok(tags)
}

/// Up to 60 bytes of `html` from `start` (on character boundaries), for messages.
fn snippet(html: &str, start: usize) -> &str {
    let mut end = (start + 60).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[start..end]
}

/// Decodes the character references the renderer and minijinja write (`&amp;` `&lt;`
/// `&gt;` `&quot;` and any numeric one) and those that could spell a URL scheme
/// (`&colon;`, `&Tab;`…). Other named references stay as they are: none of them can
/// turn a safe value into a script URL.
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').and_then(|semi| {
            let body = &rest[1..semi];
            let ch = match body {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                // Those a hostile href would need to spell a scheme or split one.
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "sol" => Some('/'),
                "period" => Some('.'),
                _ => {
                    let number = body.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    Some(char::from_u32(code).unwrap_or('\u{FFFD}'))
                }
            }?;
            Some((ch, semi + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The scheme a browser reads from an attribute value used as a URL, lowercase, or `None`
/// for a relative URL. Follows the URL standard: leading and trailing C0 controls and
/// spaces are stripped, tabs and newlines anywhere are removed, and a scheme is an ASCII
/// letter followed by letters, digits, `+`, `-` or `.` up to the first `:`.
pub fn url_scheme(value: &str) -> Option<String> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Attributes a browser may load or follow as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "xlink:href",
];

/// Attributes whose value is shown or read as text, never loaded or run: a translation
/// may say "javascript:" there as in any sentence (a meta description, a link title, a
/// table cell's column header in `data-label`, which the stylesheet shows on phones).
const TEXT_ATTRIBUTES: &[&str] = &["content", "title", "alt", "aria-label", "data-label"];

/// Checks the rules every rendered document keeps whatever the translation says, and
/// returns the first one broken: no event-handler attribute (`on…`), no URL attribute
/// with a scheme other than http, https or mailto, and no attribute but a text one
/// ([`TEXT_ATTRIBUTES`]) whose value a browser would read as a `javascript:`,
/// `vbscript:` or `data:` URL.
pub fn check_attributes(tags: &[HtmlTag]) -> Result<(), String> {
    for tag in tags {
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                return Err(format!(
                    "event handler `{name}` on <{}> at byte {}",
                    tag.name, tag.offset
                ));
            }
            let scheme = url_scheme(value);
            let script = matches!(scheme.as_deref(), Some("javascript" | "vbscript" | "data"));
            if script && !TEXT_ATTRIBUTES.contains(&name.as_str()) {
                return Err(format!(
                    "`{name}={value:?}` on <{}> at byte {} is a script URL",
                    tag.name, tag.offset
                ));
            }
            let allowed = matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto"));
            if URL_ATTRIBUTES.contains(&name.as_str()) && !allowed {
                return Err(format!(
                    "`{name}={value:?}` on <{}> at byte {} has a forbidden scheme",
                    tag.name, tag.offset
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_what_the_renderer_writes() {
        let tags = scan("<!DOCTYPE html><p lang=\"ar\">a <a href=\"x?a=1&amp;b\">b</a> &lt;c</p><style>a>b{}</style><br/>").unwrap();
        let names: Vec<_> = tags.iter().map(|t| (t.name.as_str(), t.closing)).collect();
        assert_eq!(
            names,
            [
                ("!doctype", false),
                ("p", false),
                ("a", false),
                ("a", true),
                ("p", true),
                ("style", false),
                ("style", true),
                ("br", false)
            ]
        );
        assert_eq!(
            tags[2].attributes,
            [("href".to_owned(), "x?a=1&b".to_owned())]
        );
    }

    #[test]
    fn a_stray_less_than_is_an_error() {
        assert!(scan("a < b").is_err());
        assert!(scan("a <1").is_err());
        assert!(scan("<p a=\"1>").is_err());
    }

    #[test]
    fn schemes_are_read_as_browsers_do() {
        assert_eq!(url_scheme(" java\tscript:x").as_deref(), Some("javascript"));
        assert_eq!(
            url_scheme("\u{1}JavaScript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(url_scheme("../a:b"), None);
        assert_eq!(url_scheme("java%0Ascript:x"), None);
        assert_eq!(url_scheme("https://x.org").as_deref(), Some("https"));
        assert_eq!(
            decode_references("&#106;ava&#x53;cript&colon;"),
            "javaScript:"
        );
    }

    #[test]
    fn attribute_rules() {
        let tags = scan("<a href=\"&#106;avascript:alert(1)\">x</a>").unwrap();
        assert!(check_attributes(&tags).is_err());
        let tags = scan("<a onclick=\"x\">x</a>").unwrap();
        assert!(check_attributes(&tags).is_err());
        let tags = scan("<a href=\"ftp://x\">x</a>").unwrap();
        assert!(check_attributes(&tags).is_err());
        let tags = scan("<a href=\"mailto:a@b.c\" title=\"javascript:x\">x</a>").unwrap();
        assert!(check_attributes(&tags).is_ok());
        let tags = scan("<p lang=\"javascript:x\">x</p>").unwrap();
        assert!(check_attributes(&tags).is_err());
    }
}
