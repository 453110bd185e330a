//! The case desk: routes each completed intake to one attorney at a time, delivers it sealed to
//! that attorney's `age` key through the durable outbox, and records every step in the audit log.
//!
//! - Attorneys come from the configuration (`[[attorney]]`, in order) and from enrolment at run
//!   time (`clearpath attorney invite` prints a one-time code; the attorney sends `/enroll CODE`).
//!   `clearpath attorney revoke NAME` ends an attorney's access at once.
//! - A case is offered to the first attorney serving one of its jurisdictions who has not yet
//!   declined it, then the next, then the default attorney; when no one is left the
//!   administrators are told, and the case waits (a newly enrolled attorney gets it). An offer
//!   not answered within `handoff.offer_hours` moves on like a decline.
//! - The attorney receives a short triage message (no personal data) with Accept and Decline
//!   buttons, and the full case as `case-<code>.md.age`, sealed to their key.
//! - The readable intake stays on the server (sealed under the survivor's key) only until an
//!   attorney accepts, since a decline must reach the next attorney; from then on only the sealed
//!   copy is kept, and it is deleted once the retention period after acceptance has passed.

use crate::app::App;
use crate::audit;
use crate::callback::Callback;
use crate::flow::Flow;
use crate::outbound::{self, Message, Outbound};
use crate::rules::Rules;
use crate::store::{Intake, OutboxEntry, Store, StoreError, Subject, TREE_ATTORNEYS, TREE_INVITES, TREE_REFERRALS};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

/// An attorney who can receive cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attorney {
    pub name: String,
    /// Their Telegram chat id (for a private chat, their user id).
    pub chat: i64,
    /// Their `age` public key (`age1...`), made on their own computer with `clearpath attorney
    /// keygen`.
    pub recipient: String,
    /// USPS codes, `US` for federal cases, or `*` for any.
    pub jurisdictions: Vec<String>,
    /// Language in which their summaries give the survivor's answers (questions and chosen
    /// options). The screening itself, the triage message and the replies to attorneys are in
    /// English: the rules are written and checked in English, and a translated legal analysis
    /// would be one nobody has checked.
    #[serde(default = "english")]
    pub language: String,
    /// Receives cases nobody else serves or everybody declined.
    #[serde(default)]
    pub default: bool,
}

fn english() -> String {
    "en".into()
}

impl Attorney {
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() || self.name.chars().count() > 80 {
            return Err("a name of 1 to 80 characters is needed".into());
        }
        crate::handoff::recipient(&self.recipient).map_err(|e| e.to_string())?;
        if self.jurisdictions.is_empty() {
            return Err("list at least one jurisdiction (or \"*\")".into());
        }
        for j in &self.jurisdictions {
            if j != "*" && !crate::jurisdiction::is_code(j) {
                return Err(format!("\"{j}\" is not a jurisdiction code (e.g. NY, DC, US) or \"*\""));
            }
        }
        Ok(())
    }

    fn serves(&self, jurisdictions: &[String]) -> bool {
        self.jurisdictions.iter().any(|j| j == "*" || jurisdictions.contains(j))
    }
}

/// An attorney enrolled at run time, or a configured one whose access was revoked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AttorneyRecord {
    pub attorney: Attorney,
    pub enrolled_at: Timestamp,
    #[serde(default)]
    pub revoked_at: Option<Timestamp>,
}

/// A one-time enrolment code's record (keyed by a keyed hash of the code).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invite {
    pub name: String,
    pub recipient: String,
    pub jurisdictions: Vec<String>,
    pub language: String,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// No attorney holds it (everyone declined or none serves it): it waits for one.
    Waiting,
    Offered,
    Accepted,
    Closed,
}

/// A case on its way to an attorney. A service record: no answers, only the code, the
/// jurisdictions, the triage text (no personal data) and the copy sealed to the holder.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Referral {
    pub code: String,
    /// Whose intake this is (the survivor's pseudonym, to find their sealed records).
    pub subject: String,
    pub jurisdictions: Vec<String>,
    pub state: CaseState,
    pub holder: Option<String>,
    pub offered_at: Option<Timestamp>,
    /// Attorneys who declined or let the offer lapse.
    pub tried: Vec<String>,
    pub triage: String,
    /// The case sealed to the holder's key (armored age), kept to send again on `/case`.
    pub sealed: Option<String>,
    pub created_at: Timestamp,
    pub accepted_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    /// The administrators were reminded that it will be deleted if nobody accepts it.
    #[serde(default)]
    pub reminded: bool,
    /// Addenda sealed to the holder (armored age), sent again with the case on `/case`. A case
    /// offered to another attorney goes whole, addenda merged, and this starts again empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addenda: Vec<String>,
}

/// How completed intakes reach attorneys.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoffConfig {
    /// Hours an attorney has to accept or decline before the case moves to the next one.
    #[serde(default = "seventy_two")]
    pub offer_hours: i64,
    /// Also send the full summary as Telegram text. Telegram can read it (it is not end-to-end
    /// encrypted): only for organisations that accept that risk.
    #[serde(default)]
    pub summary_as_text: bool,
    /// Tell the administrators after this many failed attempts to deliver a case file.
    #[serde(default = "five")]
    pub alert_after_failures: u32,
}

fn seventy_two() -> i64 {
    72
}
fn five() -> u32 {
    5
}

impl Default for HandoffConfig {
    fn default() -> Self {
        HandoffConfig { offer_hours: 72, summary_as_text: false, alert_after_failures: 5 }
    }
}

/// The desk's settings and its lock (one case change at a time, which also orders the audit log).
pub struct Desk {
    /// The rules in force (a reload swaps them: [`Desk::set_rules`]).
    rules: std::sync::RwLock<std::sync::Arc<Rules>>,
    pub attorneys: Vec<Attorney>,
    pub admins: Vec<i64>,
    pub settings: HandoffConfig,
    /// The channel through which attorneys, administrators and (for the one notice when their
    /// case is taken) survivors are reached.
    pub outbound: std::sync::Arc<dyn Outbound>,
    lock: Mutex<()>,
    roster: Mutex<Option<Vec<Attorney>>>,
    /// Look for completed intakes without a referral at the next sweep: at start-up (a crash may
    /// have come between storing an intake and opening its referral) and after a failed opening.
    /// Not every minute: that would open every survivor's records each time.
    rescan: std::sync::atomic::AtomicBool,
}

