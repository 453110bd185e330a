# Mga mensahe ng flows/intake.toml. Bawat tanong na nagtatago ng sagot ay may `.short`:
# ang pangalan nito sa pagrepaso at sa buod para sa abogado.

q-language = Pumili ng wika · Choose a language

q-safety = Kumusta po. Ligtas po ba kayong makipag-chat ngayon?
hint-safety = Kung may lumapit, i-type ang /exit anumang oras. Binubura nito ang mga mensahe sa chat na ito mula sa nakaraang 48 oras, at puwede kayong magpatuloy mamaya.
opt-safety-safe = Opo, puwede akong mag-chat ngayon
opt-safety-not-now = Hindi muna ngayon

q-device = May iba pa po bang gumagamit o tumitingin sa teleponong ito?
opt-device-only-me = Wala, ako lang
opt-device-others = Mayroon, baka may ibang makakita
opt-device-not-sure = Hindi po ako sigurado

info-device-tips =
    Salamat po sa pagsabi sa amin. Ilang bagay na makakatulong:
    • I-type ang /exit anumang oras para umalis agad. Binubura nito ang mga mensahe sa chat na ito mula sa nakaraang 48 oras; sinasabi ng /help kung ano mismo ang binubura nito.
    • Kung pipiliin ninyong magkuwento pa pagkatapos ng unang ilang tanong, puwede kayong maglagay ng code sa oras na iyon, para walang ibang makapagbukas ng mga sagot ninyo.
    • Puwedeng ipakita ng notification ang simula ng mensahe sa lock screen. Sa settings ng Telegram (Notifications and Sounds), puwede ninyong i-off ang message preview.
    • Kung kaya, gumamit ng telepono o computer na kayo lang ang gumagamit, o isa sa library o sa opisina ng isang advocate (taong tumutulong sa inyo).
    Kayo po ang bahala. Puwede kayong magpatuloy ngayon kung gusto ninyo.

q-consent =
    Bago tayo magsimula, pakibasa po ito. Maikli lang.

    • Ito ay isang automated assistant na pinapatakbo ng { $org }. Hindi ito abogado, at walang anuman dito na legal na payo. Ang pagsagot ay hindi pa nangangahulugang may abogado na kayo.
    • Babasahin ng isang abogado o advocate ng { $org } ang mga sagot ninyo at kokontakin kayo, sa mga paraan lang na sinabi ninyong ligtas.
    • Naka-encrypt ang pagkakatago ng mga sagot ninyo. Kung huminto kayo nang hindi natatapos, buburahin ang mga ito pagkalipas ng { $abandoned_days } araw. Kung walang abogadong tumanggap sa mga ito sa loob ng { $waiting_days } araw, buburahin na ang mga ito. Kapag may abogadong tumanggap, isang naka-lock na kopya lang ang itatago namin, na buburahin pagkalipas ng { $delivered_days } araw.
    • Hindi na mababawi ang kopyang naipadala na sa abogado, pero puwede ninyong hilingin sa kanila na burahin ito.
    • Tumatakbo ang chat na ito sa Telegram at hindi ito end-to-end encrypted: nakikita ng Telegram ang nakasulat dito, at pati ng sinumang magbukas ng teleponong ito o ng Telegram account ninyo. Huwag po sanang isulat ang pangalan ng ibang tao, o kung ano ang nangyari sa inyo: hindi namin ito kailangan para matulungan kayo.
    • Hindi ito serbisyo para sa emergency. Kung kayo ay nasa panganib, tumawag sa 911. Para makausap ang isang tao ngayon, tawagan ang National Human Trafficking Hotline sa 1-888-373-7888 o mag-text ng HELP sa 233733.
    • Puwede ninyong laktawan ang mga tanong, bumalik, huminto gamit ang /exit, at burahin ang lahat gamit ang /delete.
    • Mga { $short_minutes } minuto ang kailangan para maipadala ang ilang sagot na kailangan ng abogado para matawagan kayo. Mga { $full_minutes } minuto naman kung ikukuwento ninyo ang lahat. Puwede kayong magpadala nang maaga at ikuwento ang iba sa ibang pagkakataon.

    Gusto po ba ninyong magpatuloy?

