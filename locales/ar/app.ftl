# Messages the program itself uses (see CODE_MESSAGES in crates/core/src/locale.rs), in Arabic.
# Machine-assisted draft by the developers: needs review by a native speaker (see locale.toml).
# Global arguments available in every message: $org, $abandoned_days, $delivered_days, $waiting_days.
# Right to left: the program wraps every placeable, and every run of Latin letters or digits
# (/exit, 911, 233733), in bidi isolation marks.

choice-yes = نعم
choice-no = لا
choice-unsure = لستُ متأكدًا
choice-dont-know = لا أعرف
choice-prefer-not = أفضّل ألّا أقول
choice-continue = متابعة
choice-consent-agree = نعم، أريد المتابعة
choice-consent-decline = لا، ليس الآن
choice-no-code = بدون رمز، شكرًا
choice-submit = أرسِل إجاباتي
choice-change = تغيير الإجابة { $n }
choice-resume = المتابعة من حيث توقفت
choice-send-now = أرسِل هذا الآن
choice-tell-more = إخباركم بالمزيد (نحو { $n ->
        [one] سؤال واحد
        [two] سؤالين
        [few] { $n } أسئلة
        [many] { $n } سؤالًا
       *[other] { $n } سؤال
    }، { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    })
choice-send-told = أرسِل ما قلته حتى الآن
choice-tell-more-later = إخباركم بالمزيد
choice-restart = البدء من جديد
choice-delete-confirm = نعم، احذف كل شيء
choice-delete-cancel = لا، احتفظ بإجاباتي

answer-prefer-not = (أفضّل ألّا أقول)
answer-dont-know = (لا أعرف)
answer-skipped = (تم التخطي)
answer-none = —
answer-date-approx = حوالي { $date }
answer-date-month = { $month } { $year }
answer-date-day = { $day } { $month } { $year }

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

help-text =
    إذا كنت في خطر، اتصل بالرقم 911.
    للتحدث مع شخص الآن، في أي وقت ليلًا أو نهارًا: الخط الوطني لمساعدة ضحايا الاتجار بالبشر (National Human Trafficking Hotline)، اتصل بالرقم 1-888-373-7888 أو أرسل رسالة نصية فيها كلمة HELP إلى الرقم 233733. الخدمة مجانية وسرية. عبر الهاتف يوجد مترجم فوري بأكثر من 200 لغة؛ أما الرسائل النصية فبالإنجليزية والإسبانية فقط.
help-commands =
    يمكنك استخدام هذه الأوامر في أي وقت:
    /back – الرجوع إلى السؤال السابق
    /skip – تخطي سؤال (حيث يُسمح بذلك)
    /exit – الخروج بسرعة؛ نحتفظ بإجاباتك لحين عودتك
    /language – تغيير اللغة
    /delete – مسح إجاباتك من نظامنا
    /help – عرض هذه الرسالة مرة أخرى
    الأمران /exit و /delete يحذفان أيضًا رسائل هذه المحادثة من آخر 48 ساعة، رسائلك ورسائل البوت. يغيّر البوت رسائله الأقدم إلى نص محايد؛ أما رسائلك الأقدم فلا يستطيع لمسها، لكن يمكنك حذفها، أو حذف المحادثة كلها، بنفسك في تيليغرام.

invalid-choice = عذرًا، لم أفهم ذلك. يُرجى اختيار أحد الخيارات.
invalid-choices = يُرجى اختيار خيار واحد أو أكثر. يمكنك اختيار عدة خيارات، مثل 1، 3.
invalid-number = يُرجى كتابة رقم، مثل 19.
invalid-number-range = يُرجى كتابة رقم بين { $min } و{ $max }.
invalid-date = لم أستطع قراءة هذا التاريخ. تكفي السنة، مثل 2014 أو "مارس 2014" أو "حوالي 2014".
invalid-date-past = يبدو أن هذا التاريخ في المستقبل. تكفي السنة، مثل 2014.
invalid-date-future = يبدو أن هذا التاريخ قد مضى. يُرجى التحقق منه، أو اختيار "لا أعرف".
invalid-text-long = هذا طويل قليلًا. يُرجى ألّا يزيد على { $max } حرفًا.
invalid-text-empty = يُرجى كتابة إجابتك، أو اختيار أحد الخيارات.
invalid-jurisdiction = لم أتعرّف على هذه الولاية. يمكنك كتابة اسمها، مثل "نيويورك"، أو حرفيها، مثل NY.
invalid-stale = هذا الزر يخص سؤالًا سابقًا. هذا هو السؤال الحالي:
invalid-code = يُرجى كتابة الرمز.
cannot-skip = لا يمكن تخطي هذا السؤال. يمكنك اختيار أحد الخيارات، أو كتابة /exit للتوقف الآن.
nothing-to-go-back-to = هذا هو السؤال الأول.
previous-answer = إجابتك السابقة:

