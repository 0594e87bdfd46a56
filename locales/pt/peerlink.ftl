# Catálogo de mensagens do peerlink: português (os mesmos identificadores do inglês).
# Marcação: segmentos `code` e quebras de linha. O bot escapa os argumentos.

## !help

help-intro = Sou o peerlink, o bot da rede de mecanismos nacionais de implementação, relatório e seguimento. Comandos:
help-intro-here = Sou o peerlink, o bot da rede de mecanismos nacionais de implementação, relatório e seguimento. O que pode fazer aqui:
help-entry = { $usage } — { $summary }
help-elsewhere = Outros comandos, para outras funções ou outras salas: { $commands }. Envie { $all } para vê-los todos.
help-footer = Envie { $help } seguido do nome de um comando para ver os detalhes, por exemplo { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = Não existe o comando { $command }. Envie { $help } para ver a lista.

## Resumos dos comandos (mostrados por !help)

summary-help = listar os comandos, ou explicar um
summary-ping = verificar que o bot está em linha e responde
summary-language = ver ou escolher a língua em que lhe respondo

## Respostas

pong = Pong! O peerlink está em linha e responde.
language-current = Respondo-lhe em { $language } ({ $code }). Escolha outra com { $example }. Disponíveis: { $available }.
language-set = A partir de agora respondo-lhe em { $language }.

## Erros

unknown-command = Não conheço o comando { $command }. Envie { $help } para ver o que posso fazer.
command-usage = Utilização: { $usage }
problem-no-arguments = { $command } não aceita argumentos.
problem-too-many-arguments = { $command } aceita no máximo { $max ->
        [one] um argumento
       *[other] { $max } argumentos
    }.
internal-error = Lamentamos, algo correu mal ao tratar o seu comando. Ficou registado; tente novamente dentro de momentos.

## Salas criadas pelo aprovisionamento (nomes e tópicos)

room-space-name = { $network }
room-space-topic = { $network_full }: plenário, salas regionais de aprendizagem entre pares e Comité Executivo.
room-plenary-name = { $network } — Plenário
room-plenary-topic = Plenário da rede: anúncios e debates para todos os Estados membros e observadores.
room-regional-name = { $network } — { $region }
room-regional-topic = Sala de aprendizagem entre pares do { $region }. Os delegados de todas as regiões são bem-vindos.
room-committee-name = { $network } — Comité Executivo
room-observers = Estados observadores: { $states }.
room-committee-topic = Comité Executivo da rede: aqui são examinados os pedidos de cooperação. Apenas para os delegados do Comité.
room-working-topic = Sala de trabalho do pedido { $number } (Estado: { $state }): os delegados desse Estado, os dos Estados e parceiros a que está atribuído e o Comité Executivo. Comuniquem os progressos com { $command }.

## Resumos dos comandos, continuação

summary-regions = listar as regiões e como entrar nas suas salas
summary-join = receber um convite para outra sala regional de aprendizagem entre pares
summary-whois = mostrar o estatuto, o mecanismo e os delegados de um Estado, ou o tipo, as salas e os delegados de um parceiro
summary-state = (coordenação) adicionar, alterar ou retirar um Estado
summary-partner = (coordenação) adicionar, alterar ou retirar uma organização parceira
summary-delegate = (coordenação) adicionar, retirar ou substituir um delegado
summary-roster = (coordenação) mostrar, exportar ou importar a lista de membros

## Problemas com os argumentos

problem-missing-argument = { $command } precisa de { $what }.
problem-unknown-action = { $command } não conhece { $given }; use uma destas opções: { $expected }.
problem-bad-country = { $value } não é um código de país: use duas letras, como MA ou PY.
problem-bad-user = { $value } não é um identificador Matrix completo: escreva-o como @nome:exemplo.org.
problem-bad-status = { $value } não é um estatuto: use founding_member, member ou observer.
problem-bad-seat = { $value } não é um código de país (duas letras, como MA) nem um identificador de parceiro (como ohchr).
problem-bad-partner-id = { $value } não é um identificador de parceiro: use de 3 a 32 letras minúsculas, algarismos ou hífenes, começando por uma letra (como ohchr ou cndh-ma).
problem-bad-partner-kind = { $value } não é um tipo de parceiro: use un_body, un_agency, state_donor, nhri, civil_society ou academia.
problem-bad-language = { $value } não é uma língua disponível para os delegados: use ar, zh-Hans, en, fr, ru, es ou pt.
problem-bad-format = { $value } não é um formato de lista: use toml ou csv.
problem-bad-option = { $command } não conhece a opção { $value } (ou falta o seu valor).
problem-unbalanced-quotes = Foram abertas aspas que nunca foram fechadas.
problem-missing-roster-text = { $command } precisa do próprio ficheiro da lista, colado nas linhas a seguir ao comando.

## Regiões

regions-intro = Salas regionais de aprendizagem entre pares (qualquer membro ou observador pode entrar em qualquer uma):
regions-entry = • { $name } ({ $states } Estados): { $join }
regions-entry-own = • { $name } ({ $states } Estados): { $join } (a sua região)
join-unknown-region = Não conheço nenhuma região chamada «{ $region }». Envie { $regions } para ver a lista.
join-not-delegate = As salas regionais são para os delegados dos Estados membros e observadores. Se representa um Estado, peça à coordenação que o inscreva na lista.
join-invited = Convidei-o para a sala do { $region }. Aceite o convite no seu cliente Matrix para entrar.

## Estados

status-founding-member = membro fundador
status-member = membro
status-observer = observador
whois-unknown = Não conheço nenhum país chamado «{ $query }». Use o seu código de duas letras, como MA, ou o seu nome.
whois-not-in-network = { $name } não faz parte da rede (ainda).
whois-committee = membro do Comité Executivo
whois-coordinator = coordenação da rede
whois-none = nenhum registado
whois-plenary = plenário
whois-partner = { $name } ({ $id }): { $kind }
    Salas: { $regions }
    Delegados: { $delegates }
partner-kind-un-body = órgão ou gabinete das Nações Unidas
partner-kind-un-agency = agência, fundo ou programa das Nações Unidas
partner-kind-state-donor = Estado doador ou agência de desenvolvimento
partner-kind-nhri = instituição nacional de direitos humanos
partner-kind-civil-society = organização da sociedade civil
partner-kind-academia = universidade ou centro de investigação
whois-state = { $name } ({ $code }): { $status }{ $roles }
    Região: { $region }
    Mecanismo: { $mechanism }
    Delegados: { $delegates }

## Administração da lista de membros

roster-not-allowed = Só a coordenação e os administradores da rede podem alterar a lista de membros.
roster-wrong-place = Os comandos da lista funcionam na sala do Comité Executivo ou numa conversa direta comigo, não aqui.
roster-no-change = Sem alterações: a lista já diz isso.
roster-changed = { $count ->
        [one] Foi feita uma alteração
       *[other] Foram feitas { $count } alterações
    }; as salas vão acompanhar:
roster-dry-run = Simulação: { $count ->
        [one] seria feita uma alteração
       *[other] seriam feitas { $count } alterações
    }; nada foi alterado:
roster-line = { $line }
roster-file-problems = A lista não foi alterada: o ficheiro tem { $count ->
        [one] um problema
       *[other] { $count } problemas
    }:
roster-no-such-state = { $value } não consta da lista.
roster-state-exists = { $value } já consta da lista.
roster-no-such-delegate = { $value } não é delegado.
roster-delegate-exists = Essa pessoa já é delegada: { $value }.
roster-no-region = { $value } não pertence a nenhuma região da rede; adicione-o primeiro ao ficheiro das regiões.
roster-show-intro = A lista de membros: { $count } Estados.
roster-show-region = { $name }
roster-show-state = { $code } { $name }, { $status }: { $delegates }
roster-show-partners = Parceiros
roster-show-partner = { $id } { $name }, { $kind }: { $delegates }
roster-no-such-partner = { $value } não consta da lista como parceiro.
roster-partner-exists = { $value } já consta da lista como parceiro.
roster-unknown-region = { $value } não é uma região da rede (consulte !regions).

## Pedidos de cooperação

summary-request = (delegados membros ou observadores) apresentar um pedido de cooperação
summary-requests = listar pedidos: os do seu Estado, ou todos para o Comité
summary-status = mostrar um pedido: estado, histórico, atribuição, resultado
summary-ack = (Comité) acusar a receção de um pedido
summary-info = (Comité) pedir informações ao requerente
summary-accept = (Comité) aceitar um pedido e atribuí-lo a Estados ou parceiros da lista
summary-assign = (Comité) alterar os Estados ou parceiros a que um pedido aceite está atribuído
summary-decline = (Comité) recusar um pedido, com um motivo
summary-start = (Comité) marcar um pedido aceite como em curso
summary-resolve = (Comité) encerrar um pedido e registar o seu resultado
summary-reopen = (Comité) reabrir um pedido encerrado ou recusado
problem-bad-number = { $value } não é um número de pedido: escreva-o como 12 ou #12.
problem-bad-result = { $value } não é um resultado: use delivered, partly ou not_delivered.
request-wrong-place = Apresente os seus pedidos no plenário, na sua sala regional ou numa conversa direta comigo.
request-not-delegate = Só os delegados dos Estados membros e observadores podem apresentar e acompanhar pedidos. Se representa um Estado, peça à coordenação que o inscreva.
request-unknown-category = { $category } não é uma categoria. Use uma destas: { $categories }.
request-observer-category = Os Estados observadores não podem apresentar pedidos em { $category }. Categorias abertas aos observadores: { $categories }.
request-filed = Obrigado. O seu pedido tem o número { $number }. O Comité Executivo foi avisado; será informado aqui, neste fio, a cada etapa.
request-card = Pedido { $number } · { $category }
    De: { $state } ({ $region })
    Título: { $title }
    { $description }
    Apresentado por { $requester }: { $link }
    Debatam-no neste fio; tratem-no com !ack, !info, !accept, !decline, !start, !resolve (sem número aqui).
requests-none = Nenhum pedido corresponde.
requests-intro = Pedidos:
requests-entry = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-not-found = Não há nenhum pedido { $number } que possa ver.
request-status = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-status-assignee = Atribuído a: { $assignee }
request-status-outcome = Resultado: { $result }. { $summary }
request-status-lessons = Lições aprendidas: { $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = Os pedidos são tratados na sala do Comité Executivo.
triage-which-request = Que pedido? Indique o número, como !ack 12, ou responda no fio da sua ficha.
triage-done = O pedido { $number } está agora: { $state }. O requerente foi informado.
triage-not-committee = Só os delegados dos Estados do Comité Executivo podem tratar pedidos.
triage-own-request = O pedido { $number } vem de { $state }, o seu próprio Estado: outro Estado do Comité deve decidir.
triage-not-requester = Só os delegados do Estado que apresentou o pedido { $number } podem responder às suas perguntas.
triage-not-now = O pedido { $number } está { $state }; possível agora: { $allowed }.
notice-acknowledged = O Comité Executivo acusou a receção do seu pedido { $number }.
notice-needs-info = O Comité Executivo tem uma pergunta sobre o seu pedido { $number }: { $text }
    Responda neste fio, por favor.
notice-accepted = O seu pedido { $number } foi aceite e atribuído a { $assignees }. { $text }
notice-assigned = O seu pedido { $number } está agora atribuído a { $assignees }. { $text }
assign-unknown = { $value } não é um Estado nem um parceiro da lista (consulte !whois).
assign-unknown-closest = { $value } não é um Estado nem um parceiro da lista. Queria dizer: { $closest }?
assign-requester = { $state } apresentou este pedido: não lhe pode ser atribuído.
assign-unchanged = O pedido { $number } já está atribuído a { $assignees }.
notice-declined = O seu pedido { $number } foi recusado: { $text }
notice-in-progress = O trabalho sobre o seu pedido { $number } começou.
notice-resolved = O seu pedido { $number } está encerrado ({ $result }): { $text }
notice-reopened = O seu pedido { $number } foi reaberto. { $text }
state-submitted = apresentado
state-acknowledged = recebido
state-needs-info = à espera de informações
state-accepted = aceite
state-in-progress = em curso
state-resolved = encerrado
state-declined = recusado
state-reopened = reaberto
result-delivered = realizado
result-partly-delivered = parcialmente realizado
result-not-delivered = não realizado
answer-relayed = Obrigado: a sua resposta sobre o pedido { $number } foi transmitida ao Comité Executivo.
card-answer = Resposta de { $requester } sobre o pedido { $number }: { $text }
card-update = Progressos no pedido { $number }, comunicados por { $who }: { $text }

## Limits

rate-deferred = Está a enviar comandos mais depressa do que os trato: tratarei este e os seguintes à vez, um a cada { $seconds ->
        [one] segundo
       *[other] { $seconds } segundos
    }, pela ordem em que os enviou. Nada se perde.
rate-refused = Já há demasiados comandos seus à espera: não executei { $command }. Envie-o de novo dentro de { $seconds ->
        [one] um segundo
       *[other] { $seconds } segundos
    }.
message-too-long = Este comando é demasiado longo ({ $size } KB; no máximo { $max } KB). Nada foi registado.
request-title-too-long = O título é demasiado longo ({ $length } caracteres; no máximo { $max }). Seja breve e ponha os detalhes nas linhas seguintes. Nada foi registado.
request-description-too-long = A descrição é demasiado longa ({ $length } caracteres; no máximo { $max }). Partilhe documentos longos como ficheiro ou ligação. Nada foi registado.

## Hora: fusos horários, durações e datas tal como se escrevem

summary-timezone = ver ou escolher o fuso horário das horas que lhe mostro
summary-overdue = listar os pedidos que ultrapassaram os prazos de resposta
summary-update = comunicar os progressos de um pedido de que se ocupa o seu Estado ou a sua organização parceira (na sala de trabalho do pedido, ou indicando o número)
update-which-request = Que pedido? Indique o número, como !update 12 …, ou escreva na sala de trabalho do pedido.
update-not-involved = Só os delegados do Estado que apresentou o pedido { $number }, dos Estados e parceiros a que está atribuído e do Comité Executivo comunicam os seus progressos.
update-not-now = O pedido { $number } está { $state }: os progressos só são comunicados enquanto um pedido está aceite ou em curso.
update-recorded = Progressos no pedido { $number } registados; o Comité Executivo vê-os na ficha do pedido.
working-opened = O pedido { $number } «{ $title }» (Estado: { $state }) foi aceite pelo Comité Executivo e atribuído a { $assignees }. É nesta sala que se realiza o trabalho: comuniquem os progressos com { $command } (ficam registados no histórico do pedido e são transmitidos ao Comité).
working-description = O pedido: { $description }
working-note = Nota do Comité Executivo: { $note }
working-reassigned = O pedido { $number } está agora atribuído a { $assignees }.
working-closed = O pedido { $number } está encerrado ({ $result }): { $summary }
    Esta sala passa a ser só de leitura; fica como registo do trabalho realizado.
timezone-current = Mostro-lhe as horas no fuso horário { $zone }; data e hora atuais: { $now }. Escolha outro com { $example } (um nome de fuso IANA).
timezone-set = A partir de agora mostro-lhe as horas no fuso horário { $zone }; data e hora atuais: { $now }.
duration-days = { $n ->
        [one] { $n } dia
       *[other] { $n } dias
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
when-zone-suggest = { $input } não é um fuso horário que eu conheça. Queria dizer { $suggestion }?
when-zone-unknown = { $input } não é um fuso horário que eu conheça. Use um nome IANA como `Europe/Lisbon`, `America/Asuncion` ou `Africa/Casablanca`, ou então `UTC`.
when-bad-date = { $input } não é uma data. Escreva-a como ano-mês-dia, por exemplo `2027-03-15`.
when-impossible-date = { $input } não existe no calendário. Verifique o dia e o mês.
when-bad-time = { $input } não é uma hora. Escreva-a no formato de 24 horas, por exemplo `09:30` ou `14:00`.
when-nonexistent-time = { $time } não existe no dia { $date } no fuso horário { $zone }: os relógios saltam essa hora quando começa a hora de verão. Escolha outra hora, por exemplo { $after }.
when-ambiguous-time = { $time } ocorre duas vezes no dia { $date } no fuso horário { $zone } quando termina a hora de verão (em UTC { $first } e novamente em UTC { $second }). Escolha outra hora ou indique-a em `UTC`.
when-bad-duration = { $input } não é uma duração. Escreva-a, por exemplo, como `90m`, `2h` ou `1h30`.
when-duration-range = { $input } não é uma duração possível: tem de ser superior a zero e não exceder { $max }.
when-bad-weekly = { $input } não é um horário semanal. Escreva um dia da semana e uma hora, por exemplo `monday 09:00`.

## Lembretes de prazos de resposta (no fio da ficha) e !overdue

reminder-acknowledge = ⏰ O pedido { $number } «{ $title }» (Estado: { $state }) aguarda há { $waited } que seja acusada a sua receção (prazo: { $target }). { $people }: queiram acusar a receção ou tomar outra medida; { $command } mostra em que ponto se encontra.
reminder-escalation-acknowledge = ⚠️ O pedido { $number } «{ $title }» (Estado: { $state }) aguarda há { $waited }, mais do dobro do prazo para acusar a receção ({ $target }). { $people }: enquanto coordenação, queiram assegurar que seja tratado.
reminder-resolve = ⏰ O pedido { $number } «{ $title }» (Estado: { $state }) continua em aberto ao fim de { $waited } (prazo para encerramento: { $target }). { $people }: queiram fazê-lo avançar; { $command } mostra em que ponto se encontra.
reminder-resolve-assigned = ⏰ O pedido { $number } «{ $title }» (Estado: { $state }), atribuído a { $assignee }, não está encerrado ao fim de { $waited } (prazo: { $target }). { $people }: queiram indicar aqui o ponto da situação.
reminder-escalation-resolve = ⚠️ O pedido { $number } «{ $title }» (Estado: { $state }) continua em aberto ao fim de { $waited }, mais do dobro do prazo para encerramento ({ $target }). { $people }: enquanto coordenação, queiram ocupar-se dele.
reminder-late = (Este lembrete estava previsto para { $due }; nessa altura eu não estava em funcionamento.)
overdue-none = Nenhum pedido ultrapassou os prazos de resposta.
overdue-intro = { $count ->
        [one] Um pedido ultrapassou um prazo de resposta
       *[other] { $count } pedidos ultrapassaram um prazo de resposta
    } ({ $now }):
overdue-entry-acknowledge = { $number } { $country }: { $title } — receção não acusada há { $waited } (prazo: { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country }: { $title } — em aberto há { $waited } (prazo: { $target })
overdue-escalated = { "   " }⚠️ mais do dobro do prazo: a coordenação foi chamada a intervir.

## Resumos semanais

digest-committee-title = 📋 Resumo semanal para o Comité Executivo ({ $date })
digest-room-title = 📋 Resumo semanal da rede ({ $date })
digest-new = Novos pedidos esta semana ({ $count }):
digest-waiting = Com receção ainda não acusada ({ $count }):
digest-overdue = Com um prazo de resposta ultrapassado ({ $count }):
digest-decided = Com decisão tomada esta semana ({ $count }):
digest-entry = { "  " }{ $number } { $country }: { $title }
digest-more = { "  " }… e mais { $count }: { $command } apresenta a lista completa.
digest-outcomes = Cooperação realizada esta semana ({ $count }):
digest-outcome-entry = { "  " }{ $number } { $country }: { $title } — { $result }. { $summary }
digest-late = (Este resumo estava previsto para { $due }; nessa altura eu não estava em funcionamento.)

## Seminários e sessões de aprendizagem entre pares

summary-seminar = listar os próximos seminários, mostrar um com os Estados participantes, ou agendar, reagendar ou cancelar um
summary-attend = indicar que o seu Estado participará num seminário
summary-decline-seminar = indicar que o seu Estado não participará num seminário
summary-minutes = registar a ata de um seminário, depois da sua realização
seminar-kind-international = Seminário internacional
seminar-kind-regional = Sessão regional de aprendizagem entre pares
seminar-heading = 📅 { $kind } { $number }: «{ $title }»
    { $when } ({ $duration })
seminar-place = Local: { $place }
seminar-link = Ligação: { $link }
seminar-is-cancelled = ❌ Este seminário foi cancelado.
seminar-how-to-answer = O seu Estado participará? Responda com { $attend } ou { $decline }, ou reaja a esta mensagem com 👍 ou 👎.
seminar-calendar-link = Adicione-o ao seu calendário: { $link }
seminar-scheduled = Agendado como seminário { $number }, para { $when }. Segue-se o anúncio; serão enviados lembretes 7 dias, 1 dia e 1 hora antes.
seminar-in-the-past = A data { $when } já passou. Escolha uma data e hora futuras.
seminar-add-plenary-only-coordinator = Só a coordenação agenda seminários internacionais no plenário. Os delegados de uma região podem agendar sessões na sua sala regional.
seminar-add-regional-only-region = Só os delegados dos Estados desta região (e a coordenação) agendam sessões nesta sala.
seminar-add-wrong-place = Os seminários são agendados no plenário (seminários internacionais) ou numa sala regional (sessões regionais).
seminar-too-long = Um título, local ou ligação é demasiado longo (no máximo { $max } caracteres).
seminar-bad-link = { $link } não é uma ligação web; indique uma que comece por `https://`.
seminar-not-found = Não existe o seminário { $number }. Envie `!seminar` para ver os próximos.
seminar-not-yours = Só a coordenação ou quem agendou este seminário o pode alterar.
seminar-cancelled-already = O seminário { $number } foi cancelado.
seminar-moved = O seminário { $number } realiza-se agora em { $when }. A sala foi informada; os lembretes seguem o novo horário.
seminar-cancelled = O seminário { $number } foi cancelado; a sala foi informada.
seminar-cancelled-notice = ❌ O seminário { $number } «{ $title }» foi cancelado.
seminar-answer-not-delegate = Só os delegados dos Estados da rede podem responder em nome do seu Estado.
seminar-over = O seminário { $number } já terminou.
seminar-answer-attend = Registado: { $state } participará no seminário { $number } «{ $title }».
seminar-answer-decline = Registado: { $state } não participará no seminário { $number } «{ $title }».
seminar-minutes-too-early = O seminário { $number } ainda não começou; registe a sua ata depois da realização.
seminar-minutes-saved = A ata do seminário { $number } ficou registada; `!seminar` apresenta-a juntamente com o seminário.
seminar-none = Não há nenhum seminário agendado.
seminar-list-intro = Próximos seminários e sessões:
seminar-list-entry = { $number } { $when } — { $title } ({ $where }; { $count ->
        [one] { $count } Estado participante
       *[other] { $count } Estados participantes
    })
seminar-show-attend = Participam ({ $count }): { $states }
seminar-show-decline = Não participam ({ $count }): { $states }
seminar-show-minutes = Ata: { $minutes }
seminar-reminder-week = 📅 Dentro de uma semana: seminário { $number } «{ $title }», { $when }. { $count ->
        [one] Até agora, { $count } Estado confirmou a participação
       *[other] Até agora, { $count } Estados confirmaram a participação
    }; { $command } mostra quais.
seminar-reminder-day = 📅 Amanhã: seminário { $number } «{ $title }», { $when }. { $count ->
        [one] { $count } Estado participante
       *[other] { $count } Estados participantes
    }; { $command } mostra quais.
seminar-reminder-hour = ⏰ Dentro de uma hora: seminário { $number } «{ $title }», { $when }. { $count ->
        [one] { $count } Estado participante
       *[other] { $count } Estados participantes
    }.
digest-seminars = Seminários das próximas duas semanas ({ $count }):
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = Ligada aos pedidos de que trata: { $requests }; o seu `!status` menciona este seminário.
seminar-show-requests = Pedidos examinados: { $requests }
request-status-seminar = Examinado no seminário { $number } «{ $title }» ({ $when })

## Ofertas de cooperação técnica

summary-offer = publicar o que o seu Estado pode disponibilizar, ou encerrar uma das suas ofertas
summary-offers = listar as ofertas de cooperação técnica em aberto
offer-not-allowed = Só os delegados dos Estados membros e dos parceiros publicam ofertas (observadores: dirijam-se à coordenação).
offer-unknown-category = { $category } não é uma categoria. Use uma destas: { $categories }.
offer-too-long = O título ou os detalhes são demasiado longos (no máximo { $max } caracteres para os detalhes).
offer-published = A sua oferta foi publicada com o número { $number } ({ $category }). O Comité vê-la-á nos novos pedidos desta categoria; para a encerrar, envie `!offer close` seguido do seu número.
offer-not-found = Não existe a oferta { $number }. Envie `!offers` para ver as ofertas em aberto.
offer-not-yours = Só a coordenação ou quem publicou esta oferta a pode encerrar.
offer-closed-already = A oferta { $number } já está encerrada.
offer-closed = A oferta { $number } foi encerrada.
offers-none = Não há nenhuma oferta em aberto.
offers-intro = Ofertas de cooperação técnica em aberto:
offer-entry = { $number } { $state }: { $title } ({ $category })
card-offers = Ofertas em aberto nesta categoria:
digest-offers = Ofertas de cooperação técnica publicadas esta semana ({ $count }):

## Adesão decidida pelo Comité Executivo

summary-apply = (Estados observadores) apresentar candidatura para se tornarem membros; (coordenação) propor um Estado que ainda não faz parte da rede
summary-vote = (Comité) votar uma candidatura de adesão
summary-applications = listar as candidaturas de adesão e as respetivas votações
problem-bad-vote = { $value } não é um voto: use yes, no ou abstain.
apply-not-delegate = Só os delegados de um Estado observador apresentam candidaturas de adesão (a coordenação propõe os Estados que ainda não fazem parte da rede).
apply-already-member = Este Estado já é membro da rede: { $state }.
apply-not-coordinator = Só a coordenação e os administradores da rede podem propor a admissão de um Estado na rede.
apply-already-in = Este Estado já faz parte da rede, com esse estatuto ou um superior: { $state }.
apply-open-already = Já existe uma candidatura em aberto (Estado: { $state }): o Comité Executivo está a votá-la.
apply-opened = A candidatura { $number } está aberta: o Comité Executivo vota-a na sua sala, até { $when }. A decisão será comunicada aqui.
apply-poll = Candidatura { $number } (Estado: { $state }) — estatuto solicitado: { $status }. Motivação: { $motivation }
    Votem nesta sondagem ou com { $command } (yes, no ou abstain).
vote-yes = A favor
vote-no = Contra
vote-abstain = Abstenção
vote-not-committee = Só os delegados dos Estados do Comité Executivo votam a candidatura { $number }, na sala do Comité: este voto não é contabilizado.
vote-closed = A candidatura { $number } já foi objeto de decisão.
application-not-found = Não existe a candidatura { $number }.
vote-recorded = Voto registado na candidatura { $number }. A favor: { $yes }; contra: { $no }; abstenções: { $abstain }; por votar: { $pending } (votos a favor necessários: { $majority }).
vote-decided = Voto registado. Decisão sobre a candidatura { $number }: { $outcome }.
application-approved = A candidatura { $number } (Estado: { $state }) foi aprovada: esse Estado passa a ter o estatuto de { $status } na rede (a favor: { $yes }; contra: { $no }; abstenções: { $abstain }).
application-rejected = A candidatura { $number } (Estado: { $state }) não foi aprovada: esse Estado mantém o seu estatuto (a favor: { $yes }; contra: { $no }; abstenções: { $abstain }; votos a favor necessários: { $majority }).
application-open = em aberto
application-outcome-approved = aprovada
application-outcome-rejected = não aprovada
applications-none = Ainda não há nenhuma candidatura de adesão.
applications-intro = Candidaturas de adesão:
applications-entry = { $number } { $state } → { $status }: { $outcome } (a favor: { $yes }; contra: { $no }; abstenções: { $abstain }; prazo: { $when })

## Plano de ação

summary-plan = mostrar o plano de ação da rede e o respetivo progresso; (responsáveis pelas atividades, Comité) atualizar o estado de uma atividade
summary-link = (Comité) associar um pedido ou uma oferta a uma atividade do plano de ação
plan-none = Ainda não foi carregado nenhum plano de ação: é a coordenação que o configura (parâmetro action_plan; consulte a documentação).
plan-title = { $title }
plan-pillar-line = { $name }: atividades concluídas: { $done } de { $total } · pedidos associados: { $requests } · pedidos com cooperação prestada: { $delivered }
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — responsável: { $lead } · prazo: { $due } · { $status } · pedidos: { $requests }
plan-activity-note = { $note }
plan-no-pillar = Não existe o pilar «{ $value }»; os pilares são: { $pillars }.
plan-no-activity = Não existe a atividade «{ $value }» no plano: consulte !plan e os seus pilares.
plan-update-not-allowed = Só os delegados do Estado ou parceiro responsável pela atividade { $id }, do Comité Executivo e da coordenação podem alterar o seu estado.
plan-updated = A atividade { $id } «{ $title }» está agora: { $status }.
plan-link-not-allowed = Só o Comité Executivo e a coordenação podem associar pedidos e ofertas ao plano de ação.
plan-linked = { $what } contribui agora para a atividade { $id } «{ $title }».
plan-linked-already = { $what } já contribui para a atividade { $id } «{ $title }».
plan-what-request = O pedido { $number }
plan-what-offer = A oferta { $number }
plan-status-planned = prevista
plan-status-in-progress = em curso
plan-status-delayed = atrasada
plan-status-done = concluída
plan-status-cancelled = cancelada

## A memória da rede: etiquetas, práticas, pesquisa

summary-tag = etiquetar um pedido com metas dos ODS, temas e recomendações das Nações Unidas (delegados do Estado requerente, Comité)
summary-practice = partilhar uma boa prática com a rede (a prática nas linhas seguintes); editar ou retirar as suas
summary-search = pesquisar resultados, lições aprendidas, boas práticas e os pedidos que pode ver (também "expressões entre aspas")
request-tags = Etiquetas: { $tags }
tag-unknown-sdg = { $value } não é um objetivo nem uma meta dos ODS. Os objetivos vão de 1 a 17; as metas escrevem-se como 16.3 ou 16.a.
tag-unknown-theme = { $value } não é um dos temas da rede. Os temas constam do ficheiro de temas da rede; dirija-se à coordenação.
tag-unknown-theme-closest = { $value } não é um dos temas da rede. Queria dizer: { $closest }?
tag-too-many = No máximo { $max } etiquetas de cada tipo (ODS, temas, referências) por pedido ou prática.
ref-unknown-mechanism = { $value } não começa por um mecanismo que eu conheça: UPR (Exame Periódico Universal), um órgão dos tratados (CAT, SPT, CEDAW, CERD, CCPR, CESCR, CRC, CRPD, CMW, CED) ou SP para um procedimento especial.
ref-bad-upr = { $value } não é uma referência do Exame Periódico Universal. Escreva o ciclo e o número da recomendação, por exemplo: UPR 4 123.45
ref-bad-treaty-body = { $value } não é uma referência de um órgão dos tratados. Escreva o órgão e, em seguida, o símbolo do documento ou o parágrafo, por exemplo: CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = Em { $value }, o símbolo não corresponde a um documento do { $body }: os símbolos dos seus documentos começam por { $prefix }.
ref-bad-special-procedure = { $value } não é uma referência de um procedimento especial. Escreva SP, o mandato e, em seguida, o símbolo do relatório ou o parágrafo, por exemplo: SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } é demasiado longo para uma referência (no máximo 120 caracteres).
tag-not-allowed = Só os delegados do Estado que apresentou o pedido { $number } e o Comité Executivo o podem etiquetar.
tag-done = O pedido { $number } foi etiquetado.
tag-none-left = O pedido { $number } já não tem nenhuma etiqueta.
practice-not-allowed = Só os delegados dos Estados e dos parceiros da rede partilham boas práticas.
practice-too-long = O título ou a prática são demasiado longos (no máximo { $max } caracteres para a prática).
practice-shared = Obrigado: a sua boa prática foi partilhada com o número { $number } ({ $tags }). Qualquer pessoa a pode encontrar com `!search`.
practice-not-found = Não existe a prática { $number }.
practice-not-yours = Só quem partilhou a prática { $number } ou a coordenação a pode alterar.
practice-edited = A prática { $number } foi atualizada.
practice-withdrawn = A prática { $number } foi retirada; a pesquisa deixou de a mostrar.
search-not-allowed = A pesquisa destina-se aos delegados dos Estados e dos parceiros da rede.
search-empty = O que devo procurar? Escreva algumas palavras depois de `!search`, por exemplo: !search base de dados de acompanhamento de recomendações
search-no-words = Não há nada a procurar nisso: indique palavras, e não apenas pontuação ou palavras muito comuns.
search-unbalanced-quotes = Foram abertas aspas que nunca são fechadas. Coloque a expressão entre aspas, por exemplo: !search "visita de estudo"
search-too-many-words = São demasiadas palavras: no máximo { $max }. Mantenha as mais significativas.
search-too-long = Essa pesquisa tem { $length } caracteres; no máximo { $max }. Mantenha as palavras mais significativas.
search-unknown-region = { $value } não é uma região. Use uma destas: { $regions }.
search-none = Nada corresponde a { $query }. Experimente menos palavras ou outras (na língua em que o texto foi escrito), ou retire um filtro.
search-intro = { $count ->
    [one] O resultado mais pertinente para { $query }:
    [many] Os { $count } resultados mais pertinentes para { $query }:
   *[other] Os { $count } resultados mais pertinentes para { $query }:
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }): { $excerpt } { $link }
search-kind-request = Pedido { $source }
search-kind-outcome = Resultado do pedido { $source }
search-kind-practice = Boa prática { $source }
search-kind-guidance = Orientações
summary-guide = ler os documentos de orientação da rede (como o Quadro de Orientação de Marraquexe), secção a secção, na sua língua
summary-save = guardar como boa prática a mensagem a que responde, com uma ligação para essa mensagem e o Estado do seu autor
summary-experts = quem já o fez: os Estados e parceiros que prestaram cooperação numa categoria, num tema ou num ODS
save-not-a-reply = Responda à mensagem que pretende guardar e escreva `!save` na sua resposta (um título, --theme e --sdg são opcionais).
save-unreadable = Não consigo ler a mensagem a que respondeu: pode ter sido eliminada, ou não a consigo decifrar. Nada foi guardado.
save-not-text = Só as mensagens de texto podem ser guardadas como boas práticas.
save-author-unknown = A mensagem a que respondeu não foi escrita por um delegado dos Estados ou dos parceiros da rede, pelo que não posso dizer de quem é a prática. Em vez disso, partilhe-a com `!practice`.
save-wrong-place = As mensagens são guardadas a partir das salas da rede (plenário, salas regionais e salas de trabalho). A sala do Comité permanece confidencial: para partilhar algo dessa sala, use `!practice`.
save-already = Essa mensagem já está guardada como boa prática com o número { $number }.
save-done = Guardada como boa prática com o número { $number }: { $title } (origem: { $state }). Qualquer pessoa a pode encontrar com `!search`.
experts-unknown = { $value } não é uma categoria de pedido, nem um tema, nem um ODS. As categorias são: { $categories }. Os temas e os ODS escrevem-se como com `!tag`.
experts-none = Nenhum Estado ou parceiro prestou ainda cooperação em «{ $about }», e nenhum a oferece.
experts-intro = Quem já o fez em «{ $about }»:
expert-entry = { $name }: { $reasons }
expert-delivered = { $count ->
    [one] uma cooperação prestada
    [many] { $count } cooperações prestadas
   *[other] { $count } cooperações prestadas
}
expert-partly = { $count ->
    [one] uma cooperação parcialmente prestada
    [many] { $count } cooperações parcialmente prestadas
   *[other] { $count } cooperações parcialmente prestadas
}
expert-latest = a mais recente em { $date }
expert-language = fala { $language }
expert-region = mesma região
expert-offer = oferta em aberto { $numbers }
expert-separator = {", "}
card-experts = Quem já o fez:
guide-none = A rede ainda não tem documentos de orientação; é a coordenação que os acrescenta.
guide-intro = Documentos de orientação da rede (envie !guide seguido do identificador de um documento para ver as suas secções):
guide-entry = • { $id }: { $title } (línguas: { $languages })
guide-unknown = Não existe o documento de orientação { $value }. Envie !guide para ver a lista.
guide-fallback = Este documento não está disponível na sua língua; apresenta-se aqui em { $language }.
guide-sections = { $title }: envie !guide { $id } seguido do número de uma secção (ou das primeiras palavras do seu título).
guide-section-entry = { $number }. { $title }
guide-no-section = { $id } não tem a secção { $value }. Envie !guide { $id } para ver a lista.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = Não consegui ler a mensagem cifrada que enviou aqui: o meu dispositivo não recebeu a sua chave. Se era um comando, envie-o novamente, por favor. Se voltar a acontecer, verifique se a sua aplicação partilha as chaves das salas com dispositivos não verificados, ou verifique o meu dispositivo. (Aviso disto no máximo uma vez por dia em cada sala.)
