//! `flows impact NEW`: before a flow edit goes live, what it would do to the conversations in
//! progress. Each stored conversation is read (through the running bot's control socket, or from
//! the stopped store), and the edit is compared with the version it runs on: where everything it
//! passed and the question it is on are alike, it goes on in the new version; otherwise it finishes
//! on the version it began. Only counts and step ids are printed: never a conversation.

use crate::app::App;
use crate::engine::Fate;
use std::collections::BTreeMap;
use std::path::Path;

pub fn impact(app: &App, new: &Path) -> Result<String, String> {
    let (path, text) = if new.is_file() {
        (new.to_path_buf(), std::fs::read_to_string(new).map_err(|e| format!("reading {}: {e}", new.display()))?)
    } else {
        let p = new.join("intake.toml");
        let t = std::fs::read_to_string(&p).map_err(|e| format!("reading {}: {e}", p.display()))?;
        (p, t)
    };
    let (flow, diags) = crate::flow::load_str(&path, &text);
    if crate::diag::has_errors(&diags) {
        return Err(format!("{} has errors: run `clearpath check` first", path.display()));
    }
    let content = app.content();
    let subjects = app.store(|st| st.subjects()).map_err(|e| format!("{e:#}"))?;
    let (mut untouched, mut moves, mut unreadable) = (0usize, 0usize, 0usize);
    let mut altered: BTreeMap<String, usize> = BTreeMap::new();
    let mut removed: BTreeMap<String, usize> = BTreeMap::new();
    for who in subjects {
        let session = match app.store(|st| st.load_session(&who)) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(_) => {
                unreadable += 1;
                continue;
            }
        };
        let on = app.flow_for(&session, &content);
        match crate::engine::fate(&on, &flow, &session) {
            Fate::Untouched => untouched += 1,
            Fate::MovesOn => moves += 1,
            Fate::Finishes { at, removed: true } => *removed.entry(at).or_default() += 1,
            Fate::Finishes { at, removed: false } => *altered.entry(at).or_default() += 1,
        }
    }
    let list = |m: &BTreeMap<String, usize>| m.iter().map(|(s, n)| format!("{s}: {n}")).collect::<Vec<_>>().join(", ");
    let n_alt: usize = altered.values().sum();
    let n_rem: usize = removed.values().sum();
    let mut out =
        format!("flows impact of {} (flow {}; in force now {}):\n", path.display(), flow.hash, content.flow.hash);
    out.push_str(&format!("  {} conversation(s) in progress\n", moves + n_alt + n_rem));
    out.push_str(&format!(
        "  {moves} go on in the new version (everything they passed and their question are alike)\n"
    ));
    out.push_str(&format!(
        "  {n_alt} stand at or passed a step the new version alters{}: they finish on the version they began\n",
        if altered.is_empty() { String::new() } else { format!(" (standing at {})", list(&altered)) }
    ));
    out.push_str(&format!(
        "  {n_rem} stand at a step the new version removes{}: they finish on the version they began\n",
        if removed.is_empty() { String::new() } else { format!(" ({})", list(&removed)) }
    ));
    out.push_str(&format!("  {untouched} not begun or already sent: not affected\n"));
    if unreadable > 0 {
        out.push_str(&format!("  {unreadable} could not be read (the log says why)\n"));
    }
    Ok(out.trim_end().to_string())
}
