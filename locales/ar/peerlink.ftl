# peerlink message catalog: Arabic (the same IDs and variables as English).
# Markup: `code` spans and line breaks. Arguments are escaped by the bot.
# Plural categories (CLDR): zero, one, two, few (3–10), many (11–99), other (100–102…).

## !help

help-intro = أنا peerlink، روبوت شبكة الآليات الوطنية للتنفيذ والإبلاغ والمتابعة. الأوامر:
help-intro-here = أنا peerlink، روبوت شبكة الآليات الوطنية للتنفيذ والإبلاغ والمتابعة. ما يمكنك فعله هنا:
help-entry = { $usage } — { $summary }
help-elsewhere = أوامر أخرى، لأدوار أخرى أو غرف أخرى: { $commands }. أرسل { $all } لرؤيتها كلها.
help-footer = أرسل { $help } متبوعًا باسم أمر لمعرفة التفاصيل، مثلًا { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = لا يوجد أمر باسم { $command }. أرسل { $help } لرؤية القائمة.

## Command summaries (shown by !help)

summary-help = عرض الأوامر أو شرح أحدها
summary-ping = التحقق من أن الروبوت يعمل ويجيب
summary-language = عرض اللغة التي أجيبك بها أو اختيارها

## Replies

pong = بونغ! peerlink يعمل ويجيب.
language-current = أجيبك باللغة: { $language } ({ $code }). اختر لغة أخرى بالأمر { $example }. اللغات المتاحة: { $available }.
language-set = من الآن فصاعدًا أجيبك باللغة: { $language }.

## Errors

unknown-command = لا أعرف الأمر { $command }. أرسل { $help } لمعرفة ما يمكنني فعله.
command-usage = الاستخدام: { $usage }
problem-no-arguments = الأمر { $command } لا يقبل أي وسيطات.
problem-too-many-arguments = الأمر { $command } يقبل { $max ->
        [zero] لا وسيطات
        [one] وسيطة واحدة على الأكثر
        [two] وسيطتين على الأكثر
        [few] { $max } وسيطات على الأكثر
        [many] { $max } وسيطة على الأكثر
       *[other] { $max } وسيطة على الأكثر
    }.
internal-error = عذرًا، حدث خطأ أثناء معالجة أمرك. تم تسجيله؛ يُرجى المحاولة مرة أخرى بعد قليل.

## Rooms created by provisioning (names and topics)

room-space-name = { $network }
room-space-topic = { $network_full }: الجلسة العامة وغرف التعلّم الإقليمي بين الأقران واللجنة التنفيذية.
room-plenary-name = { $network } — الجلسة العامة
room-plenary-topic = الجلسة العامة للشبكة: إعلانات ونقاشات لجميع الدول الأعضاء والمراقبة.
room-regional-name = { $network } — { $region }
room-regional-topic = غرفة التعلّم بين الأقران: { $region }. مندوبو جميع المناطق مرحَّب بهم.
room-committee-name = { $network } — اللجنة التنفيذية
room-observers = الدول المراقبة: { $states }.
room-committee-topic = اللجنة التنفيذية للشبكة: هنا تُفرز طلبات التعاون. لمندوبي اللجنة فقط.
room-working-topic = غرفة العمل الخاصة بالطلب { $number } المقدَّم من { $state }: تضمّ مندوبي هذه الدولة، ومندوبي الدول والشركاء المكلَّفين به، واللجنة التنفيذية. أبلغوا عن التقدّم المحرز بالأمر ‎{ $command }.

## Command summaries, continued

summary-regions = عرض المناطق وكيفية الانضمام إلى غرفها
summary-join = تلقّي دعوة إلى غرفة إقليمية أخرى للتعلّم بين الأقران
summary-whois = عرض وضع دولة وآليتها ومندوبيها، أو نوع شريك وغرفه ومندوبيه
summary-state = (المنسّق) إضافة دولة أو تعديلها أو حذفها
summary-partner = (المنسّق) إضافة منظمة شريكة أو تعديلها أو حذفها
summary-delegate = (المنسّق) إضافة مندوب أو حذفه أو استبداله
summary-roster = (المنسّق) عرض السجل أو تصديره أو استيراده

## Problems with arguments

problem-missing-argument = الأمر { $command } يحتاج إلى { $what }.
problem-unknown-action = الأمر { $command } لا يعرف { $given }؛ استخدم أحد الخيارات التالية: { $expected }.
problem-bad-country = { $value } ليس رمز بلد: استخدم حرفين، مثل MA أو PY.
problem-bad-user = { $value } ليس معرّف Matrix كاملًا: اكتبه هكذا ‎@name:example.org.
problem-bad-status = { $value } ليس وضعًا: استخدم founding_member أو member أو observer.
problem-bad-seat = { $value } ليس رمز بلد (حرفان، مثل MA) ولا معرّف شريك (مثل ohchr).
problem-bad-partner-id = { $value } ليس معرّف شريك: استخدم من 3 إلى 32 من الأحرف اللاتينية الصغيرة أو الأرقام أو الشرطات، على أن يبدأ بحرف (مثل ohchr أو cndh-ma).
problem-bad-partner-kind = { $value } ليس نوع شريك: استخدم un_body أو un_agency أو state_donor أو nhri أو civil_society أو academia.
problem-bad-language = { $value } ليست لغة يمكن للمندوبين اختيارها: استخدم ar أو zh-Hans أو en أو fr أو ru أو es أو pt.
problem-bad-format = { $value } ليس صيغة للسجل: استخدم toml أو csv.
problem-bad-option = الأمر { $command } لا يعرف الخيار { $value } (أو أن قيمته ناقصة).
problem-unbalanced-quotes = فُتحت علامة اقتباس ولم تُغلق.
problem-missing-roster-text = الأمر { $command } يحتاج إلى ملف السجل نفسه، ملصوقًا في الأسطر التي تلي الأمر.

## Regions

regions-intro = غرف التعلّم الإقليمي بين الأقران (يمكن لأي عضو أو مراقب الانضمام إلى أي منها):
regions-entry = • { $name } ({ $states ->
        [zero] لا دول
        [one] دولة واحدة
        [two] دولتان
        [few] { $states } دول
        [many] { $states } دولة
       *[other] { $states } دولة
    }): { $join }
regions-entry-own = • { $name } ({ $states ->
        [zero] لا دول
        [one] دولة واحدة
        [two] دولتان
        [few] { $states } دول
        [many] { $states } دولة
       *[other] { $states } دولة
    }): { $join } (منطقتك)
join-unknown-region = لا أعرف منطقة باسم «{ $region }». أرسل { $regions } لرؤية القائمة.
join-not-delegate = الغرف الإقليمية مخصّصة لمندوبي الدول الأعضاء والمراقبة. إن كنت تمثّل دولة، فاطلب من المنسّق إضافتك إلى السجل.
join-invited = دعوتك إلى غرفة منطقة { $region }. اقبل الدعوة في تطبيق Matrix الخاص بك للانضمام.

## States

status-founding-member = عضو مؤسس
status-member = عضو
status-observer = مراقب
whois-unknown = لا أعرف بلدًا باسم «{ $query }». استخدم رمزه المكوّن من حرفين، مثل MA، أو اسمه.
whois-not-in-network = { $name } ليست في الشبكة (بعد).
whois-committee = عضو في اللجنة التنفيذية
whois-coordinator = منسّق الشبكة
whois-none = لا شيء مسجّل
whois-plenary = الجلسة العامة
whois-partner = { $name } ({ $id }): { $kind }
    الغرف: { $regions }
    المندوبون: { $delegates }
partner-kind-un-body = هيئة أو مكتب تابع للأمم المتحدة
partner-kind-un-agency = وكالة أو صندوق أو برنامج تابع للأمم المتحدة
partner-kind-state-donor = دولة مانحة أو وكالة إنمائية
partner-kind-nhri = مؤسسة وطنية لحقوق الإنسان
partner-kind-civil-society = منظمة من منظمات المجتمع المدني
partner-kind-academia = جامعة أو مركز بحوث
whois-state = { $name } ({ $code }): { $status }{ $roles }
    المنطقة: { $region }
    الآلية: { $mechanism }
    المندوبون: { $delegates }

## Roster administration

roster-not-allowed = لا يمكن تعديل السجل إلا للمنسّق ومديري الشبكة.
roster-wrong-place = أوامر السجل تعمل في غرفة اللجنة التنفيذية أو في محادثة مباشرة معي، لا هنا.
roster-no-change = لا تغيير: السجل ينصّ على ذلك أصلًا.
roster-changed = { $count ->
        [zero] لم يُجرَ أي تغيير
        [one] أُجري تغيير واحد
        [two] أُجري تغييران
        [few] أُجريت { $count } تغييرات
        [many] أُجري { $count } تغييرًا
       *[other] أُجري { $count } تغيير
    }؛ وستتبعه الغرف:
roster-dry-run = تجربة: { $count ->
        [zero] لن يُجرى أي تغيير
        [one] سيُجرى تغيير واحد
        [two] سيُجرى تغييران
        [few] ستُجرى { $count } تغييرات
        [many] سيُجرى { $count } تغييرًا
       *[other] سيُجرى { $count } تغيير
    }؛ لم يتغيّر شيء:
roster-line = { $line }
roster-file-problems = لم يتغيّر السجل: في الملف { $count ->
        [zero] لا مشكلات
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $count } مشكلات
        [many] { $count } مشكلة
       *[other] { $count } مشكلة
    }:
