# Mensajes de flows/intake.toml. Cada pregunta que guarda una respuesta tiene un atributo
# `.short`: su nombre en la revisión y en el resumen para el abogado.

q-language = Elija un idioma · Choose a language

q-safety = Hola. ¿Es seguro para usted chatear ahora?
hint-safety = Si alguien se acerca, escriba /exit en cualquier momento. Así se borran los mensajes de este chat de las últimas 48 horas, y podrá continuar después.
opt-safety-safe = Sí, puedo chatear ahora
opt-safety-not-now = Ahora no

q-device = ¿Alguien más usa o revisa este teléfono?
opt-device-only-me = No, solo yo
opt-device-others = Sí, otra persona podría verlo
opt-device-not-sure = No lo sé con seguridad

info-device-tips =
    Gracias por decírnoslo. Algunas cosas que pueden ayudar:
    • Escriba /exit en cualquier momento para salir rápido. Así se borran los mensajes de este chat de las últimas 48 horas; /help explica exactamente qué se borra.
    • Si decide contarnos más después de las primeras preguntas, podrá poner un código en ese momento, para que nadie más pueda abrir sus respuestas.
    • Una notificación puede mostrar el comienzo de un mensaje en la pantalla bloqueada. En los ajustes de Telegram (Notificaciones y sonidos) puede desactivar la vista previa de los mensajes.
    • Si puede, use un teléfono o computadora que solo use usted, o uno de una biblioteca o de la oficina de una persona de apoyo.
    Usted decide. Puede continuar ahora si quiere.

q-consent =
    Antes de empezar, por favor lea esto. Es corto.

    • Este es un asistente automático de { $org }. No es un abogado, y nada de lo que dice es asesoría legal. Contestar no hace que nadie sea su abogado todavía.
    • Un abogado o una persona de apoyo de { $org } leerá sus respuestas y le contactará, solo de las formas que usted diga que son seguras.
    • Sus respuestas se guardan cifradas. Si deja la conversación sin terminar, se borran después de { $abandoned_days } días. Si ningún abogado las toma en { $waiting_days } días, se borran entonces. Cuando un abogado las toma, solo guardamos una copia cerrada, que se borra { $delivered_days } días después.
    • Una copia que ya se envió a un abogado no se puede recuperar, pero usted puede pedirle que la borre.
    • Este chat funciona en Telegram y no tiene cifrado de extremo a extremo: Telegram puede ver lo que se escribe aquí, y también cualquier persona que abra este teléfono o su cuenta de Telegram. Por favor no escriba el nombre de otras personas ni lo que le pasó: no lo necesitamos para ayudarle.
    • Este no es un servicio de emergencia. Si está en peligro, llame al 911. Para hablar con alguien ahora, llame a la Línea Nacional contra la Trata de Personas al 1-888-373-7888 o envíe HELP por mensaje de texto al 233733.
    • Puede saltar preguntas, volver atrás, salir con /exit y borrar todo con /delete.
    • Enviar las pocas respuestas que un abogado necesita para devolverle la llamada toma unos { $short_minutes } minutos. Contarlo todo toma unos { $full_minutes } minutos. Puede enviar antes y contar lo demás más tarde.

    ¿Quiere continuar?

q-resume-code = ¿Quiere poner un código? Si sale y vuelve, se lo pediremos, para que nadie más que tenga su teléfono pueda ver o cambiar sus respuestas. Escriba un código que pueda recordar (al menos 4 caracteres), o elija "Sin código, gracias".
hint-resume-code = No use un código que otra persona conozca, como una fecha de cumpleaños.

q-preferred-name = ¿Cómo quiere que le llamemos? No tiene que ser su nombre legal.
    .short = Nombre a usar

q-preferred-term = ¿Cómo quiere que hablemos de lo que le pasó?
    .short = Palabras a usar
hint-preferred-term = No necesita contarnos lo que pasó. Esto solo nos ayuda a usar palabras con las que usted se sienta bien.
opt-term-trafficking = "Haber sufrido trata de personas"
opt-term-exploitation = "Que me explotaron"
opt-term-forced-work = "Que me obligaron a trabajar"
opt-term-what-happened = Solo "lo que pasó"

