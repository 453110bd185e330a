//! Transcript tests: the real intake flow and locales, driven through the pure engine as a
//! person at the terminal would type. Expected output is inline; `UPDATE_EXPECT=1 cargo test`
//! rewrites it after a deliberate change (then read the diff).

use crate::support::Harness;
use expect_test::{expect, Expect};

fn check(script: &str, expect: Expect) {
    let mut h = Harness::new();
    expect.assert_eq(&h.run(script));
}

/// The start of every English intake, up to the first question after consent.
const START_EN: &str = "
/start
1
1
1
1
";

/// The short path after consent, in English, to the checkpoint's "Tell you more": not under
/// anyone's control, a prostitution case in New York, this chat in the evenings.
const SHORT_EN: &str = "
2
New York
1
1
evenings
2
";

/// The rest of an intake after the name and the words to use, one case, as briefly as it can be
/// told (linked: all of them; then "I don't know", skip, no), to the review.
const REST_EN: &str = "
1
/skip
/skip
I don't know
I don't know
I don't know
I don't know
I don't know
/skip
2
no
I don't know
no
no
I don't know
I don't know
no
no
yes
";

#[test]
fn full_intake_in_english() {
    let script = format!(
        "{START_EN}
        2
        New York
        1
        1
        evenings
        2
        no thanks
        Sam
        4
        2
        Queens
        loitering for the purpose
        1
        loitering
        2
        2015
        March 2016
        1
        1
        4
        22
        /skip
        2
        2
        around 2018
        2
        2
        8
        1
        2
        1
        1
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 2
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > New York
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > evenings
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > no thanks
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > 4
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 2
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > Queens
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > loitering for the purpose
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 1
              ? case_final_charge#0 [text]: In the end, was it for something different? If so, what? You…
                choices: dont_know send_now
            > loitering
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2015
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > March 2016
              ? case_sentence_done#0 [yes_no]: Have you finished everything you were told to do for it?
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_nexus#0 [yes_no]: Did this one happen while someone was forcing, tricking or p…
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 22
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not send_now
            > 2
              ? situation_ended [date]: About when did that situation end?
                choices: dont_know prefer_not send_now
            > around 2018
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not send_now
            > 2
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not send_now
            > 2
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > 8
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 1
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not send_now
            > 2
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Sam
                - Words to use: Just "what happened"
                - Connected to trafficking (every case): Some of them, not all
                - Case 1 · County or court: Queens
                - Case 1 · Charge (their words): loitering for the purpose
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: loitering
                - Case 1 · Level: A misdemeanor
                - Case 1 · When arrested: 2015
                - Case 1 · When the case ended: March 2016
                - Case 1 · Sentence finished: Yes
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 22
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: around 2018
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
            > 1
              = done (submitted): Thank you. Your answers have been sent. Someone will be in t…
              [effect: submit]
        "#]],
    );
}

