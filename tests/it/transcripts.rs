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

#[test]
fn full_intake_in_english() {
    let script = format!(
        "{START_EN}
        no thanks
        Sam
        4
        1
        New York
        Queens
        1
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
        2
        around 2018
        2
        2
        8
        1
        2
        1
        1
        evenings
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > no thanks
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            choices: prefer_not
        > Sam
          ? preferred_term [single]: How would you like us to talk about what happened to you?
            choices: trafficking exploitation forced_work what_happened prefer_not
        > 4
          ? has_records [single]: Now a few questions about the past. Take your time.
            choices: yes no unsure prefer_not
        > 1
          ? case_state#0 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            choices: NY CA TX FL US dont_know prefer_not
        > New York
          ? case_county#0 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > Queens
          ? case_category#0 [single]: What was it about? Choose the closest one.
            choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
        > 1
          ? case_charge#0 [text]: If you remember, what was it called? Your own words are fine…
            choices: dont_know
        > loitering for the purpose
          ? case_outcome#0 [single]: How did this case end?
            choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
        > 1
          ? case_final_charge#0 [text]: In the end, was it for something different? If so, what? You…
            choices: dont_know
        > loitering
          ? case_level#0 [single]: How serious was it, if you know?
            choices: violation misdemeanor felony dont_know prefer_not
        > 2
          ? case_date#0 [date]: About when did it happen?
            choices: dont_know prefer_not
        > 2015
          ? case_conviction_date#0 [date]: About when did the case end?
            choices: dont_know prefer_not
        > March 2016
          ? case_sentence_done#0 [yes_no]: Have you finished everything you were told to do for it?
            choices: yes no unsure prefer_not
        > 1
          ? case_nexus#0 [yes_no]: Did this happen while someone was forcing, tricking or press…
            choices: yes no unsure prefer_not
        > 1
          ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
            choices: violence weapon injury none dont_know prefer_not
        > 4
          ? case_age#0 [number]: About how old were you then?
            choices: dont_know prefer_not
        > 22
          ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
            choices: dont_know
        > /skip
          ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
            choices: yes no
        > 2
          ? other_names [yes_no]: Were any of these cases under a different name or spelling?
            choices: yes no unsure prefer_not
        > 2
          ? still_in_situation [yes_no]: Is anyone still pressuring or controlling you?
            choices: yes no unsure prefer_not
        > 2
          ? situation_ended [date]: About when did that situation end?
            choices: dont_know prefer_not
        > around 2018
          ? later_convictions [yes_no]: One more question about the past.
            choices: yes no unsure prefer_not
        > 2
          ? pending [yes_no]: Is anything still open for you right now?
            choices: yes no unsure prefer_not
        > 2
          ? documents [multi]: Do you have any of these papers? Choose all that apply.
            choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not
        > 8
          ? citizenship [single]: Are you a U.S. citizen?
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > 1
          ? urgent [yes_no]: Is there a deadline coming up soon?
            choices: yes no unsure prefer_not
        > 2
          ? record_consent [yes_no]: One question about permission.
            choices: yes no unsure prefer_not
        > 1
          ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
            choices: this_chat phone_call text_message email through_advocate prefer_not
        > 1
          ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
            choices: dont_know
        > evenings
          ? review [review]: Almost done.
            - Name to use: Sam
            - Words to use: Just "what happened"
            - Any arrests or convictions: Yes
            - Case 1 · State: New York
            - Case 1 · County or court: Queens
            - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
            - Case 1 · Charge (their words): loitering for the purpose
            - Case 1 · How it ended: I was convicted or pleaded guilty
            - Case 1 · Final charge: loitering
            - Case 1 · Level: A misdemeanor
            - Case 1 · When it happened: 2015
            - Case 1 · When the case ended: March 2016
            - Case 1 · Sentence finished: Yes
            - Case 1 · Connected to trafficking: Yes
            - Case 1 · Violence, weapon or injury: None of these
            - Case 1 · Age then: 22
            - Case 1 · Case number: (skipped)
            - Case 1 · Another case: No, that's all
            - Under another name: No
            - Still in the situation: No
            - When the situation ended: around 2018
            - Convictions since then: No
            - Open cases or warrants: No
            - Papers held: None of these
            - Citizenship: Yes, I'm a U.S. citizen
            - Urgent deadline: No
            - May request record: Yes
            - Safe ways to contact: Here, in this chat
            - Safe times: evenings
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
        no
        /skip
        5
        1
        Nueva York
        no sé
        7
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
        # todavía en la situación: sí -> mensaje de ayuda
        1
        1
        2
        2
        8
        3
        1
        15 de marzo de 2027
        2
        1
        2
        /skip
        no sé
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
              ? resume_code [resume_code]: ¿Quiere poner un código? Si sale y vuelve, se lo pediremos, …
                choices: no_code
            > no
              ? preferred_name [text]: ¿Cómo quiere que le llamemos? No tiene que ser su nombre leg…
                choices: prefer_not
            > /skip
              ? preferred_term [single]: ¿Cómo quiere que hablemos de lo que le pasó?
                choices: trafficking exploitation forced_work what_happened prefer_not
            > 5
              ? has_records [single]: Ahora unas preguntas sobre el pasado. Tómese su tiempo.
                choices: yes no unsure prefer_not
            > 1
              ? case_state#0 [jurisdiction]: Vamos a verlos de uno en uno. ¿En qué estado fue este?
                choices: NY CA TX FL US dont_know prefer_not
            > Nueva York
              ? case_county#0 [text]: ¿En qué condado o ciudad fue, si lo recuerda?
                choices: dont_know
            > no sé
              ? case_category#0 [single]: ¿De qué se trataba? Elija la opción más parecida.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 7
              ? case_charge#0 [text]: Si lo recuerda, ¿cómo se llamaba? Puede usar sus propias pal…
                choices: dont_know
            > posesión
              ? case_outcome#0 [single]: ¿Cómo terminó este caso?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
            > 1
              ? case_final_charge#0 [text]: Al final, ¿fue por algo distinto? Si fue así, ¿qué fue? Pued…
                choices: dont_know
            > /skip
              ? case_level#0 [single]: ¿Qué tan grave fue, si lo sabe?
                choices: violation misdemeanor felony dont_know prefer_not
            > 2
              ? case_date#0 [date]: ¿Más o menos cuándo pasó?
                choices: dont_know prefer_not
            > alrededor de 2013
              ? case_conviction_date#0 [date]: ¿Más o menos cuándo terminó el caso?
                choices: dont_know prefer_not
            > marzo de 2014
              ? case_sentence_done#0 [yes_no]: ¿Ya terminó todo lo que le ordenaron hacer por esto?
                choices: yes no unsure prefer_not
            > 1
              ? case_nexus#0 [yes_no]: ¿Esto pasó mientras alguien le obligaba, engañaba o presiona…
                choices: yes no unsure prefer_not
            > 1
              ? case_harm#0 [multi]: ¿Decía alguna de estas cosas? Elija todas las que correspond…
                choices: violence weapon injury none dont_know prefer_not
            > 4
              ? case_age#0 [number]: ¿Más o menos qué edad tenía entonces?
                choices: dont_know prefer_not
            > 19
              ? case_docket#0 [text]: Si tiene un número de caso, puede escribirlo aquí. Está bien…
                choices: dont_know
            > no sé
              ? case_another#0 [single]: Gracias. ¿Hay otro que quiera contarnos?
                choices: yes no
            > 2
              ? other_names [yes_no]: ¿Alguno de estos casos quedó con otro nombre o con otra form…
                choices: yes no unsure prefer_not
            > 2
              ? still_in_situation [yes_no]: ¿Alguien todavía le presiona o le controla?
                choices: yes no unsure prefer_not
            > 1
              ? still_in_situation_help [info]: Gracias por decírnoslo. Usted merece estar a salvo.
                choices: continue
            > 1
              ? later_convictions [yes_no]: Una pregunta más sobre el pasado.
                choices: yes no unsure prefer_not
            > 2
              ? pending [yes_no]: ¿Tiene algo abierto todavía?
                choices: yes no unsure prefer_not
            > 2
              ? documents [multi]: ¿Tiene alguno de estos papeles? Elija todos los que correspo…
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not
            > 8
              ? citizenship [single]: ¿Es usted ciudadana o ciudadano de Estados Unidos?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not
            > 3
              ? immigration_court [yes_no]: ¿Tiene pronto una fecha de audiencia?
                choices: yes no unsure prefer_not
            > 1
              ? immigration_court_date [date]: ¿Cuándo es esa audiencia, si lo sabe?
                choices: dont_know prefer_not
            > 15 de marzo de 2027
              ? urgent [yes_no]: ¿Tiene pronto alguna fecha límite?
                choices: yes no unsure prefer_not
            > 2
              ? record_consent [yes_no]: Una pregunta sobre su permiso.
                choices: yes no unsure prefer_not
            > 1
              ? contact_method [multi]: ¿Cómo podemos contactarle de forma segura? Elija todas las f…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 2
              ? contact_details [text]: ¿Qué número, correo o persona de apoyo debemos usar? Escríba…
                choices: prefer_not
            > /skip
              ? contact_time [text]: ¿Cuándo es seguro contactarle? Por ejemplo "entre semana des…
                choices: dont_know
            > no sé
              ? review [review]: Ya casi terminamos.
                - Nombre a usar: (omitida)
                - Palabras a usar: (prefiero no decirlo)
                - Arrestos o condenas: Sí
                - Caso 1 · Estado: Nueva York
                - Caso 1 · Condado o corte: (no sé)
                - Caso 1 · Tipo de cargo: Tener drogas
                - Caso 1 · Cargo (en sus palabras): posesión
                - Caso 1 · Cómo terminó: Me condenaron o me declaré culpable
                - Caso 1 · Cargo final: (omitida)
                - Caso 1 · Nivel: Un delito menor (misdemeanor)
                - Caso 1 · Cuándo pasó: alrededor de 2013
                - Caso 1 · Cuándo terminó el caso: marzo de 2014
                - Caso 1 · Sentencia cumplida: Sí
                - Caso 1 · Relacionado con la trata: Sí
                - Caso 1 · Violencia, arma o lesión: Ninguna de estas
                - Caso 1 · Edad entonces: 19
                - Caso 1 · Número de caso: (no sé)
                - Caso 1 · Otro caso: No, eso es todo
                - Con otro nombre: No
                - Sigue en la situación: Sí
                - Condenas desde entonces: No
                - Casos abiertos u órdenes: No
                - Papeles que tiene: Ninguno de estos
                - Ciudadanía: Tengo otra visa u otro estatus
                - Audiencia en corte de inmigración: Sí
                - Corte de inmigración el: 15 de marzo de 2027
                - Fecha límite urgente: No
                - Puede pedir antecedentes: Sí
                - Formas seguras de contacto: Una llamada
                - Datos de contacto: (omitida)
                - Horarios seguros: (no sé)
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
        no
        Sam
        /skip
        # no records: an information step, then straight to citizenship
        2
        1
        # a citizen is not asked about immigration court
        1
        # an urgent deadline asks for its date
        1
        December 2026
        1
        # phone or text asks for contact details; this chat alone does not
        2, 3
        /skip
        /back
        /back
        1
        /back
        /back
        /back
        /back
        /back
        /back
        /back
        # 'rather not say' about records branches on the answer's state
        4
        1
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > no
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            choices: prefer_not
        > Sam
          ? preferred_term [single]: How would you like us to talk about what happened to you?
            choices: trafficking exploitation forced_work what_happened prefer_not
        > /skip
          ? has_records [single]: Now a few questions about the past. Take your time.
            choices: yes no unsure prefer_not
        > 2
          ? no_records [info]: Thank you.
            choices: continue
        > 1
          ? citizenship [single]: Are you a U.S. citizen?
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > 1
          ? urgent [yes_no]: Is there a deadline coming up soon?
            choices: yes no unsure prefer_not
        > 1
          ? urgent_date [date]: When is it?
            choices: dont_know prefer_not
        > December 2026
          ? record_consent [yes_no]: One question about permission.
            choices: yes no unsure prefer_not
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
        > /back
          ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
            was: Here, in this chat
            choices: this_chat phone_call text_message email through_advocate prefer_not
        > /back
          ? record_consent [yes_no]: One question about permission.
            was: Yes
            choices: yes no unsure prefer_not
        > /back
          ? urgent_date [date]: When is it?
            was: December 2026
            choices: dont_know prefer_not
        > /back
          ? urgent [yes_no]: Is there a deadline coming up soon?
            was: Yes
            choices: yes no unsure prefer_not
        > /back
          ? citizenship [single]: Are you a U.S. citizen?
            was: Yes, I'm a U.S. citizen
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > /back
          ? no_records [info]: Thank you.
            choices: continue
        > /back
          ? has_records [single]: Now a few questions about the past. Take your time.
            was: No
            choices: yes no unsure prefer_not
        > 4
          ? no_records [info]: Thank you.
            choices: continue
        > 1
          ? citizenship [single]: Are you a U.S. citizen?
            was: Yes, I'm a U.S. citizen
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > 3
          ? immigration_court [yes_no]: Do you have a hearing date coming up?
            choices: yes no unsure prefer_not
        > 1
          ? immigration_court_date [date]: When is that date, if you know?
            choices: dont_know prefer_not
        > around June 2027
          ? urgent [yes_no]: Is there a deadline coming up soon?
            was: Yes
            choices: yes no unsure prefer_not
    "#]],
    );
}

