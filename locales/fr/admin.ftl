admin-only = Désolé, seules les personnes chargées de la coordination peuvent utiliser cette commande.
staff-only = Désolé, seules les personnes chargées de l'animation ou de la coordination peuvent utiliser cette commande.
not-your-cohort = Désolé, vous ne pouvez faire cela que pour votre propre groupe.
cohort-needed = Merci d'indiquer le groupe, par exemple : /report nairobi-2026
cohort-unknown = Je ne connais pas ce groupe. /cohorts en donne la liste.
exchange-unknown = Je ne connais pas cet échange. Utilisez le nom court que /newexchange vous a donné.
newexchange-usage = Utilisation : /newexchange <nom> <début YYYY-MM-DD> <fin YYYY-MM-DD>
    Exemple : /newexchange Échange Nairobi 2026-03-02 2026-03-06
newexchange-bad-date = Merci d'écrire les dates sous la forme YYYY-MM-DD, par exemple 2026-03-02.
newexchange-end-before-start = La date de fin est avant la date de début.
newexchange-done = Échange créé : { $name } (du { $start } au { $end }). Son nom court est { $slug } et son premier groupe est { $cohort }.
    Étape suivante : /invite { $slug }
newcohort-usage = Utilisation : /newcohort <échange> <nom du groupe>
    Exemple : /newcohort nairobi-2026 Jeunes organisateurs
newcohort-exists = Cet échange a déjà un groupe qui porte ce nom.
newcohort-done = Groupe { $cohort } ajouté à { $exchange }. Son nom court est { $slug }.
    Étape suivante : /invite { $slug }  (ou /invite { $slug } facilitator)
cohorts-title = Groupes (nom court · nom) :
cohorts-none = Aucun groupe pour l'instant. Commencez par /newexchange.
invite-usage = Utilisation : /invite <groupe> [facilitator]
invite-done = Invitation pour { $cohort } ({ $exchange }), en tant que { $role } :
    Code : { $code }
    Lien : { $link }
invite-done-local = Invitation pour { $cohort } ({ $exchange }), en tant que { $role } :
    Code : { $code }
    Pour rejoindre ici, tapez : /start { $code }
codes-usage = Utilisation : /codes <groupe>
codes-title = Codes d'invitation de { $cohort } :
codes-none = { $cohort } n'a encore aucun code d'invitation.
code-live = actif
code-revoked = révoqué
code-uses = { $uses ->
    [one] { $uses } utilisation
   *[other] { $uses } utilisations
}
revoke-usage = Utilisation : /revoke <code>
revoke-done = Le code { $code } est révoqué : plus personne ne peut rejoindre le groupe avec ce code.
revoke-unknown = Aucun code actif ne correspond.
role-usage = Utilisation : /role <id Telegram> <participant|facilitator|coordinator|safety>
role-unknown-person = Personne n'a encore rejoint avec cet id Telegram. Envoyez-lui plutôt une invitation.
role-done = { $user } a maintenant le rôle { $role }.
alias-usage = Utilisation : /alias <le nom que verra votre groupe> ({ $max } caractères maximum)
alias-done = Votre groupe vous verra sous le nom : { $alias }
facilitator-unnamed = animateur·rice { $number }
rotate-no-facilitators = { $cohort } n'a encore personne pour l'animation. Invitez quelqu'un avec /invite <groupe> facilitator.
rotate-done = Animation de la semaine pour { $cohort } : { $name }. Personnes prévenues : { $count }.
rotate-notice = Cette semaine, c'est { $name } qui anime votre groupe.
audit-title = Dernières actions d’administration, les plus récentes d’abord (heures de { $zone }) :
audit-empty = Aucune action d’administration pour l’instant.
emergency-ask = Que doit faire une personne en cas d'urgence si aucun·e référent·e sécurité n'est joignable ? Par exemple les numéros d'urgence locaux ou une permanence juridique (jusqu'à { $max } caractères). La personne qui signale le voit quand personne ne peut recevoir son signalement, et avec chaque signalement urgent. Écrivez-le maintenant, ou plus tard avec /emergency { $slug } <texte>.
emergency-later = Plus tard
emergency-not-set = Pas encore de consignes d'urgence. Écrivez-les avec /emergency { $slug } <texte>.
emergency-saved = Consignes d'urgence enregistrées pour { $exchange }.
emergency-usage = Usage : /emergency <échange> <texte> (jusqu'à { $max } caractères), ou /emergency <échange> pour les lire.
emergency-current = Consignes d'urgence de { $exchange } : { $text }
emergency-none = (aucune pour l'instant)
safety-warning-none = ⚠ { $exchange } n'a aucun·e référent·e sécurité joignable par le bot : les signalements sont confiés à { $fallback }. Donnez le rôle à quelqu'un avec /role <id Telegram> safety.
safety-fallback-coordinators = son équipe de coordination
safety-fallback-admins = l'équipe qui administre le bot
safety-fallback-nobody = personne : la personne qui signale ne verrait que les consignes d'urgence
newexchange-similar = Il existe déjà un échange de ce genre : { $name } ({ $slug }, du { $start } au { $end }). Un second couperait en deux ses participant·es et ses chiffres. Pour travailler avec lui, utilisez son nom court : /invite { $slug }
newexchange-anyway = Créer « { $name } » quand même
newexchange-keep-one = Ne pas le créer
newexchange-not-made = Rien n'a été créé. /cohorts liste les échanges existants.
invite-role-unknown = Une invitation peut faire de quelqu'un un·e participant·e ou un·e animateur·rice, pas « { $role } ». Par exemple : /invite { $cohort } facilitator. Les coordinateur·rices et les référent·es sécurité reçoivent leur rôle avec /role une fois inscrit·es.
role-self-ask = Vous allez cesser d'être coordinateur·rice et devenir { $role }. Vous perdriez aussitôt toutes les commandes de coordination, et seul·e un·e autre coordinateur·rice pourrait vous les rendre. Continuer ?
role-self-yes = Oui, faites de moi { $role }
role-self-keep = Non, je reste coordinateur·rice
role-self-kept = Rien n'a changé : vous êtes toujours coordinateur·rice.