roster-no-such-state = { $value } ليست في السجل.
roster-state-exists = { $value } موجودة في السجل بالفعل.
roster-no-such-delegate = { $value } ليس مندوبًا.
roster-delegate-exists = هذا الشخص مندوب بالفعل: { $value }.
roster-no-region = { $value } لا تنتمي إلى أي منطقة في الشبكة؛ أضفها إلى ملف المناطق أولًا.
roster-show-intro = السجل: { $count ->
        [zero] لا دول
        [one] دولة واحدة
        [two] دولتان
        [few] { $count } دول
        [many] { $count } دولة
       *[other] { $count } دولة
    }.
roster-show-region = { $name }
roster-show-state = { $code } { $name }، { $status }: { $delegates }
roster-show-partners = الشركاء
roster-show-partner = { $id } { $name }، { $kind }: { $delegates }
roster-no-such-partner = { $value } ليس من الشركاء في السجل.
roster-partner-exists = { $value } موجود بالفعل بين الشركاء في السجل.
roster-unknown-region = { $value } ليست منطقة من مناطق الشبكة (انظر ‎!regions).

## Cooperation requests

summary-request = (مندوبو الأعضاء والمراقبين) تقديم طلب تعاون
summary-requests = عرض الطلبات: طلبات دولتك، أو جميعها للجنة
summary-status = عرض طلب: حالته وتاريخه والمكلَّف به ونتيجته
summary-ack = (اللجنة) الإقرار باستلام طلب
summary-info = (اللجنة) طلب معلومات من مقدّم الطلب
summary-accept = (اللجنة) قبول طلب وتكليف دول أو شركاء من السجل به
summary-assign = (اللجنة) تغيير الدول أو الشركاء المكلَّفين بطلب مقبول
summary-decline = (اللجنة) رفض طلب مع ذكر السبب
summary-start = (اللجنة) وضع طلب مقبول قيد التنفيذ
summary-resolve = (اللجنة) إنجاز طلب وتسجيل نتيجته
summary-reopen = (اللجنة) إعادة فتح طلب منجز أو مرفوض
problem-bad-number = { $value } ليس رقم طلب: اكتبه هكذا 12 أو ‎#12.
problem-bad-result = { $value } ليس نتيجة: استخدم delivered أو partly أو not_delivered.
request-wrong-place = قدّم الطلبات في الجلسة العامة أو في غرفة منطقتك أو في محادثة مباشرة معي.
request-not-delegate = لا يمكن تقديم الطلبات ومتابعتها إلا لمندوبي الدول الأعضاء والمراقبة. إن كنت تمثّل دولة، فاطلب من المنسّق إضافتك إلى السجل.
request-unknown-category = { $category } ليست فئة. استخدم إحدى الفئات التالية: { $categories }.
request-observer-category = لا يمكن للدول المراقبة تقديم طلبات في فئة { $category }. الفئات المتاحة للمراقبين: { $categories }.
request-filed = شكرًا لك. رقم طلبك { $number }. أُبلغت اللجنة التنفيذية؛ وستُبلَّغ هنا، في هذا الموضوع، بكل خطوة.
request-card = الطلب { $number } · { $category }
    من: { $state } ({ $region })
    العنوان: { $title }
    { $description }
    قدّمه { $requester }: { $link }
    ناقشوه في هذا الموضوع؛ وللفرز: !ack و!info و!accept و!decline و!start و!resolve (لا حاجة إلى الرقم هنا).