#[test]
fn three_cases_and_back_across_an_instance_boundary() {
    let script = format!(
        "{START_EN}
        no
        /skip
        /skip
        1
        NY
        /skip
        1
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
        /skip
        5
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
        /skip
        7
        /skip
        4
        2018
        2
        4
        24
        /skip
        2
        2
        2
        2019
        2
        2
        8
        1
        2
        1
        1
        /skip
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > no
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            choices: prefer_not
        > /skip
          ? preferred_term [single]: How would you like us to talk about what happened to you?
            choices: trafficking exploitation forced_work what_happened prefer_not
        > /skip
          ? has_records [single]: Now a few questions about the past. Take your time.
            choices: yes no unsure prefer_not
        > 1
          ? case_state#0 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            choices: NY CA TX FL US dont_know prefer_not
        > NY
          ? case_county#0 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > /skip
          ? case_category#0 [single]: What was it about? Choose the closest one.
            choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
        > 1
          ? case_charge#0 [text]: If you remember, what was it called? Your own words are fine…
            choices: dont_know
        > /skip
          ? case_outcome#0 [single]: How did this case end?
            choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
        > 3
          ? case_level#0 [single]: How serious was it, if you know?
            choices: violation misdemeanor felony dont_know prefer_not
        > 2
          ? case_date#0 [date]: About when did it happen?
            choices: dont_know prefer_not
        > 2015
          ? case_nexus#0 [yes_no]: Did this happen while someone was forcing, tricking or press…
            choices: yes no unsure prefer_not
        > 1
          ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
            choices: violence weapon injury none dont_know prefer_not
        > 4
          ? case_age#0 [number]: About how old were you then?
            choices: dont_know prefer_not
        > 20
          ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
            choices: dont_know
        > /skip
          ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
            choices: yes no
        > 1
          ? case_state#1 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            choices: NY CA TX FL US dont_know prefer_not
        > CA
          ? case_county#1 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > /back
          ? case_state#1 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            was: California
            choices: NY CA TX FL US dont_know prefer_not
        > /back
          ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
            was: Yes, another one
            choices: yes no
        > /back
          ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
            was: (skipped)
            choices: dont_know
        > /skip
          ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
            was: Yes, another one
            choices: yes no
        > 1
          ? case_state#1 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            was: California
            choices: NY CA TX FL US dont_know prefer_not
        > CA
          ? case_county#1 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > /skip
          ? case_category#1 [single]: What was it about? Choose the closest one.
            choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
        > 5
          ? case_charge#1 [text]: If you remember, what was it called? Your own words are fine…
            choices: dont_know
        > /skip
          ? case_outcome#1 [single]: How did this case end?
            choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
        > 1
          ? case_final_charge#1 [text]: In the end, was it for something different? If so, what? You…
            choices: dont_know
        > /skip
          ? case_level#1 [single]: How serious was it, if you know?
            choices: violation misdemeanor felony dont_know prefer_not
        > 2
          ? case_date#1 [date]: About when did it happen?
            choices: dont_know prefer_not
        > 2016
          ? case_conviction_date#1 [date]: About when did the case end?
            choices: dont_know prefer_not
        > 2017
          ? case_sentence_done#1 [yes_no]: Have you finished everything you were told to do for it?
            choices: yes no unsure prefer_not
        > 1
          ? case_nexus#1 [yes_no]: Did this happen while someone was forcing, tricking or press…
            choices: yes no unsure prefer_not
        > 1
          ? case_harm#1 [multi]: Did it say any of these? Choose all that apply.
            choices: violence weapon injury none dont_know prefer_not
        > 4
          ? case_age#1 [number]: About how old were you then?
            choices: dont_know prefer_not
        > 21
          ? case_docket#1 [text]: If you have a case number, you can type it here. It's fine t…
            choices: dont_know
        > /skip
          ? case_another#1 [single]: Thank you. Is there another one you'd like to tell us about?
            choices: yes no
        > 1
          ? case_state#2 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            choices: NY CA TX FL US dont_know prefer_not
        > TX
          ? case_county#2 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > /skip
          ? case_category#2 [single]: What was it about? Choose the closest one.
            choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
        > 7
          ? case_charge#2 [text]: If you remember, what was it called? Your own words are fine…
            choices: dont_know
        > /skip
          ? case_outcome#2 [single]: How did this case end?
            choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
        > 4
          ? case_date#2 [date]: About when did it happen?
            choices: dont_know prefer_not
        > 2018
          ? case_nexus#2 [yes_no]: Did this happen while someone was forcing, tricking or press…
            choices: yes no unsure prefer_not
        > 2
          ? case_harm#2 [multi]: Did it say any of these? Choose all that apply.
            choices: violence weapon injury none dont_know prefer_not
        > 4
          ? case_age#2 [number]: About how old were you then?
            choices: dont_know prefer_not
        > 24
          ? case_docket#2 [text]: If you have a case number, you can type it here. It's fine t…
            choices: dont_know
        > /skip
          ? case_another#2 [single]: Thank you. Is there another one you'd like to tell us about?
            choices: yes no
        > 2
          ? other_names [yes_no]: Were any of these cases under a different name or spelling?
            choices: yes no unsure prefer_not
        > 2
          ? still_in_situation [yes_no]: Is anyone still pressuring or controlling you?
            choices: yes no unsure prefer_not
        > 2
          ? situation_ended [date]: About when did that situation end?
            choices: dont_know prefer_not
        > 2019
          ? later_convictions [yes_no]: One more question about the past.
            choices: yes no unsure prefer_not
        > 2
          ? pending [yes_no]: Is anything still open for you right now?
            choices: yes no unsure prefer_not
        > 2
          ? documents [multi]: Do you have any of these papers? Choose all that apply.
            choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not
        > 8
          ? citizenship [single]: Are you a U.S. citizen?
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > 1
          ? urgent [yes_no]: Is there a deadline coming up soon?
            choices: yes no unsure prefer_not
        > 2
          ? record_consent [yes_no]: One question about permission.
            choices: yes no unsure prefer_not
        > 1
          ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
            choices: this_chat phone_call text_message email through_advocate prefer_not
        > 1
          ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
            choices: dont_know
        > /skip
          ? review [review]: Almost done.
            - Name to use: (skipped)
            - Words to use: (skipped)
            - Any arrests or convictions: Yes
            - Case 1 · State: New York
            - Case 1 · County or court: (skipped)
            - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
            - Case 1 · Charge (their words): (skipped)
            - Case 1 · How it ended: It was dismissed, or I was found not guilty
            - Case 1 · Level: A misdemeanor
            - Case 1 · When it happened: 2015
            - Case 1 · Connected to trafficking: Yes
            - Case 1 · Violence, weapon or injury: None of these
            - Case 1 · Age then: 20
            - Case 1 · Case number: (skipped)
            - Case 1 · Another case: Yes, another one
            - Case 2 · State: California
            - Case 2 · County or court: (skipped)
            - Case 2 · Kind of charge: Theft or shoplifting
            - Case 2 · Charge (their words): (skipped)
            - Case 2 · How it ended: I was convicted or pleaded guilty
            - Case 2 · Final charge: (skipped)
            - Case 2 · Level: A misdemeanor
            - Case 2 · When it happened: 2016
            - Case 2 · When the case ended: 2017
            - Case 2 · Sentence finished: Yes
            - Case 2 · Connected to trafficking: Yes
            - Case 2 · Violence, weapon or injury: None of these
            - Case 2 · Age then: 21
            - Case 2 · Case number: (skipped)
            - Case 2 · Another case: Yes, another one
            - Case 3 · State: Texas
            - Case 3 · County or court: (skipped)
            - Case 3 · Kind of charge: Having drugs
            - Case 3 · Charge (their words): (skipped)
            - Case 3 · How it ended: I was arrested but never charged
            - Case 3 · When it happened: 2018
            - Case 3 · Connected to trafficking: No
            - Case 3 · Violence, weapon or injury: None of these
            - Case 3 · Age then: 24
            - Case 3 · Case number: (skipped)
            - Case 3 · Another case: No, that's all
            - Under another name: No
            - Still in the situation: No
            - When the situation ended: 2019
            - Convictions since then: No
            - Open cases or warrants: No
            - Papers held: None of these
            - Citizenship: Yes, I'm a U.S. citizen
            - Urgent deadline: No
            - May request record: Yes
            - Safe ways to contact: Here, in this chat
            - Safe times: (skipped)
    "#]],
    );
}