impl Desk {
    pub fn new(
        rules: Rules,
        attorneys: Vec<Attorney>,
        admins: Vec<i64>,
        settings: HandoffConfig,
        outbound: std::sync::Arc<dyn Outbound>,
    ) -> Desk {
        Desk {
            rules: std::sync::RwLock::new(std::sync::Arc::new(rules)),
            attorneys,
            admins,
            settings,
            outbound,
            lock: Mutex::new(()),
            roster: Mutex::new(None),
            rescan: std::sync::atomic::AtomicBool::new(true),
        }
    }
}

impl Desk {
    pub fn rules(&self) -> std::sync::Arc<Rules> {
        self.rules.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn set_rules(&self, rules: Rules) {
        *self.rules.write().unwrap_or_else(|p| p.into_inner()) = std::sync::Arc::new(rules);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("no case desk is configured")]
    NoDesk,
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn desk(app: &App) -> Result<&Desk, DeskError> {
    app.desk.as_ref().ok_or(DeskError::NoDesk)
}

fn guard(d: &Desk) -> std::sync::MutexGuard<'_, ()> {
    d.lock.lock().unwrap_or_else(|p| p.into_inner())
}

fn case_key(st: &Store, code: &str) -> [u8; 32] {
    st.service_id("case", code)
}

/// An attorney's record: one per identity (name and key), so that enrolling someone of the same
/// name again, with a new key, never overwrites the record of a revocation.
fn attorney_key(st: &Store, a: &Attorney) -> [u8; 32] {
    st.service_id("attorney", &format!("{}\0{}", a.name.to_lowercase(), a.recipient))
}

/// Whether a revoked attorney's identity covers `a`: the same key always; the same name or chat
/// when revoked after `since` (an attorney re-added with a new key after a revocation has access
/// again, as the administrator chose; a configured attorney has no such time and stays out).
fn revoked_covers(revoked: &AttorneyRecord, a: &Attorney, since: Option<Timestamp>) -> bool {
    let Some(at) = revoked.revoked_at else { return false };
    let r = &revoked.attorney;
    r.recipient == a.recipient
        || ((r.name.eq_ignore_ascii_case(&a.name) || r.chat == a.chat) && since.is_none_or(|t| at >= t))
}

/// Attorneys with access now, in the order cases are offered: configured ones, then enrolled
/// ones by enrolment time. Cached; enrolment and revocation refresh it.
pub fn roster(app: &App) -> Result<Vec<Attorney>, DeskError> {
    let d = desk(app)?;
    if let Some(r) = d.roster.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        return Ok(r.clone());
    }
    let records: Vec<AttorneyRecord> =
        app.store(|st| st.service_all(TREE_ATTORNEYS))?.into_iter().map(|(_, r)| r).collect();
    let revoked: Vec<&AttorneyRecord> = records.iter().filter(|r| r.revoked_at.is_some()).collect();
    let mut enrolled: Vec<&AttorneyRecord> = records
        .iter()
        .filter(|r| {
            r.revoked_at.is_none() && !revoked.iter().any(|x| revoked_covers(x, &r.attorney, Some(r.enrolled_at)))
        })
        .collect();
    // A configured attorney stays out once revoked (whatever the file still says), and gives way
    // to one enrolled under the same name.
    let mut out: Vec<Attorney> = d
        .attorneys
        .iter()
        .filter(|a| !revoked.iter().any(|x| revoked_covers(x, a, None)))
        .filter(|a| !enrolled.iter().any(|e| e.attorney.name.eq_ignore_ascii_case(&a.name)))
        .cloned()
        .collect();
    enrolled.sort_by_key(|r| r.enrolled_at);
    out.extend(enrolled.into_iter().map(|r| r.attorney.clone()));
    *d.roster.lock().unwrap_or_else(|p| p.into_inner()) = Some(out.clone());
    Ok(out)
}

