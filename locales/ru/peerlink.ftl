# peerlink message catalog: Russian (the same IDs and variables as English).
# Markup: `code` spans and line breaks. Arguments are escaped by the bot.
# Plural categories (CLDR): one (1, 21…), few (2–4, 22–24…), many (0, 5–20, 25–30…), other.

## !help

help-intro = Я — peerlink, бот сети национальных механизмов осуществления, отчётности и последующей деятельности. Команды:
help-intro-here = Я — peerlink, бот сети национальных механизмов осуществления, отчётности и последующей деятельности. Что вы можете сделать здесь:
help-entry = { $usage } — { $summary }
help-elsewhere = Другие команды, для других ролей или других комнат: { $commands }. Отправьте { $all }, чтобы увидеть их все.
help-footer = Отправьте { $help } и имя команды, чтобы узнать подробности, например { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = Команды { $command } нет. Отправьте { $help }, чтобы увидеть список.

## Command summaries (shown by !help)

summary-help = список команд или пояснение к одной из них
summary-ping = проверить, что бот работает и отвечает
summary-language = показать или выбрать язык, на котором я вам отвечаю

## Replies

pong = Понг! peerlink работает и отвечает.
language-current = Я отвечаю вам на языке: { $language } ({ $code }). Выберите другой командой { $example }. Доступны: { $available }.
language-set = Теперь я отвечаю вам на языке: { $language }.

## Errors

unknown-command = Я не знаю команду { $command }. Отправьте { $help }, чтобы узнать, что я умею.
command-usage = Использование: { $usage }
problem-no-arguments = { $command } не принимает аргументов.
problem-too-many-arguments = { $command } принимает не более { $max ->
        [one] { $max } аргумента
        [few] { $max } аргументов
        [many] { $max } аргументов
       *[other] { $max } аргумента
    }.
internal-error = Извините, при обработке вашей команды произошла ошибка. Она записана в журнал; попробуйте ещё раз чуть позже.

## Rooms created by provisioning (names and topics)

room-space-name = { $network }
room-space-topic = { $network_full }: пленарная комната, региональные комнаты взаимного обучения и Исполнительный комитет.
room-plenary-name = { $network } — Пленарная
room-plenary-topic = Пленарная комната сети: объявления и обсуждения для всех государств-членов и наблюдателей.
room-regional-name = { $network } — { $region }
room-regional-topic = Комната взаимного обучения: { $region }. Делегаты всех регионов приветствуются.
room-committee-name = { $network } — Исполнительный комитет
room-observers = Государства-наблюдатели: { $states }.
room-committee-topic = Исполнительный комитет сети: здесь рассматриваются запросы о сотрудничестве. Только для делегатов комитета.
room-working-topic = Рабочая комната по запросу { $number } (государство: { $state }): делегаты этого государства, делегаты государств и партнёров, которым поручено его исполнение, и Исполнительный комитет. Сообщайте о ходе работы командой { $command }.

## Command summaries, continued

summary-regions = список регионов и как войти в их комнаты
summary-join = получить приглашение в другую региональную комнату взаимного обучения
summary-whois = статус, механизм и делегаты государства или тип, комнаты и делегаты партнёра
summary-state = (координатор) добавить, изменить или удалить государство
summary-partner = (координатор) добавить, изменить или удалить организацию-партнёра
summary-delegate = (координатор) добавить, удалить или заменить делегата
summary-roster = (координатор) показать, экспортировать или импортировать реестр

## Problems with arguments

problem-missing-argument = Для { $command } нужно указать { $what }.
problem-unknown-action = { $command } не знает { $given }; используйте одно из: { $expected }.
problem-bad-country = { $value } — не код страны: используйте две буквы, например MA или PY.
problem-bad-user = { $value } — не полный идентификатор Matrix: пишите так: @name:example.org.
problem-bad-status = { $value } — не статус: используйте founding_member, member или observer.
problem-bad-seat = { $value } — не код страны (две буквы, например MA) и не идентификатор партнёра (например ohchr).
problem-bad-partner-id = { $value } — не идентификатор партнёра: используйте от 3 до 32 строчных латинских букв, цифр или дефисов, начиная с буквы (например ohchr или cndh-ma).
problem-bad-partner-kind = { $value } — не тип партнёра: используйте un_body, un_agency, state_donor, nhri, civil_society или academia.
problem-bad-language = { $value } — не язык, доступный делегатам: используйте ar, zh-Hans, en, fr, ru, es или pt.
problem-bad-format = { $value } — не формат реестра: используйте toml или csv.
problem-bad-option = { $command } не знает параметр { $value } (или у него нет значения).
problem-unbalanced-quotes = Кавычка открыта, но не закрыта.
problem-missing-roster-text = Для { $command } нужен сам файл реестра, вставленный в строках после команды.

## Regions

regions-intro = Региональные комнаты взаимного обучения (любой член или наблюдатель может войти в любую из них):
regions-entry = • { $name } ({ $states ->
        [one] { $states } государство
        [few] { $states } государства
        [many] { $states } государств
       *[other] { $states } государства
    }): { $join }
regions-entry-own = • { $name } ({ $states ->
        [one] { $states } государство
        [few] { $states } государства
        [many] { $states } государств
       *[other] { $states } государства
    }): { $join } (ваш регион)
join-unknown-region = Я не знаю региона «{ $region }». Отправьте { $regions }, чтобы увидеть список.
join-not-delegate = Региональные комнаты предназначены для делегатов государств-членов и наблюдателей. Если вы представляете государство, попросите координатора добавить вас в реестр.
join-invited = Я пригласил вас в комнату региона: { $region }. Примите приглашение в своём клиенте Matrix, чтобы войти.

## States

status-founding-member = член-основатель
status-member = член
status-observer = наблюдатель
whois-unknown = Я не знаю страны «{ $query }». Используйте её двухбуквенный код, например MA, или название.
whois-not-in-network = { $name } (пока) не входит в сеть.
whois-committee = член Исполнительного комитета
whois-coordinator = координатор сети
whois-none = не указано
whois-plenary = пленарная
whois-partner = { $name } ({ $id }): { $kind }
    Комнаты: { $regions }
    Делегаты: { $delegates }
partner-kind-un-body = орган или управление ООН
partner-kind-un-agency = учреждение, фонд или программа ООН
partner-kind-state-donor = государство-донор или агентство по развитию
partner-kind-nhri = национальное правозащитное учреждение
partner-kind-civil-society = организация гражданского общества
partner-kind-academia = университет или исследовательский центр
whois-state = { $name } ({ $code }): { $status }{ $roles }
    Регион: { $region }
    Механизм: { $mechanism }
    Делегаты: { $delegates }

## Roster administration

roster-not-allowed = Изменять реестр могут только координатор и администраторы сети.
roster-wrong-place = Команды реестра работают в комнате Исполнительного комитета или в личном чате со мной, но не здесь.
roster-no-change = Без изменений: в реестре уже так.
roster-changed = { $count ->
        [one] Внесено { $count } изменение
        [few] Внесено { $count } изменения
        [many] Внесено { $count } изменений
       *[other] Внесено { $count } изменения
    }; комнаты будут приведены в соответствие:
roster-dry-run = Пробный прогон: { $count ->
        [one] было бы внесено { $count } изменение
        [few] было бы внесено { $count } изменения
        [many] было бы внесено { $count } изменений
       *[other] было бы внесено { $count } изменения
    }; ничего не изменено:
roster-line = { $line }
roster-file-problems = Реестр не изменён: в файле { $count ->
        [one] { $count } ошибка
        [few] { $count } ошибки
        [many] { $count } ошибок
       *[other] { $count } ошибки
    }:
roster-no-such-state = { $value } нет в реестре.
roster-state-exists = { $value } уже есть в реестре.
roster-no-such-delegate = { $value } не является делегатом.
roster-delegate-exists = Этот человек уже делегат: { $value }.
roster-no-region = { $value } не входит ни в один регион сети; сначала добавьте его в файл регионов.
roster-show-intro = Реестр: { $count ->
        [one] { $count } государство
        [few] { $count } государства
        [many] { $count } государств
       *[other] { $count } государства
    }.
roster-show-region = { $name }
roster-show-state = { $code } { $name }, { $status }: { $delegates }
roster-show-partners = Партнёры
roster-show-partner = { $id } { $name }, { $kind }: { $delegates }
roster-no-such-partner = { $value } нет среди партнёров в реестре.
roster-partner-exists = { $value } уже есть среди партнёров в реестре.
roster-unknown-region = { $value } — не регион сети (см. !regions).

## Cooperation requests

summary-request = (делегаты членов и наблюдателей) подать запрос о сотрудничестве
summary-requests = список запросов: вашего государства или все — для комитета
summary-status = показать запрос: состояние, история, исполнитель, результат
summary-ack = (комитет) подтвердить получение запроса
summary-info = (комитет) запросить у заявителя информацию
summary-accept = (комитет) принять запрос и поручить его исполнение государствам или партнёрам из реестра
summary-assign = (комитет) изменить государства или партнёров, которым поручено исполнение принятого запроса
summary-decline = (комитет) отклонить запрос с указанием причины
summary-start = (комитет) отметить принятый запрос как выполняемый
summary-resolve = (комитет) завершить запрос и записать результат
summary-reopen = (комитет) вновь открыть завершённый или отклонённый запрос
problem-bad-number = { $value } — не номер запроса: пишите так: 12 или #12.
problem-bad-result = { $value } — не результат: используйте delivered, partly или not_delivered.
request-wrong-place = Подавайте запросы в пленарной комнате, в комнате своего региона или в личном чате со мной.
request-not-delegate = Подавать запросы и следить за ними могут только делегаты государств-членов и наблюдателей. Если вы представляете государство, попросите координатора добавить вас в реестр.
request-unknown-category = { $category } — не категория. Используйте одну из: { $categories }.
request-observer-category = Государства-наблюдатели не могут подавать запросы в категории { $category }. Категории, открытые для наблюдателей: { $categories }.
request-filed = Спасибо. Номер вашего запроса: { $number }. Исполнительный комитет уведомлён; здесь, в этой ветке, вы будете получать сообщения о каждом шаге.
request-card = Запрос { $number } · { $category }
    От: { $state } ({ $region })
    Название: { $title }
    { $description }
    Подал(а) { $requester }: { $link }
    Обсуждайте его в этой ветке; рассмотрение: !ack, !info, !accept, !decline, !start, !resolve (номер здесь не нужен).
requests-none = Подходящих запросов нет.
requests-intro = Запросы:
requests-entry = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-not-found = Запроса { $number }, доступного вам, нет.
request-status = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-status-assignee = Исполнитель: { $assignee }
request-status-outcome = Результат: { $result }. { $summary }
request-status-lessons = Извлечённые уроки: { $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = Запросы рассматриваются в комнате Исполнительного комитета.
triage-which-request = Какой запрос? Укажите номер, например !ack 12, или ответьте в ветке карточки запроса.
triage-done = Запрос { $number } теперь: { $state }. Заявитель уведомлён.
triage-not-committee = Рассматривать запросы могут только делегаты государств Исполнительного комитета.
triage-own-request = Запрос { $number } подан вашим государством ({ $state }): решение по нему должно принять другое государство комитета.
triage-not-requester = Отвечать на вопросы по запросу { $number } могут только делегаты подавшего его государства.
triage-not-now = Запрос { $number }: { $state }; сейчас возможно: { $allowed }.
notice-acknowledged = Исполнительный комитет подтвердил получение вашего запроса { $number }.
notice-needs-info = Исполнительный комитет спрашивает о вашем запросе { $number }: { $text }
    Пожалуйста, ответьте в этой ветке.
notice-accepted = Ваш запрос { $number } принят; его исполнение поручено: { $assignees }. { $text }
notice-assigned = Исполнение вашего запроса { $number } теперь поручено: { $assignees }. { $text }
assign-unknown = { $value } — не государство и не партнёр из реестра (см. !whois).
assign-unknown-closest = { $value } — не государство и не партнёр из реестра. Возможно, вы имели в виду: { $closest }?
assign-requester = Этот запрос подан государством { $state }: поручить его исполнение самому заявителю нельзя.
assign-unchanged = Исполнение запроса { $number } уже поручено: { $assignees }.
notice-declined = Ваш запрос { $number } отклонён: { $text }
notice-in-progress = Работа по вашему запросу { $number } началась.
notice-resolved = Ваш запрос { $number } выполнен ({ $result }): { $text }
notice-reopened = Ваш запрос { $number } открыт вновь. { $text }
state-submitted = подан
state-acknowledged = получение подтверждено
state-needs-info = ожидает информации
state-accepted = принят
state-in-progress = выполняется
state-resolved = завершён
state-declined = отклонён
state-reopened = открыт вновь
result-delivered = выполнено
result-partly-delivered = выполнено частично
result-not-delivered = не выполнено
answer-relayed = Спасибо: ваш ответ по запросу { $number } передан Исполнительному комитету.
card-answer = Ответ { $requester } по запросу { $number }: { $text }
card-update = Ход работы по запросу { $number }, сообщает { $who }: { $text }

## Limits

rate-deferred = Вы отправляете команды быстрее, чем я их обрабатываю: я выполню эту и следующие по очереди, по одной { $seconds ->
        [one] каждую { $seconds } секунду
        [few] каждые { $seconds } секунды
        [many] каждые { $seconds } секунд
       *[other] каждые { $seconds } секунды
    }, в том порядке, в каком вы их отправили. Ничего не потеряется.
rate-refused = Слишком много ваших команд уже ждут очереди: я не выполнил { $command }. Отправьте её снова через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }.
message-too-long = Эта команда слишком длинная ({ $size } КБ; не более { $max } КБ). Ничего не записано.
request-title-too-long = Название слишком длинное ({ $length } знаков; не более { $max }). Сделайте его коротким, а подробности укажите в следующих строках. Ничего не записано.
request-description-too-long = Описание слишком длинное ({ $length } знаков; не более { $max }). Длинные документы передавайте файлом или ссылкой. Ничего не записано.

## Time: zones, durations, dates as people type them

summary-timezone = показать или выбрать часовой пояс, по которому я показываю вам время
summary-overdue = список запросов, по которым истекли сроки ответа
summary-update = сообщить о ходе работы по запросу, которым занимается ваше государство или организация-партнёр (в рабочей комнате запроса или с указанием номера)
update-which-request = Какой запрос? Укажите номер, например !update 12 …, или напишите в рабочей комнате запроса.
update-not-involved = Сообщать о ходе работы по запросу { $number } могут только делегаты подавшего его государства, государств и партнёров, которым поручено его исполнение, и Исполнительного комитета.
update-not-now = Запрос { $number }: { $state }; о ходе работы сообщают, только пока запрос принят или выполняется.
update-recorded = Сообщение о ходе работы по запросу { $number } записано; Исполнительный комитет видит его в карточке запроса.
working-opened = Запрос { $number } «{ $title }» (государство: { $state }) принят Исполнительным комитетом; его исполнение поручено: { $assignees }. Работа ведётся в этой комнате: сообщайте о её ходе командой { $command } (сообщения попадают в историю запроса и передаются комитету).
working-description = Запрос: { $description }
working-note = Примечание Исполнительного комитета: { $note }
working-reassigned = Исполнение запроса { $number } теперь поручено: { $assignees }.
working-closed = Запрос { $number } завершён ({ $result }): { $summary }
    Теперь эта комната доступна только для чтения; она сохраняется как запись о проделанной работе.
timezone-current = Я показываю вам время по часовому поясу { $zone }; сейчас: { $now }. Выберите другой командой { $example } (название пояса по IANA).
timezone-set = Теперь я показываю вам время по часовому поясу { $zone }; сейчас: { $now }.
duration-days = { $n ->
        [one] { $n } день
        [few] { $n } дня
        [many] { $n } дней
       *[other] { $n } дня
    }
duration-hours = { $n ->
        [one] { $n } час
        [few] { $n } часа
        [many] { $n } часов
       *[other] { $n } часа
    }
duration-minutes = { $n ->
        [one] { $n } минута
        [few] { $n } минуты
        [many] { $n } минут
       *[other] { $n } минуты
    }
duration-seconds = { $n ->
        [one] { $n } секунда
        [few] { $n } секунды
        [many] { $n } секунд
       *[other] { $n } секунды
    }
when-zone-suggest = { $input } — неизвестный мне часовой пояс. Возможно, вы имели в виду { $suggestion }?
when-zone-unknown = { $input } — неизвестный мне часовой пояс. Используйте название по IANA, например `Europe/Lisbon`, `America/Asuncion` или `Africa/Casablanca`, либо `UTC`.
when-bad-date = { $input } — не дата. Пишите в формате год-месяц-день, например `2027-03-15`.
when-impossible-date = Даты { $input } нет в календаре. Проверьте день и месяц.
when-bad-time = { $input } — не время. Пишите в 24-часовом формате, например `09:30` или `14:00`.
when-nonexistent-time = Времени { $time } { $date } в часовом поясе { $zone } не существует: при переходе на летнее время часы его пропускают. Выберите другое время, например { $after }.
when-ambiguous-time = Время { $time } { $date } в часовом поясе { $zone } наступает дважды, когда заканчивается летнее время (в UTC { $first } и ещё раз в UTC { $second }). Выберите другое время или укажите его в `UTC`.
when-bad-duration = { $input } — не продолжительность. Пишите, например, `90m`, `2h` или `1h30`.
when-duration-range = { $input } — недопустимая продолжительность: она должна быть больше нуля; максимум — { $max }.
when-bad-weekly = { $input } не распознано как день недели и время. Укажите день недели и время, например `monday 09:00`.

## Response-time reminders (in the card's thread) and !overdue

reminder-acknowledge = ⏰ Получение запроса { $number } «{ $title }» (государство: { $state }) не подтверждено; время ожидания: { $waited } (срок: { $target }). { $people }: пожалуйста, подтвердите получение или примите иные меры; { $command } покажет, на каком этапе находится запрос.
reminder-escalation-acknowledge = ⚠️ Получение запроса { $number } «{ $title }» (государство: { $state }) не подтверждено; время ожидания: { $waited } — более чем вдвое больше срока подтверждения получения ({ $target }). { $people }: как координатор, пожалуйста, проследите, чтобы им занялись.
reminder-resolve = ⏰ Запрос { $number } «{ $title }» (государство: { $state }) всё ещё не завершён; прошло: { $waited } (срок завершения: { $target }). { $people }: пожалуйста, продвиньте его; { $command } покажет, на каком этапе находится запрос.
reminder-resolve-assigned = ⏰ Запрос { $number } «{ $title }» (государство: { $state }; исполнитель: { $assignee }) всё ещё не завершён; прошло: { $waited } (срок: { $target }). { $people }: пожалуйста, сообщите здесь о ходе работы.
reminder-escalation-resolve = ⚠️ Запрос { $number } «{ $title }» (государство: { $state }) всё ещё не завершён; прошло: { $waited } — более чем вдвое больше срока завершения ({ $target }). { $people }: как координатор, пожалуйста, займитесь им.
reminder-late = (Это напоминание должно было прийти { $due }; в тот момент я не работал.)
overdue-none = Запросов с истёкшими сроками ответа нет.
overdue-intro = { $count ->
        [one] Срок ответа истёк у { $count } запроса
        [few] Срок ответа истёк у { $count } запросов
        [many] Срок ответа истёк у { $count } запросов
       *[other] Срок ответа истёк у { $count } запроса
    } ({ $now }):
overdue-entry-acknowledge = { $number } { $country }: { $title } — получение не подтверждено; прошло: { $waited } (срок: { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country }: { $title } — открыт; прошло: { $waited } (срок: { $target })
overdue-escalated = { "   " }⚠️ срок превышен более чем вдвое: координатор уведомлён.

## Weekly digests

digest-committee-title = 📋 Еженедельная сводка для Исполнительного комитета ({ $date })
digest-room-title = 📋 Еженедельная сводка по сети ({ $date })
digest-new = Новые запросы на этой неделе ({ $count }):
digest-waiting = Ожидают подтверждения получения ({ $count }):
digest-overdue = С истёкшим сроком ответа ({ $count }):
digest-decided = Решение принято на этой неделе ({ $count }):
digest-entry = { "  " }{ $number } { $country }: { $title }
digest-more = { "  " }… и ещё { $count }: полный список покажет { $command }.
digest-outcomes = Сотрудничество, осуществлённое на этой неделе ({ $count }):
digest-outcome-entry = { "  " }{ $number } { $country }: { $title } — { $result }. { $summary }
digest-late = (Эта сводка должна была прийти { $due }; в тот момент я не работал.)

## Seminars and peer-learning sessions

summary-seminar = список предстоящих семинаров, сведения об одном из них с участниками или назначение, перенос либо отмена семинара
summary-attend = сообщить, что ваше государство примет участие в семинаре
summary-decline-seminar = сообщить, что ваше государство не примет участия в семинаре
summary-minutes = сохранить протокол семинара после его проведения
seminar-kind-international = Международный семинар
seminar-kind-regional = Региональная сессия взаимного обучения
seminar-heading = 📅 { $kind } { $number }: «{ $title }»
    { $when } ({ $duration })
seminar-place = Место: { $place }
seminar-link = Ссылка: { $link }
seminar-is-cancelled = ❌ Этот семинар отменён.
seminar-how-to-answer = Примет ли ваше государство участие? Ответьте командой { $attend } или { $decline } либо отреагируйте на это сообщение 👍 или 👎.
seminar-calendar-link = Добавьте его в свой календарь: { $link }
seminar-scheduled = Семинар назначен под номером { $number } на { $when }. Далее следует объявление; напоминания придут за 7 дней, за 1 день и за 1 час до начала.
seminar-in-the-past = Время { $when } уже прошло. Выберите время в будущем.
seminar-add-plenary-only-coordinator = Международные семинары в пленарной комнате назначает только координатор. Делегаты региона могут назначать сессии в своей региональной комнате.
seminar-add-regional-only-region = Назначать сессии в этой комнате могут только делегаты государств этого региона (и координатор).
seminar-add-wrong-place = Семинары назначаются в пленарной комнате (международные семинары) или в региональной комнате (региональные сессии).
seminar-too-long = Название, место или ссылка слишком длинные (не более { $max } знаков).
seminar-bad-link = { $link } — не веб-ссылка; укажите ссылку, начинающуюся с `https://`.
seminar-not-found = Семинара { $number } нет. Отправьте `!seminar`, чтобы увидеть предстоящие.
seminar-not-yours = Изменить этот семинар могут только координатор или тот, кто его назначил.
seminar-cancelled-already = Семинар { $number } отменён.
seminar-moved = Семинар { $number } теперь состоится { $when }. Комната уведомлена; напоминания придут по новому времени.
seminar-cancelled = Семинар { $number } отменён; комната уведомлена.
seminar-cancelled-notice = ❌ Семинар { $number } «{ $title }» отменён.
seminar-answer-not-delegate = Отвечать от имени своего государства могут только делегаты государств сети.
seminar-over = Семинар { $number } уже завершился.
seminar-answer-attend = Принято к сведению: { $state } примет участие в семинаре { $number } «{ $title }».
seminar-answer-decline = Принято к сведению: { $state } не примет участия в семинаре { $number } «{ $title }».
seminar-minutes-too-early = Семинар { $number } ещё не начался; сохраните его протокол после проведения.
seminar-minutes-saved = Протокол семинара { $number } сохранён; `!seminar` показывает его вместе со сведениями о семинаре.
seminar-none = Запланированных семинаров нет.
seminar-list-intro = Предстоящие семинары и сессии:
seminar-list-entry = { $number } { $when } — { $title } ({ $where }; { $count ->
        [one] участвует { $count } государство
        [few] участвуют { $count } государства
        [many] участвуют { $count } государств
       *[other] участвуют { $count } государства
    })
seminar-show-attend = Участвуют ({ $count }): { $states }
seminar-show-decline = Не участвуют ({ $count }): { $states }
seminar-show-minutes = Протокол: { $minutes }
seminar-reminder-week = 📅 Через неделю: семинар { $number } «{ $title }», { $when }. { $count ->
        [one] Пока участие подтвердило { $count } государство
        [few] Пока участие подтвердили { $count } государства
        [many] Пока участие подтвердили { $count } государств
       *[other] Пока участие подтвердили { $count } государства
    }; { $command } покажет, какие именно.
seminar-reminder-day = 📅 Завтра: семинар { $number } «{ $title }», { $when }. { $count ->
        [one] Участвует { $count } государство
        [few] Участвуют { $count } государства
        [many] Участвуют { $count } государств
       *[other] Участвуют { $count } государства
    }; { $command } покажет, какие именно.
seminar-reminder-hour = ⏰ Через час: семинар { $number } «{ $title }», { $when }. { $count ->
        [one] Участвует { $count } государство
        [few] Участвуют { $count } государства
        [many] Участвуют { $count } государств
       *[other] Участвуют { $count } государства
    }.
digest-seminars = Семинары в ближайшие две недели ({ $count }):
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = Связан с обсуждёнными запросами: { $requests }; их `!status` указывает этот семинар.
seminar-show-requests = Обсуждённые запросы: { $requests }
request-status-seminar = Обсуждался на семинаре { $number } «{ $title }» ({ $when })

## Offers of technical cooperation

summary-offer = опубликовать, что может предоставить ваше государство, или закрыть одно из ваших предложений
summary-offers = список открытых предложений о техническом сотрудничестве
offer-not-allowed = Публиковать предложения могут только делегаты государств-членов и партнёров (наблюдателям следует обращаться к координатору).
offer-unknown-category = { $category } — не категория. Используйте одну из: { $categories }.
offer-too-long = Название или подробности слишком длинные (для подробностей — не более { $max } знаков).
offer-published = Ваше предложение опубликовано под номером { $number } ({ $category }). Комитет увидит его при поступлении новых запросов этой категории; чтобы закрыть его, отправьте `!offer close` и его номер.
offer-not-found = Предложения { $number } нет. Отправьте `!offers`, чтобы увидеть открытые предложения.
offer-not-yours = Закрыть это предложение могут только координатор или тот, кто его опубликовал.
offer-closed-already = Предложение { $number } уже закрыто.
offer-closed = Предложение { $number } закрыто.
offers-none = Открытых предложений нет.
offers-intro = Открытые предложения о техническом сотрудничестве:
offer-entry = { $number } { $state }: { $title } ({ $category })
card-offers = Открытые предложения в этой категории:
digest-offers = Предложения о техническом сотрудничестве, опубликованные на этой неделе ({ $count }):

## Membership decided by the Executive Committee

summary-apply = (государства-наблюдатели) подать заявку на членство; (координатор) предложить государство, ещё не входящее в сеть
summary-vote = (комитет) проголосовать по заявке на членство
summary-applications = список заявок на членство и итоги голосования по ним
problem-bad-vote = { $value } — не вариант голосования: используйте yes, no или abstain.
apply-not-delegate = Подавать заявки на членство могут только делегаты государств-наблюдателей (государства, ещё не входящие в сеть, предлагает координатор).
apply-already-member = { $state } уже является членом сети.
apply-not-coordinator = Предлагать государства для включения в сеть могут только координатор и администраторы сети.
apply-already-in = { $state } уже входит в сеть с этим или более высоким статусом.
apply-open-already = По государству { $state } уже есть открытая заявка: Исполнительный комитет проводит по ней голосование.
apply-opened = Заявка { $number } открыта: Исполнительный комитет проводит по ней голосование в своей комнате; срок: { $when }. Решение будет объявлено здесь.
apply-poll = Заявка { $number }: государство { $state } просит предоставить ему статус: { $status }. Обоснование: { $motivation }
    Голосуйте в этом опросе или командой { $command } (yes, no или abstain).
vote-yes = За
vote-no = Против
vote-abstain = Воздержаться
vote-not-committee = По заявке { $number } голосуют только делегаты государств Исполнительного комитета, и только в комнате комитета: этот голос не засчитан.
vote-closed = Решение по заявке { $number } уже принято.
application-not-found = Заявки { $number } нет.
vote-recorded = Голос по заявке { $number } учтён. За: { $yes }; против: { $no }; воздержались: { $abstain }; ещё не проголосовали: { $pending } (необходимо голосов «за»: { $majority }).
vote-decided = Голос учтён: заявка { $number } { $outcome }.
application-approved = Заявка { $number } одобрена: государство { $state } теперь имеет в сети статус: { $status } (за: { $yes }; против: { $no }; воздержались: { $abstain }).
application-rejected = Заявка { $number } не одобрена: государство { $state } сохраняет свой статус (за: { $yes }; против: { $no }; воздержались: { $abstain }; необходимо голосов «за»: { $majority }).
application-open = открыта
application-outcome-approved = одобрена
application-outcome-rejected = не одобрена
applications-none = Заявок на членство пока нет.
applications-intro = Заявки на членство:
applications-entry = { $number } { $state } → { $status }: { $outcome } (за: { $yes }; против: { $no }; воздержались: { $abstain }; срок: { $when })

## The action plan

summary-plan = показать план действий сети и ход его выполнения; (ответственные за мероприятия, комитет) обновить статус мероприятия
summary-link = (комитет) связать запрос или предложение с мероприятием плана действий
plan-none = План действий ещё не загружен: его настраивает координатор (параметр action_plan, см. документацию).
plan-title = { $title }
plan-pillar-line = { $name }: выполнено мероприятий: { $done } из { $total } · связанных запросов: { $requests } · из них с оказанным сотрудничеством: { $delivered }
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — ответственная сторона: { $lead } · срок: { $due } · { $status } · запросы: { $requests }
plan-activity-note = { $note }
plan-no-pillar = Направления «{ $value }» нет; имеющиеся направления: { $pillars }.
plan-no-activity = Мероприятия «{ $value }» в плане нет: см. !plan и его направления.
plan-update-not-allowed = Изменять статус мероприятия { $id } могут только делегаты ответственной за него стороны, Исполнительного комитета и координатора.
plan-updated = Мероприятие { $id } «{ $title }» теперь: { $status }.
plan-link-not-allowed = Связывать запросы и предложения с планом действий могут только Исполнительный комитет и координатор.
plan-linked = { $what } теперь содействует реализации мероприятия { $id } «{ $title }».
plan-linked-already = { $what } уже содействует реализации мероприятия { $id } «{ $title }».
plan-what-request = Запрос { $number }
plan-what-offer = Предложение { $number }
plan-status-planned = запланировано
plan-status-in-progress = выполняется
plan-status-delayed = с задержкой
plan-status-done = выполнено
plan-status-cancelled = отменено

## The network's memory: tags, practices, search

summary-tag = присвоить запросу метки: задачи ЦУР, темы и рекомендации ООН (делегаты запрашивающего государства, комитет)
summary-practice = поделиться с сетью передовой практикой (её описание — в следующих строках); изменить или отозвать свою практику
summary-search = поиск по результатам, извлечённым урокам, передовой практике и доступным вам запросам (в том числе по "фразам в кавычках")
request-tags = Метки: { $tags }
tag-unknown-sdg = { $value } — не цель и не задача ЦУР. Цели имеют номера от 1 до 17; задачи записываются так: 16.3 или 16.a.
tag-unknown-theme = { $value } — не тема сети. Темы перечислены в файле тем сети; обратитесь к координатору.
tag-unknown-theme-closest = { $value } — не тема сети. Возможно, вы имели в виду: { $closest }?
tag-too-many = Не более { $max } меток каждого вида (ЦУР, темы, ссылки) для одного запроса или одной практики.
ref-unknown-mechanism = { $value } не начинается с известного мне механизма: UPR (универсальный периодический обзор), договорный орган (CAT, SPT, CEDAW, CERD, CCPR, CESCR, CRC, CRPD, CMW, CED) или SP для специальной процедуры.
ref-bad-upr = { $value } — не ссылка на универсальный периодический обзор. Укажите цикл и номер рекомендации, например: UPR 4 123.45
ref-bad-treaty-body = { $value } — не ссылка на договорный орган. Укажите орган, затем условное обозначение документа или пункт, например: CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = В { $value } условное обозначение не относится к документам { $body }: условные обозначения его документов начинаются с { $prefix }.
ref-bad-special-procedure = { $value } — не ссылка на специальную процедуру. Укажите SP, мандат, затем условное обозначение доклада или пункт, например: SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } — слишком длинная ссылка (не более 120 знаков).
tag-not-allowed = Присваивать метки запросу { $number } могут только делегаты подавшего его государства и Исполнительный комитет.
tag-done = Запросу { $number } присвоены метки.
tag-none-left = У запроса { $number } больше нет меток.
practice-not-allowed = Делиться передовой практикой могут только делегаты государств и партнёров сети.
practice-too-long = Название или описание практики слишком длинное (для описания — не более { $max } знаков).
practice-shared = Спасибо: ваша практика опубликована под номером { $number } ({ $tags }). Любой участник может найти её командой `!search`.
practice-not-found = Практики { $number } нет.
practice-not-yours = Изменить практику { $number } могут только тот, кто ею поделился, или координатор.
practice-edited = Практика { $number } обновлена.
practice-withdrawn = Практика { $number } отозвана; поиск её больше не показывает.
search-not-allowed = Поиск доступен только делегатам государств и партнёров сети.
search-empty = Что мне искать? Напишите несколько слов после `!search`, например: !search база данных для отслеживания рекомендаций
search-no-words = Здесь нечего искать: укажите слова, а не только знаки препинания или самые распространённые слова.
search-unbalanced-quotes = Кавычка открыта, но не закрыта. Заключите фразу в кавычки, например: !search "ознакомительный визит"
search-too-many-words = Слишком много слов: не более { $max }. Оставьте самые характерные.
search-too-long = Поисковый запрос слишком длинный ({ $length } знаков; не более { $max }). Оставьте самые характерные слова.
search-unknown-region = { $value } — не регион. Используйте один из: { $regions }.
search-none = По поисковому запросу { $query } ничего не найдено. Попробуйте указать меньше слов или другие слова (на языке, на котором написан текст) либо уберите фильтр.
search-intro = { $count ->
    [one] Наиболее подходящий результат по поисковому запросу { $query }:
    [few] { $count } наиболее подходящих результата по поисковому запросу { $query }:
    [many] { $count } наиболее подходящих результатов по поисковому запросу { $query }:
   *[other] { $count } наиболее подходящего результата по поисковому запросу { $query }:
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }): { $excerpt } { $link }
search-kind-request = Запрос { $source }
search-kind-outcome = Результат запроса { $source }
search-kind-practice = Передовая практика { $source }
search-kind-guidance = Руководство
summary-guide = читать методические документы сети (например, Марракешскую руководящую основу) раздел за разделом на вашем языке
summary-save = сохранить сообщение, на которое вы отвечаете, как передовую практику — со ссылкой на него и указанием государства его автора
summary-experts = кто уже это делал: государства и партнёры, оказавшие сотрудничество в категории, по теме или по ЦУР
save-not-a-reply = Ответьте на сообщение, которое хотите сохранить, и напишите в ответе `!save` (название, --theme и --sdg указывать не обязательно).
save-unreadable = Я не могу прочитать сообщение, на которое вы ответили: возможно, оно удалено или я не могу его расшифровать. Ничего не сохранено.
save-not-text = Сохранить как практику можно только текстовое сообщение.
save-author-unknown = Сообщение, на которое вы ответили, написал не делегат государств или партнёров сети, поэтому я не могу сказать, чья это практика. Вместо этого поделитесь ею командой `!practice`.
save-wrong-place = Сообщения сохраняются из комнат сети (пленарной, региональных и рабочих комнат). Комната комитета остаётся конфиденциальной: чтобы поделиться тем, что обсуждается в ней, используйте `!practice`.
save-already = Это сообщение уже сохранено как практика { $number }.
save-done = Сохранено как практика { $number }: { $title } (источник: { $state }). Любой участник может найти её командой `!search`.
experts-unknown = { $value } — не категория запросов, не тема и не ЦУР. Категории: { $categories }. Темы и ЦУР записываются так же, как для `!tag`.
experts-none = Ни одно государство и ни один партнёр пока не оказывали сотрудничества в области «{ $about }», и никто его не предлагает.
experts-intro = Кто уже это делал в области «{ $about }»:
expert-entry = { $name }: { $reasons }
expert-delivered = { $count ->
    [one] { $count } запрос выполнен
    [few] { $count } запроса выполнены
    [many] { $count } запросов выполнено
   *[other] { $count } запроса выполнено
}
expert-partly = { $count ->
    [one] { $count } запрос выполнен частично
    [few] { $count } запроса выполнены частично
    [many] { $count } запросов выполнено частично
   *[other] { $count } запроса выполнено частично
}
expert-latest = последний раз: { $date }
expert-language = говорит на языке: { $language }
expert-region = тот же регион
expert-offer = открытое предложение { $numbers }
expert-separator = {", "}
card-experts = Кто уже это делал:
guide-none = У сети пока нет методических документов; их добавляет координатор.
guide-intro = Методические документы сети (отправьте !guide и идентификатор документа, чтобы увидеть его разделы):
guide-entry = • { $id }: { $title } (языки: { $languages })
guide-unknown = Методического документа { $value } нет. Отправьте !guide, чтобы увидеть список.
guide-fallback = Этот документ недоступен на вашем языке; ниже он приводится на языке: { $language }.
guide-sections = { $title }: отправьте !guide { $id } и номер раздела (или первые слова его названия).
guide-section-entry = { $number }. { $title }
guide-no-section = В документе { $id } нет раздела { $value }. Отправьте !guide { $id }, чтобы увидеть список.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = Я не смог прочитать зашифрованное сообщение, которое вы отправили здесь: моё устройство не получило его ключ. Если это была команда, отправьте её ещё раз. Если это повторяется, проверьте, что ваше приложение передаёт ключи комнат неподтверждённым устройствам, или подтвердите моё устройство. (Я сообщаю об этом не чаще раза в день в каждой комнате.)
