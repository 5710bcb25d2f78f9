nudge-plan-offer = { $exchange } termina hoy. Antes de que se apague la energía, anota lo que harás después: tu plan de acción te lleva cinco minutos.
nudge-plan-button = Mi plan de acción
checkin-invite = Han pasado { $days } días desde { $exchange }. Es hora de tu seguimiento con el círculo de acompañamiento: unos toques, dos minutos.
checkin-start = Empezar el seguimiento
checkin-reminder = Tu seguimiento con el círculo de acompañamiento sigue abierto. Son dos minutos, cuando te venga bien.
checkin-already = Ya respondiste este seguimiento. ¡Gracias!
checkin-commitment = Compromiso { $number } de { $total }: { $what } (para el { $due })
    ¿Cómo va?
checkin-done = Cumplido ✓
checkin-progress = En marcha
checkin-blocked = Bloqueado
checkin-note = Si quieres, añade una nota breve (hasta { $max } caracteres), o salta este paso.
checkin-skip = Saltar
checkin-note-too-long = Esa nota tiene { $length } caracteres; que no pase de { $max }, por favor.
checkin-note-kept = Anotado.
checkin-circle-ask = ¿Quieres que tu círculo de acompañamiento te ayude con esto? Quien facilita esta semana verá este compromiso y recibirá un enlace para escribirte.
checkin-circle-yes = Sí, por favor
checkin-circle-no = No, gracias
checkin-circle-told = Ya avisé a quien facilita esta semana. Se pondrá en contacto contigo.
checkin-circle-nobody = Tu grupo todavía no tiene una persona facilitadora a quien avisar. Quien coordina tu intercambio puede ayudarte.
checkin-circle-notice = Alguien de { $cohort } pide ayuda al círculo de acompañamiento con un compromiso bloqueado:
    { $what } (para el { $due })
    Su nota: { $note }
    { $link }
checkin-circle-write = Escribirle
checkin-wellbeing = ¿Y tú? ¿Cómo estás, de 1 (sin fuerzas) a 5 (con mucha energía)?
checkin-thanks = Gracias por contarnos cómo vas.
checkin-care = Eso suena duro. Descansar también es parte del trabajo: tu círculo de acompañamiento está ahí para ti, y /pause te da un respiro de los recordatorios.
checkin-rate-again = Una última cosa: vuelve a valorar tus habilidades, para que el intercambio pueda ver qué cambió para ti.
checkin-digest = Ronda de seguimiento +{ $days } días, { $cohort }:
    Respondieron: { $answered } de { $sent } ({ $rate } %). En pausa: { $paused }.
    Compromisos: cumplidos { $done } · en marcha { $progress } · bloqueados { $blocked }
    Bienestar (1-5): { $wellbeing }
checkin-digest-notes = Notas compartidas con el grupo:
nudge-deadline-tomorrow = Un recordatorio: "{ $what }" es para mañana. ¿Cómo va?
nudge-deadline-today = Un recordatorio: "{ $what }" es para hoy. ¿Cómo va?
nudge-module = Tu módulo "{ $module }" te espera donde lo dejaste.
nudge-module-button = Seguir
pause-usage = Uso: /pause <días>, de 1 a { $max }. Sin recordatorios ni seguimientos hasta entonces.
pause-done = En pausa hasta el { $date }: sin recordatorios ni seguimientos. Usa /resume para volver antes.
resume-done = Qué bueno tenerte de vuelta. Los recordatorios y seguimientos vuelven a estar activos.
resume-not-paused = No había nada en pausa: los recordatorios y seguimientos están activos.
checkins-usage = Uso: /checkins <intercambio> <días después del final, separados por comas>
    Ejemplo: /checkins nairobi-exchange 7,30,90,365
checkins-done = Seguimientos de { $exchange }: { $days } días después de su final.
checkins-current = Los seguimientos de { $exchange } se envían { $days } días después de su final ({ $end }): el { $dates }.
    Para cambiarlos: /checkins { $slug } 7,30,90,365
