# Catálogo de mensajes de peerlink: español (mismos identificadores que el inglés).
# Marcado: segmentos `code` y saltos de línea. El bot escapa los argumentos.

## !help

help-intro = Soy peerlink, el bot de la red de mecanismos nacionales de implementación, presentación de informes y seguimiento. Comandos:
help-intro-here = Soy peerlink, el bot de la red de mecanismos nacionales de aplicación, presentación de informes y seguimiento. Lo que puede hacer aquí:
help-entry = { $usage } — { $summary }
help-elsewhere = Otros comandos, para otras funciones u otras salas: { $commands }. Envíe { $all } para verlos todos.
help-footer = Envíe { $help } seguido del nombre de un comando para ver los detalles, por ejemplo { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = No existe el comando { $command }. Envíe { $help } para ver la lista.

## Resúmenes de los comandos (mostrados por !help)

summary-help = listar los comandos, o explicar uno
summary-ping = comprobar que el bot está en línea y responde
summary-language = ver o elegir el idioma en que le respondo

## Respuestas

pong = ¡Pong! peerlink está en línea y responde.
language-current = Le respondo en { $language } ({ $code }). Elija otro con { $example }. Disponibles: { $available }.
language-set = A partir de ahora le respondo en { $language }.

## Errores

unknown-command = No conozco el comando { $command }. Envíe { $help } para ver lo que puedo hacer.
command-usage = Uso: { $usage }
problem-no-arguments = { $command } no admite argumentos.
problem-too-many-arguments = { $command } admite como máximo { $max ->
        [one] un argumento
       *[other] { $max } argumentos
    }.
internal-error = Lo sentimos, algo falló al procesar su comando. Quedó registrado; vuelva a intentarlo en un momento.

## Salas creadas por el aprovisionamiento (nombres y temas)

room-space-name = { $network }
room-space-topic = { $network_full }: plenaria, salas regionales de aprendizaje entre pares y Comité Ejecutivo.
room-plenary-name = { $network } — Plenaria
room-plenary-topic = Plenaria de la red: anuncios y debates para todos los Estados miembros y observadores.
room-regional-name = { $network } — { $region }
room-regional-topic = Sala de aprendizaje entre pares del { $region }. Los delegados de todas las regiones son bienvenidos.
room-committee-name = { $network } — Comité Ejecutivo
room-observers = Estados observadores: { $states }.
room-committee-topic = Comité Ejecutivo de la red: aquí se examinan las solicitudes de cooperación. Solo para los delegados del Comité.
room-working-topic = Sala de trabajo de la solicitud { $number } (Estado: { $state }): los delegados de ese Estado, los de los Estados y asociados a los que está asignada, y el Comité Ejecutivo. Informen de los avances con { $command }.

## Resúmenes de los comandos, continuación

summary-regions = listar las regiones y cómo unirse a sus salas
summary-join = recibir una invitación a otra sala regional de aprendizaje entre pares
summary-whois = mostrar el estatus, el mecanismo y los delegados de un Estado, o el tipo, las salas y los delegados de un asociado
summary-state = (coordinación) añadir, modificar o retirar un Estado
summary-partner = (coordinación) añadir, modificar o retirar una organización asociada
summary-delegate = (coordinación) añadir, retirar o sustituir a un delegado
summary-roster = (coordinación) mostrar, exportar o importar la lista de miembros

## Problemas con los argumentos

problem-missing-argument = { $command } necesita { $what }.
problem-unknown-action = { $command } no conoce { $given }; use una de estas opciones: { $expected }.
problem-bad-country = { $value } no es un código de país: use dos letras, como MA o PY.
problem-bad-user = { $value } no es un identificador Matrix completo: escríbalo como @nombre:ejemplo.org.
problem-bad-status = { $value } no es un estatus: use founding_member, member u observer.
problem-bad-seat = { $value } no es ni un código de país (dos letras, como MA) ni un identificador de asociado (como ohchr).
problem-bad-partner-id = { $value } no es un identificador de asociado: use de 3 a 32 letras minúsculas, cifras o guiones, empezando por una letra (como ohchr o cndh-ma).
problem-bad-partner-kind = { $value } no es un tipo de asociado: use un_body, un_agency, state_donor, nhri, civil_society o academia.
problem-bad-language = { $value } no es un idioma disponible para los delegados: use ar, zh-Hans, en, fr, ru, es o pt.
problem-bad-format = { $value } no es un formato de lista: use toml o csv.
problem-bad-option = { $command } no conoce la opción { $value } (o le falta su valor).
problem-unbalanced-quotes = Se abrieron comillas que nunca se cerraron.
problem-missing-roster-text = { $command } necesita el propio archivo de la lista, pegado en las líneas que siguen al comando.

## Regiones

regions-intro = Salas regionales de aprendizaje entre pares (cualquier miembro u observador puede unirse a cualquiera):
regions-entry = • { $name } ({ $states } Estados): { $join }
regions-entry-own = • { $name } ({ $states } Estados): { $join } (su región)
join-unknown-region = No conozco ninguna región llamada «{ $region }». Envíe { $regions } para ver la lista.
join-not-delegate = Las salas regionales son para los delegados de los Estados miembros y observadores. Si usted representa a un Estado, pida a la coordinación que lo inscriba en la lista.
join-invited = Le he invitado a la sala del { $region }. Acepte la invitación en su cliente Matrix para unirse.

## Estados

status-founding-member = miembro fundador
status-member = miembro
status-observer = observador
whois-unknown = No conozco ningún país llamado «{ $query }». Use su código de dos letras, como MA, o su nombre.
whois-not-in-network = { $name } no forma parte de la red (todavía).
whois-committee = miembro del Comité Ejecutivo
whois-coordinator = coordinación de la red
whois-none = ninguno registrado
whois-plenary = plenaria
whois-partner = { $name } ({ $id }): { $kind }
    Salas: { $regions }
    Delegados: { $delegates }
partner-kind-un-body = órgano u oficina de las Naciones Unidas
partner-kind-un-agency = organismo, fondo o programa de las Naciones Unidas
partner-kind-state-donor = Estado donante o agencia de desarrollo
partner-kind-nhri = institución nacional de derechos humanos
partner-kind-civil-society = organización de la sociedad civil
partner-kind-academia = universidad o centro de investigación
whois-state = { $name } ({ $code }): { $status }{ $roles }
    Región: { $region }
    Mecanismo: { $mechanism }
    Delegados: { $delegates }

## Administración de la lista de miembros

roster-not-allowed = Solo la coordinación y los administradores de la red pueden modificar la lista de miembros.
roster-wrong-place = Los comandos de la lista funcionan en la sala del Comité Ejecutivo o en un chat directo conmigo, no aquí.
roster-no-change = Sin cambios: la lista ya dice eso.
roster-changed = { $count ->
        [one] Se hizo un cambio
       *[other] Se hicieron { $count } cambios
    }; las salas se actualizarán:
roster-dry-run = Simulación: { $count ->
        [one] se haría un cambio
       *[other] se harían { $count } cambios
    }; no se modificó nada:
roster-line = { $line }
roster-file-problems = La lista no se modificó: el archivo tiene { $count ->
        [one] un problema
       *[other] { $count } problemas
    }:
roster-no-such-state = { $value } no figura en la lista.
roster-state-exists = { $value } ya figura en la lista.
roster-no-such-delegate = { $value } no es delegado.
roster-delegate-exists = Esa persona ya es delegada: { $value }.
roster-no-region = { $value } no pertenece a ninguna región de la red; añádalo primero al archivo de regiones.
roster-show-intro = La lista de miembros: { $count } Estados.
roster-show-region = { $name }
roster-show-state = { $code } { $name }, { $status }: { $delegates }
roster-show-partners = Asociados
roster-show-partner = { $id } { $name }, { $kind }: { $delegates }
roster-no-such-partner = { $value } no figura como asociado en la lista.
roster-partner-exists = { $value } ya figura como asociado en la lista.
roster-unknown-region = { $value } no es una región de la red (consulte !regions).

## Solicitudes de cooperación

summary-request = (delegados miembros u observadores) presentar una solicitud de cooperación
summary-requests = listar solicitudes: las de su Estado, o todas para el Comité
summary-status = mostrar una solicitud: estado, historial, asignación, resultado
summary-ack = (Comité) acusar recibo de una solicitud
summary-info = (Comité) pedir información al solicitante
summary-accept = (Comité) aceptar una solicitud y asignarla a Estados o asociados de la lista
summary-assign = (Comité) cambiar los Estados o asociados a los que está asignada una solicitud aceptada
summary-decline = (Comité) rechazar una solicitud, con un motivo
summary-start = (Comité) marcar una solicitud aceptada como en curso
summary-resolve = (Comité) cerrar una solicitud y registrar su resultado
summary-reopen = (Comité) reabrir una solicitud cerrada o rechazada
problem-bad-number = { $value } no es un número de solicitud: escríbalo como 12 o #12.
problem-bad-result = { $value } no es un resultado: use delivered, partly o not_delivered.
request-wrong-place = Presente sus solicitudes en la plenaria, en su sala regional o en un chat directo conmigo.
request-not-delegate = Solo los delegados de los Estados miembros y observadores pueden presentar y seguir solicitudes. Si usted representa a un Estado, pida a la coordinación que lo inscriba.
request-unknown-category = { $category } no es una categoría. Use una de estas: { $categories }.
request-observer-category = Los Estados observadores no pueden presentar solicitudes en { $category }. Categorías abiertas a observadores: { $categories }.
request-filed = Gracias. Su solicitud tiene el número { $number }. Se ha avisado al Comité Ejecutivo; se le informará aquí, en este hilo, en cada etapa.
request-card = Solicitud { $number } · { $category }
    De: { $state } ({ $region })
    Título: { $title }
    { $description }
    Presentada por { $requester }: { $link }
    Debátanla en este hilo; tramítenla con !ack, !info, !accept, !decline, !start, !resolve (sin número aquí).
requests-none = Ninguna solicitud coincide.
requests-intro = Solicitudes:
requests-entry = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-not-found = No hay ninguna solicitud { $number } que usted pueda ver.
request-status = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-status-assignee = Asignada a: { $assignee }
request-status-outcome = Resultado: { $result }. { $summary }
request-status-lessons = Lecciones aprendidas: { $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = Las solicitudes se tramitan en la sala del Comité Ejecutivo.
triage-which-request = ¿Qué solicitud? Indique su número, como !ack 12, o responda en el hilo de su ficha.
triage-done = La solicitud { $number } está ahora: { $state }. Se ha informado al solicitante.
triage-not-committee = Solo los delegados de los Estados del Comité Ejecutivo pueden tramitar solicitudes.
triage-own-request = La solicitud { $number } procede de { $state }, su propio Estado: otro Estado del Comité debe decidir.
triage-not-requester = Solo los delegados del Estado que presentó la solicitud { $number } pueden responder a sus preguntas.
triage-not-now = La solicitud { $number } está { $state }; posible ahora: { $allowed }.
notice-acknowledged = El Comité Ejecutivo ha acusado recibo de su solicitud { $number }.
notice-needs-info = El Comité Ejecutivo tiene una pregunta sobre su solicitud { $number }: { $text }
    Por favor, responda en este hilo.
notice-accepted = Su solicitud { $number } ha sido aceptada y asignada a { $assignees }. { $text }
notice-assigned = Su solicitud { $number } está ahora asignada a { $assignees }. { $text }
assign-unknown = { $value } no es ni un Estado ni un asociado de la lista (consulte !whois).
assign-unknown-closest = { $value } no es ni un Estado ni un asociado de la lista. ¿Quería decir: { $closest }?
assign-requester = { $state } presentó esta solicitud: no se le puede asignar a sí mismo.
assign-unchanged = La solicitud { $number } ya está asignada a { $assignees }.
notice-declined = Su solicitud { $number } ha sido rechazada: { $text }
notice-in-progress = Ha comenzado el trabajo sobre su solicitud { $number }.
notice-resolved = Su solicitud { $number } está cerrada ({ $result }): { $text }
notice-reopened = Su solicitud { $number } ha sido reabierta. { $text }
state-submitted = presentada
state-acknowledged = recibida
state-needs-info = a la espera de información
state-accepted = aceptada
state-in-progress = en curso
state-resolved = cerrada
state-declined = rechazada
state-reopened = reabierta
result-delivered = realizado
result-partly-delivered = realizado en parte
result-not-delivered = no realizado
answer-relayed = Gracias: su respuesta sobre la solicitud { $number } se ha transmitido al Comité Ejecutivo.
card-answer = Respuesta de { $requester } sobre la solicitud { $number }: { $text }
card-update = Avances en la solicitud { $number }, comunicados por { $who }: { $text }

## Limits

rate-deferred = Está enviando comandos más rápido de lo que los proceso: atenderé este y los siguientes por turno, uno cada { $seconds ->
        [one] segundo
       *[other] { $seconds } segundos
    }, en el orden en que los envió. No se pierde nada.
rate-refused = Ya hay demasiados comandos suyos en espera: no ejecuté { $command }. Vuelva a enviarlo dentro de { $seconds ->
        [one] un segundo
       *[other] { $seconds } segundos
    }.
message-too-long = Este comando es demasiado largo ({ $size } KB; como máximo { $max } KB). No se registró nada.
request-title-too-long = El título es demasiado largo ({ $length } caracteres; como máximo { $max }). Sea breve y ponga los detalles en las líneas siguientes. No se registró nada.
request-description-too-long = La descripción es demasiado larga ({ $length } caracteres; como máximo { $max }). Comparta los documentos largos como archivo o enlace. No se registró nada.

## Hora: zonas horarias, duraciones y fechas tal como se escriben

summary-timezone = ver o elegir la zona horaria de las horas que le muestro
summary-overdue = listar las solicitudes que han superado sus plazos de respuesta
summary-update = informar de los avances de una solicitud de la que se ocupa su Estado o su organización asociada (en su sala de trabajo, o indicando su número)
update-which-request = ¿Qué solicitud? Indique su número, como !update 12 …, o escriba en la sala de trabajo de la solicitud.
update-not-involved = Solo los delegados del Estado que presentó la solicitud { $number }, de los Estados y asociados a los que está asignada y del Comité Ejecutivo informan de sus avances.
update-not-now = La solicitud { $number } está { $state }: los avances solo se comunican mientras una solicitud está aceptada o en curso.
update-recorded = Se han registrado los avances en la solicitud { $number }; el Comité Ejecutivo los ve en la ficha de la solicitud.
working-opened = La solicitud { $number } «{ $title }» (Estado: { $state }) ha sido aceptada por el Comité Ejecutivo y asignada a { $assignees }. En esta sala se realiza el trabajo: informen de los avances con { $command } (quedan registrados en el historial de la solicitud y se transmiten al Comité).
working-description = La solicitud: { $description }
working-note = Nota del Comité Ejecutivo: { $note }
working-reassigned = La solicitud { $number } está ahora asignada a { $assignees }.
working-closed = La solicitud { $number } está cerrada ({ $result }): { $summary }
    Esta sala es ahora de solo lectura; se conserva como registro del trabajo realizado.
timezone-current = Le muestro las horas en la zona horaria { $zone }; fecha y hora actuales: { $now }. Elija otra con { $example } (un nombre de zona IANA).
timezone-set = A partir de ahora le muestro las horas en la zona horaria { $zone }; fecha y hora actuales: { $now }.
duration-days = { $n ->
        [one] { $n } día
       *[other] { $n } días
    }
duration-hours = { $n ->
        [one] { $n } hora
       *[other] { $n } horas
    }
duration-minutes = { $n ->
        [one] { $n } minuto
       *[other] { $n } minutos
    }
duration-seconds = { $n ->
        [one] { $n } segundo
       *[other] { $n } segundos
    }
when-zone-suggest = { $input } no es una zona horaria que yo conozca. ¿Quería decir { $suggestion }?
when-zone-unknown = { $input } no es una zona horaria que yo conozca. Use un nombre IANA como `Europe/Lisbon`, `America/Asuncion` o `Africa/Casablanca`, o bien `UTC`.
when-bad-date = { $input } no es una fecha. Escríbala como año-mes-día, por ejemplo `2027-03-15`.
when-impossible-date = { $input } no existe en el calendario. Compruebe el día y el mes.
when-bad-time = { $input } no es una hora. Escríbala en formato de 24 horas, por ejemplo `09:30` o `14:00`.
when-nonexistent-time = { $time } no existe el { $date } en la zona horaria { $zone }: los relojes se saltan esa hora cuando empieza el horario de verano. Elija otra hora, por ejemplo { $after }.
when-ambiguous-time = { $time } ocurre dos veces el { $date } en la zona horaria { $zone } cuando termina el horario de verano (en UTC { $first } y de nuevo en UTC { $second }). Elija otra hora o indíquela en `UTC`.
when-bad-duration = { $input } no es una duración. Escríbala, por ejemplo, como `90m`, `2h` o `1h30`.
when-duration-range = { $input } no es una duración posible: debe ser mayor que cero y no superar { $max }.
when-bad-weekly = { $input } no es un horario semanal. Escriba un día de la semana y una hora, por ejemplo `monday 09:00`.

## Recordatorios de plazos de respuesta (en el hilo de la ficha) y !overdue

reminder-acknowledge = ⏰ La solicitud { $number } «{ $title }» (Estado: { $state }) lleva { $waited } esperando sin acuse de recibo (plazo: { $target }). { $people }: por favor, acusen recibo de ella o tomen otra medida; { $command } muestra en qué punto se encuentra.
reminder-escalation-acknowledge = ⚠️ La solicitud { $number } «{ $title }» (Estado: { $state }) lleva { $waited } esperando, más del doble de su plazo de acuse de recibo ({ $target }). { $people }: como coordinación, les rogamos que velen por que sea atendida.
reminder-resolve = ⏰ La solicitud { $number } «{ $title }» (Estado: { $state }) sigue abierta tras { $waited } (plazo de cierre: { $target }). { $people }: por favor, háganla avanzar; { $command } muestra en qué punto se encuentra.
reminder-resolve-assigned = ⏰ La solicitud { $number } «{ $title }» (Estado: { $state }), asignada a { $assignee }, no se ha cerrado tras { $waited } (plazo: { $target }). { $people }: por favor, informen aquí de sus avances.
reminder-escalation-resolve = ⚠️ La solicitud { $number } «{ $title }» (Estado: { $state }) sigue abierta tras { $waited }, más del doble de su plazo de cierre ({ $target }). { $people }: como coordinación, les rogamos que se ocupen de ella.
reminder-late = (Este recordatorio estaba previsto para el { $due }; en ese momento yo no estaba en funcionamiento.)
overdue-none = Ninguna solicitud ha superado sus plazos de respuesta.
overdue-intro = { $count ->
        [one] Una solicitud ha superado un plazo de respuesta
       *[other] { $count } solicitudes han superado un plazo de respuesta
    } ({ $now }):
overdue-entry-acknowledge = { $number } { $country }: { $title } — sin acuse de recibo desde hace { $waited } (plazo: { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country }: { $title } — abierta desde hace { $waited } (plazo: { $target })
overdue-escalated = { "   " }⚠️ más del doble del plazo: se ha avisado a la coordinación.

## Resúmenes semanales

digest-committee-title = 📋 Resumen semanal para el Comité Ejecutivo ({ $date })
digest-room-title = 📋 Resumen semanal de la red ({ $date })
digest-new = Nuevas solicitudes esta semana ({ $count }):
digest-waiting = En espera de acuse de recibo ({ $count }):
digest-overdue = Con un plazo de respuesta superado ({ $count }):
digest-decided = Con decisión adoptada esta semana ({ $count }):
digest-entry = { "  " }{ $number } { $country }: { $title }
digest-more = { "  " }… y { $count } más: { $command } muestra la lista completa.
digest-outcomes = Cooperación realizada esta semana ({ $count }):
digest-outcome-entry = { "  " }{ $number } { $country }: { $title } — { $result }. { $summary }
digest-late = (Este resumen estaba previsto para el { $due }; en ese momento yo no estaba en funcionamiento.)

## Seminarios y sesiones de aprendizaje entre pares

summary-seminar = listar los próximos seminarios, mostrar uno con los Estados participantes, o programar, reprogramar o cancelar uno
summary-attend = indicar que su Estado participará en un seminario
summary-decline-seminar = indicar que su Estado no participará en un seminario
summary-minutes = registrar el acta de un seminario, una vez celebrado
seminar-kind-international = Seminario internacional
seminar-kind-regional = Sesión regional de aprendizaje entre pares
seminar-heading = 📅 { $kind } { $number }: «{ $title }»
    { $when } ({ $duration })
seminar-place = Lugar: { $place }
seminar-link = Enlace: { $link }
seminar-is-cancelled = ❌ Este seminario ha sido cancelado.
seminar-how-to-answer = ¿Participará su Estado? Responda con { $attend } o { $decline }, o reaccione a este mensaje con 👍 o 👎.
seminar-calendar-link = Añádalo a su calendario: { $link }
seminar-scheduled = Programado como seminario { $number }, para el { $when }. A continuación se publica el anuncio; se enviarán recordatorios 7 días, 1 día y 1 hora antes.
seminar-in-the-past = La fecha { $when } ya ha pasado. Elija una fecha y hora futuras.
seminar-add-plenary-only-coordinator = Solo la coordinación programa seminarios internacionales en la plenaria. Los delegados de una región pueden programar sesiones en su sala regional.
seminar-add-regional-only-region = Solo los delegados de los Estados de esta región (y la coordinación) programan sesiones en esta sala.
seminar-add-wrong-place = Los seminarios se programan en la plenaria (seminarios internacionales) o en una sala regional (sesiones regionales).
seminar-too-long = Un título, lugar o enlace es demasiado largo (máximo { $max } caracteres).
seminar-bad-link = { $link } no es un enlace web; indique uno que empiece por `https://`.
seminar-not-found = No existe el seminario { $number }. Envíe `!seminar` para ver los próximos.
seminar-not-yours = Solo la coordinación o quien programó este seminario puede modificarlo.
seminar-cancelled-already = El seminario { $number } ha sido cancelado.
seminar-moved = El seminario { $number } tendrá lugar ahora el { $when }. Se ha informado a la sala; los recordatorios se ajustan a la nueva hora.
seminar-cancelled = El seminario { $number } ha sido cancelado; se ha informado a la sala.
seminar-cancelled-notice = ❌ El seminario { $number } «{ $title }» ha sido cancelado.
seminar-answer-not-delegate = Solo los delegados de los Estados de la red pueden responder en nombre de su Estado.
seminar-over = El seminario { $number } ya ha concluido.
seminar-answer-attend = Queda registrado: { $state } participará en el seminario { $number } «{ $title }».
seminar-answer-decline = Queda registrado: { $state } no participará en el seminario { $number } «{ $title }».
seminar-minutes-too-early = El seminario { $number } aún no ha comenzado; registre su acta una vez celebrado.
seminar-minutes-saved = El acta del seminario { $number } ha quedado registrada; `!seminar` la muestra junto con el seminario.
seminar-none = No hay ningún seminario programado.
seminar-list-intro = Próximos seminarios y sesiones:
seminar-list-entry = { $number } { $when } — { $title } ({ $where }; { $count ->
        [one] participa un Estado
       *[other] participan { $count } Estados
    })
seminar-show-attend = Participan ({ $count }): { $states }
seminar-show-decline = No participan ({ $count }): { $states }
seminar-show-minutes = Acta: { $minutes }
seminar-reminder-week = 📅 Dentro de una semana: seminario { $number } «{ $title }», { $when }. { $count ->
        [one] Hasta ahora participa un Estado
       *[other] Hasta ahora participan { $count } Estados
    }; { $command } muestra cuáles.
seminar-reminder-day = 📅 Mañana: seminario { $number } «{ $title }», { $when }. { $count ->
        [one] Participa un Estado
       *[other] Participan { $count } Estados
    }; { $command } muestra cuáles.
seminar-reminder-hour = ⏰ Dentro de una hora: seminario { $number } «{ $title }», { $when }. { $count ->
        [one] Participa un Estado
       *[other] Participan { $count } Estados
    }.
digest-seminars = Seminarios de las próximas dos semanas ({ $count }):
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = Vinculada a las solicitudes que trata: { $requests }; su `!status` menciona este seminario.
seminar-show-requests = Solicitudes examinadas: { $requests }
request-status-seminar = Examinada en el seminario { $number } «{ $title }» ({ $when })

## Ofertas de cooperación técnica

summary-offer = publicar lo que su Estado puede aportar, o cerrar una de sus ofertas
summary-offers = listar las ofertas de cooperación técnica abiertas
offer-not-allowed = Solo los delegados de los Estados miembros y de los asociados publican ofertas (observadores: diríjanse a la coordinación).
offer-unknown-category = { $category } no es una categoría. Use una de estas: { $categories }.
offer-too-long = El título o los detalles son demasiado largos (máximo { $max } caracteres para los detalles).
offer-published = Su oferta se ha publicado con el número { $number } ({ $category }). El Comité la verá en las nuevas solicitudes de esta categoría; para cerrarla, envíe `!offer close` seguido de su número.
offer-not-found = No existe la oferta { $number }. Envíe `!offers` para ver las ofertas abiertas.
offer-not-yours = Solo la coordinación o quien publicó esta oferta puede cerrarla.
offer-closed-already = La oferta { $number } ya está cerrada.
offer-closed = La oferta { $number } ha quedado cerrada.
offers-none = No hay ninguna oferta abierta.
offers-intro = Ofertas de cooperación técnica abiertas:
offer-entry = { $number } { $state }: { $title } ({ $category })
card-offers = Ofertas abiertas en esta categoría:
digest-offers = Ofertas de cooperación técnica publicadas esta semana ({ $count }):

## Admisión de miembros decidida por el Comité Ejecutivo

summary-apply = (Estados observadores) presentar una candidatura para ser miembro; (coordinación) proponer un Estado que aún no forma parte de la red
summary-vote = (Comité) votar sobre una candidatura de adhesión
summary-applications = listar las candidaturas de adhesión y sus votaciones
problem-bad-vote = { $value } no es un voto: use yes, no o abstain.
apply-not-delegate = Solo los delegados de un Estado observador presentan candidaturas de adhesión (la coordinación propone los Estados que aún no forman parte de la red).
apply-already-member = Este Estado ya es miembro de la red: { $state }.
apply-not-coordinator = Solo la coordinación y los administradores de la red pueden proponer la admisión de un Estado en la red.
apply-already-in = Este Estado ya forma parte de la red, con ese estatus o uno superior: { $state }.
apply-open-already = Ya hay una candidatura abierta (Estado: { $state }): el Comité Ejecutivo la está sometiendo a votación.
apply-opened = La candidatura { $number } está abierta: el Comité Ejecutivo la somete a votación en su sala, hasta el { $when }. La decisión se comunicará aquí.
apply-poll = Candidatura { $number } (Estado: { $state }) — estatus solicitado: { $status }. Motivación: { $motivation }
    Voten en esta encuesta o con { $command } (yes, no o abstain).
vote-yes = A favor
vote-no = En contra
vote-abstain = Abstención
vote-not-committee = Solo los delegados de los Estados del Comité Ejecutivo votan sobre la candidatura { $number }, en la sala del Comité: este voto no se contabiliza.
vote-closed = Ya se ha adoptado una decisión sobre la candidatura { $number }.
application-not-found = No existe la candidatura { $number }.
vote-recorded = Voto registrado sobre la candidatura { $number }. A favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }; pendientes de votar: { $pending } (votos a favor necesarios: { $majority }).
vote-decided = Voto registrado. Decisión sobre la candidatura { $number }: { $outcome }.
application-approved = La candidatura { $number } (Estado: { $state }) ha sido aprobada: ese Estado tiene ahora el estatus de { $status } en la red (a favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }).
application-rejected = La candidatura { $number } (Estado: { $state }) no ha sido aprobada: ese Estado conserva su estatus (a favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }; votos a favor necesarios: { $majority }).
application-open = abierta
application-outcome-approved = aprobada
application-outcome-rejected = no aprobada
applications-none = Todavía no hay ninguna candidatura de adhesión.
applications-intro = Candidaturas de adhesión:
applications-entry = { $number } { $state } → { $status }: { $outcome } (a favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }; plazo: { $when })