#[test]
fn full_intake_in_spanish_with_partial_dates() {
    check(
        "
        /start
        2
        1
        1
        1
        # todavía en la situación: sí -> mensaje de ayuda
        1
        1
        Nueva York
        7
        2
        /skip
        no sé
        2
        no
        /skip
        5
        2
        no sé
        posesión
        1
        /skip
        2
        alrededor de 2013
        marzo de 2014
        1
        1
        4
        19
        no sé
        2
        2
        2
        2
        8
        3
        1
        15 de marzo de 2027
        2
        1
        1
        ",
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 2
              ? safety [single]: Hola. ¿Es seguro para usted chatear ahora?
                choices: safe not_now
            > 1
              ? device [single]: ¿Alguien más usa o revisa este teléfono?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Antes de empezar, por favor lea esto. Es corto.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: Primero, su seguridad.
                choices: yes no unsure prefer_not
            > 1
              ? still_in_situation_help [info]: Gracias por decírnoslo. Usted merece estar a salvo.
                choices: continue
            > 1
              ? case_state#0 [jurisdiction]: Ahora unas preguntas sobre el pasado. Tómese su tiempo.
                choices: NY CA TX FL US dont_know prefer_not
            > Nueva York
              ? case_category#0 [single]: ¿De qué se trataba? Elija la opción más parecida.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 7
              ? contact_method [multi]: ¿Cómo podemos contactarle de forma segura? Elija todas las f…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 2
              ? contact_details [text]: ¿Qué número, correo o persona de apoyo debemos usar? Escríba…
                choices: prefer_not
            > /skip
              ? contact_time [text]: ¿Cuándo es seguro contactarle? Por ejemplo "entre semana des…
                choices: dont_know
            > no sé
              ? send_choice [single]: Gracias. Con esto basta para que alguien se ponga en contact…
                - Sigue en la situación: Sí
                - Caso 1 · Estado: Nueva York
                - Caso 1 · Tipo de cargo: Tener drogas
                - Formas seguras de contacto: Una llamada
                - Datos de contacto: (omitida)
                - Horarios seguros: (no sé)
                choices: send_now more
            > 2
              ? resume_code [resume_code]: ¿Quiere poner un código? Si sale y vuelve, se lo pediremos, …
                choices: no_code send_now
            > no
              ? preferred_name [text]: ¿Cómo quiere que le llamemos? No tiene que ser su nombre leg…
                choices: prefer_not send_now
            > /skip
              ? preferred_term [single]: ¿Cómo quiere que hablemos de lo que le pasó?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > 5
              ? nexus_all [single]: Una pregunta sobre todos ellos juntos.
                choices: all some none dont_know prefer_not send_now
            > 2
              ? case_county#0 [text]: ¿En qué condado o ciudad fue, si lo recuerda?
                choices: dont_know send_now
            > no sé
              ? case_charge#0 [text]: Si lo recuerda, ¿cómo se llamaba?
                choices: dont_know send_now
            > posesión
              ? case_outcome#0 [single]: ¿Cómo terminó este caso?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 1
              ? case_final_charge#0 [text]: Al final, ¿fue por algo distinto? Si fue así, ¿qué fue? Pued…
                choices: dont_know send_now
            > /skip
              ? case_level#0 [single]: ¿Qué tan grave fue, si lo sabe?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2
              ? case_date#0 [date]: ¿Más o menos cuándo fue?
                choices: dont_know prefer_not send_now
            > alrededor de 2013
              ? case_conviction_date#0 [date]: ¿Más o menos cuándo terminó el caso?
                choices: dont_know prefer_not send_now
            > marzo de 2014
              ? case_sentence_done#0 [yes_no]: ¿Ya terminó todo lo que le ordenaron hacer por esto?
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_nexus#0 [yes_no]: ¿Este caso pasó mientras alguien le obligaba, engañaba o pre…
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_harm#0 [multi]: ¿Decía alguna de estas cosas? Elija todas las que correspond…
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#0 [number]: ¿Más o menos qué edad tenía entonces?
                choices: dont_know prefer_not send_now
            > 19
              ? case_docket#0 [text]: Si tiene un número de caso, puede escribirlo aquí. Está bien…
                choices: dont_know send_now
            > no sé
              ? case_another#0 [single]: Gracias. ¿Hay otro que quiera contarnos?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: ¿Alguno de estos casos quedó con otro nombre o con otra form…
                choices: yes no unsure prefer_not send_now
            > 2
              ? later_convictions [yes_no]: Una pregunta más sobre el pasado.
                choices: yes no unsure prefer_not send_now
            > 2
              ? pending [yes_no]: ¿Tiene algo abierto todavía?
                choices: yes no unsure prefer_not send_now
            > 2
              ? documents [multi]: ¿Tiene alguno de estos papeles? Elija todos los que correspo…
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > 8
              ? citizenship [single]: ¿Es usted ciudadana o ciudadano de Estados Unidos?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 3
              ? immigration_court [yes_no]: ¿Tiene pronto una fecha de audiencia?
                choices: yes no unsure prefer_not send_now
            > 1
              ? immigration_court_date [date]: ¿Cuándo es esa audiencia, si lo sabe?
                choices: dont_know prefer_not send_now
            > 15 de marzo de 2027
              ? urgent [yes_no]: ¿Tiene pronto alguna fecha límite?
                choices: yes no unsure prefer_not send_now
            > 2
              ? record_consent [yes_no]: Una pregunta sobre su permiso.
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Ya casi terminamos.
                - Sigue en la situación: Sí
                - Caso 1 · Estado: Nueva York
                - Caso 1 · Tipo de cargo: Tener drogas
                - Formas seguras de contacto: Una llamada
                - Datos de contacto: (omitida)
                - Horarios seguros: (no sé)
                - Nombre a usar: (omitida)
                - Palabras a usar: (prefiero no decirlo)
                - Relacionado con la trata (todos los casos): Algunos, no todos
                - Caso 1 · Condado o corte: (no sé)
                - Caso 1 · Cargo (en sus palabras): posesión
                - Caso 1 · Cómo terminó: Me condenaron o me declaré culpable
                - Caso 1 · Cargo final: (omitida)
                - Caso 1 · Nivel: Un delito menor (misdemeanor)
                - Caso 1 · Cuándo fue el arresto: alrededor de 2013
                - Caso 1 · Cuándo terminó el caso: marzo de 2014
                - Caso 1 · Sentencia cumplida: Sí
                - Caso 1 · Relacionado con la trata: Sí
                - Caso 1 · Violencia, arma o lesión: Ninguna de estas
                - Caso 1 · Edad entonces: 19
                - Caso 1 · Número de caso: (no sé)
                - Caso 1 · Otro caso: No, eso es todo
                - Con otro nombre: No
                - Condenas desde entonces: No
                - Casos abiertos u órdenes: No
                - Papeles que tiene: Ninguno de estos
                - Ciudadanía: Tengo otra visa u otro estatus
                - Audiencia en corte de inmigración: Sí
                - Corte de inmigración el: 15 de marzo de 2027
                - Fecha límite urgente: No
                - Puede pedir antecedentes: Sí
            > 1
              = done (submitted): Gracias. Sus respuestas fueron enviadas. Alguien se pondrá e…
              [effect: submit]
        "#]],
    );
}

