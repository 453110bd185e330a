# Mesaj flows/intake.toml. Chak kesyon ki kenbe yon repons gen yon atribi `.short`: non li nan
# revizyon an ak nan rezime pou avoka a.
# "Advocate" se "moun k ap akonpaye w" (yon moun ki bay sipò, pa yon avoka).

q-language = Chwazi yon lang · Choose a language

q-safety = Bonjou. Èske li san danje pou ou pale nan chat la kounye a?
hint-safety = Si yon moun pwoche, ekri /exit nenpòt lè. Sa efase mesaj ki nan chat sa a pou 48 dènye èdtan yo, epi ou ka kontinye pita.
opt-safety-safe = Wi, mwen ka pale kounye a
opt-safety-not-now = Pa kounye a

q-device = Èske gen lòt moun ki sèvi ak telefòn sa a oswa ki gade ladan l?
opt-device-only-me = Non, se mwen sèl
opt-device-others = Wi, yon lòt moun ka wè l
opt-device-not-sure = Mwen pa sèten

info-device-tips =
    Mèsi paske ou di nou sa. Men kèk bagay ki ka ede:
    • Ekri /exit nenpòt lè pou soti vit. Sa efase mesaj ki nan chat sa a pou 48 dènye èdtan yo; /help di egzakteman sa li efase.
    • Si ou chwazi di nou plis apre premye kèk kesyon yo, ou ka mete yon kòd lè sa a, pou pèsonn lòt pa ka louvri repons ou yo.
    • Yon notifikasyon ka montre kòmansman yon mesaj sou ekran telefòn lè l fèmen. Nan paramèt Telegram yo (Notifications and Sounds) ou ka etenn apèsi mesaj yo.
    • Si ou kapab, sèvi ak yon telefòn oswa yon òdinatè se ou sèl ki sèvi avè l, oswa youn nan yon bibliyotèk oswa nan biwo yon moun k ap akonpaye w.
    Se ou ki deside. Ou ka kontinye kounye a si ou vle.

q-consent =
    Anvan nou kòmanse, tanpri li sa a. Li kout.

    • Sa a se yon asistan otomatik, se { $org } ki fè l mache. Li pa yon avoka, e anyen isit la pa konsèy legal. Lè ou reponn, sa poko fè okenn moun vin avoka ou.
    • Yon avoka oswa yon moun k ap akonpaye moun, ki travay avèk { $org }, ap li repons ou yo epi kontakte w, sèlman nan fason ou di nou ki san danje.
    • Repons ou yo anrejistre an chifre (yon kòd sekrè pwoteje yo). Si ou kanpe san ou pa fini, yo efase apre { $abandoned_days } jou. Si okenn avoka pa pran yo nan { $waiting_days } jou, yo efase lè sa a. Lè yon avoka pran yo, nou kenbe sèlman yon kopi ki fèmen ak kle, epi nou efase l { $delivered_days } jou apre.
    • Yon kopi ki deja voye bay yon avoka pa ka rale tounen, men ou ka mande avoka a pou l efase l.
    • Chat sa a mache sou Telegram, e li pa chifre de yon bout a lòt (end-to-end): Telegram ka wè sa ki ekri isit la, ak nenpòt moun ki louvri telefòn sa a oswa kont Telegram ou. Tanpri pa ekri non okenn lòt moun, ni sa ki te rive w: nou pa bezwen sa pou nou ede w.
    • Sa a pa yon sèvis ijans. Si ou an danje, rele 911. Pou pale ak yon moun kounye a, rele Liy Nasyonal kont Trafik Moun (National Human Trafficking Hotline) nan 1-888-373-7888 oswa voye yon mesaj tèks (SMS) ak mo HELP nan 233733.
    • Ou ka sote kesyon, tounen dèyè, kanpe ak /exit, epi efase tout bagay ak /delete.
    • Li pran anviwon { $short_minutes } minit pou voye kèk repons yon avoka bezwen pou l ka rele w tounen. Pou di tout bagay, li pran anviwon { $full_minutes } minit. Ou ka voye bonè epi di rès la pita.

    Èske ou vle kontinye?