review-intro =
    هذا كل ما أخبرتنا به. يُرجى مراجعته.
    يمكنك تغيير أي إجابة، أو إرسال الإجابات.
review-group-item = القضية { $n }
review-empty = لم تُجب عن أي سؤال بعد.
review-type-number = لتغيير إجابة، اكتب رقمها.

resume-prompt = أهلًا بعودتك. هل تريد المتابعة من حيث توقفت؟
resume-prompt-sent = أهلًا بعودتك. أُرسل ما أخبرتنا به من قبل. هل تريد أن تخبرنا بالمزيد؟ سيُضاف إلى ما أرسلته من قبل.
resume-code-ask = يُرجى كتابة الرمز للمتابعة.
resume-code-set = تم حفظ الرمز. سنطلبه منك عند عودتك.
resume-code-again = يُرجى كتابة الرمز نفسه مرة أخرى، للتأكد من صحته.
resume-code-mismatch = الرمزان غير متطابقين، لذلك لم يُحفظ أي رمز بعد. يُرجى كتابة رمز من جديد، أو اختيار "بدون رمز، شكرًا".
resume-code-wrong = هذا الرمز غير صحيح. يُرجى المحاولة مرة أخرى.
resume-code-locked =
    محاولات كثيرة. يُرجى الانتظار { $minutes ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
       *[other] { $minutes } دقيقة
    } ثم المحاولة مرة أخرى.
resume-code-too-short = يُرجى استخدام { $min } أحرف على الأقل، أو اختيار "بدون رمز، شكرًا".

delete-confirm =
    سيؤدي هذا إلى مسح كل ما أخبرتنا به. لا يمكن التراجع عن ذلك.
    إذا كانت إجاباتك قد أُرسلت، فسنطلب من المحامي حذف نسخته. هل تريد الحذف؟
delete-done = تم حذف كل ما أخبرتنا به.
delete-cancelled = لم يُحذف أي شيء.

exit-done = توقفت المحادثة مؤقتًا. اكتب /start للعودة.

language-prompt = اختر لغة · Choose a language
language-changed = حسنًا.

already-submitted = أُرسلت إجاباتك من قبل. سيتواصل معك شخص بالطريقة التي اخترتها. يمكنك بدء محادثة جديدة، أو كتابة /delete لمسح ما هو محفوظ هنا.
multi-instructions = يمكنك اختيار أكثر من خيار.
console-free-input-choices = اكتب إجابتك، أو اكتب أحد هذه:
jurisdiction-other = ولاية أخرى
not-started = اكتب /start للبدء.
# Used for $org until the operator sets the organisation's name in the configuration.
org-name = منظمة المساعدة القانونية
error-storage =
    عذرًا، حدث خطأ من جهتنا ولا يمكننا متابعة هذه المحادثة الآن. يمكنك كتابة /delete للبدء من جديد.
    في حالة الطوارئ، اتصل بالرقم 911. للتحدث مع شخص الآن: اتصل بالرقم 1-888-373-7888 أو أرسل رسالة نصية فيها كلمة HELP إلى الرقم 233733.
error-retry = عذرًا، حدث خطأ من جهتنا في رسالتك الأخيرة. يُرجى إرسالها مرة أخرى.

# The bot's command menu: neutral words, because anyone may see the menu.
menu-start = ابدأ
menu-back = رجوع
menu-help = مساعدة
menu-language = اللغة
menu-exit = إغلاق
menu-delete = حذف
# The button that sends a multiple-choice answer in Telegram.
choice-done = تم ✓
# Telegram shows a long list a page at a time: these buttons move between its pages. The arrows
# point the way the page turns in a right-to-left text.
choice-page-more = المزيد ◀
choice-page-back = ▶ رجوع
# On the review in Telegram: opens the list of answers, a page at a time, to pick one to change.
choice-change-some = تغيير إجابة

# Sent once when an attorney takes the case, only if the person chose this chat as a way to be
# reached. Anyone may see the phone: nothing about law, records or the organisation.
notify-accepted = أهلًا من جديد. سيتواصل معك شخص قريبًا، بالطريقة التي اخترتها. يمكنك كتابة /delete في أي وقت لمسح ما هو محفوظ هنا.
notify-not-taken =
    أهلًا من جديد.
    لم نجد محاميًا يستطيع تولي هذا الأمر في الوقت المناسب، لذلك حُذف ما أخبرتنا به، كما قلنا. يمكنك البدء من جديد في أي وقت بكتابة /start.
    للتحدث مع شخص الآن، ليلًا أو نهارًا: اتصل بالرقم 1-888-373-7888 أو أرسل رسالة نصية فيها كلمة HELP إلى الرقم 233733. في حالة الطوارئ، اتصل بالرقم 911.

# Under each question: how far along the survivor is ($total is an estimate).
progress = السؤال { $n } من حوالي { $total }
