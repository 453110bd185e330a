//! The attorney's summary read as an attorney would: intakes walked through the real flow, the
//! runtime and the store (`Harness`), then summarised with the shipped rules. One snapshot of a
//! whole three-case summary (English, then Spanish), and the properties an attorney relies on
//! checked on their own: an overview that fits, each source once, every case citing one of them,
//! nothing about the flow's mechanics, typed words shown as typed.

use crate::support::{root, Harness};
use clearpath::rules::summary;
use expect_test::expect;

/// A survivor who begins in English, tells of one case, switches to Spanish and tells of two
/// more, typing some answers in their own words (one with characters HTML must escape).
const THREE_CASES: &str = "
/start
1
1
1
1
2
# Case 1, in English.
New York
prostitution
2 3
555-0199, solo después de las 6
por la tarde
2
no thanks
Ana María
4
2
Queens
loitering for the purpose
conviction
loitering
misdemeanor
2015
March 2016
1
1
4
22
/skip
1
# Case 2, in Spanish.
/language es
Texas
theft
Condado de Harris
robo en una tienda <Walmart> & **otra** cosa
conviction
hurto menor
misdemeanor
2017
2018
1
1
4
24
/skip
1
# Case 3.
Florida
drug_possession
/skip
/skip
dismissed
felony
2019
3
4
26
/skip
2
# The person.
2
2020
2
2
1
2
2
2
1
";

fn intake_of(h: &Harness, code: &str) -> clearpath::store::Intake {
    assert_eq!(h.last.as_ref().map(|p| p.step.as_str()), Some("review"), "the script ends at the review");
    clearpath::store::Intake {
        code: code.into(),
        flow_id: "intake".into(),
        flow_hash: h.flow.hash.clone(),
        locale: h.session.locale.clone().unwrap_or_else(|| "en".into()),
        answers: h.session.answers.clone(),
        submitted_at: "2026-11-25T20:00:00Z".parse().unwrap(),
        delivered_at: None,
        contact_chat: None,
        addenda: vec![],
        early: false,
    }
}

fn rules() -> clearpath::rules::Rules {
    clearpath::rules::Rules::load(&clearpath::data::read_dir(&root().join("rules"))).0
}

/// The numbered list under "## Sources": (number, text).
fn sources(md: &str) -> Vec<(usize, String)> {
    let list = md.split("\n## Sources\n").nth(1).expect("a Sources section");
    list.lines()
        .take_while(|l| !l.starts_with('#') && *l != clearpath::rules::report::DISCLAIMER)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (n, text) = l.split_once(". ").unwrap_or_else(|| panic!("not a numbered source: {l}"));
            (n.parse().unwrap_or_else(|_| panic!("not a number: {l}")), text.to_string())
        })
        .collect()
}

/// The "[n]" numbers cited in a text.
fn cited(text: &str) -> Vec<usize> {
    text.split('[').skip(1).filter_map(|p| p.split_once(']')).filter_map(|(n, _)| n.parse().ok()).collect()
}

/// The detail section of each case ("## Case N ..." up to the next heading).
fn case_sections(md: &str) -> Vec<&str> {
    md.split("\n## ").filter(|s| s.starts_with("Case ")).collect()
}

/// What an attorney relies on, whatever the intake: the disclaimer at both ends, each source
/// listed once and numbered from 1, every citation pointing into that list, no flow mechanics.
fn assert_reads_as_an_attorney_needs(md: &str) {
    assert!(
        md.starts_with("# Referral ")
            && md.lines().next().unwrap().ends_with("Preliminary screening, not legal advice.")
    );
    assert_eq!(md.trim_end().lines().last(), Some("Preliminary screening, not legal advice."));
    let list = sources(md);
    let numbers: Vec<usize> = list.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, (1..=list.len()).collect::<Vec<_>>(), "numbered 1, 2, 3...");
    let mut texts: Vec<&str> = list.iter().map(|(_, t)| t.as_str()).collect();
    texts.sort_unstable();
    let before = texts.len();
    texts.dedup();
    assert_eq!(texts.len(), before, "each source is listed once: {list:?}");
    // Each source's text appears once in the whole summary: in the list, never under a case.
    for (_, t) in &list {
        assert_eq!(md.matches(t.as_str()).count(), 1, "{t} is repeated");
    }
    let before_list = md.split("\n## Sources\n").next().unwrap();
    for n in cited(before_list) {
        assert!(numbers.contains(&n), "[{n}] is cited but not listed");
    }
    assert!(!md.contains("Another case"), "the loop's answer is left out: {md}");
}