q-resume-code = Èske ou vle mete yon kòd? Si ou soti epi ou tounen, n ap mande w li, pou okenn lòt moun ki gen telefòn ou nan men l pa ka wè oswa chanje repons ou yo. Ekri yon kòd ou p ap bliye (omwen 4 karaktè), oswa chwazi "San kòd, mèsi".
hint-resume-code = Pa sèvi ak yon kòd yon lòt moun konnen, tankou yon dat fèt.

q-preferred-name = Ki jan ou ta renmen nou rele w? Li pa oblije non ki sou papye ou yo.
    .short = Non pou nou sèvi

q-preferred-term = Ki jan ou ta renmen nou pale de sa ki te rive w la?
    .short = Mo pou nou sèvi
hint-preferred-term = Ou pa bezwen di nou sa ki te pase. Sa a jis ede nou sèvi ak mo ki bon pou ou.
opt-term-trafficking = "Mwen te viktim trafik moun"
opt-term-exploitation = "Yo te eksplwate m"
opt-term-forced-work = "Yo te fòse m travay"
opt-term-what-happened = Jis "sa ki te pase a"

q-nexus-all =
    Yon sèl kesyon sou yo tout ansanm.
    Panse ak chak arestasyon oswa kondanasyon ou genyen, sa ou te di nou an ak nenpòt lòt: èske yo te rive pandan yon moun t ap fòse w, twonpe w oswa peze w, oswa akoz sitiyasyon sa a?
    .short = Gen rapò ak trafik moun (tout ka yo)
opt-nexus-all = Wi, tout
opt-nexus-some = Kèk ladan yo, pa tout
opt-nexus-none = Non

group-case = Ka { $n }

q-case-state =
    { $n ->
        [1] Kounye a, kèk kesyon sou tan pase a. Pran tan ou.
            Nan ki eta yo te arete w oswa kondane w? Si sa te rive plis pase yon fwa, kòmanse ak youn: ou ka ajoute lòt yo pita. Si se te nan yon tribinal federal, chwazi Federal (Etazini).
       *[other] Mèsi. Kounye a, pwochen an.
            Nan ki eta sa a te ye? Si se te nan yon tribinal federal, chwazi Federal (Etazini).
    }
    .short = Eta
hint-case-state =
    Ou ka ekri non eta a, tankou "Nouyòk", oswa chwazi youn anba a.
    Ou pa sèten si ou gen dosye? Chwazi "Mwen pa konnen": yon avoka ka chèche konnen.

q-case-county =
    Nan ki konte oswa ki vil sa te ye, si ou sonje?
    Non tribinal la bon tou.
    .short = Konte oswa tribinal

q-case-category =
    Sou kisa sa te ye? Chwazi sa ki pi pre a.
    Nou vle di akizasyon an, otan ou konnen.
    .short = Kalite akizasyon
hint-case-category =
    Pa gen pwoblèm si ou pa sèten.
    Avoka a ka chèche akizasyon egzak la pita.
opt-cat-prostitution = Pwostitisyon, chèche kliyan oswa flannen nan lari pou pwostitisyon
opt-cat-loitering = Flannen nan lari (loitering) oswa vagabonday
opt-cat-trespass = Antre kote ou pa gen dwa antre (trespassing)
opt-cat-disorderly = Fè dezòd an piblik oswa reziste lè yo t ap arete w
opt-cat-theft = Vòl oswa vòl nan magazen
opt-cat-fraud = Fwod, fo papye oswa fo kat idantite
opt-cat-drug-possession = Gen dwòg sou ou
opt-cat-drug-sale = Vann oswa pote dwòg pou yon moun
opt-cat-weapons = Gen yon zam
opt-cat-promoting = Ankouraje pwostitisyon oswa rekrite lòt moun
opt-cat-burglary = Kase kay oswa antre yon kote pou vòlè (burglary)
opt-cat-robbery = Vòl ak fòs oswa ak menas (robbery)
opt-cat-assault = Atak oswa batay
opt-cat-property = Kraze byen yon moun
opt-cat-driving = Kondui machin oswa sikilasyon
opt-cat-immigration = Imigrasyon
opt-cat-other = Yon lòt bagay

