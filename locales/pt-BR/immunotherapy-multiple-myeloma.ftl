### Português do Brasil (pt-BR): tradução de immunotherapy-multiple-myeloma (original em inglês: locales/en/immunotherapy-multiple-myeloma.ftl)
### Tradução do texto-fonte source/immunotherapy-multiple-myeloma.md; a marcação Markdown inline (**negrito**, *ênfase*, `código`, [texto](links)) foi mantida.


## Page metadata

# Page title: the article's headline, also shown in the browser tab
title = Imunoterapia para o mieloma múltiplo: opções de tratamento personalizado
# Meta description: the summary search engines show; keep it under about 160 characters
description = Como a imunoterapia trata o mieloma múltiplo: anticorpos monoclonais, inibidores de checkpoint imunológico, terapias celulares e seus benefícios.

## Introduction

# Paragraph 1 of the introduction
intro-p1 = O tratamento do câncer evoluiu significativamente ao longo dos anos, e as abordagens personalizadas vêm se tornando cada vez mais importantes para melhorar os resultados para os pacientes. Um desses avanços é a imunoterapia, que utiliza o sistema imunológico do próprio organismo para atingir e destruir as células cancerosas. Para pessoas diagnosticadas com mieloma múltiplo, um tipo de câncer do sangue, a imunoterapia representa uma opção de tratamento promissora, adaptada ao seu perfil genético e biológico individual. Este artigo apresenta os avanços mais recentes no tratamento personalizado do câncer, com foco na imunoterapia para o mieloma múltiplo, em seus benefícios e em como ela se compara a outras modalidades de tratamento.
# Paragraph 2 of the introduction
intro-p2 = O mieloma múltiplo afeta os plasmócitos, células que produzem anticorpos e são essenciais para o funcionamento do sistema imunológico. Os tratamentos tradicionais incluem métodos que atingem as células que se dividem rapidamente, mas que frequentemente causam efeitos colaterais significativos.
# Paragraph 3 of the introduction
intro-p3 = A imunoterapia, por outro lado, busca fortalecer as defesas naturais do organismo, oferecendo uma abordagem mais direcionada e potencialmente com menos efeitos adversos. Ao compreender os princípios da imunoterapia e sua aplicação no mieloma múltiplo, pacientes e cuidadores podem tomar decisões informadas sobre o tratamento.
# Paragraph 4 of the introduction
intro-p4 = Este artigo examina a ciência por trás da imunoterapia, suas diferentes formas e como ela é adaptada a cada paciente. Além disso, uma tabela comparativa destaca as principais diferenças entre a imunoterapia e outras opções de tratamento, oferecendo uma visão clara das alternativas disponíveis. Com base em informações de fontes médicas confiáveis, este guia busca oferecer aos leitores conhecimento sobre os avanços mais recentes no cuidado oncológico.
# Paragraph 5 of the introduction
intro-p5 = A imunoterapia representa uma mudança revolucionária no tratamento do câncer, especialmente em doenças como o mieloma múltiplo. Diferentemente das abordagens tradicionais, que atingem as células em divisão de forma pouco seletiva, a imunoterapia tem como foco fortalecer o sistema imunológico para que ele reconheça e ataque especificamente as células cancerosas. Esse método tem demonstrado sucesso notável na melhora das taxas de sobrevida e da qualidade de vida dos pacientes. As seções a seguir abordam os mecanismos, os benefícios e as considerações relacionadas à imunoterapia, além de apresentar uma comparação detalhada das opções de tratamento disponíveis.

## Understanding Immunotherapy for Multiple Myeloma

# Section heading "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-heading = Entendendo a imunoterapia para o mieloma múltiplo
# Paragraph 1 of "Understanding Immunotherapy for Multiple Myeloma"
understanding-immunotherapy-multiple-myeloma-p1 = A imunoterapia atua aproveitando o sistema imunológico do organismo para identificar e eliminar as células cancerosas. No mieloma múltiplo, isso envolve diversas estratégias, entre elas os anticorpos monoclonais, os inibidores de checkpoint imunológico e as terapias celulares. Cada abordagem é desenvolvida para atingir vulnerabilidades específicas das células cancerosas, minimizando os danos aos tecidos saudáveis. Pesquisas têm demonstrado que a imunoterapia personalizada pode levar a períodos de remissão mais longos e a menos efeitos colaterais em comparação com os tratamentos convencionais.

## Types of Immunotherapy

