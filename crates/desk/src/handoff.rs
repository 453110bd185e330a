//! The sealed referral: the attorney summary and a JSON of the answers, encrypted with `age` to
//! the attorney's public key, so that stock `age -d -i key.txt` opens it and nothing the server
//! holds does. The attorney's private key is made on their own computer
//! (`clearpath attorney keygen`) and never touches the server.

use crate::app::App;
use crate::rules::Rules;
use crate::store::{Intake, Subject};
use age::secrecy::ExposeSecret;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Where sealed cases go and for whom they are sealed.
pub struct Handoff {
    pub rules: Rules,
    pub recipient: age::x25519::Recipient,
    /// Directory for sealed case files (the terminal mode's `outbox/`).
    pub outbox: PathBuf,
    /// The attorney's language for the summary.
    pub lang: String,
}

#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    #[error("\"{0}\" is not an age recipient (age1...)")]
    Recipient(String),
    #[error("the identity file does not hold an age identity (AGE-SECRET-KEY-1...)")]
    Identity,
    #[error("this case file does not open with that identity")]
    Decrypt,
    #[error("sealing failed")]
    Encrypt,
    #[error("file error")]
    Io(#[from] std::io::Error),
}

pub fn recipient(s: &str) -> Result<age::x25519::Recipient, HandoffError> {
    age::x25519::Recipient::from_str(s.trim()).map_err(|_| HandoffError::Recipient(s.trim().to_string()))
}

/// A new identity, in the format of `age-keygen` (so stock `age -d -i` reads it), and its
/// recipient.
pub fn keygen() -> (age::secrecy::SecretString, String) {
    let id = age::x25519::Identity::generate();
    let public = id.to_public().to_string();
    let text = format!(
        "# created: {}\n# public key: {public}\n{}\n",
        jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        id.to_string().expose_secret()
    );
    (age::secrecy::SecretString::from(text), public)
}

/// Reads an identity file (comments and blank lines allowed).
pub fn read_identity(path: &Path) -> Result<age::x25519::Identity, HandoffError> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .and_then(|l| age::x25519::Identity::from_str(l).ok())
        .ok_or(HandoffError::Identity)
}

/// Seals the referral.
pub fn seal(recipient: &age::x25519::Recipient, plaintext: &[u8]) -> Result<Vec<u8>, HandoffError> {
    age::encrypt(recipient, plaintext).map_err(|_| HandoffError::Encrypt)
}

/// Seals the referral as ASCII-armored age (what stock `age -d` reads as well), so it travels as
/// text in records and messages.
pub fn seal_armored(recipient: &age::x25519::Recipient, plaintext: &[u8]) -> Result<String, HandoffError> {
    use std::io::Write;
    let enc = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(|_| HandoffError::Encrypt)?;
    let mut out = Vec::new();
    let armor = age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
        .map_err(|_| HandoffError::Encrypt)?;
    let mut w = enc.wrap_output(armor).map_err(|_| HandoffError::Encrypt)?;
    w.write_all(plaintext)?;
    w.finish().and_then(|a| a.finish()).map_err(|_| HandoffError::Encrypt)?;
    String::from_utf8(out).map_err(|_| HandoffError::Encrypt)
}

/// Opens a sealed case, binary or armored.
pub fn open(identity: &age::x25519::Identity, sealed: &[u8]) -> Result<Vec<u8>, HandoffError> {
    use std::io::Read;
    let reader = age::armor::ArmoredReader::new(sealed);
    let dec = age::Decryptor::new(reader).map_err(|_| HandoffError::Decrypt)?;
    let mut r = dec.decrypt(std::iter::once(identity as &dyn age::Identity)).map_err(|_| HandoffError::Decrypt)?;
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|_| HandoffError::Decrypt)?;
    Ok(out)
}

