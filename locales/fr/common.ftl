# Shared words and the bot's command list.
language-name = Français
cmd-start = Commencer ou reprendre là où vous en étiez
cmd-menu = Menu principal
cmd-continue = Reprendre l'apprentissage là où vous en étiez
cmd-tracks = Parcours d'apprentissage et modules
cmd-progress = Votre progression d'apprentissage
cmd-assessment = Refaire l'évaluation des besoins
cmd-offline = Télécharger des modules à lire hors ligne
cmd-help = Ce que je peux faire
cmd-language = Changer de langue
cmd-consent = Voir ou modifier vos choix de consentement
