### Español (es): traducción de immunotherapy-multiple-myeloma (source/immunotherapy-multiple-myeloma.md)
### Traducido a partir de las unidades en inglés de locales/en/immunotherapy-multiple-myeloma.ftl.
### Traductores: conserven el Markdown en línea (**negrita**, *énfasis*, `código`, [texto](destinos de los enlaces)).


## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = Inmunoterapia en el mieloma múltiple: opciones de tratamiento personalizado
# Meta description: the summary search engines show; keep it under about 160 characters
description = Cómo trata la inmunoterapia el mieloma múltiple: anticuerpos monoclonales, inhibidores de puntos de control inmunitario, terapias celulares y sus beneficios.

## Introduction

# Paragraph 1 of the introduction
intro-p1 = El tratamiento del cáncer ha evolucionado considerablemente con los años, y los enfoques personalizados son cada vez más importantes para mejorar los resultados de los pacientes. Uno de estos avances es la inmunoterapia, que aprovecha el sistema inmunitario del organismo para atacar y destruir las células cancerosas. Para las personas con diagnóstico de mieloma múltiple, un tipo de cáncer de la sangre, la inmunoterapia ofrece una opción de tratamiento prometedora, adaptada a su perfil genético y biológico único. En este artículo se analizan los avances más recientes en el tratamiento personalizado del cáncer, con especial atención a la inmunoterapia para el mieloma múltiple, sus beneficios y cómo se compara con otras modalidades de tratamiento.
# Paragraph 2 of the introduction
intro-p2 = El mieloma múltiple afecta a las células plasmáticas (un tipo de glóbulo blanco que produce anticuerpos), que son fundamentales para el funcionamiento del sistema inmunitario. Los tratamientos tradicionales han incluido métodos dirigidos a las células que se dividen rápidamente, pero estos a menudo conllevan efectos secundarios importantes.
# Paragraph 3 of the introduction
intro-p3 = La inmunoterapia, en cambio, busca potenciar las defensas naturales del organismo y ofrece un enfoque más dirigido, posiblemente con menos efectos adversos. Al comprender los principios de la inmunoterapia y su aplicación en el mieloma múltiple, los pacientes y sus cuidadores pueden tomar decisiones informadas sobre su atención médica.
# Paragraph 4 of the introduction
intro-p4 = En este artículo se profundiza en los fundamentos científicos de la inmunoterapia, sus distintas formas y cómo se adapta a cada paciente. Además, una tabla comparativa destaca las principales diferencias entre la inmunoterapia y otras opciones de tratamiento, y ofrece una visión general clara de las alternativas disponibles. Con información de fuentes médicas confiables, esta guía tiene como objetivo proporcionar a los lectores conocimientos sobre los avances más recientes en la atención del cáncer.
# Paragraph 5 of the introduction
intro-p5 = La inmunoterapia representa un cambio revolucionario en el tratamiento del cáncer, sobre todo en enfermedades como el mieloma múltiple. A diferencia de los enfoques tradicionales, que atacan de forma poco selectiva las células que se dividen, la inmunoterapia se centra en potenciar el sistema inmunitario para que reconozca y ataque específicamente las células cancerosas. Este método ha mostrado un éxito notable en la mejora de las tasas de supervivencia y de la calidad de vida de los pacientes. En las siguientes secciones se analizan los mecanismos, los beneficios y las consideraciones de la inmunoterapia, junto con una comparación detallada de las opciones de tratamiento disponibles.

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = Comprender la inmunoterapia para el mieloma múltiple
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = La inmunoterapia actúa aprovechando el sistema inmunitario del organismo para identificar y eliminar las células cancerosas. En el caso del mieloma múltiple, esto comprende varias estrategias, como los anticuerpos monoclonales, los inhibidores de puntos de control inmunitario y las terapias celulares. Cada enfoque está diseñado para atacar puntos débiles específicos de las células cancerosas y, al mismo tiempo, reducir al mínimo el daño a los tejidos sanos. Las investigaciones han mostrado que la inmunoterapia personalizada puede lograr periodos de remisión más prolongados y menos efectos secundarios en comparación con los tratamientos convencionales.

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = Tipos de inmunoterapia
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **Anticuerpos monoclonales:** Estas moléculas fabricadas en el laboratorio imitan la capacidad del sistema inmunitario para combatir patógenos dañinos. Se unen a proteínas específicas de las células cancerosas y las marcan para su destrucción.
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **Inhibidores de puntos de control inmunitario:** Estos medicamentos ayudan al sistema inmunitario a reconocer y atacar las células cancerosas, ya que bloquean las proteínas que impiden las respuestas inmunitarias.
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **Terapias celulares:** Consisten en modificar las propias células inmunitarias del paciente para que ataquen mejor las células cancerosas, como en la terapia con células CAR T.

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = Beneficios de la inmunoterapia personalizada
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = La inmunoterapia personalizada ofrece varias ventajas, como una acción dirigida, menos efectos secundarios y la posibilidad de lograr una remisión a largo plazo. Al adaptar el tratamiento a la composición genética única de cada paciente, los médicos pueden mejorar la eficacia y reducir al mínimo la toxicidad innecesaria. Además, las investigaciones en curso siguen ampliando la gama de opciones de inmunoterapia, lo que ofrece esperanza a los pacientes con mieloma múltiple resistente al tratamiento o recidivante (que ha reaparecido).

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = Comparación de las opciones de tratamiento
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = Tipo de tratamiento
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = Mecanismo
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = Ventajas
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = Consideraciones
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = Inmunoterapia
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = Potencia la respuesta inmunitaria
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = Dirigida, menos efectos secundarios
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = Costo elevado, no disponible en todas partes
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = Métodos tradicionales
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = Atacan de forma poco selectiva las células que se dividen
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = Ampliamente accesibles
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = Más efectos secundarios, menor especificidad
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = Trasplante de células madre
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = Reemplaza las células enfermas
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = Posibilidad de curación
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = Conlleva riesgos, requiere un donante compatible

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = Perspectivas futuras de la inmunoterapia
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = El campo de la inmunoterapia avanza rápidamente, y los nuevos descubrimientos y ensayos clínicos ofrecen la esperanza de tratamientos aún más eficaces. Los investigadores están estudiando terapias combinadas, nuevas dianas terapéuticas y formas de superar la resistencia. A medida que avance la ciencia, se espera que la inmunoterapia personalizada se convierta en un pilar de la atención del cáncer y ofrezca soluciones adaptadas a pacientes de todo el mundo.
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = Para obtener más información, consulte fuentes confiables como la [Sociedad Americana Contra el Cáncer](https://www.cancer.org/) y los [Institutos Nacionales de la Salud](https://www.nih.gov/).