fn refresh_roster(d: &Desk) {
    *d.roster.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// The attorney (with access now) using this chat, if any.
pub fn attorney_by_chat(app: &App, chat: i64) -> Option<Attorney> {
    roster(app).ok()?.into_iter().find(|a| a.chat == chat)
}

/// Outbox entries for an attorney's or administrator's chat (never protected: attorneys must be
/// able to save the case file).
fn to_chat(app: &App, chat: i64, payloads: Vec<Message>, now: Timestamp) -> Result<(), StoreError> {
    let Some(d) = app.desk.as_ref() else { return Ok(()) };
    let who = outbound::subject(app, d.outbound.as_ref(), chat)?;
    let entries: Vec<OutboxEntry> = d.outbound.entries(chat, now, payloads);
    app.store(|st| st.enqueue(&who, &entries))
}

/// Tells every administrator something (no personal data).
pub fn alert_admins(app: &App, text: &str, now: Timestamp) {
    let Some(d) = app.desk.as_ref() else { return };
    if d.admins.is_empty() {
        tracing::warn!("no administrators configured to tell about a case or a delivery problem");
    }
    for chat in &d.admins {
        let p = Message::text(text, false);
        if let Err(e) = to_chat(app, *chat, vec![p], now) {
            tracing::error!(error = %e, "could not queue an alert for an administrator");
        }
    }
}

/// Whether the survivor chose this chat as a safe way to be contacted: read from whichever step
/// declares the `contact_method` field, never from a step id.
fn chose_this_chat(flow: &Flow, intake: &Intake) -> bool {
    use crate::rules::fields;
    crate::rules::intake::chose(flow, &intake.answers, fields::name::contact_method, fields::THIS_CHAT)
}

/// The short message an attorney sees first: case code, jurisdictions, how many cases screened
/// to each outcome, which cases lack a state, each case's category and outcome, the flags' kinds.
/// No names, places below the state, dates or free text.
fn triage(app: &App, d: &Desk, intake: &Intake, now: Timestamp) -> (String, Vec<String>) {
    let facts = crate::rules::intake::facts(&app.flow_of(&intake.flow_hash), &intake.answers);
    let s = crate::rules::screen::screen(&d.rules(), &facts, now.to_zoned(jiff::tz::TimeZone::UTC).date());
    let mut jurisdictions: Vec<String> = facts.cases.iter().filter_map(|c| c.jurisdiction.clone()).collect();
    jurisdictions.sort();
    jurisdictions.dedup();
    let mut text = triage_text(&intake.code, &jurisdictions, &s);
    // Sent before the end: say so first, so the attorney knows the call will finish the intake.
    let unreached = intake.not_reached(&app.flow_of(&intake.flow_hash)).len();
    if unreached > 0 {
        text = text.replacen(
            '\n',
            &format!(
                "\nSent early: {unreached} question(s) not reached, listed in the file (ask them when you call)\n"
            ),
            1,
        );
    }
    (text, jurisdictions)
}

/// "Case 2", "Cases 2 and 3", "Cases 1, 2 and 4".
fn case_numbers(n: &[usize]) -> String {
    let words: Vec<String> = n.iter().map(|i| i.to_string()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => format!("Case {one}"),
        [rest @ .., last] => format!("Cases {} and {last}", rest.join(", ")),
    }
}

fn triage_text(code: &str, jurisdictions: &[String], s: &crate::rules::screen::Screening) -> String {
    use crate::rules::screen::Outcome;
    let words = |o: Outcome| o.name().replace('_', " ");
    let mut t = format!("New referral {code}\n");
    t.push_str(&format!(
        "Jurisdictions: {}\n",
        if jurisdictions.is_empty() { "none given".to_string() } else { jurisdictions.join(", ") }
    ));
    // How many cases screened to each outcome, best first.
    let mut counts: std::collections::BTreeMap<Outcome, usize> = std::collections::BTreeMap::new();
    for c in &s.cases {
        *counts.entry(c.overall).or_default() += 1;
    }
    let n = s.cases.len();
    if n == 0 {
        t.push_str("Cases: none given\n");
    } else {
        let each: Vec<String> = counts.iter().map(|(o, k)| format!("{k} {}", words(*o))).collect();
        t.push_str(&format!("{n} case{}: {}\n", if n == 1 { "" } else { "s" }, each.join(", ")));
    }
    let stateless: Vec<usize> =
        s.cases.iter().enumerate().filter(|(_, c)| c.case.jurisdiction.is_none()).map(|(i, _)| i + 1).collect();
    if !stateless.is_empty() {
        t.push_str(&format!("{}: no state given\n", case_numbers(&stateless)));
    }
    for (i, c) in s.cases.iter().enumerate() {
        let category = c.case.category.clone().unwrap_or_else(|| "unknown".into()).replace('_', " ");
        let level = c.case.level.clone().filter(|l| l != "unknown").map(|l| format!(" ({l})")).unwrap_or_default();
        let j = c.case.jurisdiction.clone().unwrap_or_else(|| "no state".into());
        t.push_str(&format!("{}. {j} {category}{level}: {}\n", i + 1, words(c.overall)));
    }
    let mut kinds: Vec<&str> = s.flags.iter().map(|f| f.kind).collect();
    kinds.dedup();
    if !kinds.is_empty() {
        t.push_str(&format!("Flags: {}\n", kinds.join(", ").replace('_', " ")));
    }
    t.push_str(&format!(
        "{}\nThe full case follows as case-{code}.md.age, sealed to your key (age -d -i key.txt, or clearpath attorney open).",
        crate::rules::report::DISCLAIMER,
    ));
    t
}

fn buttons(code: &str) -> Vec<Vec<(String, String)>> {
    let data = |c: DeskCommand| c.button_data().unwrap_or_default();
    vec![vec![
        ("Accept".to_string(), data(DeskCommand::Accept(code.to_string()))),
        ("Decline".to_string(), data(DeskCommand::Decline(code.to_string()))),
    ]]
}

/// What an attorney receives for a case: the triage message with buttons, the sealed file, and
/// (if the organisation chose so) the summary as text.
fn delivery(app: &App, d: &Desk, r: &Referral, a: &Attorney, intake: Option<&Intake>, now: Timestamp) -> Vec<Message> {
    let mut out = vec![Message::Text {
        text: r.triage.clone(),
        buttons: if r.state == CaseState::Offered { buttons(&r.code) } else { vec![] },
        protect: false,
    }];
    if let Some(sealed) = &r.sealed {
        out.push(Message::File { name: format!("case-{}.md.age", r.code), text: sealed.clone() });
    }
    for (i, sealed) in r.addenda.iter().enumerate() {
        out.push(Message::File { name: format!("case-{}-addendum-{}.md.age", r.code, i + 1), text: sealed.clone() });
    }
    if d.settings.summary_as_text {
        if let Some(i) = intake {
            let date = now.to_zoned(jiff::tz::TimeZone::UTC).date();
            let (md, _) = crate::rules::summary::markdown(
                &app.flow_of(&i.flow_hash),
                &app.locales(),
                &d.rules(),
                i,
                date,
                &a.language,
            );
            // The channel cuts it to its own limit (`Outbound::entries`).
            out.push(Message::text(md, false));
        }
    }
    out
}

/// Every referral, in key order.
fn all_referrals(app: &App) -> Result<Vec<Referral>, StoreError> {
    Ok(app.store(|st| st.service_all::<Referral>(TREE_REFERRALS))?.into_iter().map(|(_, r)| r).collect())
}

fn load(app: &App, code: &str) -> Result<Option<Referral>, StoreError> {
    app.store(|st| st.service_get(TREE_REFERRALS, &case_key(st, code)))
}

fn save(app: &App, r: &Referral) -> Result<(), StoreError> {
    app.store(|st| st.service_put(TREE_REFERRALS, &case_key(st, &r.code), r))
}

fn log(
    app: &App,
    event: audit::Event,
    case: Option<&str>,
    attorney: Option<&str>,
    now: Timestamp,
) -> Result<(), StoreError> {
    app.store(|st| audit::append(st, event, case, attorney, now)).map(|_| ())
}

fn intake_of(app: &App, r: &Referral) -> Result<Option<Intake>, StoreError> {
    let Some(who) = Subject::from_hex(&r.subject) else { return Ok(None) };
    app.store(|st| st.load_intake(&who, &r.code))
}

/// Offers the case to the next attorney, or leaves it waiting and tells the administrators.
fn route(app: &App, d: &Desk, r: &mut Referral, now: Timestamp) -> Result<(), DeskError> {
    let roster = roster(app)?;
    let next = roster
        .iter()
        .find(|a| !r.tried.iter().any(|t| t.eq_ignore_ascii_case(&a.name)) && a.serves(&r.jurisdictions))
        .or_else(|| roster.iter().find(|a| a.default && !r.tried.iter().any(|t| t.eq_ignore_ascii_case(&a.name))))
        .cloned();
    let intake = intake_of(app, r)?;
    match (next, intake) {
        (Some(a), Some(intake)) => {
            let recipient = crate::handoff::recipient(&a.recipient).map_err(|e| DeskError::Invalid(e.to_string()))?;
            let date = now.to_zoned(jiff::tz::TimeZone::UTC).date();
            let doc = crate::handoff::document(app, &d.rules(), &a.language, &intake, date);
            let sealed = crate::handoff::seal_armored(&recipient, doc.as_bytes())
                .map_err(|e| DeskError::Invalid(e.to_string()))?;
            r.state = CaseState::Offered;
            r.holder = Some(a.name.clone());
            r.offered_at = Some(now);
            r.sealed = Some(sealed);
            // The whole case, as now known, is in the file: no addendum is separate any more.
            r.addenda.clear();
            save(app, r)?;
            to_chat(app, a.chat, delivery(app, d, r, &a, Some(&intake), now), now)?;
            log(app, audit::Event::Offered, Some(&r.code), Some(&a.name), now)?;
            // No case code or name in the log: `clearpath cases list` shows them to administrators.
            tracing::info!("a case was offered to an attorney");
        }
        (None, Some(_)) => {
            let was_waiting = r.state == CaseState::Waiting && r.holder.is_none() && r.offered_at.is_some();
            r.state = CaseState::Waiting;
            r.holder = None;
            r.sealed = None;
            // offered_at marks that the administrators were told (once per wait).
            r.offered_at = Some(now);
            save(app, r)?;
            if !was_waiting {
                log(app, audit::Event::Unassigned, Some(&r.code), None, now)?;
                alert_admins(
                    app,
                    &format!(
                        "No attorney is left for case {} ({}). It waits: add or enrol an attorney who serves it.",
                        r.code,
                        if r.jurisdictions.is_empty() {
                            "jurisdiction not known".into()
                        } else {
                            r.jurisdictions.join(", ")
                        }
                    ),
                    now,
                );
            }
        }
        (_, None) => {
            // The survivor deleted their data: nothing to deliver.
            withdraw(app, r, now)?;
        }
    }
    Ok(())
}

fn withdraw(app: &App, r: &Referral, now: Timestamp) -> Result<(), DeskError> {
    app.store(|st| st.service_remove(TREE_REFERRALS, &case_key(st, &r.code)))?;
    log(app, audit::Event::Withdrawn, Some(&r.code), r.holder.as_deref(), now)?;
    if let (Some(h), CaseState::Offered | CaseState::Accepted) = (&r.holder, r.state) {
        if let Some(a) = roster(app)?.into_iter().find(|a| &a.name == h) {
            let text =
                format!("Case {} was withdrawn: the person deleted their data. Please delete your copy.", r.code);
            to_chat(app, a.chat, vec![Message::text(text, false)], now)?;
        }
    }
    Ok(())
}

/// A survivor just submitted: keep their chat for the acceptance notice if they chose it,
/// open the referral and offer it. Idempotent (the sweep calls it for any intake left without
/// a referral by a crash).
pub fn submitted(app: &App, who: &Subject, code: &str, chat: Option<i64>, now: Timestamp) -> Result<(), DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let opened = open_case(app, d, who, code, chat, now);
    if opened.is_err() {
        d.rescan.store(true, std::sync::atomic::Ordering::SeqCst);
    }
    opened?;
    app.store(|st| st.flush())?;
    Ok(())
}

