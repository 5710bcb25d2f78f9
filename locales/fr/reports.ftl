reports-none = —
reports-percent = { $percent } %
reports-days = { $days } j { $hours } h
reports-hours = { $hours } h { $minutes } min
reports-minutes = { $minutes } min
reports-no-exchange = Aucun échange pour l’instant. Commencez par /newexchange.
reports-report-usage = Utilisation : /report [groupe]
    Sans groupe : le vôtre.
reports-title = Rapport : { $cohort }
    Nom court : { $handle }
reports-people = Participants : { $count } ({ $untracked } sans parcours)
reports-nobody = Personne n’a encore rejoint ce groupe.
reports-no-tracks = Personne n’a encore choisi de parcours.
reports-track = { $track }
    Inscrits : { $enrolled } · commencé : { $started }
    Terminé : { $completed } ({ $rate })
    Durée médiane : { $median }
reports-stats-usage = Utilisation : /stats [échange]
    Sans échange : celui que vous organisez.
reports-stats-title = Évaluation : { $exchange }
    Nom court : { $handle }
    Du { $start } au { $end }
    Membres : { $count }
    participant·es { $learners } · équipe { $staff }
reports-stats-training = Formation
    Modules commencés : { $started }
    Modules terminés : { $completed } ({ $rate })
    Parcours terminé : { $finished } sur { $enrolled } ({ $track_rate })
reports-stats-skills = Compétences ({ $people } personnes),
    première à dernière auto-évaluation :
reports-stats-skill = { $skill } : { $change }
reports-stats-skills-none = Évolution des compétences : personne n’a encore fait l’évaluation des besoins deux fois.
reports-stats-incidents = Incidents : { $count }, { $open } ouverts
    urgents { $urgent } · graves { $high }
reports-stats-action-plans = Plans d'action : { $people } personnes
    ouverts { $open } · faits { $done } · abandonnés { $dropped }
reports-stats-checkins = Suivis +{ $days } j : { $answered }/{ $sent } ({ $rate })
    en pause { $paused }
reports-stats-checkins-none = Points de suivi : aucun envoyé pour l'instant
reports-export-usage = Utilisation : /export [échange]
    Sans échange : le plus récent.
reports-export-needs-key = L’export a besoin d’une clé de pseudonymisation : définissez PSEUDONYM_KEY et redémarrez le bot. Rien n’a été exporté.
reports-export-caption = Export pseudonymisé de { $exchange } : { $people } personnes. Progression et auto-évaluations de { $progress }, réflexions de { $reflections }, selon leurs consentements.

stats-chart-button = Graphique (≈ { $size } Ko)
stats-chart-caption = { $exchange } : parcours terminés, réponses à chaque suivi et compétences auto-évaluées avant et après.
stats-chart-empty = Rien à dessiner pour l’instant : aucun parcours choisi, aucun suivi envoyé, aucune seconde évaluation.
stats-chart-tracks = Parcours terminé (% de celles et ceux qui l’ont choisi)
stats-chart-rounds = Suivis avec réponse (% des envoyés)
stats-chart-skills = Compétences auto-évaluées (1-5)
stats-chart-before = première
stats-chart-after = dernière
stats-chart-nothing = rien pour l’instant
