# Mentorat : offres et demandes, la conversation par le bot, et la mise en binôme.
mt-title = Mentorat
mt-intro = Une personne plus expérimentée peut accompagner une personne qui débute, en tête-à-tête. Vous vous écrivez par mon intermédiaire : personne ne voit le nom ni le compte Telegram de l'autre, sauf si vous choisissez tous les deux de le partager.
mt-has-mentor = Vous avez un ou une mentor (depuis le { $date }).
mt-has-mentee = Vous accompagnez quelqu'un, binôme { $pair } (depuis le { $date }).
mt-asking = Vous avez demandé un mentorat. Une personne de l'animation va bientôt vous mettre en binôme.
mt-offering = Vous avez proposé d'être mentor. Une personne de l'animation va bientôt vous mettre en binôme.
mt-offer-locked = Proposer un mentorat sera possible quand votre évaluation des besoins (/assessment) indiquera 3 ans ou plus d'organisation, ou de 1 à 3 ans et une compétence que vous notez 4 ou 5.
mt-ask = Demander un mentorat
mt-offer = Proposer un mentorat
mt-withdraw-ask = Retirer ma demande
mt-withdraw-offer = Retirer mon offre
mt-ask-done = Merci. Votre demande est enregistrée.
mt-offer-done = Merci d'offrir votre temps.
mt-ask-withdrawn = Votre demande est retirée.
mt-offer-withdrawn = Votre offre est retirée.
mt-write-mentor = ✉️ Écrire à votre mentor
mt-write-mentee = ✉️ Écrire à la personne accompagnée
mt-write-mentee-pair = ✉️ Personne accompagnée, binôme { $pair }
mt-menu = Retour au menu
mt-cancel = Annuler
mt-back-to-talk = Retour à la conversation

# La conversation
mt-talk-mentor = Tout ce que vous écrivez maintenant va à votre mentor, sans votre nom ni votre compte. /menu ou le bouton ci-dessous quittent la conversation (le binôme continue).
mt-talk-mentee = Tout ce que vous écrivez maintenant va à la personne que vous accompagnez, sans votre nom ni votre compte. /menu ou le bouton ci-dessous quittent la conversation (le binôme continue).
mt-from-mentor = Votre mentor :
mt-from-mentee = La personne que vous accompagnez :
mt-from-mentee-pair = La personne que vous accompagnez (binôme { $pair }) :
mt-answer = Répondre
mt-type-reply = Écrivez votre réponse ci-dessous.
mt-sent-mentor = Envoyé à votre mentor.
mt-sent-mentee = Envoyé à la personne que vous accompagnez.
mt-sent-later = C'est l'heure de repos chez cette personne : le message arrivera à { $time }, heure locale.
mt-too-long = Ce texte fait { $length } caractères, et je peux en transmettre { $max } à la fois. Je n'ai rien envoyé, et votre texte est toujours dans la conversation ci-dessus : envoyez-le en plusieurs parties plus courtes.
mt-unreachable-mentor = Votre mentor ne peut pas recevoir de messages pour le moment, je n'ai donc rien envoyé.
mt-unreachable-mentee = La personne que vous accompagnez ne peut pas recevoir de messages pour le moment, je n'ai donc rien envoyé.
mt-ended = Ce binôme de mentorat est terminé, je n'ai donc pas envoyé ce message.
mt-ended-already = Ce binôme de mentorat est terminé.

# Partager les comptes Telegram
mt-reveal = Partager mon compte Telegram
mt-reveal-undo = Ne pas partager mon compte
mt-reveal-ask-mentor = Partager votre compte Telegram avec votre mentor ? Il ou elle ne le reçoit que s'il ou elle choisit aussi de partager le sien, et vous recevez alors le sien. Une fois le partage fait des deux côtés, on ne peut plus revenir en arrière.
mt-reveal-ask-mentee = Partager votre compte Telegram avec la personne que vous accompagnez ? Elle ne le reçoit que si elle choisit aussi de partager le sien, et vous recevez alors le sien. Une fois le partage fait des deux côtés, on ne peut plus revenir en arrière.
mt-reveal-yes = Oui, partager
mt-reveal-waiting-mentor = Vous êtes prêt·e à partager votre compte. Votre mentor ne le reçoit que s'il ou elle choisit aussi de partager.
mt-reveal-waiting-mentee = Vous êtes prêt·e à partager votre compte. La personne que vous accompagnez ne le reçoit que si elle choisit aussi de partager.
mt-reveal-offered-mentor = Votre mentor aimerait que vous partagiez vos comptes Telegram. Si vous le souhaitez aussi, choisissez « Partager mon compte Telegram ».
mt-reveal-offered-mentee = La personne que vous accompagnez aimerait que vous partagiez vos comptes Telegram. Si vous le souhaitez aussi, choisissez « Partager mon compte Telegram ».
mt-revealed = Vous avez tous les deux choisi de partager vos comptes Telegram.
mt-revealed-by-mentor = Votre mentor a aussi choisi de partager : vous pouvez maintenant vous écrire directement sur Telegram.
mt-revealed-by-mentee = La personne que vous accompagnez a aussi choisi de partager : vous pouvez maintenant vous écrire directement sur Telegram.
mt-link-mentor = Ouvrir le compte Telegram de votre mentor
mt-link-mentee = Ouvrir le compte Telegram de la personne accompagnée

