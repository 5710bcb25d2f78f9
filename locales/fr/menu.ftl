menu-title = Menu principal. Que voulez-vous faire ?
menu-learn = Apprendre
menu-consent = Mon consentement
menu-language = Langue
menu-profile = Fuseau horaire et silence
menu-help = Aide
menu-finish-setup = Terminons d'abord de tout préparer pour vous.
help-text = Je vous aide à participer à votre échange de formation.
    /start : reprendre là où vous en étiez
    /menu : menu principal
    /tracks : parcours d'apprentissage et modules
    /continue : reprendre l'apprentissage là où vous en étiez
    /progress : votre progression
    /assessment : l'évaluation des besoins
    /offline : modules à lire sans connexion
    /plan : votre plan d'action : ce que vous ferez après l'échange
    /pause <jours> · /resume : une pause dans les rappels et les points de suivi
    /sessions : sessions en direct, à votre heure · /library · /glossary <mot>
    /submit : partager une histoire ou un retour d'expérience avec la bibliothèque
    /mentor : mentorat · /story · /stories : histoires de votre groupe
    /incident : signaler un incident de sécurité (anonymement si vous le souhaitez)
    /mydata : ce que je garde sur vous · /forget : tout effacer
    /language : changer de langue
    /consent : voir ou modifier vos choix de consentement
    /help : ce message
help-staff-intro = Je vous aide à organiser des échanges de formation. Vos commandes :
help-coordinator = En tant que coordinateur ou coordinatrice :
    /newexchange <nom> <début> <fin> · /newcohort · /cohorts : les échanges et leurs groupes
    /invite <groupe> [facilitator] · /codes · /revoke : codes d'invitation
    /role <identifiant Telegram> <rôle> : donner ou retirer un rôle
    /broadcast · /schedule · /broadcasts : messages à n'importe quel groupe, maintenant ou plus tard
    /report : avancement par parcours · /rotate : animation de la semaine · /alias <nom> : votre nom
    /pair : former des binômes de mentorat · /submit <identifiant Telegram> : l'histoire d'un·e participant·e pour la bibliothèque
    /addsession <échange> : une session en direct · /feedback : l'avis des personnes sur les sessions
    /checkins <échange> : jours des points de suivi · /emergency <échange> : consignes d'urgence
    /stats · /export : chiffres d'évaluation, un export pseudonymisé · /audit : le journal d'audit
    /submissions : histoires en attente de validation · /incidents : le bureau sécurité
help-facilitator = En tant qu'animateur ou animatrice de votre groupe :
    /broadcast · /schedule · /broadcasts : messages à votre groupe, maintenant ou plus tard
    /report : avancement par parcours · /rotate : animation de la semaine · /alias <nom> : le nom que voit votre groupe
    /pair : former des binômes de mentorat · /submit <identifiant Telegram> : l'histoire d'un·e participant·e pour la bibliothèque
    /feedback : l'avis des personnes sur les sessions en direct
help-safety = En tant que référent·e sécurité :
    /incidents : le bureau sécurité : signalements, en accuser réception, les clore, notes privées
help-staff-general = Pour tout le monde : /glossary <mot> · /mydata · /forget · /help
    Pour participer vous-même à un groupe, rejoignez-le avec une invitation : /start <code>
