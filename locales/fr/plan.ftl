# The action brief: /plan, its commitments, and writing or changing one.
cmd-plan = Votre plan d'action : ce que vous ferez ensuite
plan-title = 📝 Votre plan d'action
plan-line = { $number }. { $what }
    Qui : { $who } · Pour le : { $due }
plan-empty = Rien pour l'instant. Notez ce que vous ferez après l'échange, un engagement à la fois : quoi, qui s'en charge et pour quand.
plan-closed = Tenus : { $done } · Abandonnés : { $dropped }
plan-add = + Ajouter un engagement
plan-item = { $what }

    Qui : { $who }
    Pour le : { $due }
plan-done = Fait ✓
plan-edit-what = Modifier quoi
plan-edit-who = Modifier qui
plan-edit-due = Modifier la date
plan-drop = Abandonner
plan-back = « Retour
plan-cancel = Annuler
plan-marked-done = C'est fait. Bravo !
plan-marked-dropped = Retiré de votre plan.
plan-full = Vous avez { $max } engagements en cours, le maximum que je peux garder. Marquez-en comme faits ou abandonnez-en pour en ajouter.
plan-no-consent = Je ne garde votre plan d'action que si vous m'autorisez à garder votre progression. Vous ne l'avez pas autorisé : je n'affiche et ne garde donc aucun engagement. Vous pouvez changer cela avec /consent.
plan-who-me = vous
plan-me = Moi
plan-due-late = { $date } (date passée)
plan-ask-what = Nouvel engagement, 1 sur 3 : qu'allez-vous faire ? Écrivez-le en une ou deux phrases ({ $max } caractères au plus).
plan-change-what = Actuellement : { $now }

    Envoyez le nouveau texte ({ $max } caractères au plus).
plan-what-short = Écrivez quelques mots sur ce que vous allez faire (au moins { $min } caractères).
plan-what-long = Ce texte fait { $length } caractères ; la limite est { $max }. Raccourcissez-le et renvoyez-le.
plan-ask-who = 2 sur 3 : qui s'en charge ? Touchez « Moi », ou écrivez un rôle dans votre groupe, comme « notre équipe médias » ({ $max } caractères au plus).
plan-change-who = Actuellement : { $now }

    Touchez « Moi », ou écrivez qui s'en charge, comme « notre équipe médias » ({ $max } caractères au plus).
plan-who-empty = Touchez « Moi » ou écrivez qui s'en charge.
plan-who-long = Cela fait { $length } caractères ; { $max } au plus, comme « notre équipe médias ».
plan-ask-due = 3 sur 3 : pour quand ? Touchez un choix, ou écrivez une date comme { $example }.
plan-change-due = Actuellement : { $now }

    Touchez un choix, ou écrivez une nouvelle date comme { $example }.
plan-in-1w = Dans 1 semaine
plan-in-2w = Dans 2 semaines
plan-in-1m = Dans 1 mois
plan-in-3m = Dans 3 mois
plan-due-bad = Je n'ai pas pu lire cette date. Écrivez-la sous la forme année-mois-jour, par exemple { $example }, ou touchez un choix.
plan-due-past = Cette date est passée. Choisissez aujourd'hui ({ $today }) ou plus tard.
plan-due-far = C'est dans plus de deux ans. Choisissez une date jusqu'au { $latest }.
plan-saved = ✓ Enregistré.
plan-added = ✓ Ajouté à votre plan d'action.