q-resume-code = Gusto po ba ninyong maglagay ng code? Kung aalis kayo at babalik, hihingin namin ito, para walang ibang may hawak ng telepono ninyo ang makakita o makapagpalit ng mga sagot ninyo. Mag-type ng code na maaalala ninyo (hindi bababa sa 4 na character), o piliin ang "Walang code, salamat".
hint-resume-code = Huwag gumamit ng code na alam ng iba, gaya ng kaarawan.

q-preferred-name = Ano po ang gusto ninyong itawag namin sa inyo? Hindi kailangang ito ang legal ninyong pangalan.
    .short = Pangalang gagamitin

q-preferred-term = Paano po ninyo gustong pag-usapan namin ang nangyari sa inyo?
    .short = Mga salitang gagamitin
hint-preferred-term = Hindi ninyo kailangang sabihin sa amin kung ano ang nangyari. Nakakatulong lang ito para magamit namin ang mga salitang komportable sa inyo.
opt-term-trafficking = "Na-traffic ako"
opt-term-exploitation = "Pinagsamantalahan ako"
opt-term-forced-work = "Pinilit akong magtrabaho"
opt-term-what-happened = "Ang nangyari" lang

q-nexus-all =
    Isang tanong po tungkol sa lahat ng ito nang sabay-sabay.
    Isipin po ang bawat aresto o hatol ninyo, ang sinabi ninyo sa amin at anumang iba pa: nangyari ba ang mga ito habang may pumipilit, nanloloko, o nanggigipit sa inyo, o dahil sa sitwasyong iyon?
    .short = May kinalaman sa trafficking (bawat kaso)
opt-nexus-all = Opo, lahat
opt-nexus-some = Ilan lang, hindi lahat
opt-nexus-none = Hindi po

group-case = Kaso { $n }

q-case-state =
    { $n ->
        [1] Ngayon, ilang tanong tungkol sa nakaraan. Dahan-dahan lang po.
            Saang estado kayo naaresto o nahatulan? Kung higit sa isang beses itong nangyari, magsimula sa isa: puwede ninyong idagdag ang iba mamaya. Kung sa federal court (korte ng pamahalaang pederal), piliin ang Pederal.
       *[other] Salamat po. Ngayon, ang susunod.
            Saang estado ito? Kung sa federal court (korte ng pamahalaang pederal), piliin ang Pederal.
    }
    .short = Estado
hint-case-state =
    Puwede ninyong i-type ang pangalan ng estado, gaya ng "New York", o pumili ng isa sa ibaba.
    Hindi sigurado kung may record kayo? Piliin ang "Hindi ko po alam": puwedeng alamin ito ng isang abogado.

q-case-county =
    Saang county o lungsod ito, kung naaalala ninyo?
    Puwede rin ang pangalan ng korte.
    .short = County o korte

q-case-category =
    Tungkol saan ito? Piliin ang pinakamalapit.
    Ang ibig naming sabihin ay ang kaso o paratang (charge), sa pagkakaalam ninyo.
    .short = Uri ng paratang
hint-case-category =
    Okay lang kung hindi kayo sigurado.
    Puwedeng hanapin ng abogado ang eksaktong paratang mamaya.
opt-cat-prostitution = Prostitusyon, pag-aalok nito (solicitation), o pagtambay para rito
opt-cat-loitering = Pagtambay o paglalaboy
opt-cat-trespass = Pagpasok sa lugar nang walang pahintulot (trespassing)
opt-cat-disorderly = Panggugulo, o paglaban sa pag-aresto
opt-cat-theft = Pagnanakaw o shoplifting
opt-cat-fraud = Panloloko, pamemeke, o pekeng ID
opt-cat-drug-possession = Pagkakaroon ng droga
opt-cat-drug-sale = Pagbebenta o pagdadala ng droga para sa iba
opt-cat-weapons = Pagkakaroon ng armas
opt-cat-promoting = Pagpapatakbo ng prostitusyon o pag-recruit ng iba
opt-cat-burglary = Pagpasok sa bahay o gusali para magnakaw (burglary)
opt-cat-robbery = Panghoholdap (robbery)
opt-cat-assault = Pananakit o pakikipag-away
opt-cat-property = Pagsira ng ari-arian
opt-cat-driving = Pagmamaneho o trapiko
opt-cat-immigration = Imigrasyon
opt-cat-other = Iba pa