fn open_case(
    app: &App,
    d: &Desk,
    who: &Subject,
    code: &str,
    chat: Option<i64>,
    now: Timestamp,
) -> Result<(), DeskError> {
    if let Some(r) = load(app, code)? {
        // The case is open: a later send of a case sent early is an addendum to it.
        return deliver_addenda(app, d, who, r, now);
    }
    let Some(mut intake) = app.store(|st| st.load_intake(who, code))? else { return Ok(()) };
    // A case opened from this intake goes whole: any addenda are in it.
    if intake.addenda.iter().any(|a| !a.delivered) {
        for a in &mut intake.addenda {
            a.delivered = true;
        }
        app.store(|st| st.save_intake(who, &intake))?;
    }
    if let Some(c) = chat {
        if chose_this_chat(&app.flow_of(&intake.flow_hash), &intake) && intake.contact_chat.is_none() {
            intake.contact_chat = Some(c.to_string());
            app.store(|st| st.save_intake(who, &intake))?;
        }
    }
    let (triage, jurisdictions) = triage(app, d, &intake, now);
    let mut r = Referral {
        code: code.to_string(),
        subject: who.to_hex(),
        jurisdictions,
        state: CaseState::Waiting,
        holder: None,
        offered_at: None,
        tried: vec![],
        triage,
        sealed: None,
        created_at: now,
        accepted_at: None,
        closed_at: None,
        reminded: false,
        addenda: vec![],
    };
    route(app, d, &mut r, now)
}

