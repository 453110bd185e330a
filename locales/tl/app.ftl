# Mga mensaheng ginagamit mismo ng programa (tingnan ang CODE_MESSAGES sa src/locale.rs).
# Machine-assisted draft by the clearpath developers, not reviewed by a native speaker.

choice-yes = Opo
choice-no = Hindi po
choice-unsure = Hindi po ako sigurado
choice-dont-know = Hindi ko po alam
choice-prefer-not = Mas gusto ko pong hindi sabihin
choice-continue = Magpatuloy
choice-consent-agree = Oo, magpatuloy
choice-consent-decline = Hindi, hindi muna ngayon
choice-no-code = Walang code, salamat
choice-submit = Ipadala ang mga sagot ko
choice-change = Palitan ang sagot { $n }
choice-resume = Ituloy kung saan ako huminto
choice-send-now = Ipadala na ito ngayon
choice-tell-more = Magkuwento pa (mga { $n } tanong, { $minutes } minuto)
choice-send-told = Ipadala ang mga nasabi ko na
choice-tell-more-later = Magkuwento pa
choice-restart = Magsimula ulit
choice-delete-confirm = Oo, burahin lahat
choice-delete-cancel = Hindi, itago ang mga sagot ko

answer-prefer-not = (ayaw sabihin)
answer-dont-know = (hindi alam)
answer-skipped = (nilaktawan)
answer-none = —
answer-date-approx = bandang { $date }
answer-date-month = { $month } { $year }
answer-date-day = { $month } { $day }, { $year }

month-1 = Enero
month-2 = Pebrero
month-3 = Marso
month-4 = Abril
month-5 = Mayo
month-6 = Hunyo
month-7 = Hulyo
month-8 = Agosto
month-9 = Setyembre
month-10 = Oktubre
month-11 = Nobyembre
month-12 = Disyembre

help-text =
    Kung kayo po ay nasa panganib, tumawag sa 911.
    Para makausap ang isang tao ngayon, anumang oras, araw man o gabi: National Human Trafficking Hotline, tumawag sa 1-888-373-7888 o mag-text ng HELP sa 233733. Libre ito at kumpidensyal, at nakakapagsalita sila ng maraming wika.
help-commands =
    Magagamit ninyo po ang mga ito anumang oras:
    /back – bumalik sa naunang tanong
    /skip – laktawan ang isang tanong (kung puwede)
    /exit – umalis agad; itatago ang mga sagot ninyo para sa pagbalik ninyo
    /language – palitan ang wika
    /delete – burahin ang mga sagot ninyo sa aming sistema
    /help – ipakita ulit ito
    Binubura rin ng /exit at /delete ang mga mensahe sa chat na ito mula sa nakaraang 48 oras, sa inyo at sa bot. Ang mas lumang mensahe ng bot ay pinapalitan nito ng karaniwang teksto; ang mas luma ninyong mensahe ay hindi nito magagalaw, pero kayo mismo ang puwedeng magbura ng mga iyon, o ng buong chat, sa Telegram.

invalid-choice = Pasensya na po, hindi ko naintindihan. Pumili po ng isa sa mga pagpipilian.
invalid-choices = Pumili po ng isa o higit pa sa mga pagpipilian. Puwede kayong pumili ng ilan, gaya ng 1, 3.
invalid-number = Mag-type po ng numero, gaya ng 19.
invalid-number-range = Mag-type po ng numero mula { $min } hanggang { $max }.
invalid-date = Hindi ko po mabasa ang petsang iyan. Sapat na ang taon, gaya ng 2014, "Marso 2014" o "bandang 2014".
invalid-date-past = Mukhang nasa hinaharap pa ang petsang iyan. Sapat na ang taon, gaya ng 2014.
invalid-date-future = Mukhang lumipas na ang petsang iyan. Pakitingnan po ulit, o piliin ang "Hindi ko po alam".
invalid-text-long = Medyo mahaba po iyan. Pakipaikli sa mas kaunti sa { $max } na character.
invalid-text-empty = Pakisulat po ang sagot ninyo, o pumili ng isa sa mga pagpipilian.
invalid-jurisdiction = Hindi ko po nakilala ang estadong iyan. Puwede ninyong i-type ang pangalan nito, gaya ng "New York", o ang dalawang letra nito, gaya ng NY.
invalid-stale = Ang button na iyan ay para sa naunang tanong. Narito po tayo ngayon:
invalid-code = Pakisulat po ang code ninyo.
cannot-skip = Hindi po puwedeng laktawan ang tanong na ito. Puwede kayong pumili ng isa sa mga pagpipilian, o mag-type ng /exit para huminto muna.
nothing-to-go-back-to = Ito po ang unang tanong.
previous-answer = Ang dati ninyong sagot:

review-intro =
    Narito po ang lahat ng sinabi ninyo sa amin. Pakitingnan po.
    Puwede ninyong palitan ang kahit anong sagot, o ipadala na ang mga ito.