q-nexus-all =
    Una pregunta sobre todos ellos juntos.
    Piense en cada arresto o condena que tenga, el que nos contó y cualquier otro: ¿pasaron mientras alguien le obligaba, engañaba o presionaba, o por esa situación?
    .short = Relacionado con la trata (todos los casos)
opt-nexus-all = Sí, todos
opt-nexus-some = Algunos, no todos
opt-nexus-none = No

group-case = Caso { $n }

q-case-state =
    { $n ->
        [1] Ahora unas preguntas sobre el pasado. Tómese su tiempo.
            ¿En qué estado le arrestaron o le condenaron? Si pasó más de una vez, empiece por una: puede añadir las demás después. Si fue en una corte federal, elija Federal.
       *[other] Gracias. Ahora el siguiente.
            ¿En qué estado fue este? Si fue en una corte federal, elija Federal.
    }
    .short = Estado
hint-case-state =
    Puede escribir el nombre del estado, por ejemplo "Nueva York", o elegir uno de abajo.
    ¿No sabe si tiene antecedentes? Elija "No sé": un abogado puede averiguarlo.

q-case-county =
    ¿En qué condado o ciudad fue, si lo recuerda?
    También sirve el nombre de la corte.
    .short = Condado o corte

q-case-category =
    ¿De qué se trataba? Elija la opción más parecida.
    Nos referimos al cargo, hasta donde usted sepa.
    .short = Tipo de cargo
hint-case-category =
    Está bien si no está segura o seguro.
    El abogado puede buscar el cargo exacto después.
opt-cat-prostitution = Prostitución, solicitación o merodeo por prostitución
opt-cat-loitering = Merodeo o vagancia
opt-cat-trespass = Entrar sin permiso (allanamiento)
opt-cat-disorderly = Alteración del orden o resistirse al arresto
opt-cat-theft = Robo en una tienda o hurto
opt-cat-fraud = Fraude, falsificación o identificación falsa
opt-cat-drug-possession = Tener drogas
opt-cat-drug-sale = Vender o llevar drogas para alguien
opt-cat-weapons = Tener un arma
opt-cat-promoting = Promover la prostitución o reclutar a otras personas
opt-cat-burglary = Entrar a robar (robo con escalamiento)
opt-cat-robbery = Robo con violencia o amenaza
opt-cat-assault = Agresión o pelea
opt-cat-property = Dañar propiedad
opt-cat-driving = Manejo o tránsito
opt-cat-immigration = Inmigración
opt-cat-other = Otra cosa

q-case-charge =
    Si lo recuerda, ¿cómo se llamaba?
    Solo el nombre del cargo, por ejemplo "merodeo", en sus propias palabras. Por favor no escriba lo que pasó: no lo necesitamos.
    .short = Cargo (en sus palabras)

q-case-outcome = ¿Cómo terminó este caso?
    .short = Cómo terminó
opt-outcome-conviction = Me condenaron o me declaré culpable
opt-outcome-deferred = Un programa, una sentencia diferida (aplazada) o un programa alternativo al proceso (diversion)
opt-outcome-dismissed = Lo desestimaron, o me declararon no culpable
opt-outcome-arrest-only = Me arrestaron pero nunca me acusaron
opt-outcome-pending = Todavía está abierto
opt-outcome-juvenile = Fue en la corte de menores

q-case-final-charge =
    Al final, ¿fue por algo distinto? Si fue así, ¿qué fue? Puede usar sus propias palabras.
    Nos referimos al cargo final, el de la condena, si no fue el primer cargo.
    .short = Cargo final

q-case-level =
    ¿Qué tan grave fue, si lo sabe?
    ¿Fue un delito menor (misdemeanor) o un delito grave (felony)?
    .short = Nivel
hint-case-level =
    De lo menos grave a lo más grave:
    una infracción, luego un delito menor (misdemeanor), luego un delito grave (felony).
opt-level-violation = Una infracción
opt-level-misdemeanor = Un delito menor (misdemeanor)
opt-level-felony = Un delito grave (felony)

q-case-date =
    ¿Más o menos cuándo fue?
    Nos referimos a cuándo le arrestaron.
    .short = Cuándo fue el arresto