q-case-charge =
    Si ou sonje, ki non sa te genyen?
    Sèlman non akizasyon an, tankou "flannen nan lari", ak pwòp mo pa ou. Tanpri pa ekri sa ki te rive: nou pa bezwen sa.
    .short = Akizasyon (mo pa ou)

q-case-outcome = Ki jan ka sa a te fini?
    .short = Ki jan li fini
opt-outcome-conviction = Yo te kondane m oswa mwen te plede koupab
opt-outcome-deferred = Yon pwogram, yon santans yo ranvwaye (deferred sentence) oswa yon pwogram olye de jijman (diversion)
opt-outcome-dismissed = Yo te anile ka a, oswa yo te jije m inosan
opt-outcome-arrest-only = Yo te arete m men yo pa t janm akize m
opt-outcome-pending = Li poko fini
opt-outcome-juvenile = Se te nan tribinal pou timoun minè

q-case-final-charge =
    Finalman, èske se te pou yon lòt bagay? Si wi, ki sa? Ou ka sèvi ak pwòp mo pa ou.
    Nou vle di akizasyon final la, sa yo te kondane w pou li a, si se pa t premye akizasyon an.
    .short = Akizasyon final

q-case-level =
    Ki jan sa te grav, si ou konnen?
    Èske se te yon misdemeanor (mwens grav) oswa yon felony (pi grav)?
    .short = Nivo
hint-case-level =
    Soti nan sa ki mwens grav rive nan sa ki pi grav:
    yon vyolasyon oswa yon enfraksyon (violation, infraction), apre sa yon misdemeanor, apre sa yon felony.
opt-level-violation = Yon vyolasyon oswa yon enfraksyon (violation, infraction)
opt-level-misdemeanor = Yon misdemeanor (mwens grav)
opt-level-felony = Yon felony (pi grav)

q-case-date =
    Apeprè ki lè sa te ye?
    Nou vle di lè yo te arete w.
    .short = Lè yo te arete l
hint-dates = Ane a ase, tankou 2014 oswa "anviwon 2014".

q-case-conviction-date = Apeprè ki lè ka a te fini?
    .short = Ki lè ka a fini

q-case-sentence-done =
    Èske ou fin fè tout sa yo te di w fè pou sa?
    Pa egzanp prizon, pwobasyon (probation), amann oswa kou tribinal la te bay lòd pou yo.
    .short = Santans fini
hint-case-sentence-done =
    Nou mande paske opsyon yo ka depann de sa.
    Gen kèk fason pou efase dosye ki mache sèlman lè tout sa tribinal la te bay lòd yo fini, epi gen lòt ki pa bezwen sa.

q-case-nexus = Èske ka sa a te rive pandan yon moun t ap fòse w, twonpe w oswa peze w, oswa akoz sitiyasyon sa a?
    .short = Gen rapò ak trafik moun
hint-case-nexus =
    Ou pa bezwen di nou sa ki te pase.
    Yon avoka ka mande w plis pita, sèlman si ou vle.

q-case-harm =
    Èske li te di youn nan bagay sa yo? Chwazi tout sa ki kòrèk.
    Nou vle di akizasyon an, otan ou konnen.
    .short = Vyolans, zam oswa blesi
hint-case-harm =
    Nou mande paske kèk lwa trete bagay sa yo yon lòt jan.
    Anpil moun ka toujou jwenn èd.