#[test]
fn commands_at_several_steps() {
    check(
        "
        /start
        /help
        /back
        1
        /skip
        /back
        /language
        2
        1
        /exit
        /start
        1
        1
        /delete
        2
        /delete
        1
        hello
        ",
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > /help
              ! help: If you are in danger, call 911.
              ! help: You can use these at any time:
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > /back
              ! info: This is the first question.
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > /back
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > /language
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 2
              ! info: De acuerdo.
              ? language [language]: Elija un idioma · Choose a language
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > /exit
              ! exit: Chat paused. Type /start to come back.
              [effect: wipe]
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > /delete
              ? delete [confirm]: This will erase everything you told us. It cannot be undone.
                choices: delete_confirm delete_cancel
            > 2
              ! info: Nothing was deleted.
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > /delete
              ? delete [confirm]: This will erase everything you told us. It cannot be undone.
                choices: delete_confirm delete_cancel
            > 1
              ! info: Everything you told us has been deleted.
              [effect: erase]
              [effect: wipe]
            > hello
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
        "#]],
    );
}

#[test]
fn branching_before_consent_keeps_nothing() {
    check(
        "
        /start
        1
        2
        /start
        1
        1
        2
        1
        no
        /skip
        /skip
        2
        1
        1
        2
        1
        2
        /back
        /back
        /back
        42
        2
        1
        2
        ",
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 2
              = done: That's okay. Type /start whenever you want to continue. In a…
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 2
              ? device_tips [info]: Thank you for telling us. A few things that can help:
                choices: continue
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > no
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 2
              = done: That's okay, nothing you typed was kept. Type /start if you …
              [effect: erase]
            > 1
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 2
              = done: That's okay. Type /start whenever you want to continue. In a…
            > 1
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 2
              ? safety [single]: Hola. ¿Es seguro para usted chatear ahora?
                choices: safe not_now
            > /back
              ? language [language]: Elija un idioma · Choose a language
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > /back
              ! info: Esta es la primera pregunta.
              ? language [language]: Elija un idioma · Choose a language
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > /back
              ! info: Esta es la primera pregunta.
              ? language [language]: Elija un idioma · Choose a language
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 42
              ! invalid: Perdón, no entendí. Por favor elija una de las opciones.
              ? language [language]: Elija un idioma · Choose a language
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 2
              ? safety [single]: Hola. ¿Es seguro para usted chatear ahora?
                choices: safe not_now
            > 1
              ? device [single]: ¿Alguien más usa o revisa este teléfono?
                choices: only_me others not_sure
            > 2
              ? device_tips [info]: Gracias por decírnoslo. Algunas cosas que pueden ayudar:
                choices: continue
        "#]],
    );
}