hint-dates = Basta con el año, por ejemplo 2014 o "alrededor de 2014".

q-case-conviction-date = ¿Más o menos cuándo terminó el caso?
    .short = Cuándo terminó el caso

q-case-sentence-done =
    ¿Ya terminó todo lo que le ordenaron hacer por esto?
    Por ejemplo cárcel, libertad condicional, multas o clases que ordenó la corte.
    .short = Sentencia cumplida
hint-case-sentence-done =
    Preguntamos porque las opciones pueden depender de esto.
    Algunas formas de borrar antecedentes solo se pueden usar cuando ya terminó todo lo que ordenó la corte; otras no lo exigen.

q-case-nexus = ¿Este caso pasó mientras alguien le obligaba, engañaba o presionaba, o por esa situación?
    .short = Relacionado con la trata
hint-case-nexus =
    No necesita contarnos lo que pasó.
    Un abogado puede preguntarle más después, solo si usted quiere.

q-case-harm =
    ¿Decía alguna de estas cosas? Elija todas las que correspondan.
    Nos referimos al cargo, hasta donde usted sepa.
    .short = Violencia, arma o lesión
hint-case-harm =
    Preguntamos porque algunas leyes tratan estas cosas de otra manera.
    Muchas personas igual pueden recibir ayuda.
opt-harm-violence = Alguien fue amenazado o atacado
opt-harm-weapon = Había un arma
opt-harm-injury = Alguien resultó herido
opt-harm-none = Ninguna de estas

q-case-age = ¿Más o menos qué edad tenía entonces?
    .short = Edad entonces
hint-case-age = Preguntamos porque las reglas pueden ser distintas para algo que pasó antes de que usted cumpliera 18 años.

q-case-docket =
    Si tiene un número de caso, puede escribirlo aquí. Está bien saltar esta pregunta.
    También se le llama número de expediente.
    .short = Número de caso

q-case-another =
    Gracias. ¿Hay otro que quiera contarnos?
    Cualquier otro arresto u otra condena, de cualquier momento.
    .short = Otro caso
opt-another-yes = Sí, otro más
opt-another-no = No, eso es todo

q-other-names = ¿Alguno de estos casos quedó con otro nombre o con otra forma de escribirlo?
    .short = Con otro nombre
hint-other-names =
    No necesita escribir el nombre ahora.
    Preguntamos para que el abogado sepa dónde buscar.

q-still-in-situation =
    Primero, su seguridad.
    ¿Alguien todavía le presiona o le controla?
    .short = Sigue en la situación

info-still-in-situation =
    Gracias por decírnoslo. Usted merece estar a salvo.
    Si quiere hablar con alguien ahora, a cualquier hora: llame al 1-888-373-7888 o envíe HELP por mensaje de texto al 233733. Si está en peligro, llame al 911.
    Escriba /exit en cualquier momento para salir rápido. Seguiremos solo si usted quiere.

q-situation-ended = ¿Más o menos cuándo terminó esa situación?
    .short = Cuándo terminó la situación
hint-situation-ended =
    Basta con el año, por ejemplo 2014 o "alrededor de 2014".
    Preguntamos porque en algunos estados el plazo para presentar la solicitud ante la corte se cuenta desde que terminó esa situación.

q-later-convictions =
    Una pregunta más sobre el pasado.
    Desde entonces, ¿le han condenado por algo más?
    .short = Condenas desde entonces
hint-later-convictions =
    Preguntamos porque las opciones pueden depender de esto.
    Algunas formas de borrar antecedentes toman en cuenta lo que pasó después. Sea cual sea la respuesta, un abogado todavía podría ayudarle.

q-pending =
    ¿Tiene algo abierto todavía?
    Por ejemplo un caso en la corte que no ha terminado, o una orden de arresto.
    .short = Casos abiertos u órdenes
hint-pending =
    Preguntamos para poder planear con usted.
    A veces los casos abiertos necesitan otro tipo de abogado.

q-documents = ¿Tiene alguno de estos papeles? Elija todos los que correspondan.
    .short = Papeles que tiene