requests-none = لا توجد طلبات مطابقة.
requests-intro = الطلبات:
requests-entry = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-not-found = لا يوجد طلب { $number } يمكنك الاطلاع عليه.
request-status = { $number } [{ $state }] { $country }: { $title } ({ $category })
request-status-assignee = المكلَّف به: { $assignee }
request-status-outcome = النتيجة: { $result }. { $summary }
request-status-lessons = الدروس المستفادة: { $lessons }
request-status-step = { $when } · { $actor } ← { $to } { $reason }
triage-wrong-place = يجري الفرز في غرفة اللجنة التنفيذية.
triage-which-request = أي طلب؟ اذكر رقمه، مثل ‎!ack 12، أو أجب في موضوع بطاقة الطلب.
triage-done = الطلب { $number } الآن: { $state }. أُبلغ مقدّم الطلب.
triage-not-committee = لا يمكن فرز الطلبات إلا لمندوبي دول اللجنة التنفيذية.
triage-own-request = الطلب { $number } مقدَّم من { $state }، دولتك: يجب أن تبتّ فيه دولة أخرى من اللجنة.
triage-not-requester = لا يمكن الإجابة عن أسئلة الطلب { $number } إلا لمندوبي الدولة التي قدّمته.
triage-not-now = الطلب { $number } في حالة: { $state }؛ الممكن الآن: { $allowed }.
notice-acknowledged = أقرّت اللجنة التنفيذية باستلام طلبك { $number }.
notice-needs-info = تسأل اللجنة التنفيذية عن طلبك { $number }: { $text }
    يُرجى الإجابة في هذا الموضوع.
notice-accepted = قُبل طلبك { $number } وكُلِّف به: { $assignees }. { $text }
notice-assigned = كُلِّف بطلبك { $number } الآن: { $assignees }. { $text }
assign-unknown = { $value } ليس دولة ولا شريكًا في السجل (انظر ‎!whois).
assign-unknown-closest = { $value } ليس دولة ولا شريكًا في السجل. هل تقصد: { $closest }؟
assign-requester = { $state } هي التي قدّمت هذا الطلب: لا يمكن تكليفها به.
assign-unchanged = كُلِّف بالطلب { $number } بالفعل: { $assignees }.
notice-declined = رُفض طلبك { $number }: { $text }
notice-in-progress = بدأ العمل على طلبك { $number }.
notice-resolved = أُنجز طلبك { $number } ({ $result }): { $text }
notice-reopened = أُعيد فتح طلبك { $number }. { $text }
state-submitted = مقدَّم
state-acknowledged = مُقَرّ باستلامه
state-needs-info = بانتظار معلومات
state-accepted = مقبول
state-in-progress = قيد التنفيذ
state-resolved = منجز
state-declined = مرفوض
state-reopened = أُعيد فتحه
result-delivered = نُفِّذ
result-partly-delivered = نُفِّذ جزئيًا
result-not-delivered = لم يُنفَّذ
answer-relayed = شكرًا لك: أُحيلت إجابتك عن الطلب { $number } إلى اللجنة التنفيذية.
card-answer = إجابة { $requester } عن الطلب { $number }: { $text }
card-update = التقدّم المحرز في الطلب { $number }، كما أبلغ عنه { $who }: { $text }

## Limits

rate-deferred = ترسل الأوامر أسرع مما أعالجها: سأعالج هذا الأمر والأوامر التالية بالتتابع، أمرًا كل { $seconds ->
        [zero] لحظة
        [one] ثانية
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }، بالترتيب الذي أرسلتها به. لن يضيع شيء.
rate-refused = لديك أوامر كثيرة جدًا في الانتظار: لم أنفّذ { $command }. أرسله مرة أخرى بعد { $seconds ->
        [zero] لحظة
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }.
message-too-long = هذا الأمر طويل جدًا ({ $size } كيلوبايت؛ الحد الأقصى { $max } كيلوبايت). لم يُسجَّل شيء.
request-title-too-long = العنوان طويل جدًا ({ $length } حرفًا؛ الحد الأقصى { $max }). اجعله قصيرًا وضع التفاصيل في الأسطر التالية. لم يُسجَّل شيء.
request-description-too-long = الوصف طويل جدًا ({ $length } حرفًا؛ الحد الأقصى { $max }). شارك المستندات الطويلة كملف أو رابط. لم يُسجَّل شيء.

## Time: zones, durations, dates as people type them

summary-timezone = عرض المنطقة الزمنية للأوقات التي أعرضها لك أو اختيارها
summary-overdue = عرض الطلبات التي تجاوزت المهل المحددة للاستجابة
summary-update = الإبلاغ عن التقدّم المحرز في طلب تعمل عليه دولتك أو الجهة الشريكة التي تمثّلها (في غرفة العمل الخاصة به، أو بذكر رقمه)
update-which-request = أي طلب؟ اذكر رقمه، مثل ‎!update 12 …، أو اكتب في غرفة العمل الخاصة بالطلب.
update-not-involved = لا يمكن الإبلاغ عن التقدّم المحرز في الطلب { $number } إلا لمندوبي الدولة التي قدّمته، ومندوبي الدول والشركاء المكلَّفين به، ومندوبي اللجنة التنفيذية.
update-not-now = الطلب { $number } في حالة: { $state }؛ ولا يُبلَّغ عن التقدّم المحرز إلا حين يكون الطلب مقبولًا أو قيد التنفيذ.
update-recorded = سُجّل التقدّم المحرز في الطلب { $number }؛ وتطّلع عليه اللجنة التنفيذية في بطاقة الطلب.
working-opened = قبلت اللجنة التنفيذية الطلب { $number } «{ $title }» المقدَّم من { $state }، وكُلِّف به: { $assignees }. في هذه الغرفة يجري العمل: أبلغوا عن التقدّم المحرز بالأمر ‎{ $command } (يُضاف إلى تاريخ الطلب ويُحال إلى اللجنة).
working-description = الطلب: { $description }
working-note = ملاحظة اللجنة التنفيذية: { $note }
working-reassigned = كُلِّف بالطلب { $number } الآن: { $assignees }.
working-closed = أُنجز الطلب { $number } ({ $result }): { $summary }
    أصبحت هذه الغرفة الآن للقراءة فقط؛ وتبقى توثيقًا للعمل المنجز.