review-group-item = Kaso { $n }
review-empty = Wala pa po kayong nasasagot na tanong.
review-type-number = Para palitan ang isang sagot, i-type ang numero nito.

resume-prompt = Maligayang pagbabalik po. Gusto ba ninyong ituloy kung saan kayo huminto?
resume-prompt-sent = Maligayang pagbabalik po. Naipadala na ang mga sinabi ninyo sa amin dati. Gusto ba ninyong magkuwento pa? Idaragdag ito sa naipadala na ninyo.
resume-code-ask = Pakisulat po ang code ninyo para magpatuloy.
resume-code-set = Nakatakda na po ang code ninyo. Hihingin namin ito pagbalik ninyo.
resume-code-again = Pakisulat po ulit ang parehong code, para sigurado kaming tama.
resume-code-mismatch = Hindi po magkapareho ang dalawa, kaya wala pang code na nakatakda. Pakisulat po ulit ng code, o piliin ang "Walang code, salamat".
resume-code-wrong = Hindi po tugma ang code na iyan. Pakisubukan ulit.
resume-code-locked = Masyado pong maraming subok. Maghintay po ng { $minutes } minuto at subukan ulit.
resume-code-too-short = Gumamit po ng hindi bababa sa { $min } na character, o piliin ang "Walang code, salamat".

delete-confirm =
    Buburahin nito ang lahat ng sinabi ninyo sa amin. Hindi na ito maibabalik.
    Kung naipadala na ang mga sagot ninyo, hihilingin namin sa abogado na burahin ang kopya nila. Gusto ba ninyong burahin?
delete-done = Nabura na po ang lahat ng sinabi ninyo sa amin.
delete-cancelled = Walang nabura.

exit-done = Naka-pause ang chat. I-type ang /start para bumalik.

language-prompt = Pumili ng wika · Choose a language
language-changed = Sige po.

already-submitted = Naipadala na po ang mga sagot ninyo. May kokontak sa inyo sa paraang pinili ninyo. Puwede kayong magsimula ng bagong usapan, o mag-type ng /delete para burahin ang nakatago rito.
multi-instructions = Puwede kayong pumili ng higit sa isa.
console-free-input-choices = I-type ang sagot ninyo, o i-type ang isa sa mga ito:
jurisdiction-other = Ibang estado
not-started = I-type ang /start para magsimula.
# Ginagamit para sa $org hangga't hindi pa naitatakda ng operator ang pangalan ng organisasyon.
org-name = ang organisasyon para sa tulong legal
error-storage =
    Pasensya na po, may nagkaproblema sa aming panig at hindi namin maituloy ang usapang ito ngayon. Puwede kayong mag-type ng /delete para magsimula ulit.
    Kung emergency, tumawag sa 911. Para makausap ang isang tao ngayon: tumawag sa 1-888-373-7888 o mag-text ng HELP sa 233733.
error-retry = Pasensya na po, may nagkaproblema sa aming panig sa huli ninyong mensahe. Pakipadala po ulit.

# Ang command menu ng bot: mga neutral na salita, dahil kahit sino ay puwedeng makakita ng menu.
menu-start = Simula
menu-back = Bumalik
menu-help = Tulong
menu-language = Wika
menu-exit = Isara
menu-delete = Burahin
# Ang button na nagpapadala ng sagot na may ilang pinili sa Telegram.
choice-done = Tapos na ✓
# Ipinapakita ng Telegram ang mahabang listahan nang isang pahina bawat oras: lumilipat ang mga button na ito.
choice-page-more = Higit pa ▶
choice-page-back = ◀ Bumalik
# Sa pagrepaso sa Telegram: binubuksan ang listahan ng mga sagot, isang pahina bawat oras, para pumili ng papalitan.
choice-change-some = Palitan ang isang sagot

# Ipinapadala nang isang beses kapag tinanggap ng abogado ang kaso, kung pinili lang ng tao ang chat
# na ito bilang paraan ng pagkontak. Kahit sino ay puwedeng makakita ng telepono: walang tungkol sa
# batas, record o organisasyon.
notify-accepted = Kumusta po ulit. May kokontak sa inyo sa lalong madaling panahon, sa paraang pinili ninyo. Puwede kayong mag-type ng /delete anumang oras para burahin ang nakatago rito.
notify-not-taken =
    Kumusta po ulit.
    Hindi kami nakahanap ng abogadong makakahawak nito sa tamang oras, kaya binura na namin ang sinabi ninyo sa amin, gaya ng sinabi naming gagawin namin. Puwede kayong magsimula ulit anumang oras gamit ang /start.
    Para makausap ang isang tao ngayon, araw man o gabi: tumawag sa 1-888-373-7888 o mag-text ng HELP sa 233733. Kung emergency, tumawag sa 911.

# Under each question: how far along the survivor is ($total is an estimate).
progress = Tanong { $n } sa mga { $total }
