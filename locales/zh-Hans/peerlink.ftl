# peerlink message catalog: Chinese, Simplified (the same IDs and variables as English).
# Markup: `code` spans and line breaks. Arguments are escaped by the bot.
# Plural categories (CLDR): other only; selectors keep the English shape.

## !help

help-intro = 我是 peerlink，国家执行、报告和后续行动机制网络的机器人。命令：
help-intro-here = 我是 peerlink，国家执行、报告和后续行动机制网络的机器人。您在这里可以做的事：
help-entry = { $usage } — { $summary }
help-elsewhere = 其他命令（适用于其他角色或其他房间）：{ $commands }。发送 { $all } 查看全部命令。
help-footer = 发送 { $help } 加命令名称可查看详情，例如 { $example }。
help-detail = { $usage }
    { $summary }
help-unknown-topic = 没有名为 { $command } 的命令。发送 { $help } 查看列表。

## Command summaries (shown by !help)

summary-help = 列出命令，或解释其中一个
summary-ping = 检查机器人是否在线并能回复
summary-language = 查看或选择我回复您所用的语言

## Replies

pong = 乒！peerlink 正在运行并能回复。
language-current = 我用 { $language }（{ $code }）回复您。可用 { $example } 选择其他语言。可选语言：{ $available }。
language-set = 从现在起，我用 { $language } 回复您。

## Errors

unknown-command = 我不认识命令 { $command }。发送 { $help } 了解我能做什么。
command-usage = 用法：{ $usage }
problem-no-arguments = { $command } 不接受参数。
problem-too-many-arguments = { $command } 最多接受 { $max ->
       *[other] { $max } 个参数
    }。
internal-error = 抱歉，处理您的命令时出错。错误已记录；请稍后再试。

## Rooms created by provisioning (names and topics)

room-space-name = { $network }
room-space-topic = { $network_full }：全体会议、区域同行学习房间和执行委员会。
room-plenary-name = { $network } — 全体会议
room-plenary-topic = 网络全体会议：面向所有成员国和观察员国的公告与讨论。
room-regional-name = { $network } — { $region }
room-regional-topic = 同行学习房间：{ $region }。欢迎各区域的代表。
room-committee-name = { $network } — 执行委员会
room-observers = 观察员国：{ $states }。
room-committee-topic = 网络执行委员会：在此分流处理合作请求。仅限委员会代表。
room-working-topic = 来自 { $state } 的请求 { $number } 的工作房间：成员包括该国代表、承办该请求的国家和合作伙伴的代表，以及执行委员会。请用 { $command } 通报进展。

## Command summaries, continued

summary-regions = 列出各区域以及如何加入其房间
summary-join = 获得另一个区域同行学习房间的邀请
summary-whois = 显示一个国家的地位、机制和代表，或一个合作伙伴的类型、房间和代表
summary-state = （协调方）添加、修改或删除国家
summary-partner = （协调方）添加、修改或删除合作伙伴组织
summary-delegate = （协调方）添加、删除或替换代表
summary-roster = （协调方）显示、导出或导入名册

## Problems with arguments

problem-missing-argument = { $command } 需要 { $what }。
problem-unknown-action = { $command } 不认识 { $given }；请使用以下之一：{ $expected }。
problem-bad-country = { $value } 不是国家代码：请使用两个字母，例如 MA 或 PY。
problem-bad-user = { $value } 不是完整的 Matrix ID：请写成 @name:example.org 的形式。
problem-bad-status = { $value } 不是地位：请使用 founding_member、member 或 observer。
problem-bad-seat = { $value } 既不是国家代码（两个字母，例如 MA），也不是合作伙伴标识符（例如 ohchr）。
problem-bad-partner-id = { $value } 不是合作伙伴标识符：请使用 3 至 32 个小写字母、数字或连字符，并以字母开头（例如 ohchr 或 cndh-ma）。
problem-bad-partner-kind = { $value } 不是合作伙伴类型：请使用 un_body、un_agency、state_donor、nhri、civil_society 或 academia。
problem-bad-language = { $value } 不是代表可选的语言：请使用 ar、zh-Hans、en、fr、ru、es 或 pt。
problem-bad-format = { $value } 不是名册格式：请使用 toml 或 csv。
problem-bad-option = { $command } 不认识选项 { $value }（或该选项缺少值）。
problem-unbalanced-quotes = 有一个引号没有闭合。
problem-missing-roster-text = { $command } 需要名册文件本身，粘贴在命令之后的各行中。