timezone-current = أعرض لك الأوقات بتوقيت المنطقة الزمنية { $zone }؛ الوقت الآن: { $now }. اختر منطقة أخرى بالأمر { $example } (اسم منطقة زمنية وفق IANA).
timezone-set = من الآن فصاعدًا أعرض لك الأوقات بتوقيت المنطقة الزمنية { $zone }؛ الوقت الآن: { $now }.
duration-days = { $n ->
        [zero] أقل من يوم
        [one] يوم واحد
        [two] يومان
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
duration-hours = { $n ->
        [zero] أقل من ساعة
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $n } ساعات
        [many] { $n } ساعة
       *[other] { $n } ساعة
    }
duration-minutes = { $n ->
        [zero] أقل من دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $n } دقائق
        [many] { $n } دقيقة
       *[other] { $n } دقيقة
    }
duration-seconds = { $n ->
        [zero] أقل من ثانية
        [one] ثانية واحدة
        [two] ثانيتان
        [few] { $n } ثوانٍ
        [many] { $n } ثانية
       *[other] { $n } ثانية
    }
when-zone-suggest = { $input } ليست منطقة زمنية أعرفها. هل تقصد { $suggestion }؟
when-zone-unknown = { $input } ليست منطقة زمنية أعرفها. استخدم اسمًا وفق IANA مثل `Europe/Lisbon` أو `America/Asuncion` أو `Africa/Casablanca`، أو `UTC`.
when-bad-date = { $input } ليس تاريخًا. اكتبه بصيغة السنة-الشهر-اليوم، مثلًا `2027-03-15`.
when-impossible-date = التاريخ { $input } غير موجود في التقويم. تحقّق من اليوم والشهر.
when-bad-time = { $input } ليس وقتًا. اكتبه بنظام الأربع والعشرين ساعة، مثلًا `09:30` أو `14:00`.
when-nonexistent-time = الوقت { $time } غير موجود يوم { $date } في المنطقة الزمنية { $zone }: إذ تتخطّاه الساعات عند بدء التوقيت الصيفي. اختر وقتًا آخر، مثلًا { $after }.
when-ambiguous-time = الوقت { $time } يتكرّر مرتين يوم { $date } في المنطقة الزمنية { $zone } عند انتهاء التوقيت الصيفي (في UTC { $first } ثم مرة أخرى في UTC { $second }). اختر وقتًا آخر، أو حدّده بتوقيت `UTC`.
when-bad-duration = { $input } ليست مدة. اكتبها مثلًا هكذا: `90m` أو `2h` أو `1h30`.
when-duration-range = { $input } ليست مدة ممكنة: يجب أن تكون أكبر من الصفر، والحد الأقصى لها: { $max }.
when-bad-weekly = { $input } ليس موعدًا أسبوعيًا. اكتب يومًا من أيام الأسبوع ووقتًا، مثلًا `monday 09:00`.

## Response-time reminders (in the card's thread) and !overdue

reminder-acknowledge = ⏰ الطلب { $number } «{ $title }» المقدَّم من { $state } لم يُقَرّ باستلامه بعد؛ مدة الانتظار: { $waited } (المهلة المحددة: { $target }). { $people }: يُرجى الإقرار باستلامه أو اتخاذ إجراء آخر؛ ويعرض { $command } المرحلة التي بلغها.
reminder-escalation-acknowledge = ⚠️ الطلب { $number } «{ $title }» المقدَّم من { $state } لم يُقَرّ باستلامه بعد؛ مدة الانتظار: { $waited }، أي أكثر من ضعف المهلة المحددة للإقرار بالاستلام ({ $target }). { $people }: بصفتكم المنسّق، يُرجى التأكد من تولّي أمره.
reminder-resolve = ⏰ الطلب { $number } «{ $title }» المقدَّم من { $state } لا يزال مفتوحًا؛ المدة المنقضية: { $waited } (المهلة المحددة لإنجازه: { $target }). { $people }: يُرجى المضي به قدمًا؛ ويعرض { $command } المرحلة التي بلغها.
reminder-resolve-assigned = ⏰ الطلب { $number } «{ $title }» المقدَّم من { $state }، والمكلَّف به: { $assignee }، لم يُنجز بعد؛ المدة المنقضية: { $waited } (المهلة المحددة: { $target }). { $people }: يُرجى نشر ما أُحرز من تقدّم هنا.
reminder-escalation-resolve = ⚠️ الطلب { $number } «{ $title }» المقدَّم من { $state } لا يزال مفتوحًا؛ المدة المنقضية: { $waited }، أي أكثر من ضعف المهلة المحددة لإنجازه ({ $target }). { $people }: بصفتكم المنسّق، يُرجى متابعة الأمر.
reminder-late = (كان موعد هذا التذكير { $due }؛ ولم أكن أعمل حينها.)
overdue-none = لا يوجد طلب تجاوز المهل المحددة للاستجابة.
overdue-intro = { $count ->
        [zero] لا توجد طلبات تجاوزت مهلة محددة للاستجابة
        [one] طلب واحد تجاوز مهلة محددة للاستجابة
        [two] طلبان تجاوزا مهلة محددة للاستجابة
        [few] { $count } طلبات تجاوزت مهلة محددة للاستجابة
        [many] { $count } طلبًا تجاوزت مهلة محددة للاستجابة
       *[other] { $count } طلب تجاوزت مهلة محددة للاستجابة
    } ({ $now }):
overdue-entry-acknowledge = { $number } { $country }: { $title } — لم يُقَرّ باستلامه؛ مدة الانتظار: { $waited } (المهلة المحددة: { $target })
overdue-entry-resolve = { $number } [{ $state }] { $country }: { $title } — مفتوح؛ المدة المنقضية: { $waited } (المهلة المحددة: { $target })
overdue-escalated = { "   " }⚠️ تجاوز ضعف المهلة المحددة: أُبلغ المنسّق.

