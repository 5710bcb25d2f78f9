consent-question = Consentement { $number } sur { $total } : { $question }

    { $reason }
consent-yes = Oui
consent-no = Non
consent-saved = Enregistré.
consent-progress = Puis-je garder en mémoire votre progression dans la formation ?
consent-progress-why = Pour que vous puissiez reprendre là où vous en étiez, je garde où vous en êtes dans chaque module, vos réponses aux quiz et aux scénarios, vos réflexions, votre plan d'action avec ses réponses de suivi, la note de votre évaluation des besoins et ce que vous écrivez sur les sessions en direct. Sans cela, je ne garde rien de tout cela : les parcours, les modules et le plan restent fermés, mais /offline vous envoie toujours des modules à lire. Si vous le retirez plus tard, tout cela est supprimé aussitôt. (Les réponses à votre évaluation des besoins sont conservées dans tous les cas.)
consent-progress-short = garder ma progression
consent-stories = Puis-je partager vos récits et vos réflexions avec votre groupe ?
consent-stories-why = Seul votre groupe les voit ; vous pouvez retirer un récit à tout moment.
consent-stories-short = partager mes récits avec mon groupe
consent-followup = Pouvons-nous vous recontacter après l'échange pour un suivi ?
consent-followup-why = Ces prises de nouvelles vous aident à mettre en pratique ce que vous avez appris ; vous pouvez les mettre en pause.
consent-followup-short = me recontacter pour un suivi
consent-media = Pouvons-nous vous enregistrer ou vous prendre en photo pendant les événements ?
consent-media-why = Si vous dites non, l'équipe d'organisation veillera à ce que vous n'apparaissiez sur aucune photo ni aucun enregistrement.
consent-media-short = m'enregistrer ou me photographier
consent-overview-title = Vos choix de consentement. Touchez un bouton pour en modifier un.
consent-state-yes = ✅ { $question } Oui.
consent-state-no = ❌ { $question } Non.
consent-state-unset = ⬜ { $question } Pas encore de réponse.
consent-withdraw = Retirer : { $question }
consent-give = Autoriser : { $question }
consent-overview-footer = Politique de consentement { $version }. Les changements s'appliquent immédiatement.
consent-toast-given = Consentement donné.
consent-toast-withdrawn = Consentement retiré.
privacy-notice = Avant de répondre : les discussions Telegram avec des bots ne sont pas chiffrées de bout en bout. Je ne garde que ce que vous acceptez ici, ce que vous écrivez est stocké chiffré, /mydata montre tout ce que je garde sur vous et /forget l'efface.