#[test]
fn branching_after_consent() {
    let script = format!(
        "{START_EN}
        # still under someone's control: the help lines at once, and later no question of when it ended
        1
        1
        # the first case's state and kind, then straight to contact (the rest of the case comes later)
        New York
        1
        # phone or text asks for contact details; this chat alone does not
        2, 3
        /skip
        /back
        /back
        1
        evenings
        # the checkpoint: tell more
        2
        no
        Sam
        /skip
        2
        /skip
        /skip
        # an arrest only: no final charge, level or conviction date
        4
        2015
        1
        4
        20
        /skip
        2
        2
        2
        2
        8
        # a citizen is not asked about immigration court
        1
        # an urgent deadline asks for its date
        1
        December 2026
        1
        /back
        /back
        /back
        /back
        # someone with another status is asked about immigration court
        3
        1
        around June 2027
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 1
              ? still_in_situation_help [info]: Thank you for telling us. You deserve to be safe.
                choices: continue
            > 1
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > New York
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 2, 3
              ? contact_details [text]: What number, email or advocate should we use? Only write it …
                choices: prefer_not
            > /skip
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > /back
              ? contact_details [text]: What number, email or advocate should we use? Only write it …
                was: (skipped)
                choices: prefer_not
            > /back
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                was: A phone call, A text message
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > evenings
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: Yes
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > no
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /skip
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 2
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 4
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2015
              ? case_nexus#0 [yes_no]: Did this one happen while someone was forcing, tricking or p…
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 20
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not send_now
            > 2
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not send_now
            > 2
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not send_now
            > 2
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > 8
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 1
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not send_now
            > 1
              ? urgent_date [date]: When is it?
                choices: dont_know prefer_not send_now
            > December 2026
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Almost done.
                - Still in the situation: Yes
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Sam
                - Words to use: (skipped)
                - Connected to trafficking (every case): Some of them, not all
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was arrested but never charged
                - Case 1 · When arrested: 2015
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 20
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: Yes
                - Deadline date: December 2026
                - May request record: Yes
            > /back
              ? record_consent [yes_no]: One question about permission.
                was: Yes
                choices: yes no unsure prefer_not send_now
            > /back
              ? urgent_date [date]: When is it?
                was: December 2026
                choices: dont_know prefer_not send_now
            > /back
              ? urgent [yes_no]: Is there a deadline coming up soon?
                was: Yes
                choices: yes no unsure prefer_not send_now
            > /back
              ? citizenship [single]: Are you a U.S. citizen?
                was: Yes, I'm a U.S. citizen
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 3
              ? immigration_court [yes_no]: Do you have a hearing date coming up?
                choices: yes no unsure prefer_not send_now
            > 1
              ? immigration_court_date [date]: When is that date, if you know?
                choices: dont_know prefer_not send_now
            > around June 2027
              ? urgent [yes_no]: Is there a deadline coming up soon?
                was: Yes
                choices: yes no unsure prefer_not send_now
        "#]],
    );
}

#[test]
fn three_cases_and_back_across_an_instance_boundary() {
    let script = format!(
        "{START_EN}
        2
        NY
        1
        1
        /skip
        2
        no
        /skip
        /skip
        2
        /skip
        /skip
        3
        2
        2015
        1
        4
        20
        /skip
        1
        CA
        # back into case 1's last question, across the instance boundary, and forward again
        /back
        /back
        /back
        /skip
        1
        CA
        5
        /skip
        /skip
        1
        /skip
        2
        2016
        2017
        1
        1
        4
        21
        /skip
        1
        TX
        7
        /skip
        /skip
        4
        2018
        2
        4
        24
        /skip
        2
        2
        2019
        2
        2
        8
        1
        2
        1
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 2
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > NY
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > /skip
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: (skipped)
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > no
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > /skip
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /skip
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 2
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 3
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2015
              ? case_nexus#0 [yes_no]: Did this one happen while someone was forcing, tricking or p…
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 20
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 1
              ? case_state#1 [jurisdiction]: Thank you. Now the next one.
                choices: NY CA TX FL US dont_know prefer_not send_now
            > CA
              ? case_category#1 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not send_now
            > /back
              ? case_state#1 [jurisdiction]: Thank you. Now the next one.
                was: California
                choices: NY CA TX FL US dont_know prefer_not send_now
            > /back
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                was: Yes, another one
                choices: yes no send_now
            > /back
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                was: (skipped)
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                was: Yes, another one
                choices: yes no send_now
            > 1
              ? case_state#1 [jurisdiction]: Thank you. Now the next one.
                was: California
                choices: NY CA TX FL US dont_know prefer_not send_now
            > CA
              ? case_category#1 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not send_now
            > 5
              ? case_county#1 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#1 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#1 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 1
              ? case_final_charge#1 [text]: In the end, was it for something different? If so, what? You…
                choices: dont_know send_now
            > /skip
              ? case_level#1 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2
              ? case_date#1 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2016
              ? case_conviction_date#1 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 2017
              ? case_sentence_done#1 [yes_no]: Have you finished everything you were told to do for it?
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_nexus#1 [yes_no]: Did this one happen while someone was forcing, tricking or p…
                choices: yes no unsure prefer_not send_now
            > 1
              ? case_harm#1 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#1 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 21
              ? case_docket#1 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#1 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 1
              ? case_state#2 [jurisdiction]: Thank you. Now the next one.
                choices: NY CA TX FL US dont_know prefer_not send_now
            > TX
              ? case_category#2 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not send_now
            > 7
              ? case_county#2 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#2 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#2 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 4
              ? case_date#2 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2018
              ? case_nexus#2 [yes_no]: Did this one happen while someone was forcing, tricking or p…
                choices: yes no unsure prefer_not send_now
            > 2
              ? case_harm#2 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#2 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 24
              ? case_docket#2 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#2 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not send_now
            > 2
              ? situation_ended [date]: About when did that situation end?
                choices: dont_know prefer_not send_now
            > 2019
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not send_now
            > 2
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not send_now
            > 2
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > 8
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 1
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not send_now
            > 2
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: (skipped)
                - Name to use: (skipped)
                - Words to use: (skipped)
                - Connected to trafficking (every case): Some of them, not all
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: It was dismissed, or I was found not guilty
                - Case 1 · Level: A misdemeanor
                - Case 1 · When arrested: 2015
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 20
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: Yes, another one
                - Case 2 · State: California
                - Case 2 · Kind of charge: Theft or shoplifting
                - Case 2 · County or court: (skipped)
                - Case 2 · Charge (their words): (skipped)
                - Case 2 · How it ended: I was convicted or pleaded guilty
                - Case 2 · Final charge: (skipped)
                - Case 2 · Level: A misdemeanor
                - Case 2 · When arrested: 2016
                - Case 2 · When the case ended: 2017
                - Case 2 · Sentence finished: Yes
                - Case 2 · Connected to trafficking: Yes
                - Case 2 · Violence, weapon or injury: None of these
                - Case 2 · Age then: 21
                - Case 2 · Case number: (skipped)
                - Case 2 · Another case: Yes, another one
                - Case 3 · State: Texas
                - Case 3 · Kind of charge: Having drugs
                - Case 3 · County or court: (skipped)
                - Case 3 · Charge (their words): (skipped)
                - Case 3 · How it ended: I was arrested but never charged
                - Case 3 · When arrested: 2018
                - Case 3 · Connected to trafficking: No
                - Case 3 · Violence, weapon or injury: None of these
                - Case 3 · Age then: 24
                - Case 3 · Case number: (skipped)
                - Case 3 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: 2019
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
        "#]],
    );
}