opt-harm-violence = Yo te menase oswa atake yon moun
opt-harm-weapon = Te gen yon zam
opt-harm-injury = Yon moun te blese
opt-harm-none = Okenn nan yo

q-case-age = Apeprè ki laj ou te genyen lè sa a?
    .short = Laj lè sa a
hint-case-age = Nou mande paske règ yo ka diferan pou yon bagay ki te pase anvan ou te gen 18 an.

q-case-docket =
    Si ou gen yon nimewo ka, ou ka ekri l isit la. Ou ka sote kesyon sa a.
    An angle yo ka rele l docket number.
    .short = Nimewo ka

q-case-another =
    Mèsi. Èske gen yon lòt ou ta renmen di nou?
    Nenpòt lòt arestasyon oswa kondanasyon, nenpòt ki lè.
    .short = Yon lòt ka
opt-another-yes = Wi, gen yon lòt
opt-another-no = Non, se tout

q-other-names = Èske youn nan ka sa yo te anba yon lòt non oswa yon lòt fason pou ekri non an?
    .short = Anba yon lòt non
hint-other-names =
    Ou pa bezwen ekri non an kounye a.
    Nou mande pou avoka a konnen ki kote pou l chèche.

q-still-in-situation =
    Anvan tout bagay, sekirite ou.
    Èske gen yon moun k ap toujou peze w oswa kontwole w?
    .short = Toujou nan sitiyasyon an

info-still-in-situation =
    Mèsi paske ou di nou sa. Ou merite pou w an sekirite.
    Si ou vle pale ak yon moun kounye a, nenpòt lè: rele 1-888-373-7888 oswa voye yon mesaj tèks (SMS) ak mo HELP nan 233733. Si ou an danje, rele 911.
    Ekri /exit nenpòt lè pou soti vit. N ap kontinye sèlman si ou vle.

q-situation-ended = Apeprè ki lè sitiyasyon sa a te fini?
    .short = Ki lè sitiyasyon an fini
hint-situation-ended =
    Ane a ase, tankou 2014 oswa "anviwon 2014".
    Nou mande paske nan kèk eta, tan pou mande tribinal la kòmanse konte depi lè sitiyasyon an te fini.

q-later-convictions =
    Yon dènye kesyon sou tan pase a.
    Depi lè sa a, èske yo te kondane w pou yon lòt bagay?
    .short = Kondanasyon depi lè sa a
hint-later-convictions =
    Nou mande paske opsyon yo ka depann de sa.
    Kèk fason pou efase dosye gade sa ki te pase apre. Kèlkeswa repons lan, yon avoka ka toujou ede w.

q-pending =
    Èske gen yon bagay ki toujou louvri pou ou kounye a?
    Pa egzanp yon ka nan tribinal ki poko fini, oswa yon manda arestasyon.
    .short = Ka louvri oswa manda
hint-pending =
    Nou mande pou nou ka planifye avè w.
    Pafwa ka ki louvri bezwen yon lòt kalite avoka.

q-documents = Èske ou gen youn nan papye sa yo? Chwazi tout sa ki kòrèk.
    .short = Papye ou genyen
hint-documents = Ou pa bezwen okenn nan yo pou mande èd. Yo ka fè sa pi fasil.
opt-doc-t-visa = Yon viza T (T visa)
opt-doc-u-visa = Yon viza U (U visa)
opt-doc-continued-presence = Continued Presence (pèmisyon pou rete Ozetazini pou yon tan)
opt-doc-hhs-letter = Yon lèt kalifikasyon HHS (Depatman Sante Etazini)
opt-doc-law-enforcement = Yon lèt lapolis oswa yon pwokirè
opt-doc-service-provider = Yon lèt yon abri, yon moun k ap akonpaye w oswa yon konseye
opt-doc-court-records = Papye ka mwen nan tribinal
opt-doc-none = Okenn nan yo

q-citizenship = Èske ou se sitwayen ameriken?
    .short = Sitwayènte