#[test]
fn review_edit_returns_to_review_and_follows_new_branches() {
    let script = format!(
        "{START_EN}
        no
        Sam
        /skip
        2
        1
        2
        2
        2
        2
        1
        evenings
        # at the review: change 'Any arrests or convictions' (answer 3, choice 4) from No to Yes
        4
        1
        FL
        /skip
        5
        /skip
        3
        2
        2019
        2
        4
        30
        /skip
        2
        # the questions this new branch needs are asked; those already answered are not
        2
        2
        2019
        2
        2
        8
        # back at the review; change the name (answer 1, choice 2) and return straight to it
        2
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > no
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            choices: prefer_not
        > Sam
          ? preferred_term [single]: How would you like us to talk about what happened to you?
            choices: trafficking exploitation forced_work what_happened prefer_not
        > /skip
          ? has_records [single]: Now a few questions about the past. Take your time.
            choices: yes no unsure prefer_not
        > 2
          ? no_records [info]: Thank you.
            choices: continue
        > 1
          ? citizenship [single]: Are you a U.S. citizen?
            choices: citizen permanent_resident other_status no_status dont_know prefer_not
        > 2
          ? immigration_court [yes_no]: Do you have a hearing date coming up?
            choices: yes no unsure prefer_not
        > 2
          ? urgent [yes_no]: Is there a deadline coming up soon?
            choices: yes no unsure prefer_not
        > 2
          ? record_consent [yes_no]: One question about permission.
            choices: yes no unsure prefer_not
        > 2
          ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
            choices: this_chat phone_call text_message email through_advocate prefer_not
        > 1
          ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
            choices: dont_know
        > evenings
          ? review [review]: Almost done.
            - Name to use: Sam
            - Words to use: (skipped)
            - Any arrests or convictions: No
            - Citizenship: I have a green card
            - Immigration court date: No
            - Urgent deadline: No
            - May request record: No
            - Safe ways to contact: Here, in this chat
            - Safe times: evenings
        > 4
          ? has_records [single]: Now a few questions about the past. Take your time.
            was: No
            choices: yes no unsure prefer_not
        > 1
          ? case_state#0 [jurisdiction]: Let's take them one at a time. Which state was this one in?
            choices: NY CA TX FL US dont_know prefer_not
        > FL
          ? case_county#0 [text]: Which county or city was it in, if you remember?
            choices: dont_know
        > /skip
          ? case_category#0 [single]: What was it about? Choose the closest one.
            choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
        > 5
          ? case_charge#0 [text]: If you remember, what was it called? Your own words are fine…
            choices: dont_know
        > /skip
          ? case_outcome#0 [single]: How did this case end?
            choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
        > 3
          ? case_level#0 [single]: How serious was it, if you know?
            choices: violation misdemeanor felony dont_know prefer_not
        > 2
          ? case_date#0 [date]: About when did it happen?
            choices: dont_know prefer_not
        > 2019
          ? case_nexus#0 [yes_no]: Did this happen while someone was forcing, tricking or press…
            choices: yes no unsure prefer_not
        > 2
          ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
            choices: violence weapon injury none dont_know prefer_not
        > 4
          ? case_age#0 [number]: About how old were you then?
            choices: dont_know prefer_not
        > 30
          ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
            choices: dont_know
        > /skip
          ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
            choices: yes no
        > 2
          ? other_names [yes_no]: Were any of these cases under a different name or spelling?
            choices: yes no unsure prefer_not
        > 2
          ? still_in_situation [yes_no]: Is anyone still pressuring or controlling you?
            choices: yes no unsure prefer_not
        > 2
          ? situation_ended [date]: About when did that situation end?
            choices: dont_know prefer_not
        > 2019
          ? later_convictions [yes_no]: One more question about the past.
            choices: yes no unsure prefer_not
        > 2
          ? pending [yes_no]: Is anything still open for you right now?
            choices: yes no unsure prefer_not
        > 2
          ? documents [multi]: Do you have any of these papers? Choose all that apply.
            choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not
        > 8
          ? review [review]: Almost done.
            - Name to use: Sam
            - Words to use: (skipped)
            - Any arrests or convictions: Yes
            - Case 1 · State: Florida
            - Case 1 · County or court: (skipped)
            - Case 1 · Kind of charge: Theft or shoplifting
            - Case 1 · Charge (their words): (skipped)
            - Case 1 · How it ended: It was dismissed, or I was found not guilty
            - Case 1 · Level: A misdemeanor
            - Case 1 · When it happened: 2019
            - Case 1 · Connected to trafficking: No
            - Case 1 · Violence, weapon or injury: None of these
            - Case 1 · Age then: 30
            - Case 1 · Case number: (skipped)
            - Case 1 · Another case: No, that's all
            - Under another name: No
            - Still in the situation: No
            - When the situation ended: 2019
            - Convictions since then: No
            - Open cases or warrants: No
            - Papers held: None of these
            - Citizenship: I have a green card
            - Immigration court date: No
            - Urgent deadline: No
            - May request record: No
            - Safe ways to contact: Here, in this chat
            - Safe times: evenings
        > 2
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            was: Sam
            choices: prefer_not
        > Alex
          ? review [review]: Almost done.
            - Name to use: Alex
            - Words to use: (skipped)
            - Any arrests or convictions: Yes
            - Case 1 · State: Florida
            - Case 1 · County or court: (skipped)
            - Case 1 · Kind of charge: Theft or shoplifting
            - Case 1 · Charge (their words): (skipped)
            - Case 1 · How it ended: It was dismissed, or I was found not guilty
            - Case 1 · Level: A misdemeanor
            - Case 1 · When it happened: 2019
            - Case 1 · Connected to trafficking: No
            - Case 1 · Violence, weapon or injury: None of these
            - Case 1 · Age then: 30
            - Case 1 · Case number: (skipped)
            - Case 1 · Another case: No, that's all
            - Under another name: No
            - Still in the situation: No
            - When the situation ended: 2019
            - Convictions since then: No
            - Open cases or warrants: No
            - Papers held: None of these
            - Citizenship: I have a green card
            - Immigration court date: No
            - Urgent deadline: No
            - May request record: No
            - Safe ways to contact: Here, in this chat
            - Safe times: evenings
        > 1
          = done (submitted): Thank you. Your answers have been sent. Someone will be in t…
          [effect: submit]
    "#]],
    );
}

