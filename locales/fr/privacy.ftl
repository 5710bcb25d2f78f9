privacy-nothing = Le bot ne garde rien à votre sujet.
privacy-summary-title = Ce que le bot garde à votre sujet :
privacy-summary-line = • { $kind } : { $count }
privacy-summary-line-kept = • { $kind } : { $count } (gardé seulement tant que vous autorisez « { $consent } »)
privacy-summary-footer = Touchez le bouton ci-dessous pour tout recevoir en deux fichiers : l'un à lire, dans votre langue, l'autre sous forme de données (JSON) pour d'autres outils. Ils contiennent tout en clair, vos propres mots compris : gardez-les en lieu sûr et supprimez-les de cette conversation quand vous n'en avez plus besoin. /forget efface tout.
privacy-download = Tout m'envoyer en fichiers
privacy-file-sent = Fichiers envoyés.
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

privacy-file-caption-text = Tout ce que le bot garde sur vous, à lire.
privacy-file-caption-json = La même chose sous forme de données (JSON), pour d’autres outils ; « _about » explique chaque clé.
privacy-text-title = Tout ce que le bot garde sur vous, au { $when } (heures de { $zone })
privacy-text-intro = Chaque section est un type d’enregistrement. Les champs vides et le suivi interne du bot sont omis ici ; le fichier .json contient tous les champs.
privacy-about-format = Les heures sont au format ISO 8601, en UTC ; les dates au format AAAA-MM-JJ ; les heures de silence en HH:MM, dans votre propre fuseau horaire. Ce que vous avez écrit figure tel que vous l’avez écrit.
privacy-about-reference = Le numéro d’un enregistrement lié (utilisé par le bot ; sans signification à lui seul)
privacy-about-bookkeeping = Le suivi que le bot tient de son propre travail (où en est une conversation, tentatives d’envoi)
privacy-value-yes = oui
privacy-value-no = non
privacy-field-acknowledged_at = Pris en charge par l’équipe de sécurité
privacy-field-action = Action
privacy-field-alias = Nom que voit votre groupe
privacy-field-answered_at = Répondu
privacy-field-answers = Réponses
privacy-field-blocked_at = Le bot ne pouvait plus vous joindre
privacy-field-buttons = Boutons
privacy-field-card_id = Carte
privacy-field-checkin_offsets = Jours de suivi après l’échange
privacy-field-choice_id = Choix
privacy-field-circle_requested = Aide demandée à l’animateur ou l’animatrice
privacy-field-closed_at = Clos
privacy-field-coc_accepted_at = Code de conduite accepté
privacy-field-code = Code
privacy-field-completed_at = Terminé
privacy-field-correct = Correct
privacy-field-created_at = Créé
privacy-field-current_module = Module en cours
privacy-field-decided_at = Décidé
privacy-field-due_on = Échéance
privacy-field-emergency_text = Conseils en cas d’urgence
privacy-field-ended_at = Terminé le
privacy-field-ends_on = Fin
privacy-field-format = Format
privacy-field-granted = Autorisé
privacy-field-handled_at = Traité par l’équipe de sécurité
privacy-field-happened = Quand c’est arrivé
privacy-field-inclusivity = Inclusion (1-5)
privacy-field-kind = Type
privacy-field-language = Langue
privacy-field-mentee_reveals = La personne accompagnée montre son compte Telegram
privacy-field-mentor_reveals = Le mentor montre son compte Telegram
privacy-field-minutes = Minutes
privacy-field-module_id = Module
privacy-field-name = Nom
privacy-field-note = Note
privacy-field-noted_at = Note écrite
privacy-field-offset_days = Jours après l’échange
privacy-field-onboarded_at = Configuration terminée
privacy-field-option = Option choisie
privacy-field-options = Options
privacy-field-outcome = Résultat
privacy-field-pacing = Rythme (1-5)
privacy-field-paused_until = Rappels en pause jusqu’au
privacy-field-place = Lieu
privacy-field-policy_version = Version de l’avis de confidentialité
privacy-field-purpose = Consentement
privacy-field-quiet_end = Fin des heures de silence
privacy-field-quiet_start = Début des heures de silence
privacy-field-recommended_track = Parcours recommandé
privacy-field-region = Région
privacy-field-reminded_at = Rappel envoyé
privacy-field-revoked_at = Révoqué
privacy-field-role = Rôle
privacy-field-segment = Envoyé à
privacy-field-send_at = Heure d’envoi
privacy-field-sent_at = Envoyé
privacy-field-severity = Gravité
privacy-field-skipped_blocked = Non envoyé (injoignable)
privacy-field-skipped_consent = Non envoyé (sans consentement)
privacy-field-slug = Identifiant
privacy-field-started_at = Commencé
privacy-field-starts_at = Début
privacy-field-starts_on = Début
privacy-field-status = État
privacy-field-step_data = Brouillons en cours
privacy-field-step_id = Étape
privacy-field-target = Objet
privacy-field-telegram_id = Identifiant Telegram
privacy-field-text = Texte
privacy-field-timezone = Fuseau horaire
privacy-field-title = Titre
privacy-field-total = Destinataires
privacy-field-track_id = Parcours
privacy-field-updated_at = Dernière modification
privacy-field-usefulness = Utilité (1-5)
privacy-field-uses = Utilisations
privacy-field-wellbeing = Bien-être (1-5)
privacy-field-what = Quoi
privacy-field-where = Où
privacy-field-who = Qui s’en charge