hint-citizenship =
    Nou mande paske sa ka chanje ki opsyon ki bon pou ou.
    Kèk fason pou efase dosye mache yon lòt jan pou imigrasyon. Se sèlman moun k ap ede w ak ka ou a ki pral wè repons ou.
opt-cit-citizen = Wi, mwen se sitwayen ameriken
opt-cit-permanent-resident = Mwen gen yon green card (rezidans pèmanan)
opt-cit-other-status = Mwen gen yon lòt viza oswa yon lòt estati
opt-cit-no-status = Mwen pa gen papye kounye a

q-immigration-court =
    Èske ou gen yon dat odyans ki pral rive byento?
    Nou vle di nan tribinal imigrasyon.
    .short = Odyans nan tribinal imigrasyon

q-immigration-court-date = Ki lè odyans sa a ye, si ou konnen?
    .short = Dat tribinal imigrasyon

q-urgent =
    Èske gen yon dat limit ki pral rive byento?
    Pa egzanp yon odyans nan tribinal, yon travay oswa yon demann pou lojman.
    .short = Dat limit ijan
hint-urgent = Si yon bagay ijan, n ap asire nou yo wè l an premye.

q-urgent-date = Ki lè li ye?
    .short = Dat limit

q-record-consent =
    Yon kesyon sou pèmisyon.
    Èske avoka a ka mande eta a ak FBI dosye kriminèl ou, pou l jwenn tout ka yo? Avoka a ap pale avè w anvan li fè anyen.
    .short = Ka mande dosye
hint-record-consent =
    Pa gen pwoblèm si ou pa sonje chak ka.
    Dosye a ede avoka a jwenn yo.

q-contact-method =
    Ki jan nou ka kontakte w san danje? Chwazi tout fason ki san danje.
    Se pou yon moun ki travay avèk { $org }.
    .short = Fason san danje pou kontakte w
hint-contact-method = N ap sèvi sèlman ak fason ou chwazi yo. Mesaj yo p ap di sou kisa yo ye.
opt-contact-this-chat = Isit la, nan chat sa a
opt-contact-phone = Yon apèl telefòn
opt-contact-text = Yon mesaj tèks (SMS)
opt-contact-email = Imèl
opt-contact-advocate = Atravè moun k ap akonpaye m oswa travayè sosyal mwen

q-contact-details = Ki nimewo, ki imèl oswa ki moun k ap akonpaye w nou ta dwe sèvi? Ekri l sèlman si sa san danje.
    .short = Enfòmasyon pou kontak
hint-contact-details = Ou ka sote sa a epi di yon moun li pita.

q-contact-time = Ki lè li san danje pou nou kontakte w? Pa egzanp "jou lasemèn apre 6è di swa".
    .short = Lè ki san danje

q-review = Nou prèske fini.

q-send-choice =
    Mèsi. Sa ase pou yon moun ka kontakte w.
    Ou ka voye l kounye a: yon avoka ap mande w rès la lè l rele w. Oswa ou ka di nou plis kounye a, sa ap ede l prepare. Nenpòt nan de yo bon.
    Men sa ou te di nou:

end-done = Mèsi. Repons ou yo voye. Yon moun ap kontakte w jan ou te chwazi a. Nan yon ijans, rele 911; pou lòt èd, ekri /help.

end-sent-early = Mèsi. Sa ou te di nou yo voye. Yon moun ap kontakte w jan ou te chwazi a. Pou ajoute plis pita, ekri /start. Nan yon ijans, rele 911; pou lòt èd, ekri /help.

end-later = Pa gen pwoblèm. Ekri /start nenpòt lè ou vle kontinye. Nan yon ijans, rele 911; pou lòt èd, ekri /help.

end-declined = Pa gen pwoblèm, nou pa kenbe anyen ou te ekri. Ekri /start si ou chanje lide. Nan yon ijans, rele 911; pou lòt èd, ekri /help.