## Regions

regions-intro = 区域同行学习房间（任何成员或观察员都可以加入其中任何一个）：
regions-entry = • { $name }（{ $states } 个国家）：{ $join }
regions-entry-own = • { $name }（{ $states } 个国家）：{ $join }（您所在的区域）
join-unknown-region = 我不知道名为“{ $region }”的区域。发送 { $regions } 查看列表。
join-not-delegate = 区域房间供成员国和观察员国的代表使用。如果您代表一个国家，请协调方将您加入名册。
join-invited = 我已邀请您加入该区域的房间：{ $region }。请在您的 Matrix 客户端中接受邀请以加入。

## States

status-founding-member = 创始成员
status-member = 成员
status-observer = 观察员
whois-unknown = 我不知道名为“{ $query }”的国家。请使用其两字母代码（例如 MA）或其名称。
whois-not-in-network = { $name }（尚）不在网络中。
whois-committee = 执行委员会成员
whois-coordinator = 网络协调方
whois-none = 无记录
whois-plenary = 全体会议
whois-partner = { $name }（{ $id }）：{ $kind }
    房间：{ $regions }
    代表：{ $delegates }
partner-kind-un-body = 联合国机构或办事处
partner-kind-un-agency = 联合国专门机构、基金或方案
partner-kind-state-donor = 捐助国或发展机构
partner-kind-nhri = 国家人权机构
partner-kind-civil-society = 民间社会组织
partner-kind-academia = 大学或研究中心
whois-state = { $name }（{ $code }）：{ $status }{ $roles }
    区域：{ $region }
    机制：{ $mechanism }
    代表：{ $delegates }

## Roster administration

roster-not-allowed = 只有协调方和网络管理员可以修改名册。
roster-wrong-place = 名册命令只能在执行委员会房间或与我的私聊中使用，不能在这里使用。
roster-no-change = 没有变化：名册已经是这样。
roster-changed = { $count ->
       *[other] 已做出 { $count } 项更改
    }；各房间将随之更新：
roster-dry-run = 试运行：{ $count ->
       *[other] 将做出 { $count } 项更改
    }；未做任何更改：
roster-line = { $line }
roster-file-problems = 名册未更改：文件中有 { $count ->
       *[other] { $count } 个问题
    }：
roster-no-such-state = { $value } 不在名册中。
roster-state-exists = { $value } 已在名册中。
roster-no-such-delegate = { $value } 不是代表。
roster-delegate-exists = 此人已是代表：{ $value }。
roster-no-region = { $value } 不属于网络的任何区域；请先将其加入区域文件。
roster-show-intro = 名册：{ $count } 个国家。
roster-show-region = { $name }
roster-show-state = { $code } { $name }，{ $status }：{ $delegates }
roster-show-partners = 合作伙伴
roster-show-partner = { $id } { $name }，{ $kind }：{ $delegates }
roster-no-such-partner = { $value } 不是名册中的合作伙伴。
roster-partner-exists = { $value } 已是名册中的合作伙伴。
roster-unknown-region = { $value } 不是网络的区域（参见 !regions）。

## Cooperation requests

summary-request = （成员和观察员代表）提交合作请求
summary-requests = 列出请求：本国的请求，委员会可看全部
summary-status = 显示请求：状态、历史、承办方、结果
summary-ack = （委员会）确认收到请求
summary-info = （委员会）向请求方询问信息
summary-accept = （委员会）接受请求，并从名册中的国家或合作伙伴中指定承办方
summary-assign = （委员会）更改已接受请求的承办方（国家或合作伙伴）
summary-decline = （委员会）拒绝请求并说明理由
summary-start = （委员会）将已接受的请求标记为进行中
summary-resolve = （委员会）完成请求并记录结果
summary-reopen = （委员会）重新开启已完成或已拒绝的请求
problem-bad-number = { $value } 不是请求编号：请写成 12 或 #12。
problem-bad-result = { $value } 不是结果：请使用 delivered、partly 或 not_delivered。
request-wrong-place = 请在全体会议房间、您的区域房间或与我的私聊中提交请求。
request-not-delegate = 只有成员国和观察员国的代表可以提交和跟进请求。如果您代表一个国家，请协调方将您加入名册。
request-unknown-category = { $category } 不是类别。请使用以下之一：{ $categories }。
request-observer-category = 观察员国不能在 { $category } 类别中提交请求。对观察员开放的类别：{ $categories }。
request-filed = 谢谢。您的请求编号为 { $number }。已通知执行委员会；每一步进展都会在此讨论串中告知您。
request-card = 请求 { $number } · { $category }
    来自：{ $state }（{ $region }）
    标题：{ $title }
    { $description }
    提交人 { $requester }：{ $link }
    请在此讨论串中讨论；分流处理命令：!ack、!info、!accept、!decline、!start、!resolve（此处无需编号）。
