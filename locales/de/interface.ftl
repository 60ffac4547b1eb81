### Deutsch (de): translation of interface, from the English units in locales/en/interface.ftl.
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))
### and the author's HTML tags as they are; translate their alt, title and aria-label.
### A unit still to translate is commented out: remove the "# " before its message and replace the English.

# The name screen readers give the list of languages at the top of every page.
language-nav = Sprache

# Link from an article to the list of every article in the same language.
all-articles = Alle Artikel

# Heading of the site's root page, above the list of languages.
choose-language = Wählen Sie Ihre Sprache

# Heading of a language's index page, above its articles.
articles-heading = Artikel

# Label before the date the article was first published.
published = Veröffentlicht

# Label before the date the article was last changed.
updated = Aktualisiert

# Label before the date a medical professional last reviewed the article.
last-reviewed = Zuletzt medizinisch geprüft

# Label before the author's name.
written-by = Verfasst von

# Label before the name of the medical professional who reviewed the article.
reviewed-by = Medizinisch geprüft von

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = Noch nicht übersetzt

# After a link to a page that exists only in English.
english-only-suffix = (auf Englisch)

# Beside a table wider than the screen: it scrolls sideways.
table-scroll-hint = Seitlich scrollen, um die ganze Tabelle zu sehen

# Title and heading of the page shown for an address that does not exist.
not-found-title = Seite nicht gefunden

# The text of that page.
not-found-text = Die gesuchte Seite gibt es nicht oder sie wurde verschoben.

# Link from that page to the list of articles.
not-found-link = Alle Artikel ansehen