## Weekly digests

digest-committee-title = 📋 الموجز الأسبوعي للجنة التنفيذية ({ $date })
digest-room-title = 📋 الموجز الأسبوعي للشبكة ({ $date })
digest-new = الطلبات الجديدة هذا الأسبوع ({ $count }):
digest-waiting = طلبات لم يُقَرّ باستلامها بعد ({ $count }):
digest-overdue = طلبات تجاوزت مهلة محددة للاستجابة ({ $count }):
digest-decided = طلبات بُتّ فيها هذا الأسبوع ({ $count }):
digest-entry = { "  " }{ $number } { $country }: { $title }
digest-more = { "  " }… وطلبات أخرى عددها { $count }: يعرضها جميعًا { $command }.
digest-outcomes = التعاون الذي نُفِّذ هذا الأسبوع ({ $count }):
digest-outcome-entry = { "  " }{ $number } { $country }: { $title } — { $result }. { $summary }
digest-late = (كان موعد هذا الموجز { $due }؛ ولم أكن أعمل حينها.)

## Seminars and peer-learning sessions

summary-seminar = عرض الندوات المقبلة، أو عرض إحداها مع الدول المشاركة فيها، أو جدولة ندوة أو تغيير موعدها أو إلغاؤها
summary-attend = الإفادة بأن دولتك ستشارك في ندوة
summary-decline-seminar = الإفادة بأن دولتك لن تشارك في ندوة
summary-minutes = حفظ محضر ندوة بعد انعقادها
seminar-kind-international = الندوة الدولية
seminar-kind-regional = الجلسة الإقليمية للتعلّم بين الأقران
seminar-heading = 📅 { $kind } { $number }: «{ $title }»
    { $when } ({ $duration })
seminar-place = المكان: { $place }
seminar-link = الرابط: { $link }
seminar-is-cancelled = ❌ أُلغيت هذه الندوة.
seminar-how-to-answer = هل ستشارك دولتك؟ أجب بالأمر { $attend } أو { $decline }، أو تفاعل مع هذه الرسالة بـ 👍 أو 👎.
seminar-calendar-link = أضفها إلى تقويمك: { $link }
seminar-scheduled = جُدولت الندوة برقم { $number } في { $when }. ويلي ذلك الإعلان عنها؛ وستُرسل التذكيرات قبل موعدها بسبعة أيام ثم بيوم واحد ثم بساعة واحدة.
seminar-in-the-past = لقد مضى الموعد { $when }. اختر موعدًا مقبلًا.
seminar-add-plenary-only-coordinator = لا يجدول الندوات الدولية في الجلسة العامة إلا المنسّق. ويمكن لمندوبي أي منطقة جدولة جلسات في غرفتهم الإقليمية.
seminar-add-regional-only-region = لا يجدول الجلسات في هذه الغرفة إلا مندوبو دول هذه المنطقة (والمنسّق).
seminar-add-wrong-place = تُجدول الندوات في الجلسة العامة (الندوات الدولية) أو في غرفة إقليمية (الجلسات الإقليمية).
seminar-too-long = العنوان أو المكان أو الرابط طويل جدًا (الحد الأقصى لعدد الأحرف: { $max }).
seminar-bad-link = { $link } ليس رابطًا على الويب؛ قدّم رابطًا يبدأ بـ `https://`.
seminar-not-found = لا توجد ندوة رقمها { $number }. أرسل `!seminar` لرؤية الندوات المقبلة.
seminar-not-yours = لا يمكن تعديل هذه الندوة إلا للمنسّق أو لمن جدولها.
seminar-cancelled-already = أُلغيت الندوة { $number }.
seminar-moved = تنعقد الندوة { $number } الآن في { $when }. أُبلغت الغرفة بذلك؛ وستتبع التذكيرات الموعد الجديد.
seminar-cancelled = أُلغيت الندوة { $number }؛ وأُبلغت الغرفة بذلك.
seminar-cancelled-notice = ❌ أُلغيت الندوة { $number } «{ $title }».
seminar-answer-not-delegate = لا يمكن الإجابة باسم الدولة إلا لمندوبي دول الشبكة.
seminar-over = انتهت الندوة { $number }.
seminar-answer-attend = سُجّل ذلك: ستشارك { $state } في الندوة { $number } «{ $title }».
seminar-answer-decline = سُجّل ذلك: لن تشارك { $state } في الندوة { $number } «{ $title }».
seminar-minutes-too-early = لم تبدأ الندوة { $number } بعد؛ احفظ محضرها بعد انعقادها.
seminar-minutes-saved = حُفظ محضر الندوة { $number }؛ ويعرضه `!seminar` مع بيانات الندوة.
seminar-none = لا توجد ندوات مجدولة.
seminar-list-intro = الندوات والجلسات المقبلة:
seminar-list-entry = { $number } { $when } — { $title } ({ $where }؛ { $count ->
        [zero] لا تشارك أي دولة
        [one] تشارك دولة واحدة
        [two] تشارك دولتان
        [few] تشارك { $count } دول
        [many] تشارك { $count } دولة
       *[other] تشارك { $count } دولة
    })
seminar-show-attend = الدول المشاركة ({ $count }): { $states }
seminar-show-decline = الدول غير المشاركة ({ $count }): { $states }
seminar-show-minutes = المحضر: { $minutes }
seminar-reminder-week = 📅 بعد أسبوع: الندوة { $number } «{ $title }»، { $when }. { $count ->
        [zero] لم تؤكد أي دولة مشاركتها حتى الآن
        [one] أكدت دولة واحدة مشاركتها حتى الآن
        [two] أكدت دولتان مشاركتهما حتى الآن
        [few] أكدت { $count } دول مشاركتها حتى الآن
        [many] أكدت { $count } دولة مشاركتها حتى الآن
       *[other] أكدت { $count } دولة مشاركتها حتى الآن
    }؛ ويعرض { $command } الدول المشاركة.
seminar-reminder-day = 📅 غدًا: الندوة { $number } «{ $title }»، { $when }. { $count ->
        [zero] لا تشارك أي دولة
        [one] تشارك دولة واحدة
        [two] تشارك دولتان
        [few] تشارك { $count } دول
        [many] تشارك { $count } دولة
       *[other] تشارك { $count } دولة
    }؛ ويعرض { $command } الدول المشاركة.
