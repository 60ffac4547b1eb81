### Français (fr) : traduction de disclaimer (source/disclaimer.md)
### Traduction de l'anglais ; conserver la syntaxe Markdown en ligne (**gras**, *italique*, `code`, [texte](cibles des liens)).

## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = Avertissement
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = Le contenu des articles traitant des symptômes, des traitements, des problèmes de santé et des effets secondaires est fourni à titre purement informatif. Il est impératif que les lecteurs n'interprètent pas les informations fournies sur le site comme un avis professionnel. Les lecteurs sont priés de faire preuve de discernement et de ne pas considérer les suggestions ou opinions formulées par les auteurs et l'équipe éditoriale comme un avis médical. Il est important de faire appel, si nécessaire, à des professionnels de santé qualifiés et dûment habilités à exercer.