q-case-charge =
    Kung naaalala ninyo, ano ang tawag dito?
    Ang pangalan lang ng paratang, gaya ng "pagtambay", sa sarili ninyong salita. Huwag po sanang isulat kung ano ang nangyari: hindi namin ito kailangan.
    .short = Paratang (sariling salita)

q-case-outcome = Paano natapos ang kasong ito?
    .short = Paano natapos
opt-outcome-conviction = Nahatulan ako, o umamin ako na guilty
opt-outcome-deferred = Isang programa, deferred sentence, o diversion (tatapusin ang programa sa halip na maparusahan)
opt-outcome-dismissed = Ibinasura ito, o napatunayang hindi ako guilty
opt-outcome-arrest-only = Naaresto ako pero hindi kailanman kinasuhan
opt-outcome-pending = Bukas pa ito
opt-outcome-juvenile = Nasa juvenile court ito (korte para sa mga menor de edad)

q-case-final-charge =
    Sa huli, napalitan ba ito ng ibang bagay? Kung oo, ano? Puwede ang sarili ninyong salita.
    Ang ibig naming sabihin ay ang paratang na pinaghatulan sa inyo, kung hindi ito ang unang paratang.
    .short = Huling paratang

q-case-level =
    Gaano ito kabigat, kung alam ninyo?
    Misdemeanor (mas magaan na krimen) ba ito o felony (mabigat na krimen)?
    .short = Antas
hint-case-level =
    Mula sa pinakamagaan hanggang sa pinakamabigat:
    violation o infraction (gaya ng tiket), tapos misdemeanor, tapos felony.
opt-level-violation = Violation o infraction (pinakamagaan)
opt-level-misdemeanor = Misdemeanor (mas magaan na krimen)
opt-level-felony = Felony (mabigat na krimen)

q-case-date =
    Mga kailan po ito?
    Ang ibig naming sabihin ay kung kailan kayo naaresto.
    .short = Kailan naaresto
hint-dates = Sapat na ang taon, gaya ng 2014 o "bandang 2014".

q-case-conviction-date = Mga kailan natapos ang kaso?
    .short = Kailan natapos ang kaso

q-case-sentence-done =
    Natapos na ba ninyo ang lahat ng ipinagawa sa inyo para dito?
    Halimbawa, kulong, probation (panahon ng pagbabantay sa inyo), multa, o mga klaseng iniutos ng korte.
    .short = Tapos na ang sentensiya
hint-case-sentence-done =
    Nagtatanong kami dahil puwedeng nakadepende rito ang mga opsyon.
    May mga paraan ng paglilinis ng record na magagamit lang kapag tapos na ang lahat ng iniutos ng korte, at may mga hindi naman kailangang hintayin iyon.

q-case-nexus = Nangyari ba ang isang ito habang may pumipilit, nanloloko, o nanggigipit sa inyo, o dahil sa sitwasyong iyon?
    .short = May kinalaman sa trafficking
hint-case-nexus =
    Hindi ninyo kailangang sabihin sa amin kung ano ang nangyari.
    Baka magtanong pa ang abogado mamaya, kung gusto lang ninyo.

q-case-harm =
    May nakasulat ba ritong alinman sa mga ito? Piliin lahat ng angkop.
    Ang ibig naming sabihin ay ang paratang, sa pagkakaalam ninyo.
    .short = Karahasan, armas o pinsala
hint-case-harm =
    Nagtatanong kami dahil iba ang turing ng ilang batas sa mga ito.
    Marami pa ring tao ang puwedeng matulungan.
