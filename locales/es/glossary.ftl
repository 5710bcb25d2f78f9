glossary-list = Glosario: palabras de los módulos, en lenguaje sencillo. Toca una, o escribe /glossary y una palabra. ({ $page }/{ $pages })
glossary-empty = Todavía no hay glosario.
glossary-not-found = Todavía no tengo una entrada para "{ $query }". /glossary muestra todas las palabras que puedo explicar.
glossary-did-you-mean = No tengo una entrada para "{ $query }". ¿Quisiste decir alguna de estas?
glossary-back = « Todas las palabras
