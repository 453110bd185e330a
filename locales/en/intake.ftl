# Messages of flows/intake.toml. Each question that keeps an answer has a `.short` attribute:
# its name in the review and in the attorney's summary.

q-language = Choose a language · Elige un idioma

q-safety = Hi. Is it safe for you to chat right now?
hint-safety = If someone comes near, type /exit at any time. It deletes the messages in this chat from the last 48 hours, and you can continue later.
opt-safety-safe = Yes, I can chat now
opt-safety-not-now = Not right now

q-device = Does anyone else use or check this phone?
opt-device-only-me = No, only me
opt-device-others = Yes, someone else might see it
opt-device-not-sure = I'm not sure

info-device-tips =
    Thank you for telling us. A few things that can help:
    • Type /exit at any time to leave quickly. It deletes the messages in this chat from the last 48 hours; /help says exactly what it deletes.
    • If you choose to tell us more after the first few questions, you can set a code then, so no one else can open your answers.
    • A notification can show the start of a message on the lock screen. In Telegram's settings (Notifications and Sounds) you can turn off message previews.
    • If you can, use a phone or computer that only you use, or one at a library or an advocate's office.
    It's your choice. You can continue now if you want to.

q-consent =
    Before we start, please read this. It's short.

    • This is an automated assistant run by { $org }. It is not a lawyer, and nothing here is legal advice. Answering does not make anyone your lawyer yet.
    • A lawyer or advocate at { $org } will read your answers and contact you, only in the ways you tell us are safe.
    • Your answers are stored encrypted. If you stop without finishing, they are deleted after { $abandoned_days } days. If no lawyer takes them on within { $waiting_days } days, they are deleted then. Once a lawyer takes them on, we keep only a locked copy, deleted { $delivered_days } days later.
    • A copy already sent to a lawyer cannot be called back, but you can ask them to delete it.
    • This chat runs on Telegram and is not end-to-end encrypted: Telegram can see what is written here, and so can anyone who opens this phone or your Telegram account. Please don't write anyone else's name, or what happened to you: we don't need it to help you.
    • This is not an emergency service. If you are in danger, call 911. To talk to someone now, call the National Human Trafficking Hotline at 1-888-373-7888 or text HELP to 233733.
    • You can skip questions, go back, stop with /exit, and erase everything with /delete.
    • It takes about { $short_minutes } minutes to send the few answers a lawyer needs to call you back. Telling everything takes about { $full_minutes } minutes. You can send early and tell the rest later.

    Would you like to continue?

q-resume-code = Would you like to set a code? If you leave and come back, we'll ask for it, so no one else holding your phone can see or change your answers. Type a code you'll remember (at least 4 characters), or choose "No code, thanks".
hint-resume-code = Don't use a code someone else knows, like a birthday.

q-preferred-name = What would you like us to call you? It doesn't have to be your legal name.
    .short = Name to use

q-preferred-term = How would you like us to talk about what happened to you?
    .short = Words to use
hint-preferred-term = You don't need to tell us what happened. This just helps us use words that feel right to you.
opt-term-trafficking = "Being trafficked"
opt-term-exploitation = "Being exploited"
opt-term-forced-work = "Being forced to work"
opt-term-what-happened = Just "what happened"

q-nexus-all =
    One question about all of them together.
    Thinking of every arrest or conviction you have, the one you told us about and any others: did they happen while someone was forcing, tricking or pressuring you, or because of that situation?
    .short = Connected to trafficking (every case)
opt-nexus-all = Yes, all of them
opt-nexus-some = Some of them, not all
opt-nexus-none = No

group-case = Case { $n }

q-case-state =
    { $n ->
        [1] Now a few questions about the past. Take your time.
            In which state were you arrested or convicted? If it happened more than once, start with one: you can add the others later. If it was in a federal court, choose Federal.
       *[other] Thank you. Now the next one.
            Which state was this one in? If it was in a federal court, choose Federal.
    }
    .short = State
hint-case-state =
    You can type the state's name, like "New York", or choose one below.
    Not sure if you have a record? Choose "I don't know": a lawyer can find out.