# Section heading "Types of Immunotherapy"
types-immunotherapy-heading = Tipos de imunoterapia
# List item 1 of "Types of Immunotherapy"
types-immunotherapy-li1 = **Anticorpos monoclonais:** essas moléculas produzidas em laboratório imitam a capacidade do sistema imunológico de combater patógenos nocivos. Elas se ligam a proteínas específicas presentes nas células cancerosas, marcando-as para destruição.
# List item 2 of "Types of Immunotherapy"
types-immunotherapy-li2 = **Inibidores de checkpoint imunológico:** esses medicamentos ajudam o sistema imunológico a reconhecer e atacar as células cancerosas, bloqueando proteínas de controle (os chamados checkpoints) que impedem as respostas imunológicas.
# List item 3 of "Types of Immunotherapy"
types-immunotherapy-li3 = **Terapias celulares:** consistem em modificar as próprias células do sistema imunológico do paciente para que atinjam as células cancerosas com mais eficácia, como na terapia com células CAR-T.

## Benefits of Personalized Immunotherapy

# Section heading "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-heading = Benefícios da imunoterapia personalizada
# Paragraph 1 of "Benefits of Personalized Immunotherapy"
benefits-personalized-immunotherapy-p1 = A imunoterapia personalizada oferece diversas vantagens, como ação direcionada, menos efeitos colaterais e potencial de remissão prolongada. Ao adaptar o tratamento ao perfil genético individual de cada paciente, os médicos podem aumentar a eficácia e minimizar a toxicidade desnecessária. Além disso, as pesquisas em andamento continuam a ampliar as opções de imunoterapia, trazendo esperança para pacientes com mieloma múltiplo resistente ao tratamento (refratário) ou recidivado (que voltou depois do tratamento).

## Comparison of Treatment Options

# Section heading "Comparison of Treatment Options"
comparison-treatment-options-heading = Comparação das opções de tratamento
# Table header cell 1 of "Comparison of Treatment Options"
comparison-treatment-options-th1 = Tipo de tratamento
# Table header cell 2 of "Comparison of Treatment Options"
comparison-treatment-options-th2 = Mecanismo
# Table header cell 3 of "Comparison of Treatment Options"
comparison-treatment-options-th3 = Vantagens
# Table header cell 4 of "Comparison of Treatment Options"
comparison-treatment-options-th4 = Considerações
# Table cell of "Comparison of Treatment Options": row 1, column "Treatment Type"
comparison-treatment-options-td1 = Imunoterapia
# Table cell of "Comparison of Treatment Options": row 1, column "Mechanism"
comparison-treatment-options-td2 = Fortalece a resposta imunológica
# Table cell of "Comparison of Treatment Options": row 1, column "Advantages"
comparison-treatment-options-td3 = Ação direcionada, menos efeitos colaterais
# Table cell of "Comparison of Treatment Options": row 1, column "Considerations"
comparison-treatment-options-td4 = Alto custo, nem sempre disponível
# Table cell of "Comparison of Treatment Options": row 2, column "Treatment Type"
comparison-treatment-options-td5 = Tratamentos tradicionais
# Table cell of "Comparison of Treatment Options": row 2, column "Mechanism"
comparison-treatment-options-td6 = Atingem as células em divisão de forma pouco seletiva
# Table cell of "Comparison of Treatment Options": row 2, column "Advantages"
comparison-treatment-options-td7 = Amplo acesso
# Table cell of "Comparison of Treatment Options": row 2, column "Considerations"
comparison-treatment-options-td8 = Mais efeitos colaterais, menor especificidade
# Table cell of "Comparison of Treatment Options": row 3, column "Treatment Type"
comparison-treatment-options-td9 = Transplante de células-tronco
# Table cell of "Comparison of Treatment Options": row 3, column "Mechanism"
comparison-treatment-options-td10 = Substitui as células doentes
# Table cell of "Comparison of Treatment Options": row 3, column "Advantages"
comparison-treatment-options-td11 = Potencial de cura
# Table cell of "Comparison of Treatment Options": row 3, column "Considerations"
comparison-treatment-options-td12 = Arriscado, exige doador compatível

## Future Directions in Immunotherapy

# Section heading "Future Directions in Immunotherapy"
future-directions-immunotherapy-heading = Perspectivas futuras da imunoterapia
# Paragraph 1 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p1 = O campo da imunoterapia avança rapidamente, com novas descobertas e ensaios clínicos que trazem esperança de tratamentos ainda mais eficazes. Os pesquisadores estão investigando terapias combinadas, novos alvos e formas de superar a resistência ao tratamento. À medida que a ciência progride, espera-se que a imunoterapia personalizada se torne um pilar do cuidado oncológico, oferecendo soluções sob medida para pacientes em todo o mundo.
# Paragraph 2 of "Future Directions in Immunotherapy"
future-directions-immunotherapy-p2 = Para saber mais, consulte fontes confiáveis, como a [Sociedade Americana de Câncer (American Cancer Society)](https://www.cancer.org/) e os [Institutos Nacionais de Saúde dos EUA (NIH)](https://www.nih.gov/).