/// Hands on what the survivor told after sending early: each addendum not yet delivered is
/// sealed to the attorney holding the case and sent (kept with the case for `/case`), or, while
/// the case waits for an attorney, stays merged in the case to go whole with its offer; each is
/// recorded in the audit log. Once the case is accepted the readable intake goes again, as at
/// acceptance: only the sealed copies stay. Idempotent: a delivered addendum is marked so.
fn deliver_addenda(app: &App, d: &Desk, who: &Subject, mut r: Referral, now: Timestamp) -> Result<(), DeskError> {
    let Some(mut intake) = app.store(|st| st.load_intake(who, &r.code))? else { return Ok(()) };
    if intake.addenda.iter().all(|a| a.delivered) {
        return Ok(());
    }
    let holder = match r.state {
        CaseState::Waiting => None,
        CaseState::Offered | CaseState::Accepted | CaseState::Closed => {
            let name = r.holder.clone().unwrap_or_default();
            match roster(app)?.into_iter().find(|a| a.name.eq_ignore_ascii_case(&name)) {
                Some(a) => Some(a),
                None => {
                    // The attorney who holds it has no access any more (revoked): nothing is
                    // sealed to a key no one may use, and nothing is dropped. The answers stay
                    // with the case's intake, and the administrators decide.
                    alert_admins(
                        app,
                        &format!(
                            "Case {}: the person added answers, but the attorney who holds the case has no access any more. The answers are kept with the case, sent to no one.",
                            r.code
                        ),
                        now,
                    );
                    return Ok(());
                }
            }
        }
    };
    let date = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let pending: Vec<crate::intake::Addendum> = intake.addenda.iter().filter(|a| !a.delivered).cloned().collect();
    for note in &pending {
        match &holder {
            Some(a) => {
                let recipient =
                    crate::handoff::recipient(&a.recipient).map_err(|e| DeskError::Invalid(e.to_string()))?;
                let doc = crate::handoff::addendum_document(app, &d.rules(), &a.language, &intake, note, date);
                let sealed = crate::handoff::seal_armored(&recipient, doc.as_bytes())
                    .map_err(|e| DeskError::Invalid(e.to_string()))?;
                let text = format!(
                    "Case {}: the person, who sent it early, has told more. Addendum {} is attached (sealed, like the case file){}.",
                    r.code,
                    note.n,
                    if r.state == CaseState::Closed { "; the case is closed, so the server keeps no copy of it" } else { "" }
                );
                let mut msgs = vec![Message::text(text, false)];
                msgs.push(Message::File {
                    name: format!("case-{}-addendum-{}.md.age", r.code, note.n),
                    text: sealed.clone(),
                });
                if r.state != CaseState::Closed {
                    r.addenda.push(sealed);
                }
                save(app, &r)?;
                to_chat(app, a.chat, msgs, now)?;
                log(app, audit::Event::Addendum, Some(&r.code), Some(&a.name), now)?;
            }
            // No attorney holds it: the answers are merged into the case that waits.
            None => log(app, audit::Event::Addendum, Some(&r.code), None, now)?,
        }
        if let Some(x) = intake.addenda.iter_mut().find(|x| x.n == note.n) {
            x.delivered = true;
        }
    }
    if matches!(r.state, CaseState::Accepted | CaseState::Closed) {
        app.store(|st| st.remove_intake(who, &r.code))?;
    } else {
        app.store(|st| st.save_intake(who, &intake))?;
    }
    tracing::info!(addenda = pending.len(), "a case's addenda were handed on");
    Ok(())
}

/// What a sweep did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Swept {
    pub opened: usize,
    pub timed_out: usize,
    pub rerouted: usize,
    pub expired: usize,
    /// Reminders that a case nobody accepted will be deleted in a week.
    #[serde(default)]
    pub reminded: usize,
    /// Cases nobody accepted within the waiting period, deleted.
    #[serde(default)]
    pub not_taken: usize,
}

pub fn describe(s: &Swept) -> String {
    format!(
        "{} case(s) opened, {} offer(s) timed out, {} waiting case(s) offered again, {} delivered case(s) past retention deleted, {} reminder(s) of cases nobody accepted, {} case(s) nobody accepted deleted",
        s.opened, s.timed_out, s.rerouted, s.expired, s.reminded, s.not_taken
    )
}

/// Runs at start-up, every minute while serving, and on `clearpath cases sweep`: opens a referral
/// for any completed intake without one (at start-up and after a failed opening), moves offers
/// nobody answered in time, offers waiting cases again (someone may have enrolled), and deletes
/// sealed copies past retention.
pub fn sweep(app: &App, now: Timestamp) -> Result<Swept, DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let mut out = Swept::default();
    let rescan = d.rescan.swap(false, std::sync::atomic::Ordering::SeqCst);
    let subjects = if rescan { app.store(|st| st.subjects())? } else { vec![] };
    for s in subjects {
        let intakes = match app.store(|st| st.intakes(&s)) {
            Ok(i) => i,
            Err(e) => {
                tracing::error!(subject = %s.tag(), error = %e, "intake does not open; left for an administrator");
                continue;
            }
        };
        for i in intakes.iter().filter(|i| i.delivered_at.is_none()) {
            match load(app, &i.code)? {
                None => {
                    open_case(app, d, &s, &i.code, None, now)?;
                    out.opened += 1;
                }
                // An addendum stored, then a crash before it was handed on.
                Some(r) if i.addenda.iter().any(|a| !a.delivered) => deliver_addenda(app, d, &s, r, now)?,
                Some(_) => {}
            }
        }
    }
    let all = all_referrals(app)?;
    let offer = SignedDuration::from_hours(d.settings.offer_hours);
    let keep = SignedDuration::from_hours(24 * app.retention.delivered_days);
    let waiting = SignedDuration::from_hours(24 * app.retention.waiting_days);
    let week = SignedDuration::from_hours(24 * 7);
    let names: Vec<String> = roster(app)?.into_iter().map(|a| a.name).collect();
    for mut r in all {
        // Nobody accepted it in time: the readable intake is not kept for ever.
        if matches!(r.state, CaseState::Waiting | CaseState::Offered) {
            if r.created_at + waiting <= now {
                not_taken(app, &r, now)?;
                out.not_taken += 1;
                continue;
            }
            if !r.reminded && r.created_at + waiting - week <= now {
                r.reminded = true;
                save(app, &r)?;
                alert_admins(
                    app,
                    &format!(
                        "Case {} ({}) will be deleted in 7 days, {} days after it was completed, unless an attorney accepts it.",
                        r.code,
                        if r.jurisdictions.is_empty() { "jurisdiction not known".into() } else { r.jurisdictions.join(", ") },
                        app.retention.waiting_days
                    ),
                    now,
                );
                out.reminded += 1;
            }
        }
        match r.state {
            CaseState::Offered if r.offered_at.is_some_and(|t| t + offer <= now) => {
                let h = r.holder.clone().unwrap_or_default();
                log(app, audit::Event::TimedOut, Some(&r.code), Some(&h), now)?;
                r.tried.push(h);
                route(app, d, &mut r, now)?;
                out.timed_out += 1;
            }
            CaseState::Waiting => {
                let candidate = names.iter().any(|n| !r.tried.iter().any(|t| t.eq_ignore_ascii_case(n)));
                if candidate {
                    route(app, d, &mut r, now)?;
                    if r.state == CaseState::Offered {
                        out.rerouted += 1;
                    }
                }
            }
            CaseState::Accepted | CaseState::Closed if r.accepted_at.is_some_and(|t| t + keep <= now) => {
                app.store(|st| st.service_remove(TREE_REFERRALS, &case_key(st, &r.code)))?;
                out.expired += 1;
            }
            _ => {}
        }
    }
    app.store(|st| st.flush())?;
    Ok(out)
}

