privacy-nothing = Le bot ne garde rien à votre sujet.
privacy-summary-title = Ce que le bot garde à votre sujet :
privacy-summary-line = • { $kind } : { $count }
privacy-summary-line-kept = • { $kind } : { $count } (gardé seulement tant que vous autorisez « { $consent } »)
privacy-summary-footer = Touchez le bouton ci-dessous pour tout recevoir dans un fichier. Le fichier contient tout en clair, vos propres mots compris : gardez-le en lieu sûr et supprimez-le de cette conversation quand vous n'en avez plus besoin. /forget efface tout.
privacy-download = Tout m'envoyer dans un fichier
privacy-file-caption = Tout ce que le bot garde à votre sujet (JSON).
privacy-file-sent = Fichier envoyé.
privacy-kind-participants = Votre profil (champs remplis)
privacy-kind-consent_events = Décisions de consentement, avec leur historique
privacy-kind-module_progress = Modules commencés
privacy-kind-card_results = Réponses aux quiz et aux scénarios
privacy-kind-reflections = Réflexions
privacy-kind-assessments = Évaluations des besoins
privacy-kind-commitments = Engagements de votre plan
privacy-kind-checkins = Points de suivi
privacy-kind-checkin_answers = Réponses de suivi sur vos engagements
privacy-kind-mentorship_requests = Offres et demandes de mentorat
privacy-kind-pairings = Binômes de mentorat
privacy-kind-library_submissions = Histoires proposées pour la bibliothèque
privacy-kind-session_attendance = Sessions auxquelles vous êtes inscrit·e
privacy-kind-session_feedback = Avis sur les sessions
privacy-kind-incidents = Incidents signalés sous votre nom
privacy-kind-stories = Histoires
privacy-kind-broadcast_answers = Réponses aux messages de l'équipe
privacy-kind-outbox = Messages en attente ou envoyés à vous
privacy-kind-audit_log = Actions d'équipe que vous avez faites
privacy-kind-broadcasts = Messages envoyés à une cohorte
privacy-kind-invite_codes = Codes d'invitation créés
privacy-kind-exchanges = Échanges créés
privacy-kind-live_sessions = Sessions en direct créées
privacy-kind-cohorts = Cohortes que vous facilitez cette semaine
privacy-forget-warning =
    Effacer tout ce que le bot garde à votre sujet ?

    Votre profil, vos choix de consentement, votre progression, vos réflexions, votre plan, vos points de suivi, vos histoires, vos binômes de mentorat, vos inscriptions et avis sur les sessions, vos réponses aux messages et les messages en attente sont tous supprimés. C'est irréversible, et il vous faudrait une nouvelle invitation pour revenir.

    Les incidents que vous avez signalés restent auprès de l'équipe de sécurité, comme signalements anonymes. Les messages envoyés à une cohorte y restent, sans votre nom.

    Vous voulez d'abord une copie ? Utilisez /mydata avant de confirmer.
privacy-forget-yes = Oui, tout effacer
privacy-forget-no = Non, garder mes données
privacy-forget-kept = Rien n'a été effacé.
privacy-forget-expired = Cette confirmation a expiré et rien n'a été effacé. Envoyez /forget à nouveau si vous le voulez toujours.
privacy-forgotten = C'est fait : tout ce que le bot gardait à votre sujet a été effacé. Pour le bot, vous êtes désormais une personne inconnue. Prenez soin de vous.
privacy-pairing-ended = Votre binôme de mentorat a pris fin : l'autre personne est partie. Merci pour le temps que vous vous êtes donné. /mentor montre vos choix.
privacy-withdrawn-progress =
    Supprimé aussitôt, car vous avez retiré ce consentement :
    modules commencés : { $modules }
    réponses aux quiz et aux scénarios : { $quiz }
    réflexions : { $reflections }
    engagements : { $commitments } (avec { $answers } réponses de suivi)
    notes d'évaluation des besoins : { $notes }
    Les parcours, les modules et votre plan restent fermés jusqu'à ce que vous l'autorisiez de nouveau ; /offline fonctionne toujours.
privacy-withdrawn-stories = Supprimé aussitôt, car vous avez retiré ce consentement : vos histoires ({ $stories }).
privacy-withdrawn-followup = Aucun suivi ne vous sera envoyé. Annulés avant envoi : { $messages }.