opt-harm-violence = May tinakot o sinaktan
opt-harm-weapon = May kasamang armas
opt-harm-injury = May nasaktan
opt-harm-none = Wala sa mga ito

q-case-age = Mga ilang taon kayo noon?
    .short = Edad noon
hint-case-age = Nagtatanong kami dahil puwedeng iba ang patakaran para sa nangyari bago kayo mag-18.

q-case-docket =
    Kung may case number kayo, puwede ninyo itong i-type dito. Okay lang na laktawan ito.
    Puwede rin itong tawaging docket number.
    .short = Case number

q-case-another =
    Salamat po. May iba pa ba kayong gustong sabihin sa amin?
    Anumang ibang aresto o hatol, mula sa kahit anong panahon.
    .short = Isa pang kaso
opt-another-yes = Opo, may isa pa
opt-another-no = Wala na, iyon lang

q-other-names = Mayroon ba sa mga kasong ito na nasa ibang pangalan o ibang baybay?
    .short = Sa ibang pangalan
hint-other-names =
    Hindi ninyo kailangang isulat ang pangalan ngayon.
    Nagtatanong kami para malaman ng abogado kung saan maghahanap.

q-still-in-situation =
    Una po, ang kaligtasan ninyo.
    May tao pa po bang namimilit o kumokontrol sa inyo?
    .short = Nasa sitwasyon pa rin

info-still-in-situation =
    Salamat po sa pagsabi sa amin. Nararapat kayong maging ligtas.
    Kung gusto ninyong makausap ang isang tao ngayon, anumang oras: tumawag sa 1-888-373-7888 o mag-text ng HELP sa 233733. Kung kayo ay nasa panganib, tumawag sa 911.
    I-type ang /exit anumang oras para umalis agad. Magpapatuloy lang tayo kung gusto ninyo.

q-situation-ended = Mga kailan natapos ang sitwasyong iyon?
    .short = Kailan natapos ang sitwasyon
hint-situation-ended =
    Sapat na ang taon, gaya ng 2014 o "bandang 2014".
    Nagtatanong kami dahil sa ilang estado, ang panahon para humiling sa korte ay binibilang mula nang matapos ang sitwasyong iyon.

q-later-convictions =
    Isa pang tanong tungkol sa nakaraan.
    Mula noon, nahatulan na ba kayo ng iba pa?
    .short = Mga hatol mula noon
hint-later-convictions =
    Nagtatanong kami dahil puwedeng nakadepende rito ang mga opsyon.
    Tinitingnan ng ilang paraan ng paglilinis ng record ang mga nangyari pagkatapos. Anuman ang sagot, baka matulungan pa rin kayo ng abogado.

q-pending =
    May bukas pa po ba para sa inyo ngayon?
    Halimbawa, isang kaso sa korte na hindi pa tapos, o isang warrant (utos na arestuhin kayo).
    .short = Bukas na kaso o warrant
hint-pending =
    Nagtatanong kami para makapagplano kasama ninyo.
    Minsan, ibang klase ng abogado ang kailangan ng mga bukas na kaso.

q-documents = Mayroon po ba kayong alinman sa mga papeles na ito? Piliin lahat ng angkop.
    .short = Mga papeles na hawak
hint-documents = Hindi kailangan ang alinman sa mga ito para humingi ng tulong. Puwede nilang gawing mas madali.
opt-doc-t-visa = T visa
opt-doc-u-visa = U visa
opt-doc-continued-presence = Continued Presence (pahintulot na manatili sa U.S.)
opt-doc-hhs-letter = Eligibility letter mula sa HHS (isang ahensya ng pamahalaan ng U.S.)
opt-doc-law-enforcement = Sulat mula sa pulis o prosecutor
opt-doc-service-provider = Sulat mula sa shelter, advocate, o counselor
opt-doc-court-records = Mga papeles mula sa kaso ko sa korte
opt-doc-none = Wala sa mga ito

q-citizenship = Kayo po ba ay mamamayan ng U.S.?
    .short = Pagkamamamayan
