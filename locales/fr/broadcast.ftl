bc-pick-cohort = Pour quel groupe ?
bc-audience = Qui, dans { $cohort }, doit le recevoir ? ({ $count ->
    [one] { $count } personne
   *[other] { $count } personnes
} en dehors de vous)
bc-everyone = Tout le monde ({ $count })
bc-by-track = Parcours
bc-by-region = Région
bc-by-language = Langue
bc-pick-value = Choisissez :
bc-no-values = Personne dans ce groupe n'a encore indiqué cette information.
bc-back = « Retour
bc-cancel = Annuler
bc-cancelled = Annulé. Rien n'a été envoyé.
bc-write = Écrivez le message, en un seul texte ({ $max } caractères maximum). Il partira exactement tel que vous l'écrivez.
bc-empty = Ce message est vide. Merci d'écrire quelque chose.
bc-too-long = Cela fait { $length } caractères ; un message peut en avoir { $max } au maximum. Merci de le raccourcir.
bc-options = Tapez de 2 à { $max } réponses séparées par | — par exemple : Oui | Non | Je ne sais pas (chacune de { $length } caractères maximum).
bc-options-bad = Merci de taper de 2 à { $max } réponses différentes séparées par |, chacune de { $length } caractères maximum.
bc-when = Quand doit-il partir ? Tapez une heure de votre fuseau horaire ({ $zone }) : 18:00, ou { $example }, ou in 2h (dans 2 heures).
bc-when-bad = Je n'ai pas pu lire cette heure. Exemples : 18:00 · { $example } · in 30m · in 2h · in 3d (m = minutes, h = heures, d = jours)
bc-when-range = Merci de choisir un moment à venir, dans moins d'un an.
bc-now = maintenant
bc-segment-all = tout le monde
bc-segment = { $field } : { $value }
bc-from = Message de { $sender } :
bc-from-staff = l'équipe de votre échange
bc-preview = Aperçu — pour { $cohort }, { $segment }, { $when }.
    Destinataires : { $count }. Exclus : { $consent } sans consentement pour le suivi, { $blocked } injoignables.
bc-preview-options = Boutons de réponse : { $options }
bc-format-problem = Problème de mise en forme : { $problem }. Corrigez le texte, ou désactivez la mise en forme.
bc-nobody = Personne parmi ces destinataires ne peut le recevoir. Choisissez-en d'autres.
bc-confirm = ✓ Envoyer à { $count }
bc-confirm-schedule = ✓ Programmer pour { $count }
bc-options-add = + Boutons de réponse
bc-options-remove = − Boutons de réponse
bc-format-off = Mise en forme : non
bc-format-on = Mise en forme : oui (HTML)
bc-edit-text = Modifier le texte
bc-change-audience = Destinataires
bc-scheduled = Le message #{ $id } est programmé pour { $when }. Il apparaît dans /broadcasts ; vous pouvez l'y annuler.
bc-status-sending = Message #{ $id } : envoi { $sent }/{ $total }
    { $bar }
    Injoignables pour l'instant : { $unreachable }
bc-status-done = Le message #{ $id } est parti : { $sent } sur { $total } remis, { $unreachable } injoignables, { $failed } en échec.
    Non envoyés : { $consent } sans consentement pour le suivi, { $blocked } qui ont bloqué le bot.
bc-status-format-refused = Telegram a refusé sa mise en forme, donc le reste n'a pas été envoyé. Corrigez-la et renvoyez le message.
bc-answer-thanks = Merci — votre réponse : { $answer }
bc-list-title = Derniers messages :
bc-list-empty = Aucun message pour l'instant. /broadcast permet d'en envoyer un.
bc-line = { $when } · remis { $sent }/{ $total } · en attente { $pending } · injoignables { $unreachable } · en échec { $failed }
bc-line-scheduled = programmé pour { $when }
bc-line-cancelled = annulé (prévu pour { $when })
bc-line-answers = Réponses : { $answers }
bc-cancel-scheduled = Annuler #{ $id }
bc-cancelled-scheduled = Le message #{ $id } est annulé.
bc-status-uncertain = Incertains : { $uncertain } — la connexion a été coupée avant la confirmation de Telegram : ces personnes l'ont peut-être reçu, peut-être pas.
bc-line-uncertain = incertains { $uncertain }
bc-resend-uncertain = Renvoyer aux { $uncertain } incertains
bc-resent = Le message #{ $id } repart vers { $count } personnes, signalé comme un possible doublon.
bc-resend-none = Il ne reste rien d'incertain à renvoyer pour le message #{ $id }.
bc-cancel-ask = Annuler le message #{ $id } pour { $cohort } ({ $segment }), prévu le { $when } ? Il ne partira pas.
bc-cancel-yes = Oui, annuler #{ $id }
bc-cancel-keep = Non, le garder
bc-cancel-kept = Le message #{ $id } reste prévu le { $when }.
