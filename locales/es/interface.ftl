### Español (es): translation of interface, from the English units in locales/en/interface.ftl.
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))
### and the author's HTML tags as they are; translate their alt, title and aria-label.
### A unit still to translate is commented out: remove the "# " before its message and replace the English.

# The name screen readers give the list of languages at the top of every page.
language-nav = Idioma

# Link from an article to the list of every article in the same language.
all-articles = Todos los artículos

# Heading of the site's root page, above the list of languages.
choose-language = Elija su idioma

# Heading of a language's index page, above its articles.
articles-heading = Artículos

# Label before the date the article was first published.
published = Publicado

# Label before the date the article was last changed.
updated = Actualizado

# Label before the date a medical professional last reviewed the article.
last-reviewed = Última revisión

# Label before the author's name.
written-by = Escrito por

# Label before the name of the medical professional who reviewed the article.
reviewed-by = Revisión médica

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = Aún sin traducir

# After a link to a page that exists only in English.
english-only-suffix = (en inglés)

# Beside a table wider than the screen: it scrolls sideways.
table-scroll-hint = Deslice horizontalmente para ver toda la tabla

# Title and heading of the page shown for an address that does not exist.
not-found-title = Página no encontrada

# The text of that page.
not-found-text = La página que busca no existe o ha cambiado de dirección.

# Link from that page to the list of articles.
not-found-link = Ver todos los artículos
