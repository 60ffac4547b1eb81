### Français (fr): translation of interface, from the English units in locales/en/interface.ftl.
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))
### and the author's HTML tags as they are; translate their alt, title and aria-label.
### A unit still to translate is commented out: remove the "# " before its message and replace the English.

# The name screen readers give the list of languages at the top of every page.
language-nav = Langue

# Link from an article to the list of every article in the same language.
all-articles = Tous les articles

# Heading of the site's root page, above the list of languages.
choose-language = Choisissez votre langue

# Heading of a language's index page, above its articles.
articles-heading = Articles

# Label before the date the article was first published.
published = Publié le

# Label before the date the article was last changed.
updated = Mis à jour le

# Label before the date a medical professional last reviewed the article.
last-reviewed = Dernière relecture médicale

# Label before the author's name.
written-by = Rédigé par

# Label before the name of the medical professional who reviewed the article.
reviewed-by = Relecture médicale par

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = Pas encore traduit

# After a link to a page that exists only in English.
english-only-suffix = (en anglais)

# Beside a table wider than the screen: it scrolls sideways.
table-scroll-hint = Faites défiler horizontalement pour voir tout le tableau

# Title and heading of the page shown for an address that does not exist.
not-found-title = Page introuvable

# The text of that page.
not-found-text = La page demandée n’existe pas ou a été déplacée.

# Link from that page to the list of articles.
not-found-link = Voir tous les articles
