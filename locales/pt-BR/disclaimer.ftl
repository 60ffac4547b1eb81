### Português do Brasil (pt-BR): tradução de disclaimer (original em inglês: locales/en/disclaimer.ftl)
### Tradução do texto-fonte source/disclaimer.md; a marcação Markdown inline (**negrito**, *ênfase*, `código`, [texto](links)) foi mantida.


## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = Aviso legal
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = O conteúdo dos artigos que abordam sintomas, tratamentos, problemas de saúde e efeitos colaterais destina-se exclusivamente a fins informativos. É imprescindível que os leitores não interpretem as informações disponibilizadas neste site como aconselhamento profissional. Solicita-se aos leitores que usem o próprio discernimento e se abstenham de considerar as sugestões ou opiniões apresentadas pelos autores e editores como aconselhamento médico. É importante buscar o auxílio de profissionais de saúde habilitados e especializados sempre que necessário.
