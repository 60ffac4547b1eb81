### العربية (ar): Arabic translation of disclaimer (source/disclaimer.md)
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets)).


## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = إخلاء المسؤولية
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = إن محتوى المقالات التي تتناول الأعراض والعلاجات والحالات الصحية والآثار الجانبية مخصص لتقديم المعلومات فقط. ويتعين على القراء عدم تفسير المعلومات المقدمة على الموقع الإلكتروني على أنها مشورة مهنية. ويُرجى من القراء تحكيم تقديرهم الخاص والامتناع عن اعتبار الاقتراحات أو الآراء التي يقدمها الكتّاب والمحررون مشورةً طبية. ومن المهم طلب المساعدة من اختصاصيي رعاية صحية مرخّصين وذوي خبرة عند الضرورة.
