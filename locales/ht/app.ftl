# Mesaj pwogram nan li menm sèvi (gade CODE_MESSAGES nan src/locale.rs).
# Agiman pou tout mesaj: $org, $abandoned_days, $delivered_days, $waiting_days.
# Kreyòl pa chanje non yo apre yon chif ("30 jou", "5 minit"): pa bezwen seleksyon pliryèl.
# Se "ou" sèlman ki genyen an kreyòl; politès la pase nan "tanpri" ak "mèsi". Bouyon: pa revize.

choice-yes = Wi
choice-no = Non
choice-unsure = Mwen pa sèten
choice-dont-know = Mwen pa konnen
choice-prefer-not = Mwen pito pa di
choice-continue = Kontinye
choice-consent-agree = Wi, kontinye
choice-consent-decline = Non, pa kounye a
choice-no-code = San kòd, mèsi
choice-submit = Voye repons mwen yo
choice-change = Chanje repons { $n }
choice-resume = Kontinye kote m te rete a
choice-send-now = Voye sa kounye a
choice-tell-more = Di nou plis (anviwon { $n } kesyon, { $minutes } minit)
choice-send-told = Voye sa m te di deja
choice-tell-more-later = Di nou plis
choice-restart = Rekòmanse
choice-delete-confirm = Wi, efase tout bagay
choice-delete-cancel = Non, kenbe repons mwen yo

answer-prefer-not = (mwen pito pa di)
answer-dont-know = (mwen pa konnen)
answer-skipped = (sote)
answer-none = —
answer-date-approx = anviwon { $date }
answer-date-month = { $month } { $year }
answer-date-day = { $day } { $month } { $year }

month-1 = janvye
month-2 = fevriye
month-3 = mas
month-4 = avril
month-5 = me
month-6 = jen
month-7 = jiyè
month-8 = out
month-9 = septanm
month-10 = oktòb
month-11 = novanm
month-12 = desanm

help-text =
    Si ou an danje, rele 911.
    Pou pale ak yon moun kounye a, nenpòt lè, lajounen kou lannwit: Liy Nasyonal kont Trafik Moun (National Human Trafficking Hotline), rele 1-888-373-7888 oswa voye yon mesaj tèks (SMS) ak mo HELP nan 233733. Li gratis e konfidansyèl, epi yo pale anpil lang.
help-commands =
    Ou ka sèvi ak kòmand sa yo nenpòt lè:
    /back – tounen nan kesyon anvan an
    /skip – sote yon kesyon (lè sa posib)
    /exit – soti vit; repons ou yo rete anrejistre pou lè ou tounen
    /language – chanje lang
    /delete – efase repons ou yo nan sistèm nou an
    /help – montre sa a ankò
    /exit ak /delete efase tou mesaj ki nan chat sa a pou 48 dènye èdtan yo, pa ou yo ak pa bot la. Bot la ranplase pi ansyen mesaj pa l yo ak yon tèks net; pi ansyen mesaj pa ou yo, li pa ka touche yo, men ou menm ou ka efase yo, oswa tout chat la, nan Telegram.

invalid-choice = Eskize m, mwen pa konprann. Tanpri chwazi youn nan opsyon yo.
invalid-choices = Tanpri chwazi youn oswa plizyè opsyon. Ou ka chwazi plizyè, tankou 1, 3.
invalid-number = Tanpri ekri yon nimewo, tankou 19.
invalid-number-range = Tanpri ekri yon nimewo ant { $min } ak { $max }.
invalid-date = Mwen pa t ka li dat sa a. Ane a ase, tankou 2014, "mas 2014" oswa "anviwon 2014".
invalid-date-past = Dat sa a sanble li nan lavni. Ane a ase, tankou 2014.
invalid-date-future = Dat sa a sanble li deja pase. Tanpri verifye l, oswa chwazi "Mwen pa konnen".
invalid-text-long = Sa a yon ti jan long. Tanpri ekri mwens pase { $max } karaktè.
invalid-text-empty = Tanpri ekri repons ou, oswa chwazi youn nan opsyon yo.
invalid-jurisdiction = Mwen pa rekonèt eta sa a. Ou ka ekri non l, tankou "Nouyòk", oswa de lèt li yo, tankou NY.
invalid-stale = Bouton sa a se pou yon kesyon anvan. Men kote nou ye kounye a:
invalid-code = Tanpri ekri kòd ou a.
cannot-skip = Ou pa ka sote kesyon sa a. Ou ka chwazi youn nan opsyon yo, oswa ekri /exit pou w kanpe pou kounye a.
nothing-to-go-back-to = Sa a se premye kesyon an.
previous-answer = Repons ou te bay anvan an:

