glossary-list = Glossary: words from the modules, in plain words. Tap one, or type /glossary and a word. ({ $page }/{ $pages })
glossary-empty = There is no glossary yet.
glossary-not-found = I have no entry for "{ $query }" yet. /glossary lists every word I can explain.
glossary-did-you-mean = I have no entry for "{ $query }". Did you mean one of these?
glossary-back = « All words