q-case-county =
    Which county or city was it in, if you remember?
    The name of the court is fine too.
    .short = County or court

q-case-category =
    What was it about? Choose the closest one.
    We mean the charge, as far as you know.
    .short = Kind of charge
hint-case-category =
    It's okay if you're not sure.
    The lawyer can look up the exact charge later.
opt-cat-prostitution = Prostitution, solicitation or loitering for prostitution
opt-cat-loitering = Loitering or vagrancy
opt-cat-trespass = Trespassing
opt-cat-disorderly = Disorderly conduct or resisting arrest
opt-cat-theft = Theft or shoplifting
opt-cat-fraud = Fraud, forgery or a false ID
opt-cat-drug-possession = Having drugs
opt-cat-drug-sale = Selling or carrying drugs for someone
opt-cat-weapons = Having a weapon
opt-cat-promoting = Promoting prostitution or recruiting others
opt-cat-burglary = Burglary or breaking in
opt-cat-robbery = Robbery
opt-cat-assault = Assault or fighting
opt-cat-property = Damaging property
opt-cat-driving = Driving or traffic
opt-cat-immigration = Immigration
opt-cat-other = Something else

q-case-charge =
    If you remember, what was it called?
    Only the name of the charge, like "loitering", in your own words. Please don't write what happened: we don't need it.
    .short = Charge (their words)

q-case-outcome = How did this case end?
    .short = How it ended
opt-outcome-conviction = I was convicted or pleaded guilty
opt-outcome-deferred = A program, deferred sentence or diversion
opt-outcome-dismissed = It was dismissed, or I was found not guilty
opt-outcome-arrest-only = I was arrested but never charged
opt-outcome-pending = It is still open
opt-outcome-juvenile = It was in juvenile court

q-case-final-charge =
    In the end, was it for something different? If so, what? Your own words are fine.
    We mean what you were convicted of, if it was not the first charge.
    .short = Final charge

q-case-level =
    How serious was it, if you know?
    Was it a misdemeanor or a felony?
    .short = Level
hint-case-level =
    From least to most serious:
    a violation or infraction, then a misdemeanor, then a felony.
opt-level-violation = A violation or infraction
opt-level-misdemeanor = A misdemeanor
opt-level-felony = A felony

q-case-date =
    About when was it?
    We mean when you were arrested.
    .short = When arrested
hint-dates = A year is enough, like 2014 or "around 2014".

q-case-conviction-date = About when did the case end?
    .short = When the case ended

q-case-sentence-done =
    Have you finished everything you were told to do for it?
    For example jail, probation, fines or classes the court ordered.
    .short = Sentence finished
hint-case-sentence-done =
    We ask because the options can depend on this.
    Some ways of clearing a record are open only once everything the court ordered is finished, and others are not.

q-case-nexus = Did this one happen while someone was forcing, tricking or pressuring you, or because of that situation?
    .short = Connected to trafficking
hint-case-nexus =
    You don't need to tell us what happened.
    A lawyer may ask more later, only if you want.

q-case-harm =
    Did it say any of these? Choose all that apply.
    We mean the charge, as far as you know.
    .short = Violence, weapon or injury
hint-case-harm =
    We ask because some laws treat these differently.
    Many people can still get help.
opt-harm-violence = Someone was threatened or attacked
opt-harm-weapon = A weapon was involved
opt-harm-injury = Someone was hurt
opt-harm-none = None of these

q-case-age = About how old were you then?
    .short = Age then
hint-case-age = We ask because the rules can be different for something that happened before you were 18.

q-case-docket =
    If you have a case number, you can type it here. It's fine to skip this.
    It may be called a docket number.
    .short = Case number

q-case-another =
    Thank you. Is there another one you'd like to tell us about?
    Any other arrest or conviction, from any time.
    .short = Another case
opt-another-yes = Yes, another one
opt-another-no = No, that's all

q-other-names = Were any of these cases under a different name or spelling?
    .short = Under another name
hint-other-names =
    You don't need to write the name now.
    We ask so the lawyer knows where to look.

q-still-in-situation =
    First, your safety.
    Is anyone still pressuring or controlling you?
    .short = Still in the situation

