# Catálogo de mensajes de peerlink: español (mismos identificadores que el inglés).
# Marcado: segmentos `code` y saltos de línea. El bot escapa los argumentos.

## !help

help-intro = Soy peerlink, el bot de la red de mecanismos nacionales de implementación, presentación de informes y seguimiento. Comandos:
help-entry = { $usage } — { $summary }
help-footer = Envíe { $help } seguido del nombre de un comando para ver los detalles, por ejemplo { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = No existe el comando { $command }. Envíe { $help } para ver la lista.

## Resúmenes de los comandos (mostrados por !help)

summary-help = listar los comandos, o explicar uno
summary-ping = comprobar que el bot está en línea y responde

## Respuestas

pong = ¡Pong! peerlink está en línea y responde.

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

## Resúmenes de los comandos, continuación

summary-regions = listar las regiones y cómo unirse a sus salas
summary-join = recibir una invitación a otra sala regional de aprendizaje entre pares
summary-whois = mostrar el estatus, el mecanismo y los delegados de un Estado
summary-state = (coordinación) añadir, modificar o retirar un Estado
summary-delegate = (coordinación) añadir, retirar o sustituir a un delegado
summary-roster = (coordinación) mostrar, exportar o importar la lista de miembros

## Problemas con los argumentos

problem-missing-argument = { $command } necesita { $what }.
problem-unknown-action = { $command } no conoce { $given }; use una de estas opciones: { $expected }.
problem-bad-country = { $value } no es un código de país: use dos letras, como MA o PY.
problem-bad-user = { $value } no es un identificador Matrix completo: escríbalo como @nombre:ejemplo.org.
problem-bad-status = { $value } no es un estatus: use founding_member, member u observer.
problem-bad-language = { $value } no es un idioma disponible para los delegados: use en, fr, es, pt o ar.
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