seminar-reminder-hour = ⏰ بعد ساعة واحدة: الندوة { $number } «{ $title }»، { $when }. { $count ->
        [zero] لا تشارك أي دولة
        [one] تشارك دولة واحدة
        [two] تشارك دولتان
        [few] تشارك { $count } دول
        [many] تشارك { $count } دولة
       *[other] تشارك { $count } دولة
    }.
digest-seminars = الندوات خلال الأسبوعين القادمين ({ $count }):
digest-seminar-entry = { "  " }{ $number } { $when } — { $title }
seminar-minutes-linked = رُبط المحضر بالطلبات التي يتناولها: { $requests }؛ ويذكر `!status` لكل منها هذه الندوة.
seminar-show-requests = الطلبات التي نوقشت: { $requests }
request-status-seminar = نوقش في الندوة { $number } «{ $title }» ({ $when })

## Offers of technical cooperation

summary-offer = نشر ما يمكن أن تقدّمه دولتك، أو إغلاق أحد عروضك
summary-offers = عرض قائمة عروض التعاون التقني المفتوحة
offer-not-allowed = لا ينشر العروض إلا مندوبو الدول الأعضاء والشركاء (أما المراقبون فيُرجى منهم التوجّه إلى المنسّق).
offer-unknown-category = { $category } ليست فئة. استخدم إحدى الفئات التالية: { $categories }.
offer-too-long = العنوان أو التفاصيل أطول من اللازم (الحد الأقصى لعدد أحرف التفاصيل: { $max }).
offer-published = نُشر عرضك برقم { $number } ({ $category }). وستطّلع عليه اللجنة عند ورود طلبات جديدة في هذه الفئة؛ ويمكنك إغلاقه بإرسال `!offer close` متبوعًا برقمه.
offer-not-found = لا يوجد عرض رقمه { $number }. أرسل `!offers` لرؤية العروض المفتوحة.
offer-not-yours = لا يمكن إغلاق هذا العرض إلا للمنسّق أو لمن نشره.
offer-closed-already = العرض { $number } مغلق بالفعل.
offer-closed = أُغلق العرض { $number }.
offers-none = لا توجد عروض مفتوحة.
offers-intro = عروض التعاون التقني المفتوحة:
offer-entry = { $number } { $state }: { $title } ({ $category })
card-offers = العروض المفتوحة في هذه الفئة:
digest-offers = عروض التعاون التقني المنشورة هذا الأسبوع ({ $count }):

## Membership decided by the Executive Committee

summary-apply = (الدول المراقبة) التقدّم بطلب للحصول على العضوية؛ (المنسّق) اقتراح انضمام دولة ليست في الشبكة بعد
summary-vote = (اللجنة) التصويت على طلب عضوية
summary-applications = عرض طلبات العضوية والأصوات المُدلى بها بشأنها
problem-bad-vote = { $value } ليس صوتًا صالحًا: استخدم yes أو no أو abstain.
apply-not-delegate = لا يتقدّم بطلب العضوية إلا مندوبو دولة مراقبة (أما الدول التي ليست في الشبكة بعد فيقترحها المنسّق).
apply-already-member = { $state } عضو في الشبكة بالفعل.
apply-not-coordinator = لا يقترح انضمام دولة إلى الشبكة إلا المنسّق ومديرو الشبكة.
apply-already-in = { $state } في الشبكة بالفعل بهذا الوضع أو بوضع أعلى منه.
apply-open-already = لدى { $state } طلب عضوية مفتوح بالفعل: اللجنة التنفيذية تصوّت عليه حاليًا.
apply-opened = طلب العضوية { $number } مفتوح: تصوّت عليه اللجنة التنفيذية في غرفتها، في موعد أقصاه { $when }. وسيُعلَن القرار هنا.
apply-poll = طلب العضوية { $number } — الدولة: { $state }؛ الوضع المطلوب: { $status }. المبرّرات: { $motivation }
    صوّتوا في هذا الاستطلاع، أو بالأمر ‎{ $command } (yes أو no أو abstain).
vote-yes = نعم
vote-no = لا
vote-abstain = امتناع عن التصويت
vote-not-committee = لا يصوّت على طلب العضوية { $number } إلا مندوبو دول اللجنة التنفيذية، وفي غرفة اللجنة: لم يُحتسب هذا الصوت.
vote-closed = بُتّ في طلب العضوية { $number } بالفعل.
application-not-found = لا يوجد طلب عضوية رقمه { $number }.
vote-recorded = سُجّل الصوت على طلب العضوية { $number }. المؤيدون: { $yes }؛ المعارضون: { $no }؛ الممتنعون: { $abstain }؛ لم يصوّتوا بعد: { $pending } (عدد الأصوات المؤيدة المطلوب: { $majority }).
vote-decided = سُجّل الصوت: طلب العضوية { $number } { $outcome }.
application-approved = قُبل طلب العضوية { $number } المقدَّم بشأن { $state }: أصبح وضع هذه الدولة في الشبكة الآن: { $status } (المؤيدون: { $yes }؛ المعارضون: { $no }؛ الممتنعون: { $abstain }).
application-rejected = لم يُقبل طلب العضوية { $number } المقدَّم بشأن { $state }: تحتفظ هذه الدولة بوضعها (المؤيدون: { $yes }؛ المعارضون: { $no }؛ الممتنعون: { $abstain }؛ عدد الأصوات المؤيدة المطلوب: { $majority }).
application-open = مفتوح
application-outcome-approved = مقبول
application-outcome-rejected = غير مقبول
applications-none = لا توجد طلبات عضوية حتى الآن.
applications-intro = طلبات العضوية:
applications-entry = { $number } { $state } ← { $status }: { $outcome } (المؤيدون: { $yes }؛ المعارضون: { $no }؛ الممتنعون: { $abstain }؛ الموعد النهائي: { $when })

## The action plan

