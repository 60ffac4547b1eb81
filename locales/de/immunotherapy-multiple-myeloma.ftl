### Deutsch (de): Übersetzung von locales/en/immunotherapy-multiple-myeloma.ftl (Quelle: source/immunotherapy-multiple-myeloma.md)
### Inline-Markdown (**fett**, *kursiv*, `Code`, [Text](Linkziele)) bleibt unverändert erhalten.


## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = Immuntherapie beim Multiplen Myelom: personalisierte Behandlungsoptionen
# Meta description: the summary search engines show; keep it under about 160 characters
description = Wie die Immuntherapie das Multiple Myelom behandelt: monoklonale Antikörper, Checkpoint-Inhibitoren, Zelltherapien und ihre Vorteile.

## Introduction

# Paragraph 1 of the introduction
intro-p1 = Die Krebsbehandlung hat sich im Laufe der Jahre erheblich weiterentwickelt, wobei personalisierte Ansätze zunehmend an Bedeutung gewinnen, um die Behandlungsergebnisse für Patientinnen und Patienten zu verbessern. Ein solcher Fortschritt ist die Immuntherapie, die das körpereigene Immunsystem nutzt, um Krebszellen gezielt anzugreifen und zu zerstören. Für Menschen mit der Diagnose Multiples Myelom, einer Form von Blutkrebs, bietet die Immuntherapie eine vielversprechende Behandlungsmöglichkeit, die auf ihr individuelles genetisches und biologisches Profil zugeschnitten ist. Dieser Artikel stellt die neuesten Entwicklungen in der personalisierten Krebsbehandlung vor – mit Schwerpunkt auf der Immuntherapie beim Multiplen Myelom, ihren Vorteilen und der Frage, wie sie im Vergleich zu anderen Behandlungsformen abschneidet.
# Paragraph 2 of the introduction
intro-p2 = Das Multiple Myelom betrifft die Plasmazellen, die für die Funktion des Immunsystems von entscheidender Bedeutung sind. Zu den herkömmlichen Behandlungen gehören Verfahren, die auf sich schnell teilende Zellen abzielen; diese gehen jedoch häufig mit erheblichen Nebenwirkungen einher.
# Paragraph 3 of the introduction
intro-p3 = Die Immuntherapie hingegen zielt darauf ab, die natürlichen Abwehrkräfte des Körpers zu stärken, und ermöglicht so eine zielgerichtetere Behandlung mit möglicherweise weniger Nebenwirkungen. Wenn Patientinnen und Patienten sowie ihre Angehörigen die Grundprinzipien der Immuntherapie und ihre Anwendung beim Multiplen Myelom verstehen, können sie fundierte Entscheidungen über die Behandlung treffen.
# Paragraph 4 of the introduction
intro-p4 = Dieser Artikel beleuchtet die wissenschaftlichen Grundlagen der Immuntherapie, ihre verschiedenen Formen und wie sie auf die einzelne Patientin oder den einzelnen Patienten zugeschnitten wird. Zusätzlich zeigt eine Vergleichstabelle die wichtigsten Unterschiede zwischen der Immuntherapie und anderen Behandlungsmöglichkeiten und bietet so einen klaren Überblick über die verfügbaren Optionen. Gestützt auf Erkenntnisse aus vertrauenswürdigen medizinischen Quellen möchte dieser Leitfaden Leserinnen und Lesern Wissen über die neuesten Fortschritte in der Krebsbehandlung an die Hand geben.
# Paragraph 5 of the introduction
intro-p5 = Die Immuntherapie stellt einen bahnbrechenden Wandel in der Krebsbehandlung dar, insbesondere bei Erkrankungen wie dem Multiplen Myelom. Anders als herkömmliche Ansätze, die unterschiedslos auf sich teilende Zellen wirken, setzt die Immuntherapie darauf, das Immunsystem in die Lage zu versetzen, Krebszellen gezielt zu erkennen und anzugreifen. Dieser Ansatz hat bemerkenswerte Erfolge bei der Verbesserung der Überlebensraten und der Lebensqualität von Patientinnen und Patienten gezeigt. Die folgenden Abschnitte erläutern die Wirkmechanismen und Vorteile der Immuntherapie sowie das, was dabei zu beachten ist, und enthalten einen ausführlichen Vergleich der verfügbaren Behandlungsmöglichkeiten.

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = Immuntherapie beim Multiplen Myelom: die Grundlagen
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = Die Immuntherapie nutzt das körpereigene Immunsystem, um Krebszellen zu erkennen und zu beseitigen. Beim Multiplen Myelom kommen dafür mehrere Strategien zum Einsatz, darunter monoklonale Antikörper, Checkpoint-Inhibitoren und zellbasierte Therapien. Jeder dieser Ansätze soll gezielt bestimmte Schwachstellen der Krebszellen angreifen und dabei gesundes Gewebe möglichst wenig schädigen. Studien haben gezeigt, dass eine personalisierte Immuntherapie im Vergleich zu herkömmlichen Behandlungen zu längeren Remissionsphasen (Zeiten, in denen die Erkrankung zurückgedrängt ist) und weniger Nebenwirkungen führen kann.

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = Formen der Immuntherapie
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **Monoklonale Antikörper:** Diese im Labor hergestellten Moleküle ahmen die Fähigkeit des Immunsystems nach, schädliche Krankheitserreger zu bekämpfen. Sie binden an bestimmte Proteine auf Krebszellen und markieren diese so für die Zerstörung.
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **Checkpoint-Inhibitoren:** Diese Medikamente helfen dem Immunsystem, Krebszellen zu erkennen und anzugreifen, indem sie Proteine blockieren, die eine Immunantwort verhindern.
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **Zellbasierte Therapien:** Dabei werden körpereigene Immunzellen der Patientin oder des Patienten so verändert, dass sie Krebszellen gezielter angreifen können; ein Beispiel dafür ist die CAR-T-Zell-Therapie, bei der bestimmte weiße Blutkörperchen (T-Zellen) entsprechend verändert werden.

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = Vorteile der personalisierten Immuntherapie
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = Die personalisierte Immuntherapie bietet mehrere Vorteile, darunter eine zielgerichtete Wirkung, weniger Nebenwirkungen und die Chance auf eine langfristige Remission. Indem Ärztinnen und Ärzte die Behandlung auf die individuelle genetische Ausstattung einer Patientin oder eines Patienten zuschneiden, können sie die Wirksamkeit verbessern und unnötige schädliche Wirkungen (Toxizität) minimieren. Darüber hinaus erweitert die laufende Forschung das Spektrum immuntherapeutischer Behandlungsmöglichkeiten stetig und macht Patientinnen und Patienten Hoffnung, deren Multiples Myelom auf die Behandlung nicht anspricht (refraktär) oder zurückgekehrt ist (Rezidiv).

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = Behandlungsmöglichkeiten im Vergleich
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = Behandlungsform
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = Wirkmechanismus
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = Vorteile
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = Zu beachten
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = Immuntherapie
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = Verstärkt die Immunantwort
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = Zielgerichtet, weniger Nebenwirkungen
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = Hohe Kosten, nicht überall verfügbar
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = Herkömmliche Verfahren
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = Wirkt unterschiedslos auf sich teilende Zellen
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = Vielerorts verfügbar
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = Mehr Nebenwirkungen, weniger zielgerichtet
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = Stammzelltransplantation
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = Ersetzt erkrankte Zellen
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = Heilungschance
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = Risikoreich, passender Spender erforderlich

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = Zukünftige Entwicklungen in der Immuntherapie
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = Die Immuntherapie entwickelt sich rasch weiter: Neue Erkenntnisse und klinische Studien geben Hoffnung auf noch wirksamere Behandlungen. Forschende untersuchen Kombinationstherapien, neue Zielstrukturen und Möglichkeiten, Resistenzen zu überwinden. Mit dem wissenschaftlichen Fortschritt wird die personalisierte Immuntherapie voraussichtlich zu einem Grundpfeiler der Krebsbehandlung werden und Patientinnen und Patienten weltweit individuell zugeschnittene Behandlungen ermöglichen.
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = Weiterführende Informationen finden Sie bei vertrauenswürdigen Quellen wie der [American Cancer Society](https://www.cancer.org/), der amerikanischen Krebsgesellschaft, und den [National Institutes of Health](https://www.nih.gov/), den nationalen Gesundheitsinstituten der USA.
