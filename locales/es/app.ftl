# Mensajes que usa el programa (ver CODE_MESSAGES en src/locale.rs).

choice-yes = Sí
choice-no = No
choice-unsure = No lo sé con seguridad
choice-dont-know = No sé
choice-prefer-not = Prefiero no decirlo
choice-continue = Continuar
choice-consent-agree = Sí, continuar
choice-consent-decline = No, ahora no
choice-no-code = Sin código, gracias
choice-submit = Enviar mis respuestas
choice-change = Cambiar respuesta { $n }
choice-resume = Seguir donde me quedé
choice-send-now = Enviar esto ahora
choice-tell-more = Contarles más (unas { $n } preguntas, { $minutes } minutos)
choice-send-told = Enviar lo que ya conté
choice-tell-more-later = Contarles más
choice-restart = Empezar de nuevo
choice-delete-confirm = Sí, borrar todo
choice-delete-cancel = No, guardar mis respuestas

answer-prefer-not = (prefiero no decirlo)
answer-dont-know = (no sé)
answer-skipped = (omitida)
answer-none = —
answer-date-approx = alrededor de { $date }
answer-date-month = { $month } de { $year }
answer-date-day = { $day } de { $month } de { $year }

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

help-text =
    Si está en peligro, llame al 911.
    Para hablar con alguien ahora, a cualquier hora: Línea Nacional contra la Trata de Personas, llame al 1-888-373-7888 o envíe HELP por mensaje de texto al 233733. Es gratis y confidencial, y hablan español.
help-commands =
    Puede usar esto en cualquier momento:
    /back – volver a la pregunta anterior
    /skip – saltar una pregunta (cuando se puede)
    /exit – salir rápido; sus respuestas se guardan para cuando vuelva
    /language – cambiar el idioma
    /delete – borrar sus respuestas de nuestro sistema
    /help – ver esto otra vez
    /exit y /delete también borran los mensajes de este chat de las últimas 48 horas, los suyos y los del bot. El bot cambia sus mensajes más antiguos por un texto neutro; los suyos más antiguos no los puede tocar, pero usted puede borrarlos, o borrar todo el chat, en Telegram.

invalid-choice = Perdón, no entendí. Por favor elija una de las opciones.
invalid-choices = Por favor elija una o más opciones. Puede elegir varias, por ejemplo 1, 3.
invalid-number = Por favor escriba un número, por ejemplo 19.
invalid-number-range = Por favor escriba un número entre { $min } y { $max }.
invalid-date = No pude leer esa fecha. Basta con el año, por ejemplo 2014, "marzo de 2014" o "alrededor de 2014".
invalid-date-past = Esa fecha parece estar en el futuro. Basta con el año, por ejemplo 2014.
invalid-date-future = Esa fecha parece haber pasado ya. Revísela, o elija "No sé".
invalid-text-long = Es un poco largo. Por favor use menos de { $max } caracteres.
invalid-text-empty = Por favor escriba su respuesta, o elija una de las opciones.
invalid-jurisdiction = No reconocí ese estado. Puede escribir su nombre, por ejemplo "Nueva York", o sus dos letras, por ejemplo NY.
invalid-stale = Ese botón es de una pregunta anterior. Aquí es donde estamos ahora:
invalid-code = Por favor escriba su código.
cannot-skip = Esta pregunta no se puede saltar. Puede elegir una de las opciones, o escribir /exit para parar por ahora.
nothing-to-go-back-to = Esta es la primera pregunta.
previous-answer = Su respuesta anterior:

review-intro =
    Esto es todo lo que nos contó. Por favor revíselo.
    Puede cambiar cualquier respuesta, o enviarlas.
review-group-item = Caso { $n }
review-empty = Todavía no ha contestado ninguna pregunta.
review-type-number = Para cambiar una respuesta, escriba su número.

resume-prompt = Hola de nuevo. ¿Quiere seguir donde se quedó?
resume-prompt-sent = Hola de nuevo. Lo que nos contó antes ya fue enviado. ¿Quiere contarnos más? Se añadirá a lo que ya envió.
resume-code-ask = Por favor escriba su código para continuar.
resume-code-set = Su código quedó guardado. Se lo pediremos cuando vuelva.
resume-code-again = Por favor escriba el mismo código una vez más, para estar seguros de que está bien.
resume-code-mismatch = Los dos no eran iguales, así que todavía no hay código. Por favor escriba un código otra vez, o elija "Sin código, gracias".
resume-code-wrong = Ese código no coincide. Por favor intente otra vez.
resume-code-locked = Demasiados intentos. Por favor espere { $minutes } minutos y vuelva a intentarlo.
resume-code-too-short = Por favor use al menos { $min } caracteres, o elija "Sin código, gracias".

delete-confirm =
    Esto borrará todo lo que nos contó. No se puede deshacer.
    Si sus respuestas ya se enviaron, le pediremos al abogado que borre su copia. ¿Quiere borrar?
delete-done = Todo lo que nos contó fue borrado.
delete-cancelled = No se borró nada.

exit-done = Chat en pausa. Escriba /start para volver.

language-prompt = Elija un idioma · Choose a language
language-changed = De acuerdo.

already-submitted = Sus respuestas ya fueron enviadas. Alguien le contactará de la forma que eligió. Puede empezar una conversación nueva, o escribir /delete para borrar lo que está guardado aquí.
multi-instructions = Puede elegir más de una.
console-free-input-choices = Escriba su respuesta, o escriba una de estas:
jurisdiction-other = Otro estado
not-started = Escriba /start para empezar.
# Se usa como $org hasta que la organización configure su nombre.
org-name = la organización de asistencia legal
error-storage =
    Perdón, algo falló de nuestro lado y no podemos seguir esta conversación ahora. Puede escribir /delete para empezar de nuevo.
    En una emergencia, llame al 911. Para hablar con alguien ahora: llame al 1-888-373-7888 o envíe HELP por mensaje de texto al 233733.
error-retry = Perdón, algo falló de nuestro lado con su último mensaje. Por favor, envíelo de nuevo.

# El menú de comandos del bot: palabras neutras, porque cualquiera puede verlo.
menu-start = Empezar
menu-back = Atrás
menu-help = Ayuda
menu-language = Idioma
menu-exit = Cerrar
menu-delete = Borrar
# El botón que envía una respuesta de opción múltiple en Telegram.
choice-done = Listo ✓
# Telegram muestra una lista larga por partes: estos botones pasan de una parte a otra.
choice-page-more = Ver más ▶
choice-page-back = ◀ Volver
# En la revisión en Telegram: abre la lista de respuestas, por partes, para elegir cuál cambiar.
choice-change-some = Cambiar una respuesta

# Se envía una vez cuando un abogado acepta el caso, solo si la persona eligió este chat como forma
# de contacto. Cualquiera puede ver el teléfono: nada sobre leyes, antecedentes ni la organización.
notify-accepted = Hola de nuevo. Alguien se pondrá en contacto con usted pronto, de la forma que eligió. Puede escribir /delete en cualquier momento para borrar lo que está guardado aquí.
notify-not-taken =
    Hola de nuevo.
    No pudimos encontrar a tiempo un abogado que pudiera tomar esto, así que lo que nos contó fue borrado, como le dijimos. Puede empezar de nuevo cuando quiera con /start.
    Para hablar con alguien ahora, de día o de noche: llame al 1-888-373-7888 o envíe HELP por mensaje de texto al 233733. En una emergencia, llame al 911.

# Debajo de cada pregunta: en qué punto va la persona. $total es un cálculo aproximado.
progress = Pregunta { $n } de unas { $total }
