### العربية (ar): Arabic translation of immunotherapy-multiple-myeloma (source/immunotherapy-multiple-myeloma.md)
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets)).


## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = العلاج المناعي للورم النقوي المتعدد: خيارات علاج السرطان المخصص لكل مريض
# Meta description: the summary search engines show; keep it under about 160 characters
description = كيف يُعالَج الورم النقوي المتعدد بالعلاج المناعي: الأجسام المضادة وحيدة النسيلة، ومثبطات نقاط التفتيش المناعية، والعلاجات الخلوية، وفوائدها.

## Introduction

# Paragraph 1 of the introduction
intro-p1 = شهد علاج السرطان تطورًا كبيرًا على مر السنين، إذ أصبحت الأساليب العلاجية المخصصة لكل مريض ذات أهمية متزايدة في تحسين النتائج لدى المرضى. ومن هذه التطورات العلاج المناعي، الذي يسخّر الجهاز المناعي للجسم لاستهداف الخلايا السرطانية وتدميرها. وبالنسبة إلى الأشخاص الذين شُخّصت إصابتهم بالورم النقوي المتعدد، وهو أحد أنواع سرطانات الدم، يوفر العلاج المناعي خيارًا علاجيًا واعدًا يُكيَّف وفقًا لخصائصهم الجينية والبيولوجية الفريدة. ويستعرض هذا المقال أحدث التطورات في علاج السرطان المخصص لكل مريض، مع التركيز على العلاج المناعي للورم النقوي المتعدد وفوائده ومقارنته بأساليب العلاج الأخرى.
# Paragraph 2 of the introduction
intro-p2 = يصيب الورم النقوي المتعدد خلايا البلازما، التي تؤدي دورًا أساسيًا في وظائف المناعة. وقد شملت العلاجات التقليدية أساليب تستهدف الخلايا سريعة الانقسام، إلا أنها غالبًا ما تصاحبها آثار جانبية كبيرة.
# Paragraph 3 of the introduction
intro-p3 = أما العلاج المناعي، فيهدف إلى تعزيز دفاعات الجسم الطبيعية، مما يوفر نهجًا أكثر استهدافًا قد تكون آثاره الضارة أقل. ومن خلال فهم المبادئ التي يقوم عليها العلاج المناعي وتطبيقه في علاج الورم النقوي المتعدد، يستطيع المرضى ومقدمو الرعاية اتخاذ قرارات مستنيرة بشأن رعايتهم.
# Paragraph 4 of the introduction
intro-p4 = يتناول هذا المقال بالتفصيل الأسس العلمية للعلاج المناعي، وأشكاله المختلفة، وكيفية تكييفه وفقًا لكل مريض. وإضافة إلى ذلك، يُبرز جدول مقارنة أهم الفروق بين العلاج المناعي وخيارات العلاج الأخرى، مما يقدم نظرة عامة واضحة على الخيارات المتاحة. ويهدف هذا الدليل، استنادًا إلى معلومات من مصادر طبية موثوقة، إلى تزويد القراء بالمعرفة عن أحدث التطورات في رعاية مرضى السرطان.
# Paragraph 5 of the introduction
intro-p5 = يمثل العلاج المناعي تحولًا جذريًا في علاج السرطان، ولا سيما في حالات مثل الورم النقوي المتعدد. فعلى عكس الأساليب التقليدية التي تستهدف الخلايا المنقسمة عمومًا، يركز العلاج المناعي على تمكين الجهاز المناعي من التعرف على الخلايا السرطانية ومهاجمتها على وجه التحديد. وقد أظهر هذا الأسلوب نجاحًا لافتًا في تحسين معدلات البقاء على قيد الحياة وجودة حياة المرضى. وتستعرض الأقسام التالية آليات العلاج المناعي وفوائده والاعتبارات المتعلقة به، إلى جانب مقارنة مفصلة بين خيارات العلاج المتاحة.

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = فهم العلاج المناعي للورم النقوي المتعدد
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = يعمل العلاج المناعي عن طريق تسخير الجهاز المناعي للجسم للتعرف على الخلايا السرطانية والقضاء عليها. وفي حالة الورم النقوي المتعدد، يشمل ذلك عدة استراتيجيات، منها الأجسام المضادة وحيدة النسيلة، ومثبطات نقاط التفتيش المناعية، والعلاجات الخلوية. وقد صُمّم كل نهج منها لاستهداف نقاط ضعف محددة في الخلايا السرطانية مع الحد من الضرر الذي يلحق بالأنسجة السليمة. وقد أظهرت الأبحاث أن العلاج المناعي المخصص لكل مريض يمكن أن يؤدي إلى فترات هدأة أطول (أي فترات تتراجع فيها علامات المرض أو تختفي) وآثار جانبية أقل مقارنةً بالعلاجات التقليدية.

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = أنواع العلاج المناعي
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **الأجسام المضادة وحيدة النسيلة:** جزيئات مُصنّعة في المختبر تحاكي قدرة الجهاز المناعي على مكافحة مسببات الأمراض الضارة. وهي ترتبط ببروتينات محددة على الخلايا السرطانية، فتضع عليها علامة تمهيدًا لتدميرها.
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **مثبطات نقاط التفتيش المناعية:** أدوية تساعد الجهاز المناعي على التعرف على الخلايا السرطانية ومهاجمتها عن طريق حجب البروتينات التي تمنع حدوث الاستجابات المناعية.
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **العلاجات الخلوية:** تتضمن تعديل الخلايا المناعية الخاصة بالمريض لتصبح أقدر على استهداف الخلايا السرطانية، ومن أمثلتها العلاج بالخلايا التائية المعدلة (CAR-T).

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = فوائد العلاج المناعي المخصص لكل مريض
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = يوفر العلاج المناعي المخصص لكل مريض مزايا عدة، منها التأثير الموجّه، وتقليل الآثار الجانبية، وإمكانية تحقيق هدأة طويلة الأمد. ومن خلال تكييف العلاج وفقًا للتركيب الجيني الفريد للمريض، يستطيع الأطباء تحسين فعالية العلاج والحد من السمية غير الضرورية. وإضافة إلى ذلك، تواصل الأبحاث الجارية توسيع نطاق خيارات العلاج المناعي، مما يبعث الأمل لدى مرضى الورم النقوي المتعدد المقاوم للعلاج أو الناكس (أي الذي عاد بعد فترة من التحسن).

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = مقارنة خيارات العلاج
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = نوع العلاج
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = آلية العمل
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = المزايا
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = الاعتبارات
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = العلاج المناعي
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = تعزيز الاستجابة المناعية
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = موجّه، وآثار جانبية أقل
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = تكلفة مرتفعة، وغير متاح في كل مكان
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = الأساليب التقليدية
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = استهداف الخلايا المنقسمة عمومًا
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = متاحة على نطاق واسع
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = آثار جانبية أكثر، ودقة استهداف أقل
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = زراعة الخلايا الجذعية
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = استبدال الخلايا المريضة
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = إمكانية تحقيق الشفاء
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = محفوفة بالمخاطر، وتتطلب متبرعًا متوافقًا

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = التوجهات المستقبلية في العلاج المناعي
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = يشهد مجال العلاج المناعي تقدمًا سريعًا، إذ تبعث الاكتشافات الجديدة والتجارب السريرية الأمل في التوصل إلى علاجات أكثر فعالية. ويستكشف الباحثون العلاجات المركّبة، والأهداف العلاجية الجديدة، وسبل التغلب على مقاومة العلاج. ومع تقدم العلم، يُتوقع أن يصبح العلاج المناعي المخصص لكل مريض ركيزة من ركائز رعاية مرضى السرطان، وأن يقدم حلولًا مصممة خصيصًا للمرضى في جميع أنحاء العالم.
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = للاستزادة، يمكنك زيارة مصادر موثوقة مثل [جمعية السرطان الأمريكية](https://www.cancer.org/) و[المعاهد الوطنية للصحة](https://www.nih.gov/).
