admin-only = Désolé, seules les personnes chargées de la coordination peuvent utiliser cette commande.
newexchange-usage = Utilisation : /newexchange <nom> <début YYYY-MM-DD> <fin YYYY-MM-DD>
    Exemple : /newexchange Échange Nairobi 2026-03-02 2026-03-06
newexchange-bad-date = Merci d'écrire les dates sous la forme YYYY-MM-DD, par exemple 2026-03-02.
newexchange-end-before-start = La date de fin est avant la date de début.
newexchange-done = Échange créé : { $name } (du { $start } au { $end }). Son nom court est { $slug } et son premier groupe est { $cohort }.
    Étape suivante : /invite { $slug }
invite-usage = Utilisation : /invite <échange>
invite-unknown-exchange = Je ne connais pas cet échange. Utilisez le nom court que /newexchange vous a donné.
invite-done = Invitation pour { $cohort } ({ $exchange }) :
    Code : { $code }
    Lien : { $link }
invite-done-local = Invitation pour { $cohort } ({ $exchange }) :
    Code : { $code }
    Pour rejoindre ici, tapez : /start { $code }
audit-title = Dernières actions d’administration (les plus récentes d’abord) :
audit-empty = Aucune action d’administration pour l’instant.
