//! Where a key of an article's front matter is written, for findings about its unit.

/// The byte offset of top-level key `key` in the front matter that opens `markdown`
/// (TOML between `+++` lines, YAML between `---` lines): the start of the line's
/// `key =`, `key:` or quoted `"key" =`. `None` without front matter or without the key.
pub fn front_matter_key(markdown: &str, key: &str) -> Option<usize> {
    let body = markdown.strip_prefix('\u{FEFF}').unwrap_or(markdown);
    let skipped = markdown.len() - body.len();
    let mut lines = body.split_inclusive('\n');
    let fence = lines.next()?.trim_end();
    if fence != "+++" && fence != "---" {
        return None;
    }
    let mut at = skipped + body.find('\n')? + 1;
    for line in lines {
        if line.trim_end() == fence {
            return None;
        }
        let unquoted = ['"', '\''].iter().find_map(|q| {
            line.strip_prefix(*q)
                .and_then(|l| l.strip_prefix(key)?.strip_prefix(*q))
        });
        let rest = unquoted.or_else(|| line.strip_prefix(key));
        if rest.is_some_and(|r| matches!(r.trim_start().chars().next(), Some('=' | ':'))) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_at_the_start_of_their_line() {
        let toml =
            "+++\ntitled = \"no\"\ntitle = \"Yes\"\n\"description\" = \"D\"\n+++\n\ntitle = x\n";
        assert_eq!(front_matter_key(toml, "title"), toml.find("title ="));
        assert_eq!(
            front_matter_key(toml, "description"),
            toml.find("\"description\"")
        );
        let yaml = "---\r\n  title: nested\r\ntitle: Top\r\n---\r\ndescription: body\n";
        assert_eq!(front_matter_key(yaml, "title"), yaml.find("title: Top"));
        assert_eq!(front_matter_key(yaml, "description"), None);
        assert_eq!(front_matter_key("# title = x\n", "title"), None);
        assert_eq!(
            front_matter_key("+++\ntitle = \"never closed\"", "title"),
            Some(4)
        );
    }
}