/// What an attorney can ask of the case desk, typed or by button. The one place where the
/// commands and the buttons' callback data are read and written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskCommand {
    /// `/cases`: the cases they hold.
    Cases,
    /// `/case CODE`: send the case again.
    Case(String),
    /// `/accept CODE` or the Accept button.
    Accept(String),
    /// `/decline CODE` or the Decline button.
    Decline(String),
    /// `/close CODE`: the matter ended.
    Close(String),
    /// Anything else: the list of commands.
    Help,
}

impl DeskCommand {
    /// A typed command (`/accept@bot CODE` -> ("accept", "CODE")).
    pub fn parse(cmd: &str, arg: &str) -> DeskCommand {
        let code = arg.trim().to_uppercase();
        match cmd {
            "cases" => DeskCommand::Cases,
            "case" => DeskCommand::Case(code),
            "accept" => DeskCommand::Accept(code),
            "decline" => DeskCommand::Decline(code),
            "close" => DeskCommand::Close(code),
            _ => DeskCommand::Help,
        }
    }

    /// A button's callback data; `None` for data that is not the desk's.
    pub fn from_button(data: &str) -> Option<DeskCommand> {
        let code = |c: String| c.trim().to_uppercase();
        match Callback::decode(data) {
            Callback::Accept(c) => Some(DeskCommand::Accept(code(c))),
            Callback::Decline(c) => Some(DeskCommand::Decline(code(c))),
            _ => None,
        }
    }

    /// The callback data of this command's button (Accept and Decline have one).
    pub fn button_data(&self) -> Option<String> {
        match self {
            DeskCommand::Accept(c) => Some(Callback::Accept(c.clone()).encode()),
            DeskCommand::Decline(c) => Some(Callback::Decline(c.clone()).encode()),
            DeskCommand::Cases | DeskCommand::Case(_) | DeskCommand::Close(_) | DeskCommand::Help => None,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            DeskCommand::Cases => "cases",
            DeskCommand::Case(_) => "case",
            DeskCommand::Accept(_) => "accept",
            DeskCommand::Decline(_) => "decline",
            DeskCommand::Close(_) => "close",
            DeskCommand::Help => "help",
        }
    }
}

const COMMANDS: &str = "Commands: /cases, /case CODE, /accept CODE, /decline CODE, /close CODE.";

/// An attorney's command. Returns the reply text. Every (command, case state) pair has an answer
/// here; a case the attorney does not hold (never offered to them, moved on, or someone else's)
/// is answered the same way whatever its state, so nothing about other attorneys' cases leaks.
pub fn command(app: &App, a: &Attorney, cmd: &DeskCommand, now: Timestamp) -> Result<String, DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let held = |r: &Referral| r.holder.as_deref().is_some_and(|h| h.eq_ignore_ascii_case(&a.name));
    let code = match cmd {
        DeskCommand::Help => return Ok(COMMANDS.to_string()),
        DeskCommand::Cases => {
            let mine: Vec<Referral> = all_referrals(app)?
                .into_iter()
                .filter(|r| held(r) && matches!(r.state, CaseState::Offered | CaseState::Accepted))
                .collect();
            if mine.is_empty() {
                return Ok("You hold no cases right now.".to_string());
            }
            let mut t = String::from("Your cases:\n");
            for r in mine {
                let state = if r.state == CaseState::Offered { "offered, waiting for your answer" } else { "accepted" };
                t.push_str(&format!("{} · {} · {state}\n", r.code, r.jurisdictions.join(", ")));
            }
            t.push_str("Commands: /cases, /case CODE (send again), /accept CODE, /decline CODE, /close CODE.");
            return Ok(t);
        }
        DeskCommand::Case(c) | DeskCommand::Accept(c) | DeskCommand::Decline(c) | DeskCommand::Close(c) => c.clone(),
    };
    if code.is_empty() {
        return Ok(format!("Please add the case code: /{} CODE", cmd.name()));
    }
    let not_held = || format!("There is no case {code} that you hold.");
    let Some(mut r) = load(app, &code)? else { return Ok(not_held()) };
    // A waiting case has no holder; this is only belt and braces.
    if !held(&r) || r.state == CaseState::Waiting {
        return Ok(not_held());
    }
    let reply = match (cmd, r.state) {
        (_, CaseState::Waiting) => not_held(),
        (DeskCommand::Case(_), CaseState::Offered | CaseState::Accepted) => {
            let intake = intake_of(app, &r)?;
            to_chat(app, a.chat, delivery(app, d, &r, a, intake.as_ref(), now), now)?;
            format!("Case {code} sent again.")
        }
        (DeskCommand::Accept(_), CaseState::Offered) => {
            r.state = CaseState::Accepted;
            r.accepted_at = Some(now);
            save(app, &r)?;
            log(app, audit::Event::Accepted, Some(&code), Some(&a.name), now)?;
            accepted(app, &r, now)?;
            format!("You accepted case {code}. The server now keeps only the sealed copy, and deletes it {} days from today. When the matter ends, send /close {code}.", app.retention.delivered_days)
        }
        (DeskCommand::Accept(_), CaseState::Accepted) => format!("You already accepted case {code}."),
        (DeskCommand::Decline(_), CaseState::Offered) => {
            log(app, audit::Event::Declined, Some(&code), Some(&a.name), now)?;
            r.tried.push(a.name.clone());
            route(app, d, &mut r, now)?;
            format!("You declined case {code}; it goes to the next attorney. Please delete the file you received.")
        }
        (DeskCommand::Decline(_), CaseState::Accepted) => {
            format!("Case {code} is already accepted; send /close {code} when the matter ends.")
        }
        (DeskCommand::Close(_), CaseState::Accepted) => {
            r.state = CaseState::Closed;
            r.closed_at = Some(now);
            r.sealed = None;
            save(app, &r)?;
            log(app, audit::Event::Closed, Some(&code), Some(&a.name), now)?;
            format!("Case {code} is closed; the server's sealed copy is deleted.")
        }
        (DeskCommand::Close(_), CaseState::Offered) => format!("Accept case {code} before closing it."),
        (DeskCommand::Close(_), CaseState::Closed) => format!("Case {code} is already closed."),
        // Closed: the server keeps no file and nothing can change any more.
        (DeskCommand::Case(_) | DeskCommand::Accept(_) | DeskCommand::Decline(_), CaseState::Closed) => {
            format!("Case {code} is closed; the server no longer keeps its file.")
        }
        (DeskCommand::Cases | DeskCommand::Help, _) => COMMANDS.to_string(),
    };
    app.store(|st| st.flush())?;
    Ok(reply)
}

