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
    /mentor : mentorat · /story · /stories : histoires de votre groupe
    /incident : signaler un incident de sécurité (anonymement si vous le souhaitez)
    /mydata : ce que je garde sur vous · /forget : tout effacer
    /language : changer de langue
    /consent : voir ou modifier vos choix de consentement
    /help : ce message