requests-none = 没有符合条件的请求。
requests-intro = 请求：
requests-entry = { $number } [{ $state }] { $country }：{ $title }（{ $category }）
request-not-found = 没有您可查看的请求 { $number }。
request-status = { $number } [{ $state }] { $country }：{ $title }（{ $category }）
request-status-assignee = 承办方：{ $assignee }
request-status-outcome = 结果：{ $result }。{ $summary }
request-status-lessons = 经验教训：{ $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = 分流处理在执行委员会房间进行。
triage-which-request = 哪个请求？请给出编号，例如 !ack 12，或在请求卡片的讨论串中回复。
triage-done = 请求 { $number } 现在的状态：{ $state }。已通知请求方。
triage-not-committee = 只有执行委员会成员国的代表可以分流处理请求。
triage-own-request = 请求 { $number } 来自您本国 { $state }：须由委员会另一成员国作出决定。
triage-not-requester = 只有提交请求 { $number } 的国家的代表可以回答其问题。
triage-not-now = 请求 { $number } 当前状态为 { $state }；现在可执行：{ $allowed }。
notice-acknowledged = 执行委员会已确认收到您的请求 { $number }。
notice-needs-info = 执行委员会询问您的请求 { $number }：{ $text }
    请在此讨论串中回复。
notice-accepted = 您的请求 { $number } 已被接受，承办方：{ $assignees }。{ $text }
notice-assigned = 您的请求 { $number } 的承办方现为：{ $assignees }。{ $text }
assign-unknown = { $value } 既不是名册中的国家，也不是名册中的合作伙伴（参见 !whois）。
assign-unknown-closest = { $value } 既不是名册中的国家，也不是名册中的合作伙伴。您是否指的是：{ $closest }？
assign-requester = 此请求由 { $state } 提交：不能将其指定为本请求的承办方。
assign-unchanged = 请求 { $number } 的承办方已经是 { $assignees }。
notice-declined = 您的请求 { $number } 已被拒绝：{ $text }
notice-in-progress = 您的请求 { $number } 已开始办理。
notice-resolved = 您的请求 { $number } 已完成（{ $result }）：{ $text }
notice-reopened = 您的请求 { $number } 已重新开启。{ $text }
state-submitted = 已提交
state-acknowledged = 已确认收到
state-needs-info = 等待信息
state-accepted = 已接受
state-in-progress = 进行中
state-resolved = 已完成
state-declined = 已拒绝
state-reopened = 已重新开启
result-delivered = 已交付
result-partly-delivered = 部分交付
result-not-delivered = 未交付
answer-relayed = 谢谢：您对请求 { $number } 的回答已转交执行委员会。
card-answer = { $requester } 对请求 { $number } 的回答：{ $text }
card-update = { $who } 通报的请求 { $number } 进展：{ $text }

## Limits

rate-deferred = 您发送命令的速度超过了我的处理速度：我将按您发送的顺序依次处理这条及后续命令，每 { $seconds ->
       *[other] { $seconds } 秒
    }处理一条。不会丢失任何命令。
rate-refused = 您已有太多命令在等待：我没有执行 { $command }。请在 { $seconds ->
       *[other] { $seconds } 秒
    }后重新发送。
message-too-long = 此命令太长（{ $size } KB；最多 { $max } KB）。未记录任何内容。
request-title-too-long = 标题太长（{ $length } 个字符；最多 { $max } 个）。请保持简短，并将详情写在后续各行中。未记录任何内容。
request-description-too-long = 描述太长（{ $length } 个字符；最多 { $max } 个）。长文档请以文件或链接形式分享。未记录任何内容。

## Time: zones, durations, dates as people type them

summary-timezone = 查看或选择我向您显示时间所用的时区
summary-overdue = 列出超过响应时限的请求
summary-update = 通报贵国或贵合作伙伴承办的请求的进展（在该请求的工作房间中，或注明编号）
update-which-request = 哪个请求？请给出编号，例如 !update 12 …，或直接在该请求的工作房间中书写。
update-not-involved = 只有提交请求 { $number } 的国家的代表、承办该请求的国家和合作伙伴的代表以及执行委员会的代表可以通报其进展。
update-not-now = 请求 { $number } 当前状态为 { $state }：只有在请求已接受或进行中时才能通报进展。
update-recorded = 请求 { $number } 的进展已记录；执行委员会可在请求卡片中看到。
working-opened = 来自 { $state } 的请求 { $number }“{ $title }”已获执行委员会接受，承办方：{ $assignees }。本房间用于开展工作：请用 { $command } 通报进展（进展将记入请求的历史并转交委员会）。
working-description = 请求内容：{ $description }
working-note = 执行委员会的说明：{ $note }
working-reassigned = 请求 { $number } 的承办方现为：{ $assignees }。
working-closed = 请求 { $number } 已完成（{ $result }）：{ $summary }
    本房间现为只读，并将保留作为工作记录。
timezone-current = 我按 { $zone } 时区向您显示时间；现在是 { $now }。可用 { $example } 选择其他时区（IANA 时区名称）。
timezone-set = 从现在起，我按 { $zone } 时区向您显示时间；现在是 { $now }。
duration-days = { $n ->
       *[other] { $n } 天
    }
duration-hours = { $n ->
       *[other] { $n } 小时
    }
duration-minutes = { $n ->
       *[other] { $n } 分钟
    }
duration-seconds = { $n ->
       *[other] { $n } 秒
    }
when-zone-suggest = { $input } 不是我认识的时区。您是否指的是 { $suggestion }？
when-zone-unknown = { $input } 不是我认识的时区。请使用 IANA 名称，例如 `Europe/Lisbon`、`America/Asuncion` 或 `Africa/Casablanca`，或使用 `UTC`。
when-bad-date = { $input } 不是日期。请按“年-月-日”的格式书写，例如 `2027-03-15`。
when-impossible-date = 日历中不存在 { $input }。请检查日和月。
when-bad-time = { $input } 不是时间。请使用 24 小时制书写，例如 `09:30` 或 `14:00`。
when-nonexistent-time = 在 { $zone } 时区，{ $date } 不存在 { $time } 这一时刻：夏令时开始时，时钟会跳过这一时刻。请选择其他时间，例如 { $after }。
when-ambiguous-time = 在 { $zone } 时区，{ $date } 夏令时结束时，{ $time } 会出现两次（分别为 UTC { $first } 和 UTC { $second }）。请选择其他时间，或以 `UTC` 给出时间。
when-bad-duration = { $input } 不是时长。请按例如 `90m`、`2h` 或 `1h30` 的形式书写。
when-duration-range = { $input } 不是可用的时长：必须大于零，且不超过 { $max }。
when-bad-weekly = { $input } 不是每周时间。请写出星期几和时间，例如 `monday 09:00`。

## Response-time reminders (in the card's thread) and !overdue

reminder-acknowledge = ⏰ 来自 { $state } 的请求 { $number }“{ $title }”已等待 { $waited }，仍未确认收到（时限：{ $target }）。{ $people }：请确认收到或采取其他步骤；{ $command } 可显示其进展情况。
reminder-escalation-acknowledge = ⚠️ 来自 { $state } 的请求 { $number }“{ $title }”已等待 { $waited }，超过确认收到时限（{ $target }）的两倍。{ $people }：请以协调方身份确保该请求得到处理。
reminder-resolve = ⏰ 来自 { $state } 的请求 { $number }“{ $title }”已过 { $waited }，仍未完成（完成时限：{ $target }）。{ $people }：请推进办理；{ $command } 可显示其进展情况。
reminder-resolve-assigned = ⏰ 来自 { $state } 的请求 { $number }“{ $title }”（承办方：{ $assignee }）已过 { $waited }，仍未完成（时限：{ $target }）。{ $people }：请在此通报进展。
reminder-escalation-resolve = ⚠️ 来自 { $state } 的请求 { $number }“{ $title }”已过 { $waited }，仍未完成，超过完成时限（{ $target }）的两倍。{ $people }：请以协调方身份跟进。
reminder-late = （此提醒原定于 { $due } 发出；当时我未在运行。）
overdue-none = 没有超过响应时限的请求。
overdue-intro = { $count ->
       *[other] { $count } 个请求已超过响应时限
    }（{ $now }）：
overdue-entry-acknowledge = { $number } { $country }：{ $title } — 已 { $waited } 未确认收到（时限 { $target }）
overdue-entry-resolve = { $number } [{ $state }] { $country }：{ $title } — 已 { $waited } 未完成（时限 { $target }）
overdue-escalated = { "   " }⚠️ 已超过时限的两倍：已通知协调方。

## Weekly digests

digest-committee-title = 📋 执行委员会每周摘要（{ $date }）
digest-room-title = 📋 网络每周摘要（{ $date }）
digest-new = 本周新请求（{ $count }）：
digest-waiting = 等待确认收到（{ $count }）：
digest-overdue = 已超过响应时限（{ $count }）：
digest-decided = 本周已作出决定（{ $count }）：
digest-entry = { "  " }{ $number } { $country }：{ $title }
digest-more = { "  " }… 另有 { $count } 项：{ $command } 可列出全部。
digest-outcomes = 本周已交付的合作（{ $count }）：
digest-outcome-entry = { "  " }{ $number } { $country }：{ $title } — { $result }。{ $summary }
digest-late = （此摘要原定于 { $due } 发出；当时我未在运行。）

## Seminars and peer-learning sessions

summary-seminar = 列出即将举行的研讨会，显示某一研讨会及其参加国，或安排、改期、取消研讨会
summary-attend = 表明贵国将参加某一研讨会
summary-decline-seminar = 表明贵国不参加某一研讨会
summary-minutes = 在研讨会结束后保存其会议纪要
seminar-kind-international = 国际研讨会
seminar-kind-regional = 区域同行学习会议
seminar-heading = 📅 { $kind } { $number }：“{ $title }”
    { $when }（{ $duration }）
seminar-place = 地点：{ $place }
seminar-link = 链接：{ $link }
seminar-is-cancelled = ❌ 本研讨会已取消。
seminar-how-to-answer = 贵国是否参加？请用 { $attend } 或 { $decline } 答复，或对本消息作出 👍 或 👎 回应。
seminar-calendar-link = 添加到您的日历：{ $link }
seminar-scheduled = 已安排为研讨会 { $number }，时间为 { $when }。通知随后发布；将在会前 7 天、1 天和 1 小时发送提醒。
seminar-in-the-past = { $when } 已经过去。请选择一个未来的时间。
seminar-add-plenary-only-coordinator = 只有协调方可以在全体会议房间安排国际研讨会。各区域的代表可以在本区域房间安排会议。
seminar-add-regional-only-region = 只有本区域各国的代表（以及协调方）可以在此房间安排会议。
seminar-add-wrong-place = 研讨会须在全体会议房间（国际研讨会）或区域房间（区域会议）中安排。
seminar-too-long = 标题、地点或链接过长（最多 { $max } 个字符）。
seminar-bad-link = { $link } 不是网页链接；请提供以 `https://` 开头的链接。
seminar-not-found = 没有研讨会 { $number }。发送 `!seminar` 查看即将举行的研讨会。
seminar-not-yours = 只有协调方或安排此研讨会的人可以修改它。
seminar-cancelled-already = 研讨会 { $number } 已取消。
seminar-moved = 研讨会 { $number } 现改于 { $when } 举行。已通知本房间；提醒将按新时间发送。
seminar-cancelled = 研讨会 { $number } 已取消；已通知本房间。
seminar-cancelled-notice = ❌ 研讨会 { $number }“{ $title }”已取消。
seminar-answer-not-delegate = 只有网络中各国的代表可以代表本国答复。
seminar-over = 研讨会 { $number } 已结束。
seminar-answer-attend = 已记录：{ $state } 将参加研讨会 { $number }“{ $title }”。
seminar-answer-decline = 已记录：{ $state } 将不参加研讨会 { $number }“{ $title }”。
seminar-minutes-too-early = 研讨会 { $number } 尚未开始；请在会后保存其会议纪要。
seminar-minutes-saved = 研讨会 { $number } 的会议纪要已保存；`!seminar` 会将其与研讨会信息一并显示。
seminar-none = 目前没有已安排的研讨会。
seminar-list-intro = 即将举行的研讨会和会议：
seminar-list-entry = { $number } { $when } — { $title }（{ $where }；{ $count ->
       *[other] { $count } 个国家参加
    }）
seminar-show-attend = 参加（{ $count }）：{ $states }
seminar-show-decline = 不参加（{ $count }）：{ $states }
seminar-show-minutes = 会议纪要：{ $minutes }
seminar-reminder-week = 📅 一周后：研讨会 { $number }“{ $title }”，{ $when }。{ $count ->
       *[other] 目前已有 { $count } 个国家确认参加
    }；{ $command } 可显示具体国家。
seminar-reminder-day = 📅 明天：研讨会 { $number }“{ $title }”，{ $when }。{ $count ->
       *[other] { $count } 个国家参加
    }；{ $command } 可显示具体国家。
seminar-reminder-hour = ⏰ 一小时后：研讨会 { $number }“{ $title }”，{ $when }。{ $count ->
       *[other] { $count } 个国家参加
    }。
digest-seminars = 未来两周的研讨会（{ $count }）：
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = 已关联其讨论的请求：{ $requests }；这些请求的 `!status` 会列出本次研讨会。
seminar-show-requests = 讨论的请求：{ $requests }
request-status-seminar = 已在研讨会 { $number }“{ $title }”上讨论（{ $when }）

## Offers of technical cooperation

summary-offer = 发布贵国能够提供的合作内容，或关闭您的某项提议
summary-offers = 列出开放中的技术合作提议
offer-not-allowed = 只有成员国和合作伙伴的代表可以发布提议（观察员：请联系协调方）。
offer-unknown-category = { $category } 不是类别。请使用以下之一：{ $categories }。
offer-too-long = 标题或详情过长（详情最多 { $max } 个字符）。
offer-published = 您的提议已发布，编号为 { $number }（{ $category }）。委员会在收到此类别的新请求时会看到它；如需关闭，请发送 `!offer close` 并附上其编号。
offer-not-found = 没有提议 { $number }。发送 `!offers` 查看开放中的提议。
offer-not-yours = 只有协调方或发布此提议的人可以关闭它。
offer-closed-already = 提议 { $number } 此前已关闭。
offer-closed = 提议 { $number } 现已关闭。
offers-none = 目前没有开放中的提议。
offers-intro = 开放中的技术合作提议：
offer-entry = { $number } { $state }：{ $title }（{ $category }）
card-offers = 本类别开放中的提议：
digest-offers = 本周发布的技术合作提议（{ $count }）：

## Membership decided by the Executive Committee

summary-apply = （观察员国）申请成为成员；（协调方）提议接纳尚未加入网络的国家
summary-vote = （委员会）就成员资格申请投票
summary-applications = 列出成员资格申请及其投票情况
problem-bad-vote = { $value } 不是有效的投票：请使用 yes、no 或 abstain。
apply-not-delegate = 只有观察员国的代表可以申请成为成员（尚未加入网络的国家由协调方提议）。
apply-already-member = { $state } 已是网络成员。
apply-not-coordinator = 只有协调方和网络管理员可以提议接纳国家加入网络。
apply-already-in = { $state } 已以该地位或更高地位加入网络。
apply-open-already = { $state } 已有一项待决申请：执行委员会正在就此投票。
apply-opened = 申请 { $number } 已开启：执行委员会将在其房间中投票表决，截止时间为 { $when }。决定将在此公布。
apply-poll = 申请 { $number }：{ $state } 申请获得以下地位：{ $status }。理由：{ $motivation }
    请通过本投票表决，或使用 { $command }（yes、no 或 abstain）。
vote-yes = 赞成
vote-no = 反对
vote-abstain = 弃权
vote-not-committee = 只有执行委员会成员国的代表可以在委员会房间就申请 { $number } 投票：此票不计入。
vote-closed = 申请 { $number } 已作出决定。
application-not-found = 没有申请 { $number }。
vote-recorded = 已记录对申请 { $number } 的投票：赞成 { $yes }，反对 { $no }，弃权 { $abstain }，尚未投票 { $pending }（需要 { $majority } 票赞成）。
vote-decided = 已记录投票：申请 { $number } { $outcome }。
application-approved = 申请 { $number } 已获批准：{ $state } 在网络中的地位现为：{ $status }（赞成 { $yes }，反对 { $no }，弃权 { $abstain }）。
application-rejected = 申请 { $number } 未获批准：{ $state } 保留其原有地位（赞成 { $yes }，反对 { $no }，弃权 { $abstain }；需要 { $majority } 票赞成）。
application-open = 待决
application-outcome-approved = 已获批准
application-outcome-rejected = 未获批准
applications-none = 目前还没有成员资格申请。
applications-intro = 成员资格申请：
applications-entry = { $number } { $state } → { $status }：{ $outcome }（赞成 { $yes }，反对 { $no }，弃权 { $abstain }；截止时间 { $when }）

## The action plan

summary-plan = 查看网络的行动计划及其进展；（活动牵头方、委员会）更新活动状态
summary-link = （委员会）将请求或提议关联到行动计划中的活动
plan-none = 尚未加载行动计划：由协调方进行配置（action_plan 设置，参见文档）。
plan-title = { $title }
plan-pillar-line = { $name }：已完成活动 { $done } 项（共 { $total } 项）· 关联请求 { $requests } 项 · 其中已提供合作 { $delivered } 项
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — 牵头方：{ $lead } · 截止日期：{ $due } · { $status } · 请求：{ $requests }
plan-activity-note = { $note }
plan-no-pillar = 没有名为“{ $value }”的支柱；现有支柱：{ $pillars }。
plan-no-activity = 行动计划中没有名为“{ $value }”的活动：请查看 !plan 及其各支柱。
plan-update-not-allowed = 只有活动 { $id } 牵头方的代表、执行委员会的代表和协调方的代表可以更改该活动的状态。
plan-updated = 活动 { $id }“{ $title }”现在的状态：{ $status }。
plan-link-not-allowed = 只有执行委员会和协调方可以将请求和提议关联到行动计划。
plan-linked = { $what } 现已用于支持活动 { $id }“{ $title }”。
plan-linked-already = { $what } 此前已用于支持活动 { $id }“{ $title }”。
plan-what-request = 请求 { $number }
plan-what-offer = 提议 { $number }
plan-status-planned = 计划中
plan-status-in-progress = 进行中
plan-status-delayed = 已延误
plan-status-done = 已完成
plan-status-cancelled = 已取消

## The network's memory: tags, practices, search

summary-tag = 为请求添加标签：可持续发展目标的具体目标、主题和联合国建议（提出请求的国家的代表、委员会）
summary-practice = 与网络分享一项良好做法（做法内容写在后续各行）；编辑或撤回您自己分享的做法
summary-search = 搜索结果、经验教训、良好做法以及您可查看的请求（也支持 "带引号的短语"）
request-tags = 标签：{ $tags }
tag-unknown-sdg = { $value } 不是可持续发展目标的目标或具体目标。目标编号为 1 至 17；具体目标的写法如 16.3 或 16.a。
tag-unknown-theme = { $value } 不是网络的主题之一。各主题列于网络的主题文件中；请咨询协调方。
tag-unknown-theme-closest = { $value } 不是网络的主题之一。您是否指的是：{ $closest }？
tag-too-many = 每项请求或做法的每类标签（可持续发展目标、主题、引用）最多 { $max } 个。
ref-unknown-mechanism = { $value } 的开头不是我所知的机制。可用的机制：UPR（普遍定期审议）、条约机构（CAT、SPT、CEDAW、CERD、CCPR、CESCR、CRC、CRPD、CMW、CED），或表示特别程序的 SP。
ref-bad-upr = { $value } 不是有效的普遍定期审议引用。请写出轮次和建议编号，例如：UPR 4 123.45
ref-bad-treaty-body = { $value } 不是有效的条约机构引用。请先写机构，再写文件文号或段落，例如：CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = { $value } 中的文号不属于 { $body } 的文件：其文件文号以 { $prefix } 开头。
ref-bad-special-procedure = { $value } 不是有效的特别程序引用。请先写 SP 和任务名称，再写报告文号或段落，例如：SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } 作为引用过长（最多 120 个字符）。
tag-not-allowed = 只有提交请求 { $number } 的国家的代表和执行委员会可以为其添加标签。
tag-done = 已为请求 { $number } 添加标签。
tag-none-left = 请求 { $number } 已没有任何标签。
practice-not-allowed = 只有网络中各国和合作伙伴的代表可以分享良好做法。
practice-too-long = 标题或做法内容过长（做法内容最多 { $max } 个字符）。
practice-shared = 谢谢：您的良好做法已分享，编号为 { $number }（{ $tags }）。任何人都可以用 `!search` 找到它。
practice-not-found = 没有做法 { $number }。
practice-not-yours = 只有分享做法 { $number } 的人或协调方可以更改它。
practice-edited = 做法 { $number } 已更新。
practice-withdrawn = 做法 { $number } 已撤回；搜索结果中将不再显示。
search-not-allowed = 搜索功能仅供网络中各国和合作伙伴的代表使用。
search-empty = 要搜索什么？请在 `!search` 后写几个词（词与词之间用空格分隔），例如：!search 建议 跟踪 数据库
search-no-words = 其中没有可搜索的内容：请给出词语，而不只是标点符号或非常常见的词。
search-unbalanced-quotes = 有一个引号没有闭合。请将短语放在两个引号之间，例如：!search "考察访问"
search-too-many-words = 词语太多：最多 { $max } 个。请保留最能说明问题的词。
search-too-long = 此次搜索的内容长 { $length } 个字符；最多 { $max } 个。请保留最能说明问题的词。
search-unknown-region = { $value } 不是区域。请使用以下之一：{ $regions }。
search-none = 没有与 { $query } 匹配的内容。请减少词语或换用其他词语（使用原文的撰写语言），或去掉一个筛选条件。
search-intro = { $count ->
   *[other] 与 { $query } 最匹配的 { $count } 条结果：
}
search-hit = { $rank }. { $kind } · { $title }（{ $seat }）：{ $excerpt } { $link }
search-kind-request = 请求 { $source }
search-kind-outcome = 请求 { $source } 的结果
search-kind-practice = 良好做法 { $source }
search-kind-guidance = 指导意见
summary-guide = 以您的语言逐节阅读网络的指导文件（例如马拉喀什指导框架）
summary-save = 将您所回复的消息保存为良好做法，并附上指向该消息的链接及其作者所属的国家
summary-experts = 谁曾做过：在某一类别、主题或可持续发展目标方面提供过合作的国家和合作伙伴
save-not-a-reply = 请回复您要保存的消息，并在回复中写上 `!save`（标题、--theme 和 --sdg 均为可选）。
save-unreadable = 我无法读取您所回复的消息：该消息可能已被删除，或者我无法将其解密。未保存任何内容。
save-not-text = 只有文本消息才能保存为做法。
save-author-unknown = 您所回复的消息并非由网络中各国或合作伙伴的代表撰写，因此我无法确定这是谁的做法。请改用 `!practice` 分享。
save-wrong-place = 只能保存网络各房间（全体会议房间、区域房间和工作房间）中的消息。委员会房间须保密：如需分享其中的内容，请使用 `!practice`。
save-already = 该消息已保存为做法 { $number }。
save-done = 已保存为做法 { $number }：{ $title }，来自 { $state }。任何人都可以用 `!search` 找到它。
experts-unknown = { $value } 不是请求类别、主题或可持续发展目标。类别有：{ $categories }。主题和可持续发展目标的写法与 `!tag` 相同。
experts-none = 目前还没有任何国家或合作伙伴在“{ $about }”方面提供过合作，也没有任何一方提出相关提议。
experts-intro = 谁曾在“{ $about }”方面做过这项工作：
expert-entry = { $name }：{ $reasons }
expert-delivered = { $count ->
   *[other] 已交付 { $count } 项成果
}
expert-partly = { $count ->
   *[other] 部分交付 { $count } 项
}
expert-latest = 最近一次为 { $date }
expert-language = 使用 { $language }
expert-region = 同一区域
expert-offer = 开放中的提议 { $numbers }
expert-separator = {"，"}
card-experts = 谁曾做过这项工作：
guide-none = 网络尚无指导文件；指导文件由协调方添加。
guide-intro = 网络的指导文件（发送 !guide 和文件标识符即可查看其各节）：
guide-entry = • { $id }：{ $title }（语言：{ $languages }）
guide-unknown = 没有指导文件 { $value }。发送 !guide 查看列表。
guide-fallback = 此文件没有您所用语言的版本；以下为 { $language } 版本。
guide-sections = { $title }：发送 !guide { $id } 加上节号（或该节标题开头的几个词）即可查看该节。
guide-section-entry = { $number }. { $title }
guide-no-section = { $id } 中没有与 { $value } 对应的节。发送 !guide { $id } 查看列表。
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = 我无法读取您在此发送的加密消息：我的设备没有收到它的密钥。如果那是一条命令，请重新发送。如果这种情况反复出现，请检查您的应用是否与未验证的设备共享房间密钥，或验证我的设备。（在每个房间里，我每天最多提示一次。）