#[test]
fn review_edit_returns_to_review_and_follows_new_branches() {
    let script = format!(
        "{START_EN}{SHORT_EN}
        no
        Sam
        /skip
        1
        /skip
        /skip
        3
        2
        2019
        4
        30
        /skip
        2
        2
        2019
        2
        2
        8
        1
        2
        1
        # at the review: change 'How it ended' (answer 11, typed 12) from dismissed to a conviction
        12
        1
        # the questions this new branch needs are asked; those already answered are not
        /skip
        2020
        1
        # back at the review; change the name (answer 6, typed 7) and return straight to it
        7
        Alex
        1
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 2
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > New York
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > evenings
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > no
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /skip
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 1
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 3
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2019
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > 4
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > 30
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not send_now
            > 2
              ? situation_ended [date]: About when did that situation end?
                choices: dont_know prefer_not send_now
            > 2019
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not send_now
            > 2
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not send_now
            > 2
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > 8
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > 1
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not send_now
            > 2
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Sam
                - Words to use: (skipped)
                - Connected to trafficking (every case): Yes, all of them
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: It was dismissed, or I was found not guilty
                - Case 1 · Level: A misdemeanor
                - Case 1 · When arrested: 2019
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 30
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: 2019
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
            > 12
              ? case_outcome#0 [single]: How did this case end?
                was: It was dismissed, or I was found not guilty
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 1
              ? case_final_charge#0 [text]: In the end, was it for something different? If so, what? You…
                choices: dont_know send_now
            > /skip
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 2020
              ? case_sentence_done#0 [yes_no]: Have you finished everything you were told to do for it?
                choices: yes no unsure prefer_not send_now
            > 1
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Sam
                - Words to use: (skipped)
                - Connected to trafficking (every case): Yes, all of them
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: (skipped)
                - Case 1 · Level: A misdemeanor
                - Case 1 · When arrested: 2019
                - Case 1 · When the case ended: 2020
                - Case 1 · Sentence finished: Yes
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 30
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: 2019
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
            > 7
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                was: Sam
                choices: prefer_not send_now
            > Alex
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Alex
                - Words to use: (skipped)
                - Connected to trafficking (every case): Yes, all of them
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: (skipped)
                - Case 1 · Level: A misdemeanor
                - Case 1 · When arrested: 2019
                - Case 1 · When the case ended: 2020
                - Case 1 · Sentence finished: Yes
                - Case 1 · Violence, weapon or injury: None of these
                - Case 1 · Age then: 30
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: 2019
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
            > 1
              = done (submitted): Thank you. Your answers have been sent. Someone will be in t…
              [effect: submit]
        "#]],
    );
}

