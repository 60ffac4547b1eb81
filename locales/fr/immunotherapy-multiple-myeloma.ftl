### Français (fr) : traduction de immunotherapy-multiple-myeloma (source/immunotherapy-multiple-myeloma.md)
### Traduction de l'anglais ; conserver la syntaxe Markdown en ligne (**gras**, *italique*, `code`, [texte](cibles des liens)).

## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = Immunothérapie du myélome multiple : traitements personnalisés du cancer
# Meta description: the summary search engines show; keep it under about 160 characters
description = Comment l'immunothérapie traite le myélome multiple : anticorps monoclonaux, inhibiteurs de points de contrôle, thérapies cellulaires et leurs bénéfices.

## Introduction

# Paragraph 1 of the introduction
intro-p1 = Le traitement du cancer a considérablement évolué au fil des années, et les approches personnalisées jouent un rôle de plus en plus important dans l'amélioration des résultats obtenus chez les patients. L'immunothérapie fait partie de ces avancées : elle mobilise le système immunitaire de l'organisme pour cibler et détruire les cellules cancéreuses. Pour les personnes atteintes d'un myélome multiple, un type de cancer du sang, l'immunothérapie constitue une option de traitement prometteuse, adaptée à leur profil génétique et biologique propre. Cet article présente les dernières avancées en matière de traitement personnalisé du cancer, en s'intéressant plus particulièrement à l'immunothérapie du myélome multiple, à ses bénéfices et à la façon dont elle se situe par rapport aux autres modalités de traitement.
# Paragraph 2 of the introduction
intro-p2 = Le myélome multiple touche les plasmocytes, des cellules de la moelle osseuse qui produisent les anticorps et qui sont essentielles au fonctionnement du système immunitaire. Les traitements classiques ont notamment recours à des méthodes qui ciblent les cellules à division rapide, mais ces méthodes s'accompagnent souvent d'effets secondaires importants.
# Paragraph 3 of the introduction
intro-p3 = L'immunothérapie, en revanche, vise à renforcer les défenses naturelles de l'organisme, offrant ainsi une approche plus ciblée, potentiellement associée à moins d'effets indésirables. En comprenant les principes de l'immunothérapie et son application dans le myélome multiple, les patients et leurs proches aidants peuvent prendre des décisions éclairées concernant leur prise en charge.
# Paragraph 4 of the introduction
intro-p4 = Cet article examine en détail les fondements scientifiques de l'immunothérapie, ses différentes formes et la manière dont elle est adaptée à chaque patient. Un tableau comparatif met en outre en évidence les principales différences entre l'immunothérapie et les autres options de traitement, afin de donner une vue d'ensemble claire des choix disponibles. Fondé sur des informations issues de sources médicales fiables, ce guide a pour objectif d'apporter aux lecteurs des connaissances sur les dernières avancées dans la prise en charge du cancer.
# Paragraph 5 of the introduction
intro-p5 = L'immunothérapie représente une évolution majeure dans le traitement du cancer, en particulier pour des maladies comme le myélome multiple. Contrairement aux approches classiques, qui s'attaquent de façon peu sélective aux cellules en division, l'immunothérapie vise à donner au système immunitaire les moyens de reconnaître et d'attaquer spécifiquement les cellules cancéreuses. Cette méthode a montré des résultats remarquables dans l'amélioration des taux de survie et de la qualité de vie des patients. Les sections suivantes présentent les mécanismes, les bénéfices et les points d'attention liés à l'immunothérapie, ainsi qu'une comparaison détaillée des options de traitement disponibles.

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = Comprendre l'immunothérapie du myélome multiple
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = L'immunothérapie s'appuie sur le système immunitaire de l'organisme pour identifier et éliminer les cellules cancéreuses. Dans le myélome multiple, elle repose sur plusieurs stratégies, notamment les anticorps monoclonaux, les inhibiteurs de points de contrôle immunitaire et les thérapies cellulaires. Chacune de ces approches est conçue pour cibler des points faibles spécifiques des cellules cancéreuses tout en limitant les dommages causés aux tissus sains. Les recherches ont montré que l'immunothérapie personnalisée peut permettre des périodes de rémission plus longues et entraîner moins d'effets secondaires que les traitements conventionnels.

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = Types d'immunothérapie
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **Anticorps monoclonaux :** ces molécules fabriquées en laboratoire reproduisent la capacité du système immunitaire à combattre les agents pathogènes nocifs. Elles se fixent sur certaines protéines présentes sur les cellules cancéreuses et signalent ainsi ces cellules pour qu'elles soient détruites.
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **Inhibiteurs de points de contrôle immunitaire :** ces médicaments aident le système immunitaire à reconnaître et à attaquer les cellules cancéreuses en bloquant les protéines qui empêchent le déclenchement de la réponse immunitaire.
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **Thérapies cellulaires :** elles consistent à modifier les propres cellules immunitaires du patient afin qu'elles ciblent plus efficacement les cellules cancéreuses, comme dans la thérapie par cellules CAR-T (des lymphocytes T, un type de globule blanc, modifiés en laboratoire).

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = Bénéfices de l'immunothérapie personnalisée
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = L'immunothérapie personnalisée présente plusieurs avantages, notamment une action ciblée, une réduction des effets secondaires et la possibilité d'une rémission de longue durée. En adaptant le traitement au profil génétique propre à chaque patient, les médecins peuvent en améliorer l'efficacité et limiter toute toxicité inutile. En outre, la recherche en cours ne cesse d'élargir l'éventail des options d'immunothérapie, ce qui apporte de l'espoir aux patients atteints d'un myélome multiple résistant aux traitements (dit réfractaire) ou en rechute (qui revient après une période de rémission).

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = Comparaison des options de traitement
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = Type de traitement
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = Mécanisme
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = Avantages
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = Points d'attention
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = Immunothérapie
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = Renforce la réponse immunitaire
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = Ciblée, moins d'effets secondaires
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = Coût élevé, pas disponible partout
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = Méthodes classiques
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = Ciblent de façon peu sélective les cellules en division
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = Largement accessibles
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = Davantage d'effets secondaires, moins spécifiques
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = Greffe de cellules souches
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = Remplace les cellules malades
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = Possibilité de guérison
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = Risquée, nécessite un donneur compatible

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = Perspectives d'avenir de l'immunothérapie
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = Le domaine de l'immunothérapie progresse rapidement, et les nouvelles découvertes ainsi que les essais cliniques laissent espérer des traitements encore plus efficaces. Les chercheurs étudient les associations de traitements, de nouvelles cibles et des moyens de surmonter la résistance aux traitements. Avec les progrès de la science, l'immunothérapie personnalisée devrait devenir l'un des piliers de la prise en charge du cancer, en offrant des solutions adaptées aux patients du monde entier.
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = Pour en savoir plus, consultez des sources fiables telles que l'[American Cancer Society (Société américaine du cancer)](https://www.cancer.org/) et les [Instituts nationaux de la santé (NIH)](https://www.nih.gov/).