## Plan de acción

summary-plan = mostrar el plan de acción de la red y su grado de avance; (responsables de actividades, Comité) actualizar el estado de una actividad
summary-link = (Comité) vincular una solicitud o una oferta a una actividad del plan de acción
plan-none = Todavía no se ha cargado ningún plan de acción: lo configura la coordinación (parámetro action_plan; consulte la documentación).
plan-title = { $title }
plan-pillar-line = { $name }: actividades realizadas: { $done } de { $total } · solicitudes vinculadas: { $requests } · solicitudes con cooperación prestada: { $delivered }
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — responsable: { $lead } · plazo: { $due } · { $status } · solicitudes: { $requests }
plan-activity-note = { $note }
plan-no-pillar = No existe el pilar «{ $value }»; los pilares son: { $pillars }.
plan-no-activity = No existe la actividad «{ $value }» en el plan: consulte !plan y sus pilares.
plan-update-not-allowed = Solo los delegados del Estado o asociado responsable de la actividad { $id }, del Comité Ejecutivo y de la coordinación pueden modificar su estado.
plan-updated = La actividad { $id } «{ $title }» está ahora: { $status }.
plan-link-not-allowed = Solo el Comité Ejecutivo y la coordinación pueden vincular solicitudes y ofertas al plan de acción.
plan-linked = { $what } contribuye ahora a la actividad { $id } «{ $title }».
plan-linked-already = { $what } ya contribuye a la actividad { $id } «{ $title }».
plan-what-request = La solicitud { $number }
plan-what-offer = La oferta { $number }
plan-status-planned = prevista
plan-status-in-progress = en curso
plan-status-delayed = con retraso
plan-status-done = realizada
plan-status-cancelled = cancelada