info-still-in-situation =
    Thank you for telling us. You deserve to be safe.
    If you want to talk to someone now, any time: call 1-888-373-7888 or text HELP to 233733. If you are in danger, call 911.
    Type /exit at any time to leave quickly. We'll keep going only if you want to.

q-situation-ended = About when did that situation end?
    .short = When the situation ended
hint-situation-ended =
    A year is enough, like 2014 or "around 2014".
    We ask because in some states the time to ask a court counts from when the situation ended.

q-later-convictions =
    One more question about the past.
    Since then, have you been convicted of anything else?
    .short = Convictions since then
hint-later-convictions =
    We ask because the options can depend on this.
    Some ways of clearing a record look at what came after. Whatever the answer, a lawyer may still be able to help.

q-pending =
    Is anything still open for you right now?
    For example a court case that isn't finished, or a warrant.
    .short = Open cases or warrants
hint-pending =
    We ask so we can plan with you.
    Open cases sometimes need a different kind of lawyer.

q-documents = Do you have any of these papers? Choose all that apply.
    .short = Papers held
hint-documents = None of them are needed to ask for help. They can make it easier.
opt-doc-t-visa = A T visa
opt-doc-u-visa = A U visa
opt-doc-continued-presence = Continued Presence
opt-doc-hhs-letter = An eligibility letter from HHS
opt-doc-law-enforcement = A letter from police or a prosecutor
opt-doc-service-provider = A letter from a shelter, advocate or counselor
opt-doc-court-records = Papers from my court case
opt-doc-none = None of these

q-citizenship = Are you a U.S. citizen?
    .short = Citizenship
hint-citizenship =
    We ask because this can change which options fit you.
    Some ways of clearing a record work differently for immigration. Only the people helping you with your case will see your answer.
opt-cit-citizen = Yes, I'm a U.S. citizen
opt-cit-permanent-resident = I have a green card
opt-cit-other-status = I have another visa or status
opt-cit-no-status = I don't have papers right now

q-immigration-court =
    Do you have a hearing date coming up?
    We mean in immigration court.
    .short = Immigration court date

q-immigration-court-date = When is that date, if you know?
    .short = Immigration court on

q-urgent =
    Is there a deadline coming up soon?
    For example a court date, a job or a housing application.
    .short = Urgent deadline
hint-urgent = If something is urgent, we'll make sure it is seen first.

q-urgent-date = When is it?
    .short = Deadline date

q-record-consent =
    One question about permission.
    May the lawyer ask for your criminal record from the state and the FBI, to find every case? They will check with you before doing anything.
    .short = May request record
hint-record-consent =
    It's fine if you don't remember every case.
    The record helps the lawyer find them.

q-contact-method =
    How can we safely get in touch with you? Choose all that are safe.
    This is for someone from { $org }.
    .short = Safe ways to contact
hint-contact-method = We will only use the ways you choose. Messages won't say what they are about.
opt-contact-this-chat = Here, in this chat
opt-contact-phone = A phone call
opt-contact-text = A text message
opt-contact-email = Email
opt-contact-advocate = Through my advocate or case worker

q-contact-details = What number, email or advocate should we use? Only write it if it's safe to.
    .short = Contact details
hint-contact-details = You can skip this and tell a person later.

q-contact-time = When is it safe to contact you? For example "weekdays after 6pm".
    .short = Safe times

q-review = Almost done.

q-send-choice =
    Thank you. That is enough for someone to get back to you.
    You can send it now: a lawyer will ask the rest when they call. Or you can tell us more now, which helps them prepare. Either way is fine.
    Here is what you told us:

end-done = Thank you. Your answers have been sent. Someone will be in touch in the way you chose. In an emergency, call 911; for other help, type /help.

end-sent-early = Thank you. What you told us has been sent. Someone will be in touch in the way you chose. To add more later, type /start. In an emergency, call 911; for other help, type /help.

end-later = That's okay. Type /start whenever you want to continue. In an emergency, call 911; for other help, type /help.

end-declined = That's okay, nothing you typed was kept. Type /start if you change your mind. In an emergency, call 911; for other help, type /help.
