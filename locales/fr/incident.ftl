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
incident-sent = Le signalement #{ $id } est parvenu à { $count ->
    [one] une personne
   *[other] { $count } personnes
} qui peuvent agir. Merci d'en avoir parlé.
incident-sent-nobody = Le signalement #{ $id } est enregistré, mais pour l'instant personne chargé de la sécurité n'est joignable par ce bot. Il sera transmis dès que quelqu'un le sera, et vous serez prévenu·e. Si vous ou quelqu'un d'autre êtes en danger maintenant :
    { $emergency }
incident-urgent-note = Si quelqu'un est en danger en ce moment : { $emergency }
incident-emergency-default = appelez les secours locaux ou des personnes de confiance sur place. (Votre échange n'a pas encore rédigé ses propres consignes d'urgence.)
incident-escalated = Personne n'a accusé réception de ce signalement en { $minutes } minutes : il vous est donc transmis aussi.
incident-reporter-acknowledged = Votre signalement #{ $id } a été pris en compte : une personne chargée de la sécurité l'a reçu.
incident-reporter-handled = Votre signalement #{ $id } a été marqué comme traité. Si ce n'est pas fini pour vous, signalez à nouveau avec /incident.
incident-reporter-delivered = Votre signalement #{ $id } est maintenant parvenu à { $count ->
    [one] une personne
   *[other] { $count } personnes
} qui peuvent agir.
incidents-title = Signalements, les ouverts d'abord. Touchez-en un pour l'ouvrir :
incidents-none = Aucun signalement.
incident-row = #{ $id } · { $severity } · { $status } · { $exchange } · { $date }
incident-detail = <b>Incident #{ $id }</b> · { $exchange }
    Gravité : { $severity } · État : { $status }
    Signalé : { $reported } · Survenu : { $when }
    Où : { $where }
    Quoi : { $what }
    { $who }
incident-detail-note = Note privée ({ $date }) : { $note }
incident-note = Écrire une note privée
incident-back = Retour à la liste
incident-ask-note = Écrivez une courte note privée pour l'équipe sécurité (jusqu'à { $max } caractères). Seules les personnes chargées de la sécurité et de la coordination la voient ; elle remplace la note précédente.
incident-note-saved = Note enregistrée.
incident-escalated-unreached = Les personnes qui devaient recevoir ce signalement n'ont pas pu être jointes : il vous est donc transmis.
