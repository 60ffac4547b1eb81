### 简体中文 (zh-Hans)：disclaimer（免责声明）的翻译
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets)).


## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = 免责声明
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = 本网站中涉及症状、治疗、健康状况及副作用的文章内容仅供信息参考之用。读者切勿将本网站所提供的信息视为专业建议。请读者自行审慎判断，切勿将作者及编辑所提供的建议或观点视为医疗建议。如有需要，务必向具有执业资格、具备专业知识的医疗卫生人员寻求帮助。
