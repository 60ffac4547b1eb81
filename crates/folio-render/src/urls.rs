//! Where each file of a rendered site lives, and the one function that links to it.
//!
//! With a base URL (`[render] base-url`) every link is absolute — hreflang alternates,
//! canonical links, `og:url`, JSON-LD and the sitemap need fully qualified URLs — and an
//! index page is addressed as its folder (`https://example.org/es/`), as hosts serve it.
//! Without one, links are relative to the page that holds them (`../es/index.html`), so
//! the site also works opened from disk; canonical, `og:url`, `sitemap.xml` and
//! `robots.txt` are then left out, since they need absolute URLs. Path segments are
//! percent-encoded by the WHATWG URL parser (the `url` crate), in both modes alike.

use std::path::PathBuf;

/// A file of the rendered site, as path segments under the site folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SitePath(Vec<String>);

/// The file name of an index page.
const INDEX: &str = "index.html";

impl SitePath {
    /// The site's root page, the language chooser: `index.html`.
    pub fn root() -> Self {
        SitePath(vec![INDEX.to_owned()])
    }

    /// A file at the site's root (`sitemap.xml`, `robots.txt`, `404.html`).
    pub fn file(name: &str) -> Self {
        SitePath(vec![name.to_owned()])
    }

    /// The stylesheet every HTML page of the site links to: `style.css`.
    pub fn stylesheet() -> Self {
        Self::file("style.css")
    }

    /// A locale's index of its articles: `<locale>/index.html`.
    pub fn locale_index(locale: &str) -> Self {
        SitePath(vec![locale.to_owned(), INDEX.to_owned()])
    }

    /// A file in a locale's folder: `<locale>/<name>`.
    pub fn in_locale(locale: &str, name: &str) -> Self {
        SitePath(vec![locale.to_owned(), name.to_owned()])
    }

    /// An article's page in a locale: `<locale>/<article>.<extension>`.
    pub fn article(locale: &str, article: &str, extension: &str) -> Self {
        SitePath(vec![locale.to_owned(), format!("{article}.{extension}")])
    }

    /// The file to write, relative to the site folder.
    pub fn file_path(&self) -> PathBuf {
        self.0.iter().collect()
    }

    /// The segments of the URL path, and whether they name a folder: an index page is
    /// its folder (`es/`, or the base itself for the root).
    fn url_segments(&self) -> (&[String], bool) {
        match self.0.split_last() {
            Some((last, folder)) if last == INDEX => (folder, true),
            _ => (&self.0, false),
        }
    }
}

/// How the pages of one site link to each other: absolutely under a base URL, or
/// relatively without one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrls {
    base: Option<url::Url>,
}

impl SiteUrls {
    /// The links of a site published at `base` (`https://example.org/health/`; its path
    /// ends with `/`), or of one with no base URL when `None`.
    pub fn new(base: Option<url::Url>) -> Self {
        SiteUrls { base }
    }

    /// Whether links are absolute: there is a base URL.
    pub fn is_absolute(&self) -> bool {
        self.base.is_some()
    }

    /// The link from the page at `from` to `to`: absolute under the base URL, else
    /// relative to `from`'s folder. The one place a page's URL is made, for pages,
    /// indexes, the sitemap, JSON-LD and Markdown output alike.
    pub fn href(&self, from: &SitePath, to: &SitePath) -> String {
        match &self.base {
            Some(base) => join(base, to.url_segments(), false),
            None => Self::relative(from, to),
        }
    }

    /// The link from the page at `from` to `to` relative to `from`'s folder, with or
    /// without a base URL: for the stylesheet, which styles a page wherever the site is
    /// put, opened from disk included.
    pub fn relative(from: &SitePath, to: &SitePath) -> String {
        let depth = from.0.len().saturating_sub(1);
        let relative = join(&PLACEHOLDER_BASE, (&to.0, false), true);
        format!("{}{relative}", "../".repeat(depth))
    }

    /// The absolute URL of `to`; `None` without a base URL.
    pub fn absolute(&self, to: &SitePath) -> Option<String> {
        self.base
            .as_ref()
            .map(|base| join(base, to.url_segments(), false))
    }
}

/// A base to percent-encode relative paths with, its path then taken alone: parsed once,
/// as every page links every locale's page.
static PLACEHOLDER_BASE: std::sync::LazyLock<url::Url> = std::sync::LazyLock::new(|| {
    url::Url::parse("http://site.invalid/").expect("a constant URL parses")
});

/// `base` with `segments` appended, percent-encoded, ending with `/` when they name a
/// `folder`; the path alone (without its leading `/`) when `path_only`.
fn join(base: &url::Url, (segments, folder): (&[String], bool), path_only: bool) -> String {
    let mut url = base.clone();
    {
        let mut path = url
            .path_segments_mut()
            .expect("a base URL is http(s), which has a path");
        path.pop_if_empty();
        for segment in segments {
            path.push(segment);
        }
        if folder {
            path.push("");
        }
    }
    if path_only {
        url.path().trim_start_matches('/').to_owned()
    } else {
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn absolute() -> SiteUrls {
        SiteUrls::new(Some(
            url::Url::parse("https://example.org/health/").unwrap(),
        ))
    }

    #[test]
    fn absolute_links_address_indexes_as_folders_and_encode_segments() {
        let urls = absolute();
        let page = SitePath::article("es", "immunotherapy", "html");
        assert_eq!(
            urls.href(&SitePath::root(), &page),
            "https://example.org/health/es/immunotherapy.html"
        );
        assert_eq!(
            urls.href(&page, &SitePath::root()),
            "https://example.org/health/"
        );
        assert_eq!(
            urls.href(&page, &SitePath::locale_index("pt-BR")),
            "https://example.org/health/pt-BR/"
        );
        assert_eq!(
            urls.absolute(&SitePath::file("sitemap.xml")).unwrap(),
            "https://example.org/health/sitemap.xml"
        );
        let odd = SitePath::article("zh-Hans", "a b?#%/ü", "html");
        assert_eq!(
            urls.absolute(&odd).unwrap(),
            "https://example.org/health/zh-Hans/a%20b%3F%23%25%2F%C3%BC.html"
        );
    }

    #[test]
    fn relative_links_climb_out_of_the_page_folder_and_keep_index_html() {
        let urls = SiteUrls::new(None);
        let page = SitePath::article("es", "a b", "html");
        assert_eq!(
            urls.href(&page, &SitePath::article("ar", "a b", "html")),
            "../ar/a%20b.html"
        );
        assert_eq!(urls.href(&page, &SitePath::root()), "../index.html");
        assert_eq!(
            urls.href(&SitePath::root(), &SitePath::locale_index("es")),
            "es/index.html"
        );
        assert_eq!(urls.absolute(&page), None);
    }
}