# Terminer et signaler
mt-end = Terminer le binôme
mt-end-ask = Terminer ce binôme de mentorat ? Vous ne pourrez plus vous écrire ici.
mt-end-yes = Oui, terminer
mt-ended-you = Le binôme est terminé. Merci pour le temps que vous vous êtes accordé.
mt-ended-by-mentor = Votre mentor a mis fin au binôme. Merci pour le temps que vous vous êtes accordé. Vous pouvez demander un nouveau mentorat avec /mentor.
mt-ended-by-mentee = La personne que vous accompagniez a mis fin au binôme. Merci pour le temps que vous avez donné.
mt-report = Signaler un problème
mt-report-ask = Prévenir la personne qui anime cette semaine et la coordination que quelque chose ne va pas dans ce binôme ? Elles verront le numéro du binôme et que c'est vous qui signalez, jamais vos messages.
mt-report-yes = Oui, les prévenir
mt-report-done = Merci de nous l'avoir dit. La personne qui anime cette semaine et la coordination sont prévenues, et peuvent vous écrire. Vous pouvez aussi terminer le binôme à tout moment.
mt-report-nobody = Je n'ai trouvé personne à prévenir dans votre échange. Contactez la coordination par un autre moyen, et terminez le binôme si vous le souhaitez.
mt-alert-by-mentor = Signalement de mentorat : le ou la mentor du binôme { $pair } ({ $cohort }) a signalé un problème. C'est la personne participante { $person }. Les messages ne sont jamais conservés : il n'y a rien à lire.
mt-alert-by-mentee = Signalement de mentorat : la personne accompagnée du binôme { $pair } ({ $cohort }) a signalé un problème. C'est la personne participante { $person }. Les messages ne sont jamais conservés : il n'y a rien à lire.
mt-alert-write = Écrire à la personne qui a signalé

# Mise en binôme, pour l'animation et la coordination
mt-person = #{ $id } ({ $language }, { $zone }, { $track })
mt-board-title = Mentorat dans { $cohort } : { $offers ->
    [one] 1 offre
   *[other] { $offers } offres
} et { $asks ->
    [one] 1 demande
   *[other] { $asks } demandes
} en attente.
mt-board-empty = Personne n'a encore proposé ni demandé de mentorat. Cela se fait avec /mentor.
mt-board-pair = { $number }. La personne { $mentor } pourrait accompagner la personne { $mentee }. { $reasons }
mt-why-language = Elles parlent la même langue.
mt-why-languages-differ = Elles parlent des langues différentes.
mt-why-track = Elles suivent le même parcours.
mt-why-overlap = { $hours ->
    [0] Elles ne sont jamais éveillées en même temps.
    [one] Elles sont éveillées en même temps 1 heure par jour.
   *[other] Elles sont éveillées en même temps { $hours } heures par jour.
}
mt-board-start = ✓ Lancer { $number }
mt-board-skip = ✗ Passer { $number }
mt-board-more = { $count ->
    [one] Une autre proposition suivra
   *[other] { $count } autres propositions suivront
} quand celles-ci seront lancées ou passées.
mt-board-waiting-offers = Offres sans proposition : { $people }
mt-board-waiting-asks = Demandes sans proposition : { $people }
mt-board-by-hand = Former un binôme à la main
mt-pick-mentor = Qui accompagne ?
mt-pick-mentee = Qui #{ $mentor } accompagne-t-il ou elle ?
mt-board-proposed = Votre binôme est en haut : lancez-le pour prévenir les deux personnes.
mt-board-started = Binôme { $pair } lancé : #{ $mentor } accompagne #{ $mentee }. Les deux personnes sont prévenues.
mt-board-skipped = Passé. Je ne proposerai plus ces deux personnes ensemble.
mt-board-gone = Ce binôme ne peut plus commencer : l'une des deux personnes s'est retirée ou a déjà été mise en binôme.
mt-started-mentor = Vous êtes maintenant mentor ! Écrivez à la personne que vous accompagnez par mon intermédiaire. Elle ne voit ni votre nom ni votre compte Telegram, sauf si vous choisissez tous les deux de le partager.
mt-started-mentee = Vous avez maintenant un ou une mentor ! Écrivez-lui par mon intermédiaire. Il ou elle ne voit ni votre nom ni votre compte Telegram, sauf si vous choisissez tous les deux de le partager.
mt-no-track = pas encore de parcours