#[test]
fn resume_code_guards_resuming_and_the_review() {
    let script = format!(
        "{START_EN}
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
        2
        1
        1
        2
        1
        1
        /skip
        # the review asks for the code before showing any answer
        tulip42
        2
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
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code
            > tulip42
              ? code_again [code]: Please type the same code once more, to be sure it is right.
            > tulip42
              ! info: Your code is set. We'll ask for it when you come back.
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not
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
                choices: trafficking exploitation forced_work what_happened prefer_not
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
                choices: trafficking exploitation forced_work what_happened prefer_not
            > /skip
              ? has_records [single]: Now a few questions about the past. Take your time.
                choices: yes no unsure prefer_not
            > 2
              ? no_records [info]: Thank you.
                choices: continue
            > 1
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not
            > 1
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not
            > 2
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > /skip
              ? code [code]: Please type your code to continue.
            > tulip42
              ? review [review]: Almost done.
                - Name to use: Sam
                - Words to use: (skipped)
                - Any arrests or convictions: No
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
                - Safe ways to contact: Here, in this chat
                - Safe times: (skipped)
            > 2
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                was: Sam
                choices: prefer_not
            > Al
              ? review [review]: Almost done.
                - Name to use: Al
                - Words to use: (skipped)
                - Any arrests or convictions: No
                - Citizenship: Yes, I'm a U.S. citizen
                - Urgent deadline: No
                - May request record: Yes
                - Safe ways to contact: Here, in this chat
                - Safe times: (skipped)
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
        # resume code: too short
        ab
        no
        # text: too long
        {long60}
        Sam
        x
        /skip
        1
        # jurisdiction
        Narnia
        NY
        {long100}
        /skip
        99
        1
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
        # info
        1
        ok?
        1
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
        1
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
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code
            > ab
              ! invalid: Please use at least 4 characters, or choose "No code, thanks".
              ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
                choices: no_code
            > no
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not
            > xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
              ! invalid: That's a bit long. Please keep it under 60 characters.
              ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
                choices: prefer_not
            > Sam
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not
            > x
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? preferred_term [single]: How would you like us to talk about what happened to you?
                choices: trafficking exploitation forced_work what_happened prefer_not
            > /skip
              ? has_records [single]: Now a few questions about the past. Take your time.
                choices: yes no unsure prefer_not
            > 1
              ? case_state#0 [jurisdiction]: Let's take them one at a time. Which state was this one in?
                choices: NY CA TX FL US dont_know prefer_not
            > Narnia
              ! invalid: I didn't recognise that state. You can type its name, like "New York",…
              ? case_state#0 [jurisdiction]: Let's take them one at a time. Which state was this one in?
                choices: NY CA TX FL US dont_know prefer_not
            > NY
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know
            > yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
              ! invalid: That's a bit long. Please keep it under 100 characters.
              ? case_county#0 [text]: Which county or city was it in, if you remember?
                choices: dont_know
            > /skip
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 99
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? case_category#0 [single]: What was it about? Choose the closest one.
                choices: prostitution loitering trespass disorderly_conduct theft fraud drug_possession drug_sale weapons promoting_prostitution burglary robbery assault property_damage driving immigration other dont_know prefer_not
            > 1
              ? case_charge#0 [text]: If you remember, what was it called? Your own words are fine…
                choices: dont_know
            > /skip
              ? case_outcome#0 [single]: How did this case end?
                choices: conviction deferred dismissed arrest_only pending juvenile dont_know prefer_not
            > 1
              ? case_final_charge#0 [text]: In the end, was it for something different? If so, what? You…
                choices: dont_know
            > /skip
              ? case_level#0 [single]: How serious was it, if you know?
                choices: violation misdemeanor felony dont_know prefer_not
            > 2
              ? case_date#0 [date]: About when did it happen?
                choices: dont_know prefer_not
            > tomorrow
              ! invalid: I couldn't read that date. A year is enough, like 2014, "March 2014" o…
              ? case_date#0 [date]: About when did it happen?
                choices: dont_know prefer_not
            > 2035
              ! invalid: That date seems to be in the future. A year is enough, like 2014.
              ? case_date#0 [date]: About when did it happen?
                choices: dont_know prefer_not
            > 2015
              ? case_conviction_date#0 [date]: About when did the case end?
                choices: dont_know prefer_not
            > 2016
              ? case_sentence_done#0 [yes_no]: Have you finished everything you were told to do for it?
                choices: yes no unsure prefer_not
            > 1
              ? case_nexus#0 [yes_no]: Did this happen while someone was forcing, tricking or press…
                choices: yes no unsure prefer_not
            > 1
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not
            > 1, 9
              ! invalid: Please choose one or more of the options. You can pick several, like 1…
              ? case_harm#0 [multi]: Did it say any of these? Choose all that apply.
                choices: violence weapon injury none dont_know prefer_not
            > 1, 2
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not
            > two
              ! invalid: Please type a number, like 19.
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not
            > 200
              ! invalid: Please type a number between 5 and 100.
              ? case_age#0 [number]: About how old were you then?
                choices: dont_know prefer_not
            > 20
              ? case_docket#0 [text]: If you have a case number, you can type it here. It's fine t…
                choices: dont_know
            > /skip
              ? case_another#0 [single]: Thank you. Is there another one you'd like to tell us about?
                choices: yes no
            > 2
              ? other_names [yes_no]: Were any of these cases under a different name or spelling?
                choices: yes no unsure prefer_not
            > 2
              ? still_in_situation [yes_no]: Is anyone still pressuring or controlling you?
                choices: yes no unsure prefer_not
            > 1
              ? still_in_situation_help [info]: Thank you for telling us. You deserve to be safe.
                choices: continue
            > ok?
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? still_in_situation_help [info]: Thank you for telling us. You deserve to be safe.
                choices: continue
            > 1
              ? later_convictions [yes_no]: One more question about the past.
                choices: yes no unsure prefer_not
            > 2
              ? pending [yes_no]: Is anything still open for you right now?
                choices: yes no unsure prefer_not
            > 2
              ? documents [multi]: Do you have any of these papers? Choose all that apply.
                choices: t_visa u_visa continued_presence hhs_letter law_enforcement_letter service_provider_letter court_records none dont_know prefer_not
            > 8
              ? citizenship [single]: Are you a U.S. citizen?
                choices: citizen permanent_resident other_status no_status dont_know prefer_not
            > 3
              ? immigration_court [yes_no]: Do you have a hearing date coming up?
                choices: yes no unsure prefer_not
            > 1
              ? immigration_court_date [date]: When is that date, if you know?
                choices: dont_know prefer_not
            > 2020
              ! invalid: That date seems to have passed already. Please check it, or choose "I …
              ? immigration_court_date [date]: When is that date, if you know?
                choices: dont_know prefer_not
            > 2027
              ? urgent [yes_no]: Is there a deadline coming up soon?
                choices: yes no unsure prefer_not
            > 2
              ? record_consent [yes_no]: One question about permission.
                choices: yes no unsure prefer_not
            > 1
              ? contact_method [multi]: How can we safely get in touch with you? Choose all that are…
                choices: this_chat phone_call text_message email through_advocate prefer_not
            > 1
              ? contact_time [text]: When is it safe to contact you? For example "weekdays after …
                choices: dont_know
            > 1
              ? review [review]: Almost done.
                - Name to use: Sam
                - Words to use: (skipped)
                - Any arrests or convictions: Yes
                - Case 1 · State: New York
                - Case 1 · County or court: (skipped)
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: (skipped)
                - Case 1 · Level: A misdemeanor
                - Case 1 · When it happened: 2015
                - Case 1 · When the case ended: 2016
                - Case 1 · Sentence finished: Yes
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: Someone was threatened or attacked, A weapon was involved
                - Case 1 · Age then: 20
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - Still in the situation: Yes
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: I have another visa or status
                - Immigration court date: Yes
                - Immigration court on: 2027
                - Urgent deadline: No
                - May request record: Yes
                - Safe ways to contact: Here, in this chat
                - Safe times: 1
            > /skip
              ! invalid: This question can't be skipped. You can choose one of the options, or …
              ? review [review]: Almost done.
                - Name to use: Sam
                - Words to use: (skipped)
                - Any arrests or convictions: Yes
                - Case 1 · State: New York
                - Case 1 · County or court: (skipped)
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: (skipped)
                - Case 1 · Level: A misdemeanor
                - Case 1 · When it happened: 2015
                - Case 1 · When the case ended: 2016
                - Case 1 · Sentence finished: Yes
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: Someone was threatened or attacked, A weapon was involved
                - Case 1 · Age then: 20
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - Still in the situation: Yes
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: I have another visa or status
                - Immigration court date: Yes
                - Immigration court on: 2027
                - Urgent deadline: No
                - May request record: Yes
                - Safe ways to contact: Here, in this chat
                - Safe times: 1
            > hello
              ! invalid: Sorry, I didn't catch that. Please choose one of the options.
              ? review [review]: Almost done.
                - Name to use: Sam
                - Words to use: (skipped)
                - Any arrests or convictions: Yes
                - Case 1 · State: New York
                - Case 1 · County or court: (skipped)
                - Case 1 · Kind of charge: Prostitution, solicitation or loitering for prostitution
                - Case 1 · Charge (their words): (skipped)
                - Case 1 · How it ended: I was convicted or pleaded guilty
                - Case 1 · Final charge: (skipped)
                - Case 1 · Level: A misdemeanor
                - Case 1 · When it happened: 2015
                - Case 1 · When the case ended: 2016
                - Case 1 · Sentence finished: Yes
                - Case 1 · Connected to trafficking: Yes
                - Case 1 · Violence, weapon or injury: Someone was threatened or attacked, A weapon was involved
                - Case 1 · Age then: 20
                - Case 1 · Case number: (skipped)
                - Case 1 · Another case: No, that's all
                - Under another name: No
                - Still in the situation: Yes
                - Convictions since then: No
                - Open cases or warrants: No
                - Papers held: None of these
                - Citizenship: I have another visa or status
                - Immigration court date: Yes
                - Immigration court on: 2027
                - Urgent deadline: No
                - May request record: Yes
                - Safe ways to contact: Here, in this chat
                - Safe times: 1
            > 1
              = done (submitted): Thank you. Your answers have been sent. Someone will be in t…
              [effect: submit]
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        forged press:
          ! invalid: Sorry, I didn't catch that. Please choose one of the options.
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
    "#]]
    .assert_eq(&format!("stale press:\n{stale}forged press:\n{forged}"));
}

#[test]
fn a_new_code_counts_only_when_typed_twice_the_same() {
    // A code set from one typing could be mistyped, and lock the survivor out: the second typing
    // must match; a mismatch sets nothing and asks again; "no code" still goes on without one.
    let script = format!(
        "{START_EN}
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
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > tulip42
          ? code_again [code]: Please type the same code once more, to be sure it is right.
        > tulpi42
          ! invalid: Those two were not the same, so no code is set yet. Please type a code…
          ? resume_code [resume_code]: Would you like to set a code? If you leave and come back, we…
            choices: no_code
        > tulip42
          ? code_again [code]: Please type the same code once more, to be sure it is right.
        > tulip42
          ! info: Your code is set. We'll ask for it when you come back.
          ? preferred_name [text]: What would you like us to call you? It doesn't have to be yo…
            choices: prefer_not
        > Sam
          ? preferred_term [single]: How would you like us to talk about what happened to you?
            choices: trafficking exploitation forced_work what_happened prefer_not
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
        no thanks
        Sam
        /skip
        # records: the case questions are counted, one case
        1
        New York
        /skip
        1
        /skip
        # a conviction asks for the final charge, the conviction date and the sentence
        1
        /back
        # changing the answer changes the count back
        3
        /back
        /back
        /back
        /back
        /back
        /back
        # no records: no case questions at all
        2
        1
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
              ? resume_code: Question 6 of about 34
            > no thanks
              ? preferred_name: Question 7 of about 34
            > Sam
              ? preferred_term: Question 8 of about 34
            > /skip
              ? has_records: Question 9 of about 34
            > 1
              ? case_state#0: Question 10 of about 34
            > New York
              ? case_county#0: Question 11 of about 34
            > /skip
              ? case_category#0: Question 12 of about 34
            > 1
              ? case_charge#0: Question 13 of about 34
            > /skip
              ? case_outcome#0: Question 14 of about 34
            > 1
              ? case_final_charge#0: Question 15 of about 37
            > /back
              ? case_outcome#0: Question 14 of about 37
            > 3
              ? case_level#0: Question 15 of about 34
            > /back
              ? case_outcome#0: Question 14 of about 34
            > /back
              ? case_charge#0: Question 13 of about 34
            > /back
              ? case_category#0: Question 12 of about 34
            > /back
              ? case_county#0: Question 11 of about 34
            > /back
              ? case_state#0: Question 10 of about 34
            > /back
              ? has_records: Question 9 of about 34
            > 2
              ? no_records: Question 10 of about 17
            > 1
              ? citizenship: Question 11 of about 17
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
        no
        /skip
        /skip
        1
        Nueva York
        no sé
        7
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
              ? resume_code: Pregunta 5 de unas 33
            > no
              ? preferred_name: Pregunta 6 de unas 33
            > /skip
              ? preferred_term: Pregunta 7 de unas 33
            > /skip
              ? has_records: Pregunta 8 de unas 33
            > 1
              ? case_state#0: Pregunta 9 de unas 33
            > Nueva York
              ? case_county#0: Pregunta 10 de unas 33
            > no sé
              ? case_category#0: Pregunta 11 de unas 33
            > 7
              ? case_charge#0: Pregunta 12 de unas 33
            > /skip
              ? case_outcome#0: Pregunta 13 de unas 33
            > 4
              ? case_date#0: Pregunta 14 de unas 32
            > no sé
              ? case_nexus#0: Pregunta 15 de unas 32
            > 1
              ? case_harm#0: Pregunta 16 de unas 32
            > no sé
              ? case_age#0: Pregunta 17 de unas 32
            > no sé
              ? case_docket#0: Pregunta 18 de unas 32
            > /skip
              ? case_another#0: Pregunta 19 de unas 32
            > 1
              ? case_state#1: Pregunta 20 de unas 44
        "#]],
    );
}
