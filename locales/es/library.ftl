library-home = Centro de conocimiento: casos, revisiones después de la acción, listas, plantillas, cajas de herramientas e historias de otros grupos. Cada uno es un archivo de texto pequeño para leer sin conexión; su tamaño se muestra antes de descargarlo. Explora por tipo o por recorrido, o busca con /library y una palabra. Para compartir tu propia historia: /submit
library-by-track = Por recorrido
library-choose-track = Centro de conocimiento: elige un recorrido.
library-track = { $track } ({ $count })
library-back = « Centro de conocimiento
library-page = { $what } · { $page }/{ $pages }
library-empty-list = Todavía no hay nada aquí.
library-entry = { $number }. { $title }
    { $summary }
    { $type } · { $size }
library-download = ⬇ { $number } ({ $size })
library-none = Todavía no hay nada en el centro que coincida.
library-found = Encontré { $count }:
library-found-more = Se muestran los primeros { $shown }; agrega una palabra para afinar la búsqueda.
library-sent = Enviado.
library-caption = { $title }: para leer sin conexión.
library-shared = compartido por su autora o autor para el centro de conocimiento, { $date }
library-type-case-study = Caso
library-type-after-action = Revisión después de la acción
library-type-checklist = Lista de control
library-type-template = Plantilla
library-type-toolkit = Caja de herramientas
library-type-story = Historia
library-types-case-study = Casos ({ $count })
library-types-after-action = Revisiones después de la acción ({ $count })
library-types-checklist = Listas de control ({ $count })
library-types-template = Plantillas ({ $count })
library-types-toolkit = Cajas de herramientas ({ $count })
library-types-story = Historias ({ $count })
library-submit-usage = Para compartir la historia de una participante en su nombre: /submit seguido de su id de Telegram. Para compartir la tuya: /submit
library-author-unknown = No encuentro a esa persona entre la gente con quien trabajas. Revisa el id de Telegram.
library-submit-for = Escribes en nombre de { $user }. Verá cada palabra y decidirá si se comparte.
library-submit-kind = ¿Qué te gustaría compartir con el centro de conocimiento?
library-submit-title = Ponle un título corto (hasta { $max } caracteres).
library-submit-text = Ahora escríbelo, en hasta { $max } caracteres: qué pasó, qué funcionó, qué no y por qué. No pongas nombres ni nada que pueda poner en riesgo a personas o lugares.
library-title-length = El título necesita entre { $min } y { $max } caracteres; este tiene { $length }.
library-text-length = El texto necesita entre { $min } y { $max } caracteres; este tiene { $length }.
library-submit-confirm = ¿Compartir esto con el centro de conocimiento? Una persona coordinadora lo lee primero, y tu nombre nunca se muestra.
library-submit-confirm-behalf = ¿Preguntar a la autora o autor si se puede compartir? No se comparte nada si no dice que sí y una persona coordinadora lo aprueba.
library-share = Sí, compartir
library-ask-author = Preguntar a quien lo vivió
library-cancel = Cancelar
library-submit-cancelled = Cancelado. No se guardó nada.
library-submit-sent = Gracias. Una persona coordinadora lo leerá; te avisaré cuando se publique.
library-submit-asked = Le pregunté a la autora o autor. Solo llega a coordinación si dice que sí; te avisaré su respuesta.
library-consent-ask = Alguien de tu intercambio escribió contigo esta { $kind } para el centro de conocimiento, donde otros grupos pueden leerla. Tu nombre nunca se muestra.

    { $title }

    { $text }

    ¿Se puede compartir? Si dices que no, se borra.
library-consent-yes = Sí, compartir
library-consent-no = No, borrarlo
library-consent-thanks = Gracias. Una persona coordinadora lo leerá antes de publicarlo.
library-consent-deleted = No se compartirá, y el texto se borró.
library-consent-given = La autora o autor aceptó compartir "{ $title }". Una persona coordinadora lo revisará.
library-consent-refused = La autora o autor dijo que no a compartir "{ $title }". El texto se borró.
library-review-none = No hay envíos esperando revisión.
library-review-head = Esperando revisión: { $count }. Este: #{ $id } · { $kind } · { $language } · { $date }
library-approve = ✅ Publicar
library-decline = ✖ Rechazar
library-review-already = Ya se decidió.
library-review-approved = Publicado: "{ $title }".
library-review-declined = Rechazado: "{ $title }".
library-approved = Tu envío "{ $title }" ya está en el centro de conocimiento (/library). Gracias por compartirlo.
library-declined = Tu envío "{ $title }" no se publicó esta vez. Gracias por compartirlo con nosotros.
library-publish-ask = ¿Publicar «{ $title }» en la biblioteca? Cualquiera que use la biblioteca podrá leerlo y descargarlo; nunca se nombra a quien lo escribió.
library-publish-yes = ✅ Sí, publicarlo
library-publish-back = « Volver
