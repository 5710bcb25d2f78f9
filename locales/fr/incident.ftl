incident-intro = Signaler un incident de sécurité. Avant d'écrire : les discussions Telegram avec des bots ne sont pas chiffrées de bout en bout. Ce que vous écrivez ici est stocké chiffré et transmis aux référent·es sécurité de votre échange ; vous pouvez faire un signalement anonyme. Si quelqu'un est en danger en ce moment même, contactez d'abord les personnes qui peuvent aider sur place.
incident-ask-what = Que s'est-il passé ? (de 10 à { $max } caractères ; n'indiquez que les noms indispensables)
incident-what-bad = Merci de le décrire en 10 à { $max } caractères (votre texte en comptait { $length }).
incident-ask-when = Quand cela s'est-il passé ?
incident-when-today = Aujourd'hui
incident-when-yesterday = Hier
incident-when-week = Cette semaine
incident-when-earlier = Plus tôt
incident-ask-where = Où, à peu près ? Une ville ou un type de lieu suffit ({ $max } caractères au plus). Vous pouvez aussi passer cette étape.
incident-skip = Passer
incident-ask-severity = Quelle est la gravité ?
incident-severity-low = Faible
incident-severity-medium = Moyenne
incident-severity-high = Élevée
incident-severity-urgent = Urgente
incident-ask-who = Voulez-vous que les référent·es sécurité sachent que c'est vous (pour pouvoir vous recontacter), ou préférez-vous faire un signalement anonyme ?
incident-named = Avec mon nom
incident-anonymous = Anonymement
incident-check = Vérifiez votre signalement :
    Quoi : { $what }
    Quand : { $when } · Où : { $where }
    Gravité : { $severity } · { $who }
incident-send = Envoyer le signalement
incident-cancel = Annuler
incident-cancelled = Annulé. Rien n'a été conservé.
incident-sent = Le signalement #{ $id } a été transmis à { $count ->
    [one] { $count } référent·e sécurité
   *[other] { $count } référent·es sécurité
}. Merci d'en avoir parlé.
incident-by-anonymous = Signalement anonyme.
incident-by-named = Écrire à la personne qui l'a signalé
incident-notice = Incident de sécurité #{ $id } ({ $severity })
    Quand : { $when } · Où : { $where }
    { $what }
    { $who }
incident-ack = Accuser réception
incident-handled = Marquer comme traité
incident-status = Signalement #{ $id } : { $status }
incident-status-open = ouvert
incident-status-acknowledged = pris en compte
incident-status-handled = traité
incidents-none = Aucun signalement d'incident ouvert.
incidents-title = Signalements d'incident ouverts (les plus récents d'abord) :
