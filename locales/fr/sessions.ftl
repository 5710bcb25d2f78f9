session-add-usage = Utilisation : /addsession <échange>
    Je vous demande ensuite le titre, le début, la durée, le format et la langue.
session-cancel = Annuler
session-cancelled = Annulé. Rien n'a été enregistré.
session-ask-title = Quel est le titre de la séance ? (de 3 à { $max } caractères)
session-title-bad = Merci de donner un titre de 3 à { $max } caractères.
session-ask-start = Quand commence-t-elle ? Tapez la date et l'heure dans votre fuseau horaire ({ $zone }), par exemple 2026-03-04 18:00, ou ajoutez un fuseau : 2026-03-04 15:00 UTC · 2026-03-04 18:00 Africa/Nairobi · 2026-03-04 18:00 UTC+3
session-start-bad = Je n'ai pas pu lire cela. Exemple : 2026-03-04 18:00, ou 2026-03-04 15:00 UTC
session-start-past = Ce moment est déjà passé (ou il est à plus de deux ans). Merci de choisir une heure à venir.
session-ask-length = Combien de temps dure-t-elle ?
session-minutes = { $minutes } min
session-length-bad = Merci de choisir une durée, ou de taper un nombre de minutes entre 5 et 600.
session-ask-format = Quel type de séance ?
session-format-in_person = En présentiel
session-format-stream = En direct
session-format-offline = Kit hors ligne
session-ask-place = Où a-t-elle lieu ? ({ $max } caractères maximum)
session-ask-link = Quel est le lien de la diffusion ? (il commence par https://)
session-place-bad = Merci de taper le lieu.
session-link-bad = Merci de taper un lien qui commence par https:// ou http://
session-ask-language = Dans quelle langue ?
session-preview-head = Merci de vérifier la séance :
session-conflicts = Sur { $total } participants, { $quiet } l'auraient pendant leurs heures de silence et { $night } en pleine nuit (00:00-06:00), à leur heure locale.
session-save = ✓ Enregistrer
session-change-start = Changer l'heure
session-saved = La séance #{ $id } est enregistrée. Les participants la voient avec /sessions, dans leur propre fuseau horaire.
session-none = Aucune séance à venir.
session-list-title = À venir (heures en { $zone }) :
session-attend = Je participe à #{ $id }
session-leave = Je ne participe pas à #{ $id }
session-calendar = Calendrier #{ $id }
session-attending = Vous participez à « { $title } ». Je vous le rappellerai une heure avant.
session-not-attending = Vous ne participez plus à « { $title } ».
session-ics-caption = « { $title } », { $when } : ouvrez ce fichier pour l’ajouter à votre agenda.
session-reminder = Dans une heure : « { $title } », à { $time } (votre heure locale).
    { $where }
feedback-pacing = Comment s'est passée la séance « { $title } » ? Vos réponses aident l'équipe d'animation.
    Le rythme, de 1 (bien trop lent ou trop rapide) à 5 (juste comme il faut) :
feedback-inclusivity = Inclusion : tout le monde a-t-il pu participer, de 1 (pas du tout) à 5 (pleinement) ?
feedback-usefulness = Utilité pour votre travail, de 1 (pas utile) à 5 (très utile) :
feedback-text = Autre chose que l'équipe d'animation devrait savoir ? Tapez-le ({ $max } caractères maximum), ou passez cette étape.
feedback-skip = Passer
feedback-too-long = Cela fait { $length } caractères ; merci de ne pas dépasser { $max }.
feedback-thanks = Merci pour votre retour.
feedback-usage = Utilisation : /feedback [numéro de la séance]
feedback-none = Aucun retour à afficher pour l'instant.
feedback-summary = #{ $id } { $title } : { $responses } réponses ({ $attending } participants inscrits)
    rythme { $pacing } · inclusion { $inclusivity } · utilité { $usefulness } (moyenne, 1-5)
