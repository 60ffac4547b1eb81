### العربية (ar): translation of interface, from the English units in locales/en/interface.ftl.
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))
### and the author's HTML tags as they are; translate their alt, title and aria-label.
### A unit still to translate is commented out: remove the "# " before its message and replace the English.

# The name screen readers give the list of languages at the top of every page.
language-nav = اللغة

# Link from an article to the list of every article in the same language.
all-articles = جميع المقالات

# Heading of the site's root page, above the list of languages.
choose-language = اختر لغتك

# Heading of a language's index page, above its articles.
articles-heading = المقالات

# Label before the date the article was first published.
published = تاريخ النشر

# Label before the date the article was last changed.
updated = تاريخ التحديث

# Label before the date a medical professional last reviewed the article.
last-reviewed = آخر مراجعة طبية

# Label before the author's name.
written-by = بقلم

# Label before the name of the medical professional who reviewed the article.
reviewed-by = المراجعة الطبية

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = لم تُترجم بعد

# After a link to a page that exists only in English.
english-only-suffix = (بالإنجليزية)

# Beside a table wider than the screen: it scrolls sideways.
table-scroll-hint = مرِّر أفقيًا لرؤية الجدول كاملًا

# Title and heading of the page shown for an address that does not exist.
not-found-title = الصفحة غير موجودة

# The text of that page.
not-found-text = الصفحة التي تبحث عنها غير موجودة أو نُقلت إلى عنوان آخر.

# Link from that page to the list of articles.
not-found-link = عرض جميع المقالات
