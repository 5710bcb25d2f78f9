learn-tracks = Parcours d'apprentissage. Choisissez-en un pour voir ses modules.
learn-track = { $track } : ses modules. ✓ terminé, ▶ commencé.
learn-all-tracks = Tous les parcours
learn-card-head = { $title } · { $number }/{ $total }
learn-in-english = (en anglais)
learn-next = Suivant ▶
learn-finish = Terminer ✓
learn-right = ✅ Bonne réponse.
learn-not-quite = ❌ Pas tout à fait.
learn-skip = Passer ▶
learn-reflect-hint = Répondez ({ $max } caractères au plus) ou passez.
learn-reflection-kept = Votre réflexion est enregistrée.
learn-no-consent = Les parcours et les modules gardent où vous en êtes et vos réponses : ils ont donc besoin de votre autorisation de garder votre progression, que vous n'avez pas donnée. Rien de votre apprentissage n'est conservé. Vous pouvez l'autoriser avec le bouton ci-dessous (ou dans /consent), ou lire les modules sans que rien ne soit gardé : /offline.
learn-module-done = Vous avez terminé « { $title } ».
learn-well-done = Module terminé.
learn-already-answered = Vous avez déjà répondu à cette question.
learn-module-gone = Ce module n'est plus disponible. Voici les parcours.
learn-nothing-to-continue = Vous n'avez aucun module en cours.
progress-title = Votre progression
progress-track = { $track }
    { $bar } { $percent }% · modules terminés : { $done }/{ $total }
offline-choose-track = Lecture hors ligne : choisissez un parcours. Vous recevez du texte brut que vous pouvez lire sans connexion.
offline-choose = { $track } : choisissez un module ou le parcours entier. La taille indiquée est ce que vous téléchargez.
offline-whole-track = Parcours entier ({ $size })
offline-caption = { $title } : à lire hors ligne.
offline-sent = Envoyé.
offline-quiz = Quiz
offline-correct = (bonne réponse)
offline-scenario = Mise en situation
offline-step = Étape
offline-debrief = Bilan
offline-go-to = aller à
offline-reflection = Réflexion
learn-back = « Retour
learn-try-again = Réessayer ↻
learn-tries-left = { $left ->
    [one] Il vous reste un essai.
   *[other] Il vous reste { $left } essais.
}
learn-score = Quiz réussis du premier coup : { $right }/{ $total }.
learn-next-module = Suivant : { $title }
learn-all-done = Vous avez terminé tous les modules.
learn-suggest = Ensuite, dans « { $track } » : { $title }.
learn-track-label = { $track } · { $done }/{ $total }
learn-tracks-star = ★ celui que l'évaluation des besoins vous suggère.
typed-number-ask = Vous avez tapé « { $number } ». Est-ce bien votre réponse ?
typed-number-keep = Oui, la garder
