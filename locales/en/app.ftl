# Messages the program itself uses (see CODE_MESSAGES in src/locale.rs).
# Global arguments available in every message: $org, $abandoned_days, $delivered_days, $waiting_days.

choice-yes = Yes
choice-no = No
choice-unsure = I'm not sure
choice-dont-know = I don't know
choice-prefer-not = I'd rather not say
choice-continue = Continue
choice-consent-agree = Yes, continue
choice-consent-decline = No, not now
choice-no-code = No code, thanks
choice-submit = Send my answers
choice-change = Change answer { $n }
choice-resume = Continue where I left off
choice-send-now = Send this now
choice-tell-more = Tell you more (about { $n } questions, { $minutes } minutes)
choice-send-told = Send what I've told you
choice-tell-more-later = Tell you more
choice-restart = Start again
choice-delete-confirm = Yes, delete everything
choice-delete-cancel = No, keep my answers

answer-prefer-not = (rather not say)
answer-dont-know = (doesn't know)
answer-skipped = (skipped)
answer-none = —
answer-date-approx = around { $date }
answer-date-month = { $month } { $year }
answer-date-day = { $month } { $day }, { $year }

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

help-text =
    If you are in danger, call 911.
    To talk to someone now, any time, day or night: National Human Trafficking Hotline, call 1-888-373-7888 or text HELP to 233733. It is free and confidential, and they speak many languages.
help-commands =
    You can use these at any time:
    /back – go to the previous question
    /skip – skip a question (where allowed)
    /exit – leave quickly; your answers are kept for when you come back
    /language – change the language
    /delete – erase your answers from our system
    /help – show this again
    /exit and /delete also delete the messages in this chat from the last 48 hours, yours and the bot's. The bot changes its older messages to a neutral text; your older ones it cannot touch, but you can delete them, or the whole chat, yourself in Telegram.

invalid-choice = Sorry, I didn't catch that. Please choose one of the options.
invalid-choices = Please choose one or more of the options. You can pick several, like 1, 3.
invalid-number = Please type a number, like 19.
invalid-number-range = Please type a number between { $min } and { $max }.
invalid-date = I couldn't read that date. A year is enough, like 2014, "March 2014" or "around 2014".
invalid-date-past = That date seems to be in the future. A year is enough, like 2014.
invalid-date-future = That date seems to have passed already. Please check it, or choose "I don't know".
invalid-text-long = That's a bit long. Please keep it under { $max } characters.
invalid-text-empty = Please type your answer, or choose one of the options.
invalid-jurisdiction = I didn't recognise that state. You can type its name, like "New York", or its two letters, like NY.
invalid-stale = That button belongs to an earlier question. Here is where we are now:
invalid-code = Please type your code.
cannot-skip = This question can't be skipped. You can choose one of the options, or type /exit to stop for now.
nothing-to-go-back-to = This is the first question.
previous-answer = Your earlier answer:

review-intro =
    Here is everything you told us. Please check it.
    You can change any answer, or send them.
review-group-item = Case { $n }
review-empty = You haven't answered any questions yet.
review-type-number = To change an answer, type its number.

resume-prompt = Welcome back. Would you like to continue where you left off?
resume-prompt-sent = Welcome back. What you told us before has been sent. Would you like to tell us more? It is added to what you already sent.
resume-code-ask = Please type your code to continue.
resume-code-set = Your code is set. We'll ask for it when you come back.
resume-code-again = Please type the same code once more, to be sure it is right.
resume-code-mismatch = Those two were not the same, so no code is set yet. Please type a code again, or choose "No code, thanks".
resume-code-wrong = That code doesn't match. Please try again.
resume-code-locked = Too many tries. Please wait { $minutes } minutes and try again.
resume-code-too-short = Please use at least { $min } characters, or choose "No code, thanks".

delete-confirm =
    This will erase everything you told us. It cannot be undone.
    If your answers were already sent, we will ask the lawyer to delete their copy. Do you want to delete?
delete-done = Everything you told us has been deleted.
delete-cancelled = Nothing was deleted.

exit-done = Chat paused. Type /start to come back.

language-prompt = Choose a language · Elige un idioma
language-changed = Okay.

already-submitted = Your answers have already been sent. Someone will contact you in the way you chose. You can start a new conversation, or type /delete to erase what is stored here.
multi-instructions = You can choose more than one.
console-free-input-choices = Type your answer, or type one of:
jurisdiction-other = Another state
not-started = Type /start to begin.
# Used for $org until the operator sets the organisation's name in the configuration.
org-name = the legal-aid organisation
error-storage =
    Sorry, something went wrong on our side and we can't continue this conversation right now. You can type /delete to start fresh.
    In an emergency, call 911. To talk to someone now: call 1-888-373-7888 or text HELP to 233733.
error-retry = Sorry, something went wrong on our side with your last message. Please send it again.

# The bot's command menu: neutral words, because anyone may see the menu.
menu-start = Start
menu-back = Back
menu-help = Help
menu-language = Language
menu-exit = Close
menu-delete = Delete
# The button that sends a multiple-choice answer in Telegram.
choice-done = Done ✓
# Telegram shows a long list a page at a time: these buttons move between its pages.
choice-page-more = More ▶
choice-page-back = ◀ Back
# On the review in Telegram: opens the list of answers, a page at a time, to pick one to change.
choice-change-some = Change an answer

# Sent once when an attorney takes the case, only if the person chose this chat as a way to be
# reached. Anyone may see the phone: nothing about law, records or the organisation.
notify-accepted = Hello again. Someone will be in touch with you soon, in the way you chose. You can type /delete at any time to erase what is stored here.
notify-not-taken =
    Hello again.
    We could not find a lawyer who could take this on in time, so what you told us has been deleted, as we said it would be. You can start again at any time with /start.
    To talk to someone now, day or night: call 1-888-373-7888 or text HELP to 233733. In an emergency, call 911.

# Under every question: where the person is on the path their answers lead to. $total is an
# estimate (the answers still to come can add or skip questions), hence "about". Keep it short:
# phones. Never the first line of a message.
progress = Question { $n } of about { $total }
