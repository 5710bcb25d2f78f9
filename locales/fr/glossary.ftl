glossary-list = Glossaire : les mots des modules, expliqués simplement. Touchez-en un, ou tapez /glossary suivi d'un mot. ({ $page }/{ $pages })
glossary-empty = Il n'y a pas encore de glossaire.
glossary-not-found = Je n'ai pas encore d'entrée pour « { $query } ». /glossary montre tous les mots que je peux expliquer.
glossary-did-you-mean = Je n'ai pas d'entrée pour « { $query } ». Vouliez-vous dire l'un de ceux-ci ?
glossary-back = « Tous les mots