summary-plan = عرض خطة عمل الشبكة والتقدّم المحرز في تنفيذها؛ (الجهات المسؤولة عن الأنشطة، واللجنة) تحديث حالة نشاط
summary-link = (اللجنة) ربط طلب أو عرض بنشاط من أنشطة خطة العمل
plan-none = لم تُحمَّل أي خطة عمل بعد: يتولّى المنسّق إعدادها (الإعداد action_plan، انظر الوثائق).
plan-title = { $title }
plan-pillar-line = { $name }: الأنشطة المنجزة: { $done } من { $total } · الطلبات المرتبطة: { $requests } · الطلبات التي قُدِّم التعاون بشأنها: { $delivered }
plan-pillar-heading = { $name }
plan-activity-line = { $id } · { $title } — الجهة المسؤولة: { $lead } · الموعد النهائي: { $due } · { $status } · الطلبات: { $requests }
plan-activity-note = { $note }
plan-no-pillar = لا توجد ركيزة باسم «{ $value }»؛ الركائز هي: { $pillars }.
plan-no-activity = لا يوجد في الخطة نشاط باسم «{ $value }»: انظر ‎!plan وركائز الخطة.
plan-update-not-allowed = لا يغيّر حالة النشاط { $id } إلا مندوبو الجهة المسؤولة عنه ومندوبو اللجنة التنفيذية والمنسّق.
plan-updated = النشاط { $id } «{ $title }» الآن: { $status }.
plan-link-not-allowed = لا يربط الطلبات والعروض بخطة العمل إلا اللجنة التنفيذية والمنسّق.
plan-linked = أصبح { $what } مرتبطًا بالنشاط { $id } «{ $title }» ويسهم في تنفيذه.
plan-linked-already = { $what } مرتبط بالفعل بالنشاط { $id } «{ $title }» ويسهم في تنفيذه.
plan-what-request = الطلب { $number }
plan-what-offer = العرض { $number }
plan-status-planned = مقرَّر
plan-status-in-progress = قيد التنفيذ
plan-status-delayed = متأخر
plan-status-done = منجز
plan-status-cancelled = ملغى

## The network's memory: tags, practices, search