review-intro =
    Men tout sa ou te di nou. Tanpri verifye yo.
    Ou ka chanje nenpòt repons, oswa voye yo.
review-group-item = Ka { $n }
review-empty = Ou poko reponn okenn kesyon.
review-type-number = Pou chanje yon repons, ekri nimewo li.

resume-prompt = Byenveni ankò. Èske ou vle kontinye kote ou te rete a?
resume-prompt-sent = Byenveni ankò. Sa ou te di nou anvan an voye deja. Èske ou vle di nou plis? Li ap ajoute sou sa ou te deja voye a.
resume-code-ask = Tanpri ekri kòd ou a pou kontinye.
resume-code-set = Kòd ou a anrejistre. N ap mande w li lè ou tounen.
resume-code-again = Tanpri ekri menm kòd la yon lòt fwa, pou nou sèten li kòrèk.
resume-code-mismatch = De kòd yo pa t menm, kidonk poko gen kòd. Tanpri ekri yon kòd ankò, oswa chwazi "San kòd, mèsi".
resume-code-wrong = Kòd sa a pa bon. Tanpri eseye ankò.
resume-code-locked = Twòp esè. Tanpri tann { $minutes } minit epi eseye ankò.
resume-code-too-short = Tanpri sèvi ak omwen { $min } karaktè, oswa chwazi "San kòd, mèsi".

delete-confirm =
    Sa ap efase tout sa ou te di nou. Ou p ap ka defè sa.
    Si repons ou yo te deja voye, n ap mande avoka a pou l efase kopi pa l la. Èske ou vle efase?
delete-done = Tout sa ou te di nou efase.
delete-cancelled = Nou pa efase anyen.

exit-done = Chat la an poz. Ekri /start pou tounen.

language-prompt = Chwazi yon lang · Choose a language
language-changed = Dakò.

already-submitted = Repons ou yo deja voye. Yon moun ap kontakte w jan ou te chwazi a. Ou ka kòmanse yon nouvo konvèsasyon, oswa ekri /delete pou efase sa ki anrejistre isit la.
multi-instructions = Ou ka chwazi plis pase youn.
console-free-input-choices = Ekri repons ou, oswa ekri youn nan sa yo:
jurisdiction-other = Yon lòt eta
not-started = Ekri /start pou kòmanse.
# Sèvi pou $org toutotan òganizasyon an poko mete non l nan konfigirasyon an.
org-name = òganizasyon èd legal la
error-storage =
    Eskize nou, gen yon bagay ki pa mache bò kote pa nou, e nou pa ka kontinye konvèsasyon sa a kounye a. Ou ka ekri /delete pou rekòmanse a zewo.
    Nan yon ijans, rele 911. Pou pale ak yon moun kounye a: rele 1-888-373-7888 oswa voye yon mesaj tèks (SMS) ak mo HELP nan 233733.
error-retry = Eskize nou, gen yon bagay ki pa mache bò kote pa nou ak dènye mesaj ou a. Tanpri voye l ankò.

# Meni kòmand bot la: mo net, paske nenpòt moun ka wè meni an.
menu-start = Kòmanse
menu-back = Tounen
menu-help = Èd
menu-language = Lang
menu-exit = Fèmen
menu-delete = Efase
# Bouton ki voye yon repons ak plizyè chwa nan Telegram.
choice-done = Fini ✓
# Telegram montre yon lis ki long paj pa paj: bouton sa yo pase de yon paj a yon lòt.
choice-page-more = Plis ▶
choice-page-back = ◀ Tounen
# Nan revizyon an nan Telegram: louvri lis repons yo, paj pa paj, pou chwazi youn pou chanje.
choice-change-some = Chanje yon repons

# Yo voye l yon sèl fwa lè yon avoka pran ka a, sèlman si moun nan te chwazi chat sa a pou yo
# kontakte l. Nenpòt moun ka wè telefòn nan: anyen sou lalwa, dosye oswa òganizasyon an.
notify-accepted = Bonjou ankò. Yon moun ap kontakte w byento, jan ou te chwazi a. Ou ka ekri /delete nenpòt lè pou efase sa ki anrejistre isit la.
notify-not-taken =
    Bonjou ankò.
    Nou pa t jwenn yon avoka ki te ka pran sa a alè, kidonk sa ou te di nou efase, jan nou te di w sa t ap ye. Ou ka rekòmanse nenpòt lè ak /start.
    Pou pale ak yon moun kounye a, lajounen kou lannwit: rele 1-888-373-7888 oswa voye yon mesaj tèks (SMS) ak mo HELP nan 233733. Nan yon ijans, rele 911.

# Under each question: how far along the survivor is ($total is an estimate).
progress = Kesyon { $n } sou anviwon { $total }