/// After acceptance: the survivor gets one neutral message if they chose this chat, and the
/// readable intake is deleted (only the sealed copy remains, until retention ends).
fn accepted(app: &App, r: &Referral, now: Timestamp) -> Result<(), DeskError> {
    close_intake(app, r, "notify-accepted", now)
}

/// The case's readable intake is deleted; first, the survivor who chose this chat as a safe way
/// to be contacted gets the message `notify` (protected, in their language).
fn close_intake(app: &App, r: &Referral, notify: &str, now: Timestamp) -> Result<(), DeskError> {
    let Some(who) = Subject::from_hex(&r.subject) else { return Ok(()) };
    let Some(intake) = app.store(|st| st.load_intake(&who, &r.code))? else { return Ok(()) };
    if let Some(chat) = intake.contact_chat.as_deref().and_then(|c| c.parse::<i64>().ok()) {
        let text = app.locales().format(&intake.locale, notify, &[]);
        let Some(d) = app.desk.as_ref() else { return Ok(()) };
        let entries = d.outbound.entries(chat, now, vec![Message::text(text, true)]);
        app.store(|st| st.enqueue(&who, &entries))?;
    }
    app.store(|st| st.remove_intake(&who, &r.code))?;
    Ok(())
}

/// A case nobody accepted within the waiting period: the readable intake and the case are
/// deleted; the survivor, if they chose this chat, is told in a neutral message with the help
/// lines; an attorney it was offered to is asked to delete their copy; the administrators are
/// told; the audit log records it.
fn not_taken(app: &App, r: &Referral, now: Timestamp) -> Result<(), DeskError> {
    close_intake(app, r, "notify-not-taken", now)?;
    app.store(|st| st.service_remove(TREE_REFERRALS, &case_key(st, &r.code)))?;
    log(app, audit::Event::NotTaken, Some(&r.code), r.holder.as_deref(), now)?;
    if let (Some(h), CaseState::Offered) = (&r.holder, r.state) {
        if let Some(a) = roster(app)?.into_iter().find(|a| &a.name == h) {
            let text = format!("Case {} was not accepted in time and is deleted. Please delete your copy.", r.code);
            to_chat(app, a.chat, vec![Message::text(text, false)], now)?;
        }
    }
    alert_admins(
        app,
        &format!("Case {} was deleted: no attorney accepted it within {} days.", r.code, app.retention.waiting_days),
        now,
    );
    Ok(())
}

/// A survivor erased their data: their cases are withdrawn.
pub fn forget(app: &App, who: &Subject, now: Timestamp) -> Result<(), DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let hex = who.to_hex();
    let all = all_referrals(app)?;
    for r in all.into_iter().filter(|r| r.subject == hex) {
        withdraw(app, &r, now)?;
    }
    Ok(())
}

const INVITE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

fn normalise_code(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_uppercase()
}

/// Creates a one-time enrolment code; returns it (formatted XXXX-XXXX-XXXX) and its expiry.
pub fn invite(
    app: &App,
    name: &str,
    jurisdictions: Vec<String>,
    recipient: &str,
    language: &str,
    hours: i64,
    now: Timestamp,
) -> Result<(String, Timestamp), DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let probe = Attorney {
        name: name.trim().to_string(),
        chat: 0,
        recipient: recipient.trim().to_string(),
        jurisdictions: jurisdictions.iter().map(|j| j.trim().to_uppercase()).collect(),
        language: language.to_string(),
        default: false,
    };
    probe.validate().map_err(DeskError::Invalid)?;
    if roster(app)?.iter().any(|a| a.name.eq_ignore_ascii_case(&probe.name)) {
        return Err(DeskError::Invalid(format!("an attorney named \"{}\" already has access", probe.name)));
    }
    let records: Vec<AttorneyRecord> =
        app.store(|st| st.service_all(TREE_ATTORNEYS))?.into_iter().map(|(_, r)| r).collect();
    if records.iter().any(|r| r.revoked_at.is_some() && r.attorney.recipient == probe.recipient) {
        return Err(DeskError::Invalid(
            "this key belongs to an attorney whose access was revoked: ask them to make a new one (clearpath attorney keygen)"
                .into(),
        ));
    }
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..12)
        .map(|_| INVITE_ALPHABET.get(rng.gen_range(0..INVITE_ALPHABET.len())).copied().unwrap_or(b'2') as char)
        .collect();
    let shown = format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..]);
    let expires_at = now + SignedDuration::from_hours(hours);
    let inv = Invite {
        name: probe.name.clone(),
        recipient: probe.recipient,
        jurisdictions: probe.jurisdictions,
        language: probe.language,
        expires_at,
    };
    app.store(|st| {
        st.service_put(TREE_INVITES, &st.service_id("invite", &raw), &inv)?;
        audit::append(st, audit::Event::Invited, None, Some(&inv.name), now)?;
        st.flush()
    })?;
    Ok((shown, expires_at))
}

