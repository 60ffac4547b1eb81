### Folio's interface strings: the words around an article on every page.
### English, built into Folio; `folio extract` writes it to locales/en/interface.ftl.

## Navigation

# The name screen readers give the list of languages at the top of every page.
language-nav = Language
# Link from an article to the list of every article in the same language.
all-articles = All articles
# Heading of the site's root page, above the list of languages.
choose-language = Choose your language
# Heading of a language's index page, above its articles.
articles-heading = Articles

## Article details

# Label before the date the article was first published.
published = Published
# Label before the date the article was last changed.
updated = Updated
# Label before the date a medical professional last reviewed the article.
last-reviewed = Last reviewed
# Label before the author's name.
written-by = Written by
# Label before the name of the medical professional who reviewed the article.
reviewed-by = Medically reviewed by

## Translation

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = Not yet translated
# After a link to a page that exists only in English.
english-only-suffix = (English)
# What screen readers call a table that has no heading before it to name it.
table-label = Table

## Page not found

# Title and heading of the page shown for an address that does not exist.
not-found-title = Page not found
# The text of that page.
not-found-text = The page you asked for does not exist, or it has moved.
# Link from that page to the list of articles.
not-found-link = See all articles