summary-tag = وسم طلب بغايات أهداف التنمية المستدامة وبالمجالات المواضيعية وبتوصيات الأمم المتحدة (مندوبو الدولة مقدّمة الطلب، واللجنة)
summary-practice = تبادل ممارسة جيدة مع الشبكة (نص الممارسة في الأسطر التالية)؛ تعديل ممارساتك أو سحبها
summary-search = البحث في النتائج والدروس المستفادة والممارسات الجيدة والطلبات التي يمكنك الاطلاع عليها (بما في ذلك "العبارات الموضوعة بين علامتي تنصيص")
request-tags = الوسوم: { $tags }
tag-unknown-sdg = { $value } ليس هدفًا ولا غاية من أهداف التنمية المستدامة. الأهداف مرقّمة من 1 إلى 17؛ وتُكتب الغايات على النحو التالي: 16.3 أو 16.a.
tag-unknown-theme = { $value } ليس من المجالات المواضيعية للشبكة. ترد المجالات المواضيعية في ملف المجالات المواضيعية للشبكة؛ يُرجى التوجّه إلى المنسّق.
tag-unknown-theme-closest = { $value } ليس من المجالات المواضيعية للشبكة. هل تقصد: { $closest }؟
tag-too-many = لا يجوز أن يتجاوز عدد الوسوم من كل نوع (أهداف التنمية المستدامة، والمجالات المواضيعية، والمراجع) { $max } للطلب الواحد أو للممارسة الواحدة.
ref-unknown-mechanism = لا يبدأ { $value } بآلية أعرفها: UPR (الاستعراض الدوري الشامل)، أو إحدى هيئات المعاهدات (CAT، SPT، CEDAW، CERD، CCPR، CESCR، CRC، CRPD، CMW، CED)، أو SP للإجراءات الخاصة.
ref-bad-upr = { $value } ليس مرجعًا صحيحًا من مراجع الاستعراض الدوري الشامل. اكتب رقم الجولة ثم رقم التوصية، مثلًا: UPR 4 123.45
ref-bad-treaty-body = { $value } ليس مرجعًا صحيحًا من مراجع هيئات المعاهدات. اكتب اسم الهيئة، ثم رمز الوثيقة أو الفقرة، مثلًا: CAT CAT/C/PRY/CO/7 para 12
ref-wrong-symbol = في { $value }، الرمز ليس رمز وثيقة من وثائق { $body }: تبدأ رموز وثائقها بـ { $prefix }.
ref-bad-special-procedure = { $value } ليس مرجعًا صحيحًا من مراجع الإجراءات الخاصة. اكتب SP، ثم الولاية، ثم رمز التقرير أو الفقرة، مثلًا: SP torture A/HRC/40/59/Add.1 para 85
ref-too-long = { $value } أطول من أن يكون مرجعًا (الحد الأقصى لعدد الأحرف: 120).
tag-not-allowed = لا يمكن وسم الطلب { $number } إلا لمندوبي الدولة التي قدّمته وللجنة التنفيذية.
tag-done = وُسم الطلب { $number }.
tag-none-left = لم تعد للطلب { $number } أي وسوم.
practice-not-allowed = لا يتبادل الممارسات الجيدة إلا مندوبو دول الشبكة وشركائها.
practice-too-long = العنوان أو نص الممارسة أطول من اللازم (الحد الأقصى لعدد أحرف الممارسة: { $max }).
practice-shared = شكرًا لك: نُشرت ممارستك الجيدة برقم { $number } ({ $tags }). ويمكن لأي شخص العثور عليها بالأمر `!search`.
practice-not-found = لا توجد ممارسة رقمها { $number }.
practice-not-yours = لا يمكن تعديل الممارسة { $number } إلا لمن نشرها أو للمنسّق.
practice-edited = حُدّثت الممارسة { $number }.
practice-withdrawn = سُحبت الممارسة { $number }؛ ولم يعد البحث يعرضها.
search-not-allowed = البحث متاح لمندوبي دول الشبكة وشركائها فقط.
search-empty = عمّ أبحث؟ اكتب بعض الكلمات بعد `!search`، مثلًا: ‎!search قاعدة بيانات تتبع التوصيات
search-no-words = لا يوجد في ذلك ما يمكن البحث عنه: اكتب كلمات، لا علامات ترقيم فقط أو كلمات شائعة جدًا.
search-unbalanced-quotes = فُتحت علامة تنصيص ولم تُغلق. ضع العبارة بين علامتي تنصيص، مثلًا: ‎!search "زيارة دراسية"
search-too-many-words = عدد الكلمات كبير جدًا: الحد الأقصى { $max }. احتفظ بأكثرها دلالة.
search-too-long = عبارة البحث طويلة جدًا (عدد أحرفها: { $length }؛ والحد الأقصى: { $max }). احتفظ بأكثر الكلمات دلالة.
search-unknown-region = { $value } ليست منطقة. استخدم إحدى المناطق التالية: { $regions }.
search-none = لا توجد نتائج للبحث عن { $query }. جرّب عددًا أقل من الكلمات أو كلمات أخرى (باللغة التي كُتب بها النص)، أو أزل أحد عوامل التصفية.
search-intro = { $count ->
    [zero] لا توجد نتائج للبحث عن { $query }.
    [one] أفضل نتيجة للبحث عن { $query }:
    [two] أفضل نتيجتين للبحث عن { $query }:
    [few] أفضل { $count } نتائج للبحث عن { $query }:
    [many] أفضل { $count } نتيجة للبحث عن { $query }:
   *[other] أفضل { $count } نتيجة للبحث عن { $query }:
}
search-hit = { $rank }. { $kind } · { $title } ({ $seat }): { $excerpt } { $link }
search-kind-request = الطلب { $source }
search-kind-outcome = نتيجة الطلب { $source }
search-kind-practice = الممارسة الجيدة { $source }
search-kind-guidance = إرشادات
summary-guide = الاطلاع على وثائق التوجيه الخاصة بالشبكة (مثل إطار مراكش التوجيهي)، قسمًا تلو الآخر، بلغتك
summary-save = الاحتفاظ بالرسالة التي تردّ عليها بوصفها ممارسة جيدة، مع رابط إليها وذكر دولة كاتبها
summary-experts = مَن سبق له القيام بذلك: الدول والشركاء الذين قدّموا التعاون في فئة أو مجال مواضيعي أو هدف من أهداف التنمية المستدامة
save-not-a-reply = ردّ على الرسالة التي تريد الاحتفاظ بها واكتب `!save` في ردّك (العنوان و‎--theme و‎--sdg اختيارية).
save-unreadable = لا أستطيع قراءة الرسالة التي رددتَ عليها: ربما حُذفت، أو لا أستطيع فك تشفيرها. لم يُحفظ شيء.
save-not-text = لا يمكن الاحتفاظ إلا بالرسائل النصية بوصفها ممارسات.
save-author-unknown = الرسالة التي رددتَ عليها لم يكتبها مندوب عن دول الشبكة أو شركائها، لذا لا أستطيع أن أحدّد لمن تعود هذه الممارسة. انشرها بدلًا من ذلك بالأمر `!practice`.
save-wrong-place = يُحتفظ بالرسائل من غرف الشبكة (الجلسة العامة والغرف الإقليمية وغرف العمل). أما غرفة اللجنة فتبقى سرّية: لنشر ما يدور فيها استخدم `!practice`.
save-already = هذه الرسالة محفوظة بالفعل بوصفها الممارسة { $number }.
save-done = حُفظت بوصفها الممارسة { $number }: { $title }، من { $state }. ويمكن لأي شخص العثور عليها بالأمر `!search`.
experts-unknown = { $value } ليس فئة طلبات ولا مجالًا مواضيعيًا ولا هدفًا من أهداف التنمية المستدامة. الفئات هي: { $categories }. وتُكتب المجالات المواضيعية وأهداف التنمية المستدامة كما في الأمر `!tag`.
experts-none = لم تقدّم أي دولة أو جهة شريكة تعاونًا في مجال «{ $about }» حتى الآن، ولا تعرضه أي منها.
experts-intro = مَن سبق له القيام بذلك في مجال «{ $about }»:
expert-entry = { $name }: { $reasons }
expert-delivered = { $count ->
    [zero] لم يُنفَّذ أي طلب
    [one] نُفِّذ طلب واحد
    [two] نُفِّذ طلبان
    [few] نُفِّذت { $count } طلبات
    [many] نُفِّذ { $count } طلبًا
   *[other] نُفِّذ { $count } طلب
}
expert-partly = { $count ->
    [zero] لم يُنفَّذ أي طلب جزئيًا
    [one] نُفِّذ طلب واحد جزئيًا
    [two] نُفِّذ طلبان جزئيًا
    [few] نُفِّذت { $count } طلبات جزئيًا
    [many] نُفِّذ { $count } طلبًا جزئيًا
   *[other] نُفِّذ { $count } طلب جزئيًا
}
expert-latest = آخرها في { $date }
expert-language = لغة مشتركة: { $language }
expert-region = المنطقة نفسها
expert-offer = عرض مفتوح { $numbers }
expert-separator = {"، "}
card-experts = مَن سبق له القيام بذلك:
guide-none = لا توجد لدى الشبكة وثائق توجيه بعد؛ ويتولى المنسّق إضافتها.
guide-intro = وثائق التوجيه الخاصة بالشبكة (أرسل ‎!guide متبوعًا بمعرّف الوثيقة لرؤية أقسامها):
guide-entry = • { $id }: { $title } (اللغات: { $languages })
guide-unknown = لا توجد وثيقة توجيه معرّفها { $value }. أرسل ‎!guide لرؤية القائمة.
guide-fallback = هذه الوثيقة غير متاحة بلغتك؛ وفيما يلي نصها باللغة: { $language }.
guide-sections = { $title }: أرسل ‎!guide { $id } متبوعًا برقم القسم (أو بالكلمات الأولى من عنوانه).
guide-section-entry = { $number }. { $title }
guide-no-section = لا يوجد في { $id } قسم { $value }. أرسل ‎!guide { $id } لرؤية القائمة.
guide-section = { $document } · { $number }. { $title }
    { $body }
unreadable-message = لم أتمكن من قراءة الرسالة المشفرة التي أرسلتها هنا: لم يتلقَّ جهازي مفتاحها. إذا كانت أمرًا، فيرجى إرسالها مرة أخرى. وإذا تكرر ذلك، فتحقق من أن تطبيقك يشارك مفاتيح الغرف مع الأجهزة غير الموثَّقة، أو وثِّق جهازي. (أنبّه إلى ذلك مرة واحدة في اليوم على الأكثر في كل غرفة.)