#[test]
fn resume_code_guards_resuming_and_the_review() {
    let script = format!(
        "{START_EN}{SHORT_EN}
        tulip42
        tulip42
        Sam
        /exit
        /start
        wrong
        tulip42
        1
        /exit
        /start
        no1
        no2
        no3
        no4
        no5
        tulip42
        @wait 16
        tulip42
        1
        /skip
        {REST_EN}
        # the review asks for the code before showing any answer
        tulip42
        # change the name (answer 6: the sixth answer is typed 7, after 1 for Send)
        7
        Al
        1
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 2
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > New York
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > evenings
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > tulip42
              ? code_again [code]: Please type the same code once more, to be sure it is right.
            > tulip42
              ! info: Your code is set. We'll ask for it when you come back.
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /exit
              ! exit: Chat paused. Type /start to come back.
              [effect: wipe]
            > /start
              ? code [code]: Please type your code to continue.
            > wrong
              ! invalid: That code doesn't match. Please try again.
              ? code [code]: Please type your code to continue.
            > tulip42
              ? resume [choice]: Welcome back. Would you like to continue where you left off?
                choices: resume restart
            > 1
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /exit
              ! exit: Chat paused. Type /start to come back.
              [effect: wipe]
            > /start
              ? code [code]: Please type your code to continue.
            > no1
              ! invalid: That code doesn't match. Please try again.
              ? code [code]: Please type your code to continue.
            > no2
              ! invalid: That code doesn't match. Please try again.
              ? code [code]: Please type your code to continue.
            > no3
              ! invalid: That code doesn't match. Please try again.
              ? code [code]: Please type your code to continue.
            > no4
              ! invalid: That code doesn't match. Please try again.
              ? code [code]: Please type your code to continue.
            > no5
              ! invalid: Too many tries. Please wait 15 minutes and try again.
              ? code [code]: Please type your code to continue.
            > tulip42
              ! invalid: Too many tries. Please wait 15 minutes and try again.
              ? code [code]: Please type your code to continue.
            (16 minutes pass)
            > tulip42
              ? resume [choice]: Welcome back. Would you like to continue where you left off?
                choices: resume restart
            > 1
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /skip
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 1
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > /skip
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > I don't know
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > I don't know
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > I don't know
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not send_now
            > I don't know
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not send_now
            > I don't know
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know send_now
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no send_now
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not send_now
            > no
              ? situation_ended [date]: About when did that situation end?
                choices: dont_know prefer_not send_now
            > I don't know
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not send_now
            > no
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not send_now
            > no
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not send_now
            > I don't know
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not send_now
            > I don't know
              ? immigration_court [yes_no]: Do you have a hearing date coming up?
                choices: yes no unsure prefer_not send_now
            > no
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not send_now
            > no
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not send_now
            > yes
              ? code [code]: Please type your code to continue.
            > tulip42
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Sam
                - Words to use: (skipped)
                - Connected to trafficking (every case): Yes, all of them
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: (doesn't know)
                - Case 1 · Level: (doesn't know)
                - Case 1 · When arrested: (doesn't know)
                - Case 1 · Violence, weapon or injury: (doesn't know)
                - Case 1 · Age then: (doesn't know)
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: (doesn't know)
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: (doesn't know)
                - Citizenship: (doesn't know)
                - Immigration court date: No
                - Urgent deadline: No
                - May request record: Yes
            > 7
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                was: Sam
                choices: prefer_not send_now
            > Al
              ? review [review]: Almost done.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                - Name to use: Al
                - Words to use: (skipped)
                - Connected to trafficking (every case): Yes, all of them
                - Case 1 · County or court: (skipped)
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: (doesn't know)
                - Case 1 · Level: (doesn't know)
                - Case 1 · When arrested: (doesn't know)
                - Case 1 · Violence, weapon or injury: (doesn't know)
                - Case 1 · Age then: (doesn't know)
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - When the situation ended: (doesn't know)
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: (doesn't know)
                - Citizenship: (doesn't know)
                - Immigration court date: No
                - Urgent deadline: No
                - May request record: Yes
            > 1
              = done (submitted): Thank you. Your answers have been sent. Someone will be in t…
              [effect: submit]
        "#]],
    );
}

#[test]
fn invalid_input_at_every_input_kind() {
    let script = format!(
        "
        /start
        # language
        42
        1
        # single
        maybe
        1
        1
        # consent
        abc
        1
        # info
        1
        ok?
        1
        # jurisdiction
        Narnia
        NY
        /skip
        99
        1
        1
        1
        2
        # resume code: too short
        ab
        no
        # text: too long
        {long60}
        Sam
        x
        /skip
        2
        {long100}
        /skip
        1
        /skip
        2
        # date: unreadable, then in the future
        tomorrow
        2035
        2015
        2016
        1
        1
        # multiple choice
        1, 9
        1, 2
        # number: not a number, out of range
        two
        200
        20
        /skip
        2
        2
        2
        2
        8
        3
        1
        # a date that must be in the future
        2020
        2027
        2
        1
        /skip
        # review
        hello
        1
        ",
        long60 = "x".repeat(61),
        long100 = "y".repeat(101),
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 42
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > maybe
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > abc
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 1
              ? still_in_situation_help [info]: Thank you for telling us. You deserve to be safe.
                choices: continue
            > ok?
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? still_in_situation_help [info]: Thank you for telling us. You deserve to be safe.
                choices: continue
            > 1
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > Narnia
              ! invalid: I didn't recognise that state. You can type its name, like "New York",…
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > NY
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 99
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > 1
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: Yes
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: 1
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > ab
              ! invalid: Please use at least 4 characters, or choose "No code, thanks".
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > no
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
              ! invalid: That's a bit long. Please keep it under 60 characters.
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > x
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /skip
              ? nexus_all [single]: One question about all of them together.
                choices: all some none dont_know prefer_not send_now
            > 2
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
              ! invalid: That's a bit long. Please keep it under 100 characters.
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know send_now
            > /skip
              ? case_charge#0 [text]: If you remember, what was it called?
                choices: dont_know send_now
            > 1
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not send_now
            > 2
              ? case_final_charge#0 [text]: In the end, was it for something different? If so, what? You…
                choices: dont_know send_now
            > tomorrow
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2035
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2015
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 2016
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not send_now
            > 1
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 1
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 1, 9
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 1, 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > two
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 200
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 20
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 8
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 3
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 1
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when was it?
                choices: dont_know prefer_not send_now
            > 2020
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 2027
              ! invalid: That date seems to be in the future. A year is enough, like 2014.
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 2
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 1
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > hello
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
            > 1
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not send_now
        "#]],
    );
}

#[test]
fn stale_and_forged_buttons_reprompt() {
    let mut h = Harness::new();
    h.run(START_EN);
    // A press from the consent screen arriving now, and a forged id for the current step.
    let stale = h.send_input(clearpath::engine::Input::Choice { id: "agree".into(), step: Some("consent".into()) });
    let forged =
        h.send_input(clearpath::engine::Input::Choice { id: "drop_tables".into(), step: Some("resume_code".into()) });
    expect![[r#"
        stale press:
          ! invalid: That button belongs to an earlier question. Here is where we are now:
          ? still_in_situation [yes_no]: First, your safety.
            choices: yes no unsure prefer_not
        forged press:
          ! invalid: That button belongs to an earlier question. Here is where we are now:
          ? still_in_situation [yes_no]: First, your safety.
            choices: yes no unsure prefer_not
    "#]]
    .assert_eq(&format!("stale press:\n{stale}forged press:\n{forged}"));
}

#[test]
fn a_new_code_counts_only_when_typed_twice_the_same() {
    // A code set from one typing could be mistyped, and lock the survivor out: the second typing
    // must match; a mismatch sets nothing and asks again; "no code" still goes on without one.
    let script = format!(
        "{START_EN}{SHORT_EN}
        tulip42
        tulpi42
        tulip42
        tulip42
        Sam
        /exit
        /start
        tulip42
        "
    );
    check(
        &script,
        expect![[r#"
            > /start
              ? language [language]: Choose a language · Elige un idioma
                choices: en es zh-Hans vi tl ko th ru uk ht pt-BR ar
            > 1
              ? safety [single]: Hi. Is it safe for you to chat right now?
                choices: safe not_now
            > 1
              ? device [single]: Does anyone else use or check this phone?
                choices: only_me others not_sure
            > 1
              ? consent [consent]: Before we start, please read this. It's short.
                choices: agree decline
            > 1
              ? still_in_situation [yes_no]: First, your safety.
                choices: yes no unsure prefer_not
            > 2
              ? case_state#0 [jurisdiction]: Now a few questions about the past. Take your time.
                choices: NY CA TX FL US dont_know prefer_not
            > New York
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > evenings
              ? send_choice [single]: Thank you. That is enough for someone to get back to you.
                - Still in the situation: No
                - Case 1 · State: New York
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Safe ways to contact: Here, in this chat
                - Safe times: evenings
                choices: send_now more
            > 2
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > tulip42
              ? code_again [code]: Please type the same code once more, to be sure it is right.
            > tulpi42
              ! invalid: Those two were not the same, so no code is set yet. Please type a code…
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code send_now
            > tulip42
              ? code_again [code]: Please type the same code once more, to be sure it is right.
            > tulip42
              ! info: Your code is set. We'll ask for it when you come back.
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not send_now
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not send_now
            > /exit
              ! exit: Chat paused. Type /start to come back.
              [effect: wipe]
            > /start
              ? code [code]: Please type your code to continue.
            > tulip42
              ? resume [choice]: Welcome back. Would you like to continue where you left off?
                choices: resume restart
        "#]],
    );
}

/// Each input, then every prompt it brings with the progress line under it (the compact form
/// leaves that line out, as it leaves out everything after a prompt's first line).
fn check_progress(script: &str, expect: Expect) {
    let mut h = Harness::new();
    let mut out = String::new();
    for line in script.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        out.push_str(&format!("> {line}\n"));
        h.send(line);
        for o in &h.last_outs {
            if let clearpath::render::Out::Prompt(p) = o {
                out.push_str(&format!("  ? {}: {}\n", p.key, p.progress.as_deref().unwrap_or("(none)")));
            }
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn progress_follows_the_path_the_answers_lead_to_in_english() {
    check_progress(
        "
        /start
        1
        1
        # someone else uses the phone: the tips come before consent, one more question
        2
        1
        1
        # still under someone's control: the help lines are one more message
        1
        1
        New York
        1
        1
        evenings
        # the checkpoint: 'Tell you more' goes on with what is left
        2
        no thanks
        Sam
        /skip
        2
        /skip
        /skip
        # a conviction asks for the final charge, the conviction date and the sentence
        1
        /back
        # changing the answer changes the count back
        3
        ",
        expect![[r#"
            > /start
              ? language: Question 1 of about 33
            > 1
              ? safety: Question 2 of about 33
            > 1
              ? device: Question 3 of about 33
            > 2
              ? device_tips: Question 4 of about 34
            > 1
              ? consent: Question 5 of about 34
            > 1
              ? still_in_situation: Question 6 of about 34
            > 1
              ? still_in_situation_help: Question 7 of about 34
            > 1
              ? case_state#0: Question 8 of about 34
            > New York
              ? case_category#0: Question 9 of about 34
            > 1
              ? contact_method: Question 10 of about 34
            > 1
              ? contact_time: Question 11 of about 34
            > evenings
              ? send_choice: Question 12 of about 34
            > 2
              ? resume_code: Question 13 of about 34
            > no thanks
              ? preferred_name: Question 14 of about 34
            > Sam
              ? preferred_term: Question 15 of about 34
            > /skip
              ? nexus_all: Question 16 of about 34
            > 2
              ? case_county#0: Question 17 of about 35
            > /skip
              ? case_charge#0: Question 18 of about 35
            > /skip
              ? case_outcome#0: Question 19 of about 35
            > 1
              ? case_final_charge#0: Question 20 of about 38
            > /back
              ? case_outcome#0: Question 19 of about 38
            > 3
              ? case_level#0: Question 20 of about 35
        "#]],
    );
}

#[test]
fn progress_in_spanish_with_a_second_case() {
    check_progress(
        "
        /start
        2
        1
        1
        1
        2
        Nueva York
        7
        1
        por la tarde
        2
        no
        /skip
        /skip
        2
        no sé
        /skip
        4
        no sé
        1
        no sé
        no sé
        /skip
        # another case: its questions are added
        1
        ",
        expect![[r#"
            > /start
              ? language: Question 1 of about 33
            > 2
              ? safety: Pregunta 2 de unas 33
            > 1
              ? device: Pregunta 3 de unas 33
            > 1
              ? consent: Pregunta 4 de unas 33
            > 1
              ? still_in_situation: Pregunta 5 de unas 33
            > 2
              ? case_state#0: Pregunta 6 de unas 33
            > Nueva York
              ? case_category#0: Pregunta 7 de unas 33
            > 7
              ? contact_method: Pregunta 8 de unas 33
            > 1
              ? contact_time: Pregunta 9 de unas 33
            > por la tarde
              ? send_choice: Pregunta 10 de unas 33
            > 2
              ? resume_code: Pregunta 11 de unas 33
            > no
              ? preferred_name: Pregunta 12 de unas 33
            > /skip
              ? preferred_term: Pregunta 13 de unas 33
            > /skip
              ? nexus_all: Pregunta 14 de unas 33
            > 2
              ? case_county#0: Pregunta 15 de unas 34
            > no sé
              ? case_charge#0: Pregunta 16 de unas 34
            > /skip
              ? case_outcome#0: Pregunta 17 de unas 34
            > 4
              ? case_date#0: Pregunta 18 de unas 33
            > no sé
              ? case_nexus#0: Pregunta 19 de unas 33
            > 1
              ? case_harm#0: Pregunta 20 de unas 33
            > no sé
              ? case_age#0: Pregunta 21 de unas 33
            > no sé
              ? case_docket#0: Pregunta 22 de unas 33
            > /skip
              ? case_another#0: Pregunta 23 de unas 33
            > 1
              ? case_state#1: Pregunta 24 de unas 45
        "#]],
    );
}
