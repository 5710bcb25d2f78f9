# The terminal chat (`exchange-bot chat`).
console-intro = Discussion dans le terminal avec exchange-bot. Tapez un message ou une /commande ; tapez le numéro d'un bouton pour appuyer dessus. Ctrl-D pour quitter.
console-demo-created = Pas besoin d'invitation ici : j'ai créé l'échange de démonstration « { $exchange } », dont vous faites maintenant partie.
console-document-saved = Fichier enregistré : { $path }
console-edited = (mis à jour)
