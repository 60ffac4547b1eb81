### 简体中文 (zh-Hans)：immunotherapy-multiple-myeloma（多发性骨髓瘤的免疫疗法）的翻译
### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets)).


## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = 多发性骨髓瘤的免疫疗法：个体化癌症治疗方案
# Meta description: the summary search engines show; keep it under about 160 characters
description = 免疫疗法如何治疗多发性骨髓瘤：单克隆抗体、免疫检查点抑制剂、细胞疗法及其优势。

## Introduction

# Paragraph 1 of the introduction
intro-p1 = 多年来，癌症治疗取得了长足进步，个体化治疗方法对于改善患者的治疗效果日益重要。免疫疗法便是其中一项重要进展，它借助人体自身的免疫系统来靶向并摧毁癌细胞。对于确诊多发性骨髓瘤（一种血液系统恶性肿瘤）的患者而言，免疫疗法可根据其独特的遗传和生物学特征量身定制，是一种前景广阔的治疗选择。本文将介绍个体化癌症治疗的最新进展，重点探讨多发性骨髓瘤的免疫疗法及其优势，以及它与其他治疗方式的比较。
# Paragraph 2 of the introduction
intro-p2 = 多发性骨髓瘤会影响浆细胞（一种能产生抗体的白细胞），而浆细胞对免疫功能至关重要。传统疗法中有一些方法针对的是快速分裂的细胞，但这些方法往往伴有明显的副作用。
# Paragraph 3 of the introduction
intro-p3 = 相比之下，免疫疗法旨在增强人体的天然防御能力，治疗更具针对性，不良反应也可能更少。了解免疫疗法的基本原理及其在多发性骨髓瘤中的应用，有助于患者及其照护者在治疗方面做出明智的决定。
# Paragraph 4 of the introduction
intro-p4 = 本文将深入探讨免疫疗法背后的科学原理、各种类型，以及如何根据患者个体情况量身定制治疗。此外，文中还将通过一张对比表格，突出免疫疗法与其他治疗方案之间的主要差异，清晰呈现现有的治疗选择。本指南参考了权威医学资料，旨在帮助读者了解癌症诊疗领域的最新进展。
# Paragraph 5 of the introduction
intro-p5 = 免疫疗法是癌症治疗领域的一次突破性变革，对于多发性骨髓瘤等疾病尤为如此。传统疗法广泛作用于分裂中的细胞，而免疫疗法则着重于增强免疫系统的能力，使其能够特异性地识别并攻击癌细胞。这种方法在提高患者生存率和改善生活质量方面已显示出显著成效。以下各部分将探讨免疫疗法的作用机制、优势和注意事项，并对现有治疗方案进行详细比较。

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = 了解多发性骨髓瘤的免疫疗法
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = 免疫疗法利用人体免疫系统来识别并清除癌细胞。针对多发性骨髓瘤的免疫疗法包括多种策略，如单克隆抗体、免疫检查点抑制剂和细胞疗法。每种方法都旨在针对癌细胞的特定弱点，同时尽量减少对健康组织的损伤。研究表明，与常规治疗相比，个体化免疫疗法可带来更长的缓解期和更少的副作用。

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = 免疫疗法的类型
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **单克隆抗体**：这类在实验室中制备的分子可模拟免疫系统对抗有害病原体的能力。它们与癌细胞表面的特定蛋白质结合，从而标记癌细胞，使其被免疫系统清除。
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **免疫检查点抑制剂**：这类药物通过阻断抑制免疫应答的蛋白质，帮助免疫系统识别并攻击癌细胞。
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **细胞疗法**：这类疗法通过改造患者自身的免疫细胞，使其能更有效地靶向癌细胞，例如CAR-T细胞疗法（嵌合抗原受体T细胞疗法）。

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = 个体化免疫疗法的优势
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = 个体化免疫疗法具有多项优势，包括靶向作用、副作用更少，以及可能实现长期缓解。通过根据患者独特的基因构成量身定制治疗方案，医生可以提高疗效，并尽量减少不必要的毒性。此外，相关研究仍在持续推进，不断拓展免疫疗法的选择范围，为难治性或复发的多发性骨髓瘤患者带来了希望。

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = 治疗方案比较
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = 治疗类型
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = 作用机制
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = 优势
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = 注意事项
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = 免疫疗法
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = 增强免疫应答
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = 具有靶向性，副作用较少
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = 费用高昂，尚未普及
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = 传统疗法
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = 广泛作用于分裂中的细胞
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = 普遍可获得
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = 副作用较多，针对性较弱
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = 干细胞移植
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = 替换病变细胞
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = 有可能治愈
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = 风险较高，需配型相合的供者

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = 免疫疗法的未来发展方向
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = 免疫疗法领域正在快速发展，新的发现和临床试验为开发更有效的治疗手段带来了希望。研究人员正在探索联合疗法、新靶点以及克服耐药的方法。随着科学的进步，个体化免疫疗法有望成为癌症诊疗的基石，为全球患者提供量身定制的治疗方案。
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = 如需进一步了解，请访问[美国癌症协会](https://www.cancer.org/)和[美国国立卫生研究院](https://www.nih.gov/)等权威网站。
