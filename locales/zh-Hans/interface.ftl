### 简体中文 (zh-Hans): translation of interface, from the English units in locales/en/interface.ftl.
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))
### and the author's HTML tags as they are; translate their alt, title and aria-label.
### A unit still to translate is commented out: remove the "# " before its message and replace the English.

# The name screen readers give the list of languages at the top of every page.
language-nav = 语言

# Link from an article to the list of every article in the same language.
all-articles = 全部文章

# Heading of the site's root page, above the list of languages.
choose-language = 选择语言

# Heading of a language's index page, above its articles.
articles-heading = 文章

# Label before the date the article was first published.
published = 发布日期

# Label before the date the article was last changed.
updated = 更新日期

# Label before the date a medical professional last reviewed the article.
last-reviewed = 最近医学审核

# Label before the author's name.
written-by = 作者

# Label before the name of the medical professional who reviewed the article.
reviewed-by = 医学审核

# Badge on a passage shown in another language because it is not translated yet.
fallback-badge = 尚未翻译

# After a link to a page that exists only in English.
english-only-suffix = （英文）

# Beside a table wider than the screen: it scrolls sideways.
table-scroll-hint = 左右滑动可查看完整表格

# Title and heading of the page shown for an address that does not exist.
not-found-title = 找不到页面

# The text of that page.
not-found-text = 您要找的页面不存在或已移至其他地址。

# Link from that page to the list of articles.
not-found-link = 查看全部文章