## La memoria de la red: etiquetas, prácticas, búsqueda

summary-tag = etiquetar una solicitud con metas de los ODS, temas y recomendaciones de las Naciones Unidas (delegados del Estado solicitante, Comité)
summary-practice = compartir una buena práctica con la red (la práctica en las líneas siguientes); modificar o retirar las propias
summary-search = buscar en los resultados, las lecciones aprendidas, las buenas prácticas y las solicitudes que usted puede ver (también "frases entre comillas")
request-tags = Etiquetas: { $tags }
tag-unknown-sdg = { $value } no es un objetivo ni una meta de los ODS. Los objetivos van del 1 al 17; las metas se escriben como 16.3 o 16.a.
tag-unknown-theme = { $value } no es uno de los temas de la red. Los temas figuran en el archivo de temas de la red; consulte a la coordinación.
tag-unknown-theme-closest = { $value } no es uno de los temas de la red. ¿Quería decir: { $closest }?
tag-too-many = Como máximo { $max } etiquetas de cada tipo (ODS, temas, referencias) por solicitud o práctica.
ref-unknown-mechanism = { $value } no empieza por un mecanismo que yo conozca: UPR (examen periódico universal), un órgano creado en virtud de tratados (CAT, SPT, CEDAW, CERD, CCPR, CESCR, CRC, CRPD, CMW, CED) o SP para un procedimiento especial.
ref-bad-upr = { $value } no es una referencia del examen periódico universal. Escriba el ciclo y el número de la recomendación, por ejemplo: UPR 4 123.45
ref-bad-treaty-body = { $value } no es una referencia de un órgano creado en virtud de tratados. Escriba el órgano y, a continuación, la signatura del documento o el párrafo, por ejemplo: CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = En { $value }, la signatura no corresponde a un documento de { $body }: las signaturas de sus documentos empiezan por { $prefix }.
ref-bad-special-procedure = { $value } no es una referencia de un procedimiento especial. Escriba SP, el mandato y, a continuación, la signatura del informe o el párrafo, por ejemplo: SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } es demasiado largo para una referencia (máximo 120 caracteres).
tag-not-allowed = Solo los delegados del Estado que presentó la solicitud { $number } y el Comité Ejecutivo pueden etiquetarla.
tag-done = La solicitud { $number } ha quedado etiquetada.
tag-none-left = La solicitud { $number } ya no tiene ninguna etiqueta.
practice-not-allowed = Solo los delegados de los Estados y asociados de la red comparten buenas prácticas.
practice-too-long = El título o la práctica son demasiado largos (máximo { $max } caracteres para la práctica).
practice-shared = Gracias: su buena práctica se ha compartido con el número { $number } ({ $tags }). Cualquier persona puede encontrarla con `!search`.
practice-not-found = No existe la práctica { $number }.
practice-not-yours = Solo quien compartió la práctica { $number } o la coordinación pueden modificarla.
practice-edited = La práctica { $number } se ha actualizado.
practice-withdrawn = La práctica { $number } se ha retirado; la búsqueda ya no la muestra.
search-not-allowed = La búsqueda está reservada a los delegados de los Estados y asociados de la red.
search-empty = ¿Qué debo buscar? Escriba algunas palabras después de `!search`, por ejemplo: !search base de datos de seguimiento de recomendaciones
search-no-words = No hay nada que buscar en eso: indique palabras, no solo signos de puntuación o palabras muy comunes.
search-unbalanced-quotes = Se han abierto unas comillas que no se cierran. Ponga la frase entre dos comillas, por ejemplo: !search "visita de estudio"
search-too-many-words = Son demasiadas palabras: como máximo { $max }. Conserve las más significativas.
search-too-long = Esa búsqueda tiene { $length } caracteres; como máximo { $max }. Conserve las palabras más significativas.
search-unknown-region = { $value } no es una región. Use una de estas: { $regions }.
search-none = Nada coincide con { $query }. Pruebe con menos palabras o con otras (en el idioma en que se redactó el texto), o quite un filtro.
search-intro = { $count ->
    [one] El resultado más pertinente para { $query }:
    [many] Los { $count } resultados más pertinentes para { $query }:
   *[other] Los { $count } resultados más pertinentes para { $query }:
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }): { $excerpt } { $link }
search-kind-request = Solicitud { $source }
search-kind-outcome = Resultado de la solicitud { $source }
search-kind-practice = Buena práctica { $source }
search-kind-guidance = Orientaciones
summary-guide = leer los documentos de orientación de la red (como el Marco de Orientación de Marrakech), sección por sección, en su idioma
summary-save = conservar como buena práctica el mensaje al que responde, con un enlace a ese mensaje y el Estado de su autor
summary-experts = quién lo ha hecho antes: los Estados y asociados que han prestado cooperación en una categoría, un tema o un ODS
save-not-a-reply = Responda al mensaje que desea conservar y escriba `!save` en su respuesta (un título, --theme y --sdg son opcionales).
save-unreadable = No puedo leer el mensaje al que respondió: puede que se haya eliminado o que yo no pueda descifrarlo. No se ha guardado nada.
save-not-text = Solo los mensajes de texto pueden conservarse como buenas prácticas.
save-author-unknown = El mensaje al que respondió no lo escribió un delegado de los Estados o asociados de la red, así que no puedo decir de quién es la práctica. Compártala mejor con `!practice`.
save-wrong-place = Los mensajes se conservan desde las salas de la red (plenaria, salas regionales y salas de trabajo). La sala del Comité sigue siendo confidencial: para compartir algo de ella, use `!practice`.
save-already = Ese mensaje ya está conservado como buena práctica con el número { $number }.
save-done = Conservado como buena práctica con el número { $number }: { $title }, de { $state }. Cualquier persona puede encontrarla con `!search`.
experts-unknown = { $value } no es una categoría de solicitud, ni un tema, ni un ODS. Las categorías son: { $categories }. Los temas y los ODS se escriben como con `!tag`.
experts-none = Ningún Estado ni asociado ha prestado todavía cooperación en «{ $about }», y ninguno la ofrece.
experts-intro = Quién lo ha hecho antes en «{ $about }»:
expert-entry = { $name }: { $reasons }
expert-delivered = { $count ->
    [one] una cooperación prestada
    [many] { $count } cooperaciones prestadas
   *[other] { $count } cooperaciones prestadas
}
expert-partly = { $count ->
    [one] una cooperación prestada en parte
    [many] { $count } cooperaciones prestadas en parte
   *[other] { $count } cooperaciones prestadas en parte
}
expert-latest = la más reciente el { $date }
expert-language = habla { $language }
expert-region = misma región
expert-offer = oferta abierta { $numbers }
expert-separator = {", "}
card-experts = Quién lo ha hecho antes:
guide-none = La red aún no tiene documentos de orientación; los añade la coordinación.
guide-intro = Documentos de orientación de la red (envíe !guide seguido del identificador de un documento para ver sus secciones):
guide-entry = • { $id }: { $title } (idiomas: { $languages })
guide-unknown = No existe el documento de orientación { $value }. Envíe !guide para ver la lista.
guide-fallback = Este documento no está disponible en su idioma; se muestra en { $language }.
guide-sections = { $title }: envíe !guide { $id } seguido del número de una sección (o de las primeras palabras de su título).
guide-section-entry = { $number }. { $title }
guide-no-section = { $id } no tiene la sección { $value }. Envíe !guide { $id } para ver la lista.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = No pude leer el mensaje cifrado que envió aquí: mi dispositivo no recibió su clave. Si era un comando, envíelo de nuevo, por favor. Si vuelve a ocurrir, compruebe que su aplicación comparte las claves de las salas con dispositivos no verificados, o verifique mi dispositivo. (Lo aviso como máximo una vez al día en cada sala.)
