library-home = Centre de ressources : études de cas, bilans d'action, listes de contrôle, modèles, boîtes à outils et récits d'autres groupes. Chacun est un petit fichier texte à lire hors connexion ; sa taille est indiquée avant le téléchargement. Parcourez par type ou par parcours, ou cherchez avec /library et un mot. Pour partager votre propre récit : /submit
library-by-track = Par parcours
library-choose-track = Centre de ressources : choisissez un parcours.
library-track = { $track } ({ $count })
library-back = « Centre de ressources
library-page = { $what } · { $page }/{ $pages }
library-empty-list = Rien ici pour l'instant.
library-entry = { $number }. { $title }
    { $summary }
    { $type } · { $size }
library-download = ⬇ { $number } ({ $size })
library-none = Rien dans le centre ne correspond pour l'instant.
library-found = { $count } trouvé(s) :
library-found-more = Les { $shown } premiers sont affichés ; ajoutez un mot pour affiner.
library-sent = Envoyé.
library-caption = { $title } : à lire hors connexion.
library-shared = partagé par son auteur ou autrice pour le centre de ressources, { $date }
library-type-case-study = Étude de cas
library-type-after-action = Bilan d'action
library-type-checklist = Liste de contrôle
library-type-template = Modèle
library-type-toolkit = Boîte à outils
library-type-story = Récit
library-types-case-study = Études de cas ({ $count })
library-types-after-action = Bilans d'action ({ $count })
library-types-checklist = Listes de contrôle ({ $count })
library-types-template = Modèles ({ $count })
library-types-toolkit = Boîtes à outils ({ $count })
library-types-story = Récits ({ $count })
library-submit-usage = Pour partager le récit d'un·e participant·e en son nom : /submit suivi de son identifiant Telegram. Pour partager le vôtre : /submit
library-author-unknown = Je ne trouve pas cette personne parmi celles avec qui vous travaillez. Vérifiez l'identifiant Telegram.
library-submit-for = Vous écrivez au nom de { $user }. Cette personne verra chaque mot et décidera s'il est partagé.
library-submit-kind = Que voulez-vous partager avec le centre de ressources ?
library-submit-title = Donnez-lui un titre court (jusqu'à { $max } caractères).
library-submit-text = Écrivez-le maintenant, en { $max } caractères au plus : ce qui s'est passé, ce qui a marché, ce qui n'a pas marché, et pourquoi. N'indiquez ni noms ni rien qui puisse mettre des personnes ou des lieux en danger.
library-title-length = Le titre doit compter de { $min } à { $max } caractères ; celui-ci en a { $length }.
library-text-length = Le texte doit compter de { $min } à { $max } caractères ; celui-ci en a { $length }.
library-submit-confirm = Partager ceci avec le centre de ressources ? Un·e coordinateur·rice le lit d'abord, et votre nom n'est jamais affiché.
library-submit-confirm-behalf = Demander à l'auteur ou l'autrice si ceci peut être partagé ? Rien n'est partagé sans son accord et l'approbation d'un·e coordinateur·rice.
library-share = Oui, le partager
library-ask-author = Demander à l'auteur·rice
library-cancel = Annuler
library-submit-cancelled = Annulé. Rien n'a été gardé.
library-submit-sent = Merci. Un·e coordinateur·rice va le lire ; vous serez prévenu·e quand il sera publié.
library-submit-asked = J'ai demandé à l'auteur·rice. Cela n'ira en relecture que s'il ou elle accepte ; vous connaîtrez sa réponse.
library-consent-ask = Quelqu'un de votre échange a écrit avec vous ce texte ({ $kind }) pour le centre de ressources, où d'autres groupes peuvent le lire. Votre nom n'est jamais affiché.

    { $title }

    { $text }

    Peut-il être partagé ? Si vous dites non, il est supprimé.
library-consent-yes = Oui, le partager
library-consent-no = Non, le supprimer
library-consent-thanks = Merci. Un·e coordinateur·rice le lira avant sa publication.
library-consent-deleted = Il ne sera pas partagé, et le texte a été supprimé.
library-consent-given = L'auteur·rice accepte de partager « { $title } ». Un·e coordinateur·rice va le relire.
library-consent-refused = L'auteur·rice refuse de partager « { $title } ». Le texte a été supprimé.
library-review-none = Aucune proposition n'attend de relecture.
library-review-head = En attente de relecture : { $count }. Celle-ci : #{ $id } · { $kind } · { $language } · { $date }
library-approve = ✅ Publier
library-decline = ✖ Refuser
library-review-already = Déjà décidé.
library-review-approved = Publié : « { $title } ».
library-review-declined = Refusé : « { $title } ».
library-approved = Votre proposition « { $title } » est maintenant dans le centre de ressources (/library). Merci de l'avoir partagée.
library-declined = Votre proposition « { $title } » n'a pas été publiée cette fois. Merci de l'avoir partagée avec nous.
library-publish-ask = Publier « { $title } » dans la bibliothèque ? Toute personne qui utilise la bibliothèque pourra le lire et le télécharger ; l'auteur·rice n'est jamais nommé·e.
library-publish-yes = ✅ Oui, le publier
library-publish-back = « Retour
