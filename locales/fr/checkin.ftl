nudge-plan-offer = { $exchange } se termine aujourd'hui. Avant que l'élan ne retombe, notez ce que vous ferez ensuite : votre plan d'action prend cinq minutes.
nudge-plan-button = Mon plan d'action
checkin-invite = La fin de { $exchange } remonte à { $days } jours. C'est le moment de faire le point avec votre cercle d'accompagnement : quelques boutons, deux minutes.
checkin-start = Faire le point
checkin-reminder = Votre point de suivi avec le cercle d'accompagnement vous attend toujours. Deux minutes, quand vous voulez.
checkin-already = Vous avez déjà répondu à ce point de suivi. Merci !
checkin-commitment = Engagement { $number } sur { $total } : { $what } (pour le { $due })
    Où en êtes-vous ?
checkin-done = Fait ✓
checkin-progress = En cours
checkin-blocked = Bloqué
checkin-note = Ajoutez une courte note si vous le souhaitez ({ $max } caractères au plus), ou passez.
checkin-skip = Passer
checkin-note-too-long = Cette note fait { $length } caractères ; merci de ne pas dépasser { $max }.
checkin-note-kept = C'est noté.
checkin-circle-ask = Voulez-vous que votre cercle d'accompagnement vous aide sur ce point ? La personne qui anime cette semaine verra cet engagement et recevra un lien pour vous écrire.
checkin-circle-yes = Oui, volontiers
checkin-circle-no = Non, merci
checkin-circle-told = La personne qui anime cette semaine est prévenue. Elle va vous contacter.
checkin-circle-nobody = Il n'y a encore personne à prévenir pour l'animation de votre groupe. La personne qui coordonne votre échange peut vous aider.
checkin-circle-notice = Une personne de { $cohort } demande l'aide du cercle d'accompagnement pour un engagement bloqué :
    { $what } (pour le { $due })
    Sa note : { $note }
    { $link }
checkin-circle-write = Lui écrire
checkin-wellbeing = Et vous ? Comment allez-vous, de 1 (épuisement) à 5 (pleine forme) ?
checkin-thanks = Merci d'avoir pris le temps de faire le point.
checkin-care = Cela a l'air lourd. Le repos fait partie du travail : votre cercle d'accompagnement est là pour vous, et /pause vous offre une pause sans rappels.
checkin-rate-again = Une dernière chose : évaluez à nouveau vos compétences, pour que l'échange puisse voir ce qui a changé pour vous.
checkin-digest = Point de suivi +{ $days } jours, { $cohort } :
    Réponses : { $answered } sur { $sent } ({ $rate } %). En pause : { $paused }.
    Engagements : faits { $done } · en cours { $progress } · bloqués { $blocked }
    Bien-être (1-5) : { $wellbeing }
checkin-digest-notes = Notes partagées avec le groupe :
nudge-deadline-tomorrow = Petit rappel : « { $what } » est prévu pour demain. Où en êtes-vous ?
nudge-deadline-today = Petit rappel : « { $what } » est prévu pour aujourd'hui. Où en êtes-vous ?
nudge-module = Votre module « { $module } » vous attend là où vous l'avez laissé.
nudge-module-button = Reprendre
pause-usage = Utilisation : /pause <jours>, de 1 à { $max }. Aucun rappel ni point de suivi d'ici là.
pause-done = En pause jusqu'au { $date } : aucun rappel ni point de suivi. /resume pour reprendre plus tôt.
resume-done = Bon retour parmi nous. Les rappels et les points de suivi reprennent.
resume-not-paused = Rien n'était en pause : les rappels et les points de suivi sont actifs.
checkins-usage = Utilisation : /checkins <échange> <jours après la fin, séparés par des virgules>
    Exemple : /checkins nairobi-exchange 7,30,90,365
checkins-done = Points de suivi pour { $exchange } : { $days } jours après la fin.
checkins-current = Les points de suivi de { $exchange } partent { $days } jours après sa fin ({ $end }) : le { $dates }.
    Pour les changer : /checkins { $slug } 7,30,90,365