#[test]
fn three_case_summary_in_english_and_spanish_reads_as_an_attorney_needs() {
    let mut h = Harness::new();
    h.run(THREE_CASES);
    let intake = intake_of(&h, "ABCD2345");
    assert_eq!(intake.locale, "es", "the survivor finished in Spanish");
    let rules = rules();
    let date = jiff::civil::date(2026, 11, 25);
    let (md, screening) = summary::markdown(&h.flow, &h.locales, &rules, &intake, date, "en");
    assert_eq!(screening.cases.len(), 3);

    assert_reads_as_an_attorney_needs(&md);
    // Every case cites at least one source in its overview line and in its detail.
    let overview = summary::overview_lines(&md);
    for case in 1..=3 {
        let line = overview.iter().find(|l| l.starts_with(&format!("- Case {case} ·"))).unwrap();
        assert!(!cited(line).is_empty(), "{line}");
    }
    let sections = case_sections(&md);
    assert_eq!(sections.len(), 3);
    for s in &sections {
        assert!(!cited(s).is_empty(), "a case without a citation: {s}");
    }
    assert!(overview.len() <= 15, "{overview:#?}");
    // The overview comes first, before the person and the cases.
    assert!(md.find("## Overview").unwrap() < md.find("## The person").unwrap());
    // Typed words, as typed, with the intake's language; an answer picked from a list is not
    // marked.
    assert!(md.contains("«loitering for the purpose» (as typed, intake in Spanish)"), "{md}");
    assert!(!md.contains("«Texas»"), "{md}");

    // The rules' fingerprint changes with every rules edit; the snapshot is about the layout.
    let md = md.replace(&screening.rules_version, "<rules version>");
    expect![[r##"
        # Referral ABCD2345 — Preliminary screening, not legal advice.

        Submitted 2026-11-25 · screened 2026-11-25 · rules <rules version> · intake in Spanish

        ## Overview
        - Case 1 · New York · prostitution, misdemeanor, conviction · 2015 · N.Y. Crim. Proc. Law § 440.10(1)(i): **likely eligible** [1], [2], [3] · check first: show confirmation of what bars relief
        - Case 2 · Texas · theft, misdemeanor, conviction · 2017 · Tex. Gov't Code § 411.0728: **needs review** (rule not verified) [4] · check first: This rule has not been verified against the statute text: check it before relying on it.
        - Case 3 · Florida · drug possession, felony, dismissed · 2019 · Fla. Stat. § 943.0583(3)-(8): **needs review** [5] · check first: Which felonies are covered, as the rule records it: No level limit in § 943.0583; felonies are reached except offenses listed in §…
        - **Flag, immigration**: Not a citizen, or unsure: refer to an immigration attorney before filing; whether a vacatur rests on the merits or a legal defect decides its immigration effect (Matter of Pickering).
        - **Contact**: A phone call, A text message · «555-0199, solo después de las 6» (as typed, intake in Spanish) · when: «por la tarde» (as typed, intake in Spanish)

        ## The person
        - Still in the situation: No
        - Safe ways to contact: A phone call, A text message
        - Contact details: «555-0199, solo después de las 6» (as typed, intake in Spanish)
        - Safe times: «por la tarde» (as typed, intake in Spanish)
        - Name to use: «Ana María» (as typed, intake in Spanish)
        - Words to use: Just "what happened"
        - Connected to trafficking (every case): Some of them, not all
        - Under another name: No
        - When the situation ended: 2020
        - Convictions since then: No
        - Open cases or warrants: No
        - Papers held: A T visa
        - Citizenship: I have a green card
        - Immigration court date: No
        - Urgent deadline: No
        - May request record: Yes

        ## Case 1 · New York
        - State: New York
        - County or court: «Queens» (as typed, intake in Spanish)
        - Kind of charge: Prostitution, solicitation or loitering for prostitution
        - Charge (their words): «loitering for the purpose» (as typed, intake in Spanish)
        - How it ended: I was convicted or pleaded guilty
        - Final charge: «loitering» (as typed, intake in Spanish)
        - Level: A misdemeanor
        - When arrested: 2015
        - When the case ended: March 2016
        - Sentence finished: Yes
        - Connected to trafficking: Yes
        - Violence, weapon or injury: None of these
        - Age then: 22

        Screening: **likely eligible**
        - General relief: CPL 160.59 (discretionary sealing of up to two convictions after ten years) and CPL 160.58/160.50 exist; not researched here (unverified). Non-convictions are sealed under CPL 160.50 (FNUSA, secondary).
        - Motion to vacate judgment (trafficking victims), CPL 440.10(1)(i) (N.Y. Crim. Proc. Law § 440.10(1)(i)): **likely eligible** [1], [2], [3]
          - To show: confirmation of what bars relief (this is recorded from NY Senate S.215 (2023-2024), bill text restating all of CPL 440.10 and 440.30 as existing law (copy of the nysenate.gov text in ryantd42/NY-Legislative-Git; bill not enacted) (S9) at medium confidence, with no excerpt of the text); the required connection to the trafficking: result of; notice to the prosecutor; proof by a preponderance of the evidence; official documentation, which the survivor holds (it creates a presumption).
          - To check: the bars the rule records: Not a list of bars read in one place: CPL 440.10(2)(b) and (3)(a) expressly do not apply to a paragraph (i) motion, while 440.10(3)(b)-(c) (the issue was decided on a prior motion, or could have been raised on a previous 440 motion) were read and are not excluded for paragraph (i), so a court may deny on those grounds (see the attorney notes). No other bar was recorded, and the bars were not recorded as read in full; whether a trafficking defense was raised at trial and lost (the rule records no bar on it, but a court may weigh it against the connection); whether relief was sought before and denied (a court may weigh an earlier denial).
          - Documents: Certified certificate of disposition for each conviction; Any T visa, Continued Presence, OTDA or law-enforcement letter; Client affidavit.

        ## Case 2 · Texas
        - State: Texas
        - County or court: «Condado de Harris» (as typed, intake in Spanish)
        - Kind of charge: Theft or shoplifting
        - Charge (their words): «robo en una tienda <Walmart> & **otra** cosa» (as typed, intake in Spanish)
        - How it ended: I was convicted or pleaded guilty
        - Final charge: «hurto menor» (as typed, intake in Spanish)
        - Level: A misdemeanor
        - When arrested: 2017
        - When the case ended: 2018
        - Sentence finished: Yes
        - Connected to trafficking: Yes
        - Violence, weapon or injury: None of these
        - Age then: 24

        Screening: **needs review**
        - General relief: General nondisclosure (Gov't Code ch. 411, subch. E-1, e.g. § 411.0725 for deferred adjudication) and expunction (Code Crim. Proc. art. 55.01 / ch. 55A) for non-convictions; not researched.
        - Order of nondisclosure for certain trafficking victims, Gov't Code § 411.0728 (Tex. Gov't Code § 411.0728): **needs review** — rule not verified [4]
          - This rule has not been verified against the statute text: check it before relying on it.
          - The citation was not confirmed in current statute text (see the rule's notes).
          - The required connection to the trafficking is not recorded.
          - When a petition may be filed is not recorded.
          - What bars this route was not checked in the statute text: the attorney checks it.
          - To show: that the offense was connected to being trafficked.
          - To check: whether a trafficking defense was raised at trial and lost (the route's bars were not checked, but a court may weigh it against the connection); whether relief was sought before and denied (a court may weigh an earlier denial).

        ## Case 3 · Florida
        - State: Florida
        - Kind of charge: Having drugs
        - How it ended: It was dismissed, or I was found not guilty
        - Level: A felony
        - When arrested: 2019
        - Connected to trafficking: I'm not sure
        - Violence, weapon or injury: None of these
        - Age then: 26

        Screening: **needs review**
        - General relief: General sealing and expunction under Fla. Stat. §§ 943.0585 and 943.059 (certificate of eligibility from FDLE); not researched.
        - Human trafficking victim expunction, Fla. Stat. § 943.0583 (Fla. Stat. § 943.0583(3)-(8)): **needs review** [5]
          - Which felonies are covered, as the rule records it: No level limit in § 943.0583; felonies are reached except offenses listed in § 775.084(1)(b)1. Categories are not excluded wholesale because the exclusion is by named offense (e.g. aggravated battery is excluded, simple battery is not); check each conviction against the list.
          - Whether the offense was connected to being trafficked is not settled.
          - To show: that the offense is not one the statute excludes (Any offense listed in Fla. Stat. § 775.084(1)(b)1 (the habitual violent felony offender list; per secondary sources: arson, sexual battery, robbery, kidnapping, aggravated child abuse, aggravated abuse of an elderly person or disabled adult, aggravated assault with a deadly weapon, murder, manslaughter, aggravated manslaughter of an elderly person, disabled adult or child, unlawful use of a destructive device or bomb, armed burglary, aggravated battery, aggravated stalking; the list itself was not read in statute text)); the required connection to the trafficking: committed while a victim, as part of the trafficking scheme or at the direction of an operator of the scheme; that the petition is filed with due diligence (reasonably soon after the trafficking ended or help was sought); notice to the prosecutor; proof by a preponderance of the evidence; official documentation, which the survivor holds (it creates a presumption).
          - To check: whether a trafficking defense was raised at trial and lost (the statute states no bar on it, but a court may weigh it against the connection); whether relief was sought before and denied (a court may weigh an earlier denial).
          - Documents: Certified disposition for each case; Petitioner's sworn statement of eligibility (required by § 943.0583(6)(a); knowingly false statement is a third-degree felony); Official documentation of victim status, if any exists (federal, state or local agency).

        ## Sources
        1. NY Senate: S.7356 (2025-2026), bill text restating CPL 440.10(1)(i) as amended by ch. 629 of 2021 (existing law in lower case) <https://www.nysenate.gov/legislation/bills/2025/S7356> (read 2026-11-25)
        2. NY Senate S.4756 (2023-2024), bill text restating CPL 440.10(1)(i) 'as amended by chapter 629 of the laws of 2021' with its provisos (copy of the nysenate.gov text in ryantd42/NY-Legislative-Git; bill not enacted) <https://github.com/ryantd42/NY-Legislative-Git/blob/61ee93db4dc23e70004b81aad1e056b239a75ab4/2023/S4756.md> (read 2026-11-25)
        3. NY Senate S.215 (2023-2024), bill text restating all of CPL 440.10 and 440.30 as existing law (copy of the nysenate.gov text in ryantd42/NY-Legislative-Git; bill not enacted) <https://github.com/ryantd42/NY-Legislative-Git/blob/61ee93db4dc23e70004b81aad1e056b239a75ab4/2023/S215.md> (read 2026-11-25)
        4. Texas S.B. 1801 (86R, 2019), enrolled text amending Gov't Code § 411.0728 (Texas Legislature Online) <https://capitol.texas.gov/tlodocs/86R/billtext/html/SB01801F.htm> (read 2026-11-25)
        5. Fla. Stat. § 943.0583, full text (1)-(12) with history through ch. 2023-84 (Justia copy, via saint1415/us-statutes on GitHub, data branch) <https://github.com/saint1415/us-statutes/blob/e9fffba7a5e0cb5de57b9308c85086f3af2aa019/data/states/florida/content/title-chapter-0943/chapter-chapter-0943.json> (read 2026-11-25)

        Preliminary screening, not legal advice.
    "##]]
    .assert_eq(&md);

    // The chat version: escaped, with what the survivor typed never read as markup, and each
    // part within Telegram's limit.
    let (html, _) = summary::html(&h.flow, &h.locales, &rules, &intake, date, "en");
    assert!(
        html.contains("«<i>robo en una tienda &lt;Walmart&gt; &amp; **otra** cosa</i>» (as typed, intake in Spanish)"),
        "{html}"
    );
    assert!(!html.contains("<Walmart>") && !html.contains("<b>otra</b>"), "{html}");
    assert!(html.starts_with("<b>Referral ABCD2345"), "{html}");
    let long = html.repeat(6);
    let parts = summary::split(&long, clearpath::channel::telegram::TELEGRAM_LIMIT);
    assert!(parts.len() >= 2);
    assert!(parts.iter().all(|p| p.chars().count() <= clearpath::channel::telegram::TELEGRAM_LIMIT));
    assert_eq!(parts.concat(), long);
    for p in &parts {
        assert_eq!(p.matches("<b>").count(), p.matches("</b>").count(), "a part cuts a tag: {p}");
        assert_eq!(p.matches("<i>").count(), p.matches("</i>").count(), "a part cuts a tag: {p}");
    }
}

/// Five cases, two without a state, and every flag the screening raises: the overview still fits
/// in 15 lines (a line per case, a line per flag, the contact line, its heading).
#[test]
fn five_case_overview_with_every_flag_fits_in_fifteen_lines() {
    let mut h = Harness::new();
    h.run(
        "
        /start
        1
        1
        1
        1
        1
        1
        # 1: New York, a conviction.
        New York
        prostitution
        2
        555-0100
        evenings
        2
        no thanks
        R
        4
        2
        /skip
        /skip
        conviction
        /skip
        misdemeanor
        2015
        2016
        1
        1
        4
        22
        /skip
        1
        # 2: state not known, still pending.
        dont_know
        drug_possession
        /skip
        /skip
        pending
        felony
        2025
        3
        4
        30
        /skip
        1
        # 3: federal, as a minor.
        US
        other
        /skip
        /skip
        juvenile
        dont_know
        2010
        1
        4
        16
        /skip
        1
        # 4: state not said.
        prefer_not
        theft
        /skip
        /skip
        arrest_only
        2018
        1
        4
        25
        /skip
        1
        # 5: California.
        California
        trespass
        /skip
        /skip
        dismissed
        misdemeanor
        2019
        1
        4
        26
        /skip
        2
        # The person: still in the situation, an open case, not a citizen with a court date, a
        # deadline.
        2
        2
        1
        8
        4
        1
        March 2027
        1
        December 2026
        1
        ",
    );
    let intake = intake_of(&h, "FIVE2345");
    let rules = rules();
    let (md, screening) = summary::markdown(&h.flow, &h.locales, &rules, &intake, jiff::civil::date(2026, 12, 3), "en");
    assert_eq!(screening.cases.len(), 5);
    let mut kinds: Vec<&str> = screening.flags.iter().map(|f| f.kind).collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["federal", "immigration", "minor", "open_case", "safety", "urgent", "urgent"], "{md}");
    assert_reads_as_an_attorney_needs(&md);

    let overview = summary::overview_lines(&md);
    assert!(overview.len() <= 15, "{} lines: {overview:#?}", overview.len());
    assert_eq!(overview.iter().filter(|l| l.starts_with("- Case ")).count(), 5, "{overview:#?}");
    assert_eq!(overview.iter().filter(|l| l.starts_with("- **Flag")).count(), 7, "{overview:#?}");
    let contact = overview.iter().find(|l| l.starts_with("- **Contact**")).unwrap();
    assert!(contact.contains("«555-0100»") && contact.contains("when: «evenings»"), "{contact}");
    assert!(overview.iter().any(|l| l.starts_with("- Case 2 · no state given ·")), "{overview:#?}");
    assert!(overview.iter().any(|l| l.starts_with("- Case 4 · no state given ·")), "{overview:#?}");
}