hint-citizenship =
    Nagtatanong kami dahil puwede nitong baguhin kung aling mga opsyon ang bagay sa inyo.
    Iba ang epekto ng ilang paraan ng paglilinis ng record pagdating sa imigrasyon. Ang mga taong tumutulong lang sa inyong kaso ang makakakita ng sagot ninyo.
opt-cit-citizen = Opo, mamamayan ako ng U.S.
opt-cit-permanent-resident = May green card ako
opt-cit-other-status = May iba akong visa o status
opt-cit-no-status = Wala akong papeles ngayon

q-immigration-court =
    May paparating po ba kayong petsa ng hearing?
    Ang ibig naming sabihin ay sa immigration court.
    .short = Petsa sa immigration court

q-immigration-court-date = Kailan ang petsang iyon, kung alam ninyo?
    .short = Immigration court sa petsang

q-urgent =
    May deadline po bang paparating?
    Halimbawa, petsa sa korte, trabaho, o aplikasyon para sa pabahay.
    .short = Madaliang deadline
hint-urgent = Kung may madalian, sisiguraduhin naming makikita ito agad.

q-urgent-date = Kailan ito?
    .short = Petsa ng deadline

q-record-consent =
    Isang tanong tungkol sa pahintulot.
    Puwede bang hingin ng abogado ang criminal record ninyo mula sa estado at sa FBI, para mahanap ang bawat kaso? Magtatanong muna sila sa inyo bago gumawa ng kahit ano.
    .short = Puwedeng humingi ng record
hint-record-consent =
    Okay lang kung hindi ninyo maalala ang bawat kaso.
    Nakakatulong ang record para mahanap ng abogado ang mga ito.

q-contact-method =
    Paano po namin kayo ligtas na makokontak? Piliin lahat ng ligtas.
    Ito ay para sa isang tao mula sa { $org }.
    .short = Ligtas na paraan ng pagkontak
hint-contact-method = Gagamitin lang namin ang mga paraang pipiliin ninyo. Hindi sasabihin ng mga mensahe kung tungkol saan ang mga ito.
opt-contact-this-chat = Dito, sa chat na ito
opt-contact-phone = Tawag sa telepono
opt-contact-text = Text message
opt-contact-email = Email
opt-contact-advocate = Sa pamamagitan ng advocate o case worker ko

q-contact-details = Anong numero, email, o advocate ang dapat naming gamitin? Isulat lang kung ligtas.
    .short = Detalye ng pagkontak
hint-contact-details = Puwede ninyong laktawan ito at sabihin sa isang tao mamaya.

q-contact-time = Kailan ligtas na kontakin kayo? Halimbawa "weekdays pagkatapos ng 6pm".
    .short = Ligtas na oras

q-review = Malapit na pong matapos.

q-send-choice =
    Salamat po. Sapat na ito para may kumontak sa inyo.
    Puwede na ninyo itong ipadala ngayon: itatanong ng abogado ang iba kapag tumawag siya. O puwede kayong magkuwento pa sa amin ngayon, na makakatulong sa paghahanda niya. Alinman ay okay lang.
    Ito ang mga sinabi ninyo sa amin:

end-done = Salamat po. Naipadala na ang mga sagot ninyo. May kokontak sa inyo sa paraang pinili ninyo. Kung emergency, tumawag sa 911; para sa ibang tulong, i-type ang /help.

end-sent-early = Salamat po. Naipadala na ang mga sinabi ninyo sa amin. May kokontak sa inyo sa paraang pinili ninyo. Para magdagdag pa mamaya, i-type ang /start. Kung emergency, tumawag sa 911; para sa ibang tulong, i-type ang /help.

end-later = Okay lang po. I-type ang /start kahit kailan ninyo gustong magpatuloy. Kung emergency, tumawag sa 911; para sa ibang tulong, i-type ang /help.

end-declined = Okay lang po, walang itinagong anuman sa na-type ninyo. I-type ang /start kung magbago ang isip ninyo. Kung emergency, tumawag sa 911; para sa ibang tulong, i-type ang /help.
