### Deutsch (de): Übersetzung von locales/en/disclaimer.ftl (Quelle: source/disclaimer.md)
### Inline-Markdown (**fett**, *kursiv*, `Code`, [Text](Linkziele)) bleibt unverändert erhalten.


## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = Haftungsausschluss
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = Die Inhalte der Artikel, die sich mit Symptomen, Behandlungen, Erkrankungen und Nebenwirkungen befassen, dienen ausschließlich Informationszwecken. Die auf dieser Website bereitgestellten Informationen dürfen keinesfalls als fachliche Beratung verstanden werden. Wir bitten Sie, nach eigenem Ermessen zu handeln und die Vorschläge oder Meinungen der Autorinnen und Autoren sowie der Redaktion nicht als medizinische Beratung zu betrachten. Es ist wichtig, bei Bedarf die Hilfe zugelassener und fachkundiger medizinischer Fachkräfte in Anspruch zu nehmen.