/// The referral document: the summary, then the answers as JSON for case-management import.
pub fn document(app: &App, rules: &Rules, lang: &str, intake: &Intake, date: jiff::civil::Date) -> String {
    let flow = app.flow_of(&intake.flow_hash);
    let (md, screening) = crate::rules::summary::markdown(&flow, &app.locales(), rules, intake, date, lang);
    let facts = crate::rules::intake::facts(&flow, &intake.answers);
    let answers: serde_json::Map<String, serde_json::Value> = intake
        .answers
        .iter()
        // What the survivor chose not to say is not passed on, even as a state.
        .filter(|(_, a)| !matches!(a, crate::engine::answer::Answer::PreferNot))
        .map(|(k, a)| (k.clone(), serde_json::to_value(a).unwrap_or_default()))
        .collect();
    // Sent early: the questions not reached, by answer key (never among the answers, and never
    // a state of one).
    let not_reached: Vec<String> = intake.not_reached(&flow).iter().map(|p| p.key()).collect();
    let json = serde_json::json!({
        "case": intake.code,
        "submitted_at": intake.submitted_at.to_string(),
        "sent_early": intake.early,
        "not_reached": not_reached,
        "addenda": intake.addenda.iter().map(|a| serde_json::json!({ "n": a.n, "at": a.at.to_string(), "answers": a.keys })).collect::<Vec<_>>(),
        "intake_language": intake.locale,
        "flow": intake.flow_id,
        "screening_date": screening.date.to_string(),
        "rules_version": screening.rules_version,
        "facts": facts,
        "answers": answers,
        "outcomes": screening.cases.iter().map(|c| serde_json::json!({
            "overall": c.overall,
            "routes": c.routes.iter().map(|r| serde_json::json!({ "route": r.route, "citation": r.citation, "outcome": r.outcome })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    format!(
        "{md}\n## Answers for import\n\n```json\n{}\n```\n",
        serde_json::to_string_pretty(&json).unwrap_or_default()
    )
}

/// An addendum: what the survivor told after sending early (new or changed answers), then the
/// whole referral as now known, screened again on everything told.
pub fn addendum_document(
    app: &App,
    rules: &Rules,
    lang: &str,
    intake: &Intake,
    note: &crate::intake::Addendum,
    date: jiff::civil::Date,
) -> String {
    let flow = app.flow_of(&intake.flow_hash);
    let added = crate::rules::summary::answers_markdown(&flow, &app.locales(), intake, &note.keys, lang);
    format!(
        "# Addendum {} to case {}\n\nThe person sent this case early and has told more ({}). New or changed answers:\n\n{added}\nThe whole case as now known follows; its screening is run again on everything told.\n\n{}",
        note.n,
        intake.code,
        note.at.strftime("%Y-%m-%d"),
        document(app, rules, lang, intake, date)
    )
}

/// Terminal mode: seals a just-submitted intake into `outbox/case-<code>.md.age`.
/// A later send of a case sent early writes its addendum beside it instead,
/// `outbox/case-<code>-addendum-<n>.md.age`.
pub fn write_to_outbox(app: &App, h: &Handoff, who: &Subject, code: &str) -> anyhow::Result<PathBuf> {
    let mut intake =
        app.store(|s| s.load_intake(who, code))?.ok_or_else(|| anyhow::anyhow!("case {code} is not stored"))?;
    let date = jiff::Zoned::now().date();
    let pending: Vec<crate::intake::Addendum> = intake.addenda.iter().filter(|a| !a.delivered).cloned().collect();
    std::fs::create_dir_all(&h.outbox)?;
    crate::store::restrict_dir(&h.outbox)?;
    if pending.is_empty() {
        let doc = document(app, &h.rules, &h.lang, &intake, date);
        let path = h.outbox.join(format!("case-{code}.md.age"));
        crate::store::write_private(&path, &seal(&h.recipient, doc.as_bytes())?)?;
        return Ok(path);
    }
    let mut last = h.outbox.join(format!("case-{code}.md.age"));
    for note in &pending {
        let doc = addendum_document(app, &h.rules, &h.lang, &intake, note, date);
        last = h.outbox.join(format!("case-{code}-addendum-{}.md.age", note.n));
        crate::store::write_private(&last, &seal(&h.recipient, doc.as_bytes())?)?;
    }
    for a in &mut intake.addenda {
        a.delivered = true;
    }
    app.store(|s| s.save_intake(who, &intake))?;
    Ok(last)
}