hint-documents = Ninguno es necesario para pedir ayuda. Pueden hacerlo más fácil.
opt-doc-t-visa = Una visa T
opt-doc-u-visa = Una visa U
opt-doc-continued-presence = Presencia Continuada (Continued Presence)
opt-doc-hhs-letter = Una carta de elegibilidad de HHS
opt-doc-law-enforcement = Una carta de la policía o de un fiscal
opt-doc-service-provider = Una carta de un refugio, una persona de apoyo o un consejero
opt-doc-court-records = Papeles de mi caso en la corte
opt-doc-none = Ninguno de estos

q-citizenship = ¿Es usted ciudadana o ciudadano de Estados Unidos?
    .short = Ciudadanía
hint-citizenship =
    Preguntamos porque esto puede cambiar qué opciones le sirven.
    Algunas formas de borrar antecedentes funcionan distinto para inmigración. Solo las personas que le ayudan con su caso verán su respuesta.
opt-cit-citizen = Sí, soy ciudadana o ciudadano
opt-cit-permanent-resident = Tengo residencia permanente (green card)
opt-cit-other-status = Tengo otra visa u otro estatus
opt-cit-no-status = Ahora no tengo papeles

q-immigration-court =
    ¿Tiene pronto una fecha de audiencia?
    Nos referimos a la corte de inmigración.
    .short = Audiencia en corte de inmigración

q-immigration-court-date = ¿Cuándo es esa audiencia, si lo sabe?
    .short = Corte de inmigración el

q-urgent =
    ¿Tiene pronto alguna fecha límite?
    Por ejemplo una audiencia en la corte, un trabajo o una solicitud de vivienda.
    .short = Fecha límite urgente
hint-urgent = Si algo es urgente, nos aseguraremos de que se vea primero.

q-urgent-date = ¿Cuándo es?
    .short = Fecha límite

q-record-consent =
    Una pregunta sobre su permiso.
    ¿Puede el abogado pedir sus antecedentes penales al estado y al FBI, para encontrar todos los casos? Le preguntarán antes de hacer cualquier cosa.
    .short = Puede pedir antecedentes
hint-record-consent =
    Está bien si no recuerda todos los casos.
    Los antecedentes ayudan al abogado a encontrarlos.

q-contact-method =
    ¿Cómo podemos contactarle de forma segura? Elija todas las formas que sean seguras.
    Es para alguien de { $org }.
    .short = Formas seguras de contacto
hint-contact-method = Solo usaremos las formas que usted elija. Los mensajes no dirán cuál es el tema.
opt-contact-this-chat = Aquí, en este chat
opt-contact-phone = Una llamada
opt-contact-text = Un mensaje de texto
opt-contact-email = Correo electrónico
opt-contact-advocate = A través de mi persona de apoyo o trabajador/a social

q-contact-details = ¿Qué número, correo o persona de apoyo debemos usar? Escríbalo solo si es seguro.
    .short = Datos de contacto
hint-contact-details = Puede saltar esto y decírselo a una persona después.

q-contact-time = ¿Cuándo es seguro contactarle? Por ejemplo "entre semana después de las 6 de la tarde".
    .short = Horarios seguros

q-review = Ya casi terminamos.

q-send-choice =
    Gracias. Con esto basta para que alguien se ponga en contacto con usted.
    Puede enviarlo ahora: un abogado le preguntará lo demás cuando le llame. O puede contarnos más ahora, lo que le sirve al abogado para prepararse. Cualquiera de las dos opciones está bien.
    Esto es lo que nos ha contado:

end-done = Gracias. Sus respuestas fueron enviadas. Alguien se pondrá en contacto con usted de la forma que eligió. En una emergencia, llame al 911; para otra ayuda, escriba /help.

end-sent-early = Gracias. Lo que nos contó fue enviado. Alguien se pondrá en contacto con usted de la forma que eligió. Para añadir más después, escriba /start. En una emergencia, llame al 911; para otra ayuda, escriba /help.

end-later = Está bien. Escriba /start cuando quiera continuar. En una emergencia, llame al 911; para otra ayuda, escriba /help.

end-declined = Está bien, no guardamos nada de lo que escribió. Escriba /start si cambia de opinión. En una emergencia, llame al 911; para otra ayuda, escriba /help.
