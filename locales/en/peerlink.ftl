# peerlink message catalog: English (the reference; every other language has the same IDs).
# Markup: `code` spans and line breaks. Arguments are escaped by the bot.

## !help

help-intro = I am peerlink, the bot of the network of national mechanisms for implementation, reporting and follow-up. Commands:
help-intro-here = I am peerlink, the bot of the network of national mechanisms for implementation, reporting and follow-up. What you can do here:
help-entry = { $usage } — { $summary }
help-elsewhere = Other commands, for other roles or other rooms: { $commands }. Send { $all } to see them all.
help-footer = Send { $help } followed by a command name for details, for example { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = There is no command { $command }. Send { $help } for the list.

## Command summaries (shown by !help)

summary-help = list the commands, or explain one
summary-ping = check that the bot is up and answering
summary-language = show or choose the language I answer you in

## Replies

pong = Pong! peerlink is up and answering.
language-current = I answer you in { $language } ({ $code }). Choose another with { $example }. Available: { $available }.
language-set = From now on I answer you in { $language }.

## Errors

unknown-command = I don't know the command { $command }. Send { $help } to see what I can do.
command-usage = Usage: { $usage }
problem-no-arguments = { $command } takes no arguments.
problem-too-many-arguments = { $command } takes at most { $max ->
        [one] one argument
       *[other] { $max } arguments
    }.
internal-error = Sorry, something went wrong while handling your command. It has been logged; please try again in a moment.

## Rooms created by provisioning (names and topics)

room-space-name = { $network }
room-space-topic = { $network_full }: plenary, regional peer-learning rooms and Executive Committee.
room-plenary-name = { $network } — Plenary
room-plenary-topic = Plenary of the network: announcements and discussion for all member and observer states.
room-regional-name = { $network } — { $region }
room-regional-topic = Peer-learning room of the { $region }. Delegates of every region are welcome.
room-committee-name = { $network } — Executive Committee
room-observers = Observer states: { $states }.
room-committee-topic = Executive Committee of the network: cooperation requests are triaged here. Committee delegates only.
room-working-topic = Working room of request { $number } from { $state }: its delegates, those of the states and partners it is assigned to, and the Executive Committee. Report progress with { $command }.

## Command summaries, continued

summary-regions = list the regions and how to join their rooms
summary-join = get invited to another regional peer-learning room
summary-whois = show a state's status, mechanism and delegates, or a partner's kind, rooms and delegates
summary-state = (coordinator) add, change or remove a state
summary-partner = (coordinator) add, change or remove a partner organisation
summary-delegate = (coordinator) add, remove or replace a delegate
summary-roster = (coordinator) show, export or import the roster

## Problems with arguments

problem-missing-argument = { $command } needs { $what }.
problem-unknown-action = { $command } does not know { $given }; use one of: { $expected }.
problem-bad-country = { $value } is not a country code: use two letters, like MA or PY.
problem-bad-user = { $value } is not a full Matrix ID: write it like @name:example.org.
problem-bad-status = { $value } is not a status: use founding_member, member or observer.
problem-bad-seat = { $value } is neither a country code (two letters, like MA) nor a partner ID (like ohchr).
problem-bad-partner-id = { $value } is not a partner ID: use 3 to 32 lowercase letters, digits or hyphens, starting with a letter (like ohchr or cndh-ma).
problem-bad-partner-kind = { $value } is not a partner kind: use un_body, un_agency, state_donor, nhri, civil_society or academia.
problem-bad-language = { $value } is not a language delegates can choose: use ar, zh-Hans, en, fr, ru, es or pt.
problem-bad-format = { $value } is not a roster format: use toml or csv.
problem-bad-option = { $command } does not know the option { $value } (or it lacks its value).
problem-unbalanced-quotes = A quote is opened but never closed.
problem-missing-roster-text = { $command } needs the roster file itself, pasted on the lines after the command.

## Regions

regions-intro = Regional peer-learning rooms (any member or observer may join any of them):
regions-entry = • { $name } ({ $states } states): { $join }
regions-entry-own = • { $name } ({ $states } states): { $join } (your region)
join-unknown-region = I know no region called “{ $region }”. Send { $regions } for the list.
join-not-delegate = Regional rooms are for the delegates of member and observer states. If you represent a state, ask the coordinator to add you to the roster.
join-invited = I have invited you to the room of the { $region }. Accept the invitation in your Matrix client to join.

## States

status-founding-member = founding member
status-member = member
status-observer = observer
whois-unknown = I know no country called “{ $query }”. Use its two-letter code, like MA, or its name.
whois-not-in-network = { $name } is not in the network (yet).
whois-committee = member of the Executive Committee
whois-coordinator = coordinator of the network
whois-none = none recorded
whois-plenary = plenary
whois-partner = { $name } ({ $id }): { $kind }
    Rooms: { $regions }
    Delegates: { $delegates }
partner-kind-un-body = UN body or office
partner-kind-un-agency = UN agency, fund or programme
partner-kind-state-donor = donor state or development agency
partner-kind-nhri = national human-rights institution
partner-kind-civil-society = civil-society organisation
partner-kind-academia = university or research centre
whois-state = { $name } ({ $code }): { $status }{ $roles }
    Region: { $region }
    Mechanism: { $mechanism }
    Delegates: { $delegates }

## Roster administration

roster-not-allowed = Only the coordinator and the network's admins can change the roster.
roster-wrong-place = Roster commands work in the Executive Committee room or in a direct chat with me, not here.
roster-no-change = No change: the roster already says that.
roster-changed = { $count ->
        [one] One change made
       *[other] { $count } changes made
    }; the rooms will follow:
roster-dry-run = Dry run: { $count ->
        [one] one change
       *[other] { $count } changes
    } would be made; nothing was changed:
roster-line = { $line }
roster-file-problems = The roster was not changed: the file has { $count ->
        [one] one problem
       *[other] { $count } problems
    }:
roster-no-such-state = { $value } is not in the roster.
roster-state-exists = { $value } is already in the roster.
roster-no-such-delegate = { $value } is not a delegate.
roster-delegate-exists = That person is already a delegate: { $value }.
roster-no-region = { $value } is in no region of the network; add it to the regions file first.
roster-show-intro = The roster: { $count } states.
roster-show-region = { $name }
roster-show-state = { $code } { $name }, { $status }: { $delegates }
roster-show-partners = Partners
roster-show-partner = { $id } { $name }, { $kind }: { $delegates }
roster-no-such-partner = { $value } is not a partner in the roster.
roster-partner-exists = { $value } is already a partner in the roster.
roster-unknown-region = { $value } is not a region of the network (see !regions).

## Cooperation requests

summary-request = (member or observer delegates) file a cooperation request
summary-requests = list requests: your state's, or all for the committee
summary-status = show a request: state, history, assignee, outcome
summary-ack = (committee) acknowledge a request
summary-info = (committee) ask the requester for information
summary-accept = (committee) accept a request and assign it to states or partners of the roster
summary-assign = (committee) change the states or partners an accepted request is assigned to
summary-decline = (committee) decline a request, with a reason
summary-start = (committee) mark an accepted request as in progress
summary-resolve = (committee) resolve a request and record its outcome
summary-reopen = (committee) reopen a resolved or declined request
problem-bad-number = { $value } is not a request number: write it like 12 or #12.
problem-bad-result = { $value } is not a result: use delivered, partly or not_delivered.
request-wrong-place = File requests in the plenary, your regional room or a direct chat with me.
request-not-delegate = Only delegates of member and observer states can file and follow requests. If you represent a state, ask the coordinator to add you to the roster.
request-unknown-category = { $category } is not a category. Use one of: { $categories }.
request-observer-category = Observer states cannot file requests in { $category }. Categories open to observers: { $categories }.
request-filed = Thank you. Your request is number { $number }. The Executive Committee has been notified; you will be told here, in this thread, at every step.
request-card = Request { $number } · { $category }
    From: { $state } ({ $region })
    Title: { $title }
    { $description }
    Filed by { $requester }: { $link }
    Discuss it in this thread; triage with !ack, !info, !accept, !decline, !start, !resolve (no number needed here).
requests-none = No requests match.
requests-intro = Requests:
requests-entry = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-not-found = There is no request { $number } that you can see.
request-status = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-status-assignee = Assigned to: { $assignee }
request-status-outcome = Outcome: { $result }. { $summary }
request-status-lessons = Lessons learned: { $lessons }
request-status-step = { $when } · { $actor } → { $to } { $reason }
triage-wrong-place = Triage happens in the Executive Committee room.
triage-which-request = Which request? Give its number, like !ack 12, or answer in the request's card thread.
triage-done = Request { $number } is now: { $state }. The requester has been told.
triage-not-committee = Only delegates of the Executive Committee states can triage requests.
triage-own-request = Request { $number } comes from { $state }, your own state: another committee state must decide on it.
triage-not-requester = Only the delegates of the state that filed request { $number } can answer its questions.
triage-not-now = Request { $number } is { $state }; possible now: { $allowed }.
notice-acknowledged = Your request { $number } has been acknowledged by the Executive Committee.
notice-needs-info = The Executive Committee asks about your request { $number }: { $text }
    Please answer in this thread.
notice-accepted = Your request { $number } has been accepted and assigned to { $assignees }. { $text }
notice-assigned = Your request { $number } is now assigned to { $assignees }. { $text }
assign-unknown = { $value } is neither a state nor a partner of the roster (see !whois).
assign-unknown-closest = { $value } is neither a state nor a partner of the roster. Did you mean: { $closest }?
assign-requester = { $state } filed this request: it cannot be assigned to itself.
assign-unchanged = Request { $number } is already assigned to { $assignees }.
notice-declined = Your request { $number } has been declined: { $text }
notice-in-progress = Work on your request { $number } has started.
notice-resolved = Your request { $number } is resolved ({ $result }): { $text }
notice-reopened = Your request { $number } has been reopened. { $text }
state-submitted = submitted
state-acknowledged = acknowledged
state-needs-info = waiting for information
state-accepted = accepted
state-in-progress = in progress
state-resolved = resolved
state-declined = declined
state-reopened = reopened
result-delivered = delivered
result-partly-delivered = partly delivered
result-not-delivered = not delivered
answer-relayed = Thank you: your answer on request { $number } has been passed on to the Executive Committee.
card-answer = Answer from { $requester } on request { $number }: { $text }
card-update = Progress on request { $number } from { $who }: { $text }

## Limits

rate-deferred = You are sending commands faster than I take them: I will handle this one and the next ones in turn, one every { $seconds ->
        [one] second
       *[other] { $seconds } seconds
    }, in the order you sent them. Nothing is lost.
rate-refused = Too many of your commands are already waiting: I did not carry out { $command }. Please send it again in { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }.
message-too-long = This command is too long ({ $size } KB; at most { $max } KB). Nothing was recorded.
request-title-too-long = The title is too long ({ $length } characters; at most { $max }). Keep it short and put the details on the following lines. Nothing was recorded.
request-description-too-long = The description is too long ({ $length } characters; at most { $max }). Share long documents as a file or a link. Nothing was recorded.

## Time: zones, durations, dates as people type them

summary-timezone = show or choose the time zone of the times I show you
summary-overdue = list the requests past their response-time targets
summary-update = report progress on a request your state or partner works on (in its working room, or by number)
update-which-request = Which request? Give its number, like !update 12 …, or write in the request's working room.
update-not-involved = Only the delegates of the state that filed request { $number }, of the states and partners it is assigned to, and of the Executive Committee report progress on it.
update-not-now = Request { $number } is { $state }: progress is reported while a request is accepted or in progress.
update-recorded = Progress on request { $number } recorded; the Executive Committee sees it in the request's card.
working-opened = Request { $number } “{ $title }” from { $state } has been accepted by the Executive Committee and assigned to { $assignees }. This room is where the work is done: report progress with { $command } (it goes into the request's history and to the committee).
working-description = The request: { $description }
working-note = The Executive Committee's note: { $note }
working-reassigned = Request { $number } is now assigned to { $assignees }.
working-closed = Request { $number } is resolved ({ $result }): { $summary }
    This room is now read-only; it stays as the record of the work.
timezone-current = I show you times in { $zone }; it is now { $now }. Choose another with { $example } (an IANA zone name).
timezone-set = From now on I show you times in { $zone }; it is now { $now }.
duration-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
duration-hours = { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
duration-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
duration-seconds = { $n ->
        [one] { $n } second
       *[other] { $n } seconds
    }
when-zone-suggest = { $input } is not a time zone I know. Did you mean { $suggestion }?
when-zone-unknown = { $input } is not a time zone I know. Use an IANA name such as `Europe/Lisbon`, `America/Asuncion` or `Africa/Casablanca`, or `UTC`.
when-bad-date = { $input } is not a date. Write it as year-month-day, for example `2027-03-15`.
when-impossible-date = { $input } does not exist in the calendar. Check the day and the month.
when-bad-time = { $input } is not a time. Write it on the 24-hour clock, for example `09:30` or `14:00`.
when-nonexistent-time = { $time } does not exist on { $date } in { $zone }: the clocks skip it when summer time starts. Choose another time, for example { $after }.
when-ambiguous-time = { $time } happens twice on { $date } in { $zone } when summer time ends (at UTC { $first } and again at UTC { $second }). Choose another time, or give it in `UTC`.
when-bad-duration = { $input } is not a duration. Write it for example as `90m`, `2h` or `1h30`.
when-duration-range = { $input } is not a possible duration: it must be more than zero and at most { $max }.
when-bad-weekly = { $input } is not a weekly time. Write a weekday and a time, for example `monday 09:00`.

## Response-time reminders (in the card's thread) and !overdue

reminder-acknowledge = ⏰ Request { $number } “{ $title }” from { $state } has waited { $waited } without acknowledgement (target: { $target }). { $people }: please acknowledge it or take another step; { $command } shows where it stands.
reminder-escalation-acknowledge = ⚠️ Request { $number } “{ $title }” from { $state } has waited { $waited }, more than twice its acknowledgement target ({ $target }). { $people }: as coordinator, please see that it is taken up.
reminder-resolve = ⏰ Request { $number } “{ $title }” from { $state } is still open after { $waited } (target for resolution: { $target }). { $people }: please move it forward; { $command } shows where it stands.
reminder-resolve-assigned = ⏰ Request { $number } “{ $title }” from { $state }, assigned to { $assignee }, is not resolved after { $waited } (target: { $target }). { $people }: please post your progress here.
reminder-escalation-resolve = ⚠️ Request { $number } “{ $title }” from { $state } is still open after { $waited }, more than twice its resolution target ({ $target }). { $people }: as coordinator, please see to it.
reminder-late = (This reminder was due on { $due }; I was not running then.)
overdue-none = No request is past its response-time targets.
overdue-intro = { $count ->
        [one] One request is past a response-time target
       *[other] { $count } requests are past a response-time target
    } ({ $now }):
overdue-entry-acknowledge = { $number } { $country }: { $title } — not acknowledged for { $waited } (target { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country }: { $title } — open for { $waited } (target { $target })
overdue-escalated = { "   " }⚠️ more than twice the target: the coordinator has been called in.

## Weekly digests

digest-committee-title = 📋 Weekly digest for the Executive Committee ({ $date })
digest-room-title = 📋 Weekly digest of the network ({ $date })
digest-new = New requests this week ({ $count }):
digest-waiting = Waiting for acknowledgement ({ $count }):
digest-overdue = Past a response-time target ({ $count }):
digest-decided = Decided this week ({ $count }):
digest-entry = { "  " }{ $number } { $country }: { $title }
digest-more = { "  " }… and { $count } more: { $command } lists them.
digest-outcomes = Cooperation delivered this week ({ $count }):
digest-outcome-entry = { "  " }{ $number } { $country }: { $title } — { $result }. { $summary }
digest-late = (This digest was due on { $due }; I was not running then.)

## Seminars and peer-learning sessions

summary-seminar = list the coming seminars, show one with who comes, or schedule, move or cancel one
summary-attend = say that your state will attend a seminar
summary-decline-seminar = say that your state will not attend a seminar
summary-minutes = store the minutes of a seminar, after it
seminar-kind-international = International seminar
seminar-kind-regional = Regional peer-learning session
seminar-heading = 📅 { $kind } { $number }: “{ $title }”
    { $when } ({ $duration })
seminar-place = Place: { $place }
seminar-link = Link: { $link }
seminar-is-cancelled = ❌ This seminar has been called off.
seminar-how-to-answer = Will your state attend? Answer with { $attend } or { $decline }, or react to this message with 👍 or 👎.
seminar-calendar-link = Add it to your calendar: { $link }
seminar-scheduled = Scheduled as seminar { $number }, on { $when }. The announcement follows; reminders will come 7 days, 1 day and 1 hour before.
seminar-in-the-past = { $when } has already passed. Choose a time to come.
seminar-add-plenary-only-coordinator = Only the coordinator schedules international seminars in the plenary. A region's delegates can schedule sessions in their regional room.
seminar-add-regional-only-region = Only the delegates of this region's states (and the coordinator) schedule sessions in this room.
seminar-add-wrong-place = Seminars are scheduled in the plenary (international seminars) or in a regional room (regional sessions).
seminar-too-long = A title, place or link is too long (at most { $max } characters).
seminar-bad-link = { $link } is not a web link; give one that starts with `https://`.
seminar-not-found = There is no seminar { $number }. Send `!seminar` to see the coming ones.
seminar-not-yours = Only the coordinator or whoever scheduled this seminar can change it.
seminar-cancelled-already = Seminar { $number } has been called off.
seminar-moved = Seminar { $number } now takes place on { $when }. The room has been told; the reminders follow the new time.
seminar-cancelled = Seminar { $number } has been called off; the room has been told.
seminar-cancelled-notice = ❌ Seminar { $number } “{ $title }” has been called off.
seminar-answer-not-delegate = Only delegates of the network's states can answer for their state.
seminar-over = Seminar { $number } is over.
seminar-answer-attend = Noted: { $state } will attend seminar { $number } “{ $title }”.
seminar-answer-decline = Noted: { $state } will not attend seminar { $number } “{ $title }”.
seminar-minutes-too-early = Seminar { $number } has not started yet; store its minutes after it.
seminar-minutes-saved = The minutes of seminar { $number } are stored; `!seminar` shows them with it.
seminar-none = No seminar is scheduled.
seminar-list-intro = Coming seminars and sessions:
seminar-list-entry = { $number } { $when } — { $title } ({ $where }; { $count ->
        [one] one state attends
       *[other] { $count } states attend
    })
seminar-show-attend = Attending ({ $count }): { $states }
seminar-show-decline = Not attending ({ $count }): { $states }
seminar-show-minutes = Minutes: { $minutes }
seminar-reminder-week = 📅 In a week: seminar { $number } “{ $title }”, { $when }. { $count ->
        [one] One state attends so far
       *[other] { $count } states attend so far
    }; { $command } shows who.
seminar-reminder-day = 📅 Tomorrow: seminar { $number } “{ $title }”, { $when }. { $count ->
        [one] One state attends
       *[other] { $count } states attend
    }; { $command } shows who.
seminar-reminder-hour = ⏰ In one hour: seminar { $number } “{ $title }”, { $when }. { $count ->
        [one] One state attends
       *[other] { $count } states attend
    }.
digest-seminars = Seminars in the next two weeks ({ $count }):
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = Linked to the requests it discusses: { $requests }; their `!status` names this seminar.
seminar-show-requests = Requests discussed: { $requests }
request-status-seminar = Discussed at seminar { $number } “{ $title }” ({ $when })

## Offers of technical cooperation

summary-offer = publish what your state can provide, or close one of your offers
summary-offers = list the open offers of technical cooperation
offer-not-allowed = Only delegates of member states and of partners publish offers (observers: ask the coordinator).
offer-unknown-category = { $category } is not a category. Use one of: { $categories }.
offer-too-long = The title or the details are too long (at most { $max } characters for the details).
offer-published = Your offer is published as { $number } ({ $category }). The committee sees it on new requests of this category; close it with `!offer close` and its number.
offer-not-found = There is no offer { $number }. Send `!offers` to see the open ones.
offer-not-yours = Only the coordinator or whoever published this offer can close it.
offer-closed-already = Offer { $number } is closed already.
offer-closed = Offer { $number } is closed.
offers-none = No offer is open.
offers-intro = Open offers of technical cooperation:
offer-entry = { $number } { $state }: { $title } ({ $category })
card-offers = Open offers in this category:
digest-offers = Offers of technical cooperation published this week ({ $count }):

## Membership decided by the Executive Committee

summary-apply = (observer states) apply to become a member; (coordinator) propose a state new to the network
summary-vote = (committee) vote on a membership application
summary-applications = list the membership applications and their votes
problem-bad-vote = { $value } is not a vote: use yes, no or abstain.
apply-not-delegate = Only delegates of an observer state apply for membership (the coordinator proposes states new to the network).
apply-already-member = { $state } is already a member of the network.
apply-not-coordinator = Only the coordinator and the network's admins propose a state for the network.
apply-already-in = { $state } is already in the network with that status or a higher one.
apply-open-already = { $state } already has an open application: the Executive Committee is voting on it.
apply-opened = Application { $number } is open: the Executive Committee votes on it in its room, by { $when }. The decision will be posted here.
apply-poll = Application { $number }: { $state } applies for the status: { $status }. Motivation: { $motivation }
    Vote in this poll, or with { $command } (yes, no or abstain).
vote-yes = Yes
vote-no = No
vote-abstain = Abstain
vote-not-committee = Only the delegates of the Executive Committee states vote on application { $number }, in the committee room: this vote is not counted.
vote-closed = Application { $number } is already decided.
application-not-found = There is no application { $number }.
vote-recorded = Vote recorded on application { $number }: { $yes } yes, { $no } no, { $abstain } abstaining, { $pending } still to vote ({ $majority } yes needed).
vote-decided = Vote recorded: application { $number } is { $outcome }.
application-approved = Application { $number } is approved: { $state } now has the status { $status } in the network ({ $yes } yes, { $no } no, { $abstain } abstaining).
application-rejected = Application { $number } is not approved: { $state } keeps its status ({ $yes } yes, { $no } no, { $abstain } abstaining; { $majority } yes needed).
application-open = open
application-outcome-approved = approved
application-outcome-rejected = not approved
applications-none = No membership application yet.
applications-intro = Membership applications:
applications-entry = { $number } { $state } → { $status }: { $outcome } ({ $yes } yes, { $no } no, { $abstain } abstaining; deadline { $when })

## The action plan

summary-plan = show the network's action plan and its progress; (activity leads, committee) update an activity's status
summary-link = (committee) link a request or an offer to an activity of the action plan
plan-none = No action plan is loaded yet: the coordinator configures one (the action_plan setting, see the documentation).
plan-title = { $title }
plan-pillar-line = { $name }: { $done } of { $total } activities done · { $requests } requests linked · { $delivered } with cooperation delivered
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — lead: { $lead } · due: { $due } · { $status } · requests: { $requests }
plan-activity-note = { $note }
plan-no-pillar = There is no pillar “{ $value }”; the pillars are: { $pillars }.
plan-no-activity = There is no activity “{ $value }” in the plan: see !plan and its pillars.
plan-update-not-allowed = Only the delegates of the lead of { $id }, of the Executive Committee and of the coordinator change its status.
plan-updated = Activity { $id } “{ $title }” is now: { $status }.
plan-link-not-allowed = Only the Executive Committee and the coordinator link requests and offers to the plan.
plan-linked = { $what } now serves activity { $id } “{ $title }”.
plan-linked-already = { $what } already serves activity { $id } “{ $title }”.
plan-what-request = Request { $number }
plan-what-offer = Offer { $number }
plan-status-planned = planned
plan-status-in-progress = in progress
plan-status-delayed = delayed
plan-status-done = done
plan-status-cancelled = cancelled

## The network's memory: tags, practices, search

summary-tag = tag a request with SDG targets, themes and UN recommendations (the requesting state's delegates, the committee)
summary-practice = share a good practice with the network (the practice on the next lines); edit or withdraw your own
summary-search = search outcomes, lessons, practices and the requests you may see ("quoted phrases" too)
request-tags = Tagged: { $tags }
tag-unknown-sdg = { $value } is not an SDG goal or target. Goals go from 1 to 17; targets look like 16.3 or 16.a.
tag-unknown-theme = { $value } is not one of the network's themes. The themes are listed in the network's themes file; ask the coordinator.
tag-unknown-theme-closest = { $value } is not one of the network's themes. Did you mean: { $closest }?
tag-too-many = At most { $max } tags of each kind (SDGs, themes, references) on one request or practice.
ref-unknown-mechanism = { $value } does not start with a mechanism I know: UPR, a treaty body (CAT, SPT, CEDAW, CERD, CCPR, CESCR, CRC, CRPD, CMW, CED) or SP for a special procedure.
ref-bad-upr = { $value } is not a UPR reference. Write the cycle and the recommendation's number, like: UPR 4 123.45
ref-bad-treaty-body = { $value } is not a treaty body reference. Write the body, then the document's symbol or the paragraph, like: CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = In { $value }, the symbol is not a document of { $body }: its symbols begin { $prefix }.
ref-bad-special-procedure = { $value } is not a special procedure reference. Write SP, the mandate, then the report's symbol or the paragraph, like: SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } is too long for a reference (at most 120 characters).
tag-not-allowed = Only the delegates of the state that filed request { $number } and the Executive Committee can tag it.
tag-done = Request { $number } is tagged.
tag-none-left = Request { $number } has no tags left.
practice-not-allowed = Only delegates of the network's states and partners share practices.
practice-too-long = The title or the practice is too long (at most { $max } characters for the practice).
practice-shared = Thank you: your practice is shared as { $number } ({ $tags }). Anyone finds it with `!search`.
practice-not-found = There is no practice { $number }.
practice-not-yours = Only whoever shared practice { $number } or the coordinator can change it.
practice-edited = Practice { $number } is updated.
practice-withdrawn = Practice { $number } is withdrawn; search no longer shows it.
search-not-allowed = Search is for the delegates of the network's states and partners.
search-empty = What should I look for? Write some words after `!search`, like: !search recommendation tracking database
search-no-words = There is nothing to look for in that: give words, not only punctuation or very common words.
search-unbalanced-quotes = A quote is opened and never closed. Put a phrase between two quotes, like: !search "study visit"
search-too-many-words = That is too many words: at most { $max }. Keep the most telling ones.
search-too-long = That search is { $length } characters long; at most { $max }. Keep the most telling words.
search-unknown-region = { $value } is not a region. Use one of: { $regions }.
search-none = Nothing matches { $query }. Try fewer or other words (in the language the text was written in), or drop a filter.
search-intro = { $count ->
    [one] The best match for { $query }:
   *[other] The best { $count } for { $query }:
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }): { $excerpt } { $link }
search-kind-request = Request { $source }
search-kind-outcome = Outcome of request { $source }
search-kind-practice = Practice { $source }
search-kind-guidance = Guidance
summary-guide = read the network's guidance documents (such as the Marrakech Guidance Framework), section by section, in your language
summary-save = keep the message you reply to as a good practice, with a link to it and its author's state
summary-experts = who has done this before: the states and partners that delivered in a category, theme or SDG
save-not-a-reply = Reply to the message you want to keep and write `!save` in your reply (a title, --theme and --sdg are optional).
save-unreadable = I cannot read the message you replied to: it may have been deleted, or I cannot decrypt it. Nothing was saved.
save-not-text = Only text messages can be kept as practices.
save-author-unknown = The message you replied to was not written by a delegate of the network's states or partners, so I cannot say whose practice it is. Share it with `!practice` instead.
save-wrong-place = Messages are kept from the network's rooms (plenary, regional and working rooms). The committee room stays confidential: share from it with `!practice`.
save-already = That message is already kept as practice { $number }.
save-done = Kept as practice { $number }: { $title }, from { $state }. Anyone finds it with `!search`.
experts-unknown = { $value } is not a request category, a theme or an SDG. The categories are: { $categories }. Themes and SDGs are written as with `!tag`.
experts-none = No state or partner has delivered cooperation in { $about } yet, and none offers it.
experts-intro = Who has done this before in { $about }:
expert-entry = { $name }: { $reasons }
expert-delivered = { $count ->
    [one] one outcome delivered
   *[other] { $count } outcomes delivered
}
expert-partly = { $count ->
    [one] one partly delivered
   *[other] { $count } partly delivered
}
expert-latest = latest on { $date }
expert-language = speaks { $language }
expert-region = same region
expert-offer = open offer { $numbers }
expert-separator = {", "}
card-experts = Who has done this before:
guide-none = The network has no guidance documents yet; the coordinator adds them.
guide-intro = The network's guidance documents (send !guide and a document's ID to see its sections):
guide-entry = • { $id }: { $title } (languages: { $languages })
guide-unknown = There is no guidance document { $value }. Send !guide to list them.
guide-fallback = This document is not available in your language; here it is in { $language }.
guide-sections = { $title }: send !guide { $id } and a section's number (or the first words of its title).
guide-section-entry = { $number }. { $title }
guide-no-section = { $id } has no section { $value }. Send !guide { $id } to list them.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = I could not read the encrypted message you sent here: my device did not receive its key. If it was a command, please send it again. If this keeps happening, check that your app shares room keys with unverified devices, or verify my device. (I say this at most once a day in each room.)