/// `/enroll CODE` from a chat: with a valid, unexpired code, that chat becomes the attorney's.
/// `None` for any other code (the caller answers as for an unknown command).
pub fn enroll(app: &App, code: &str, chat: i64, now: Timestamp) -> Result<Option<Attorney>, DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let raw = normalise_code(code);
    if raw.len() != 12 {
        return Ok(None);
    }
    let key = app.store(|st| Ok(st.service_id("invite", &raw)))?;
    let Some(inv) = app.store(|st| st.service_get::<Invite>(TREE_INVITES, &key))? else { return Ok(None) };
    // One use only, expired or not.
    app.store(|st| st.service_remove(TREE_INVITES, &key))?;
    if inv.expires_at <= now {
        app.store(|st| st.flush())?;
        return Ok(None);
    }
    let a = Attorney {
        name: inv.name,
        chat,
        recipient: inv.recipient,
        jurisdictions: inv.jurisdictions,
        language: inv.language,
        default: false,
    };
    let rec = AttorneyRecord { attorney: a.clone(), enrolled_at: now, revoked_at: None };
    app.store(|st| {
        st.service_put(TREE_ATTORNEYS, &attorney_key(st, &a), &rec)?;
        audit::append(st, audit::Event::Enrolled, None, Some(&a.name), now)?;
        st.flush()
    })?;
    refresh_roster(d);
    Ok(Some(a))
}

/// Ends an attorney's access at once; cases offered to them move on. Returns how many moved.
pub fn revoke(app: &App, name: &str, now: Timestamp) -> Result<usize, DeskError> {
    let d = desk(app)?;
    let _g = guard(d);
    let Some(a) = roster(app)?.into_iter().find(|a| a.name.eq_ignore_ascii_case(name.trim())) else {
        return Err(DeskError::Invalid(format!("no attorney named \"{}\" has access", name.trim())));
    };
    let rec = AttorneyRecord { attorney: a.clone(), enrolled_at: now, revoked_at: Some(now) };
    // Nothing queued for them leaves any more (a triage message, a case file): dropped with the
    // revocation itself.
    let chat = outbound::subject(app, d.outbound.as_ref(), a.chat)?;
    app.store(|st| {
        st.service_put(TREE_ATTORNEYS, &attorney_key(st, &a), &rec)?;
        st.commit(&chat, crate::store::Change { discard_unsent: true, ..Default::default() })?;
        audit::append(st, audit::Event::Revoked, None, Some(&a.name), now)
    })?;
    refresh_roster(d);
    let all = all_referrals(app)?;
    let names: Vec<String> = roster(app)?.into_iter().map(|a| a.name).collect();
    let mut moved = 0;
    for mut r in all {
        // Every offer whose holder has no access now moves on (the revoked attorney's, and any
        // other that the revocation covers, such as one enrolled with the same key).
        let without_access = r.holder.as_deref().is_some_and(|h| !names.iter().any(|n| n.eq_ignore_ascii_case(h)));
        if r.state == CaseState::Offered && without_access {
            // Not counted as tried: they are out of the roster now, and if an administrator adds
            // them again with a new key, the case may go to them.
            route(app, d, &mut r, now)?;
            moved += 1;
        }
    }
    app.store(|st| st.flush())?;
    crate::audit::publish_head(app, "after a revocation", now);
    Ok(moved)
}

/// At start-up: configured attorneys whose access was revoked are left out (the roster does
/// that), and the administrators are told, so that the file can be corrected. Never a refusal to
/// start: survivors must still be served. Returns their names.
pub fn revoked_in_config(app: &App, now: Timestamp) -> Result<Vec<String>, DeskError> {
    let d = desk(app)?;
    let records: Vec<AttorneyRecord> =
        app.store(|st| st.service_all(TREE_ATTORNEYS))?.into_iter().map(|(_, r)| r).collect();
    let names: Vec<String> = d
        .attorneys
        .iter()
        .filter(|a| records.iter().any(|r| revoked_covers(r, a, None)))
        .map(|a| a.name.clone())
        .collect();
    for name in &names {
        tracing::warn!("an attorney named in the settings was revoked and receives nothing");
        alert_admins(
            app,
            &format!(
                "The settings name attorney {name}, whose access was revoked: they receive nothing. Remove them from the settings, or invite them again with a new key."
            ),
            now,
        );
    }
    if !names.is_empty() {
        app.store(|st| st.flush())?;
    }
    Ok(names)
}

/// The cases as an administrator sees them (no personal data).
pub fn list(app: &App) -> Result<Vec<Referral>, DeskError> {
    let mut all = all_referrals(app)?;
    all.sort_by_key(|r| r.created_at);
    Ok(all)
}

pub fn describe_list(all: &[Referral]) -> String {
    if all.is_empty() {
        return "no cases".into();
    }
    all.iter()
        .map(|r| {
            format!(
                "{} {:<9} {:<20} jurisdictions {} declined/lapsed: {}",
                r.code,
                format!("{:?}", r.state).to_lowercase(),
                r.holder.clone().unwrap_or_else(|| "-".into()),
                if r.jurisdictions.is_empty() { "?".to_string() } else { r.jurisdictions.join(",") },
                r.tried.len()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests;
