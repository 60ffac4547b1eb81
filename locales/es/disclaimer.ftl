### Español (es): traducción de disclaimer (source/disclaimer.md)
### Traducido a partir de las unidades en inglés de locales/en/disclaimer.ftl.
### Traductores: conserven el Markdown en línea (**negrita**, *énfasis*, `código`, [texto](destinos de los enlaces)).


## Disclaimer

# Section heading "Disclaimer"
disclaimer-heading = Descargo de responsabilidad
# Paragraph 1 of "Disclaimer"
disclaimer-p1 = El contenido de los artículos que tratan sobre síntomas, tratamientos, afecciones de salud y efectos secundarios tiene una finalidad exclusivamente informativa. Es imprescindible que los lectores no interpreten la información proporcionada en el sitio web como asesoramiento profesional. Se solicita a los lectores que utilicen su propio criterio y se abstengan de considerar las sugerencias u opiniones de los autores y editores como asesoramiento médico. Es importante buscar la ayuda de profesionales de la salud autorizados y expertos cuando sea necesario.
