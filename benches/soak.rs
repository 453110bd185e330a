//! Soak run: the real bot (`clearpath serve`, release build) against the Bot API double on
//! 127.0.0.1 for a long while, with faults, counting what a survivor or an attorney would notice.
//!
//! Simulated people, each one input at a time with a think time (150-600 ms) after the bot's
//! answer: survivors who do a full intake (a case), survivors who go part of the way with
//! `/back`, `/start` (resume), `/exit` or just stop, and one attorney (jurisdictions `["*"]`) who
//! presses Accept on every case offered. Each intake uses a new chat. Meanwhile the bot is killed
//! with SIGKILL every 2-6 s and restarted at once on the same data directory; sendMessage,
//! editMessageText, deleteMessages and sendDocument get bursts of 429 (retry_after 1-3 s), 500 and
//! 502; and the double forgets confirmations (`reoffer_last`), offering old updates again.
//!
//! Reported: updates sent by the simulated people; answers lost (an input with no answer at all,
//! ever) and late (answered after 60 s); questions delivered twice as a new message to a survivor,
//! apart by whether a kill came between the input and the second copy; cases (each completed
//! intake should reach the attorney as exactly one `case-XXXX.md.age`); the longest wait for an
//! answer; restarts. The run's directory (bot log with a marker line at each kill, data) is kept
//! in `target/soak`.
//!
//!     cargo bench --bench soak                    # 10 minutes
//!     cargo bench --bench soak -- --minutes 2     # a short run
//!     cargo bench --bench soak -- --survivors 30 --seed 7
//!
//! What counts as a duplicate: a button press normally rewrites the answered question in place
//! (editMessageText) into the next one, and a typed answer deletes the old messages and sends the
//! next question as a new message. A question that reaches the chat as a new message when it had
//! already reached it once (new or rewritten in place) for the same input is a duplicate; a
//! rewrite repeated with the same content is refused by Telegram ("not modified") and shows
//! nothing twice, so it is not one.

#[path = "../tests/it/botapi.rs"]
mod botapi;

use botapi::{Double, Msg};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ATTORNEY: i64 = 990_000_001;
/// After this long without an answer an input counts as unanswered, and its survivor moves on.
const REPLY_TIMEOUT: Duration = Duration::from_secs(60);
/// The longest the run waits after its end for answers and case files still on their way.
const DRAIN: Duration = Duration::from_secs(120);

#[derive(Clone, Copy)]
enum Step {
    /// Press the button whose data ends with `:id`.
    P(&'static str),
    /// Type a text ("{c}" becomes the chat id, so that a case file can be traced to its chat).
    T(&'static str),
    /// Tick these options of a multiple-choice question, then press Done.
    M(&'static [&'static str]),
}
use Step::{M, P, T};

/// tests/it/cli.rs `FULL_INTAKE`, as a person does it in Telegram.
const FULL: &[Step] = &[
    T("/start"),
    P("en"),
    P("safe"),
    P("only_me"),
    P("agree"),
    P("no_code"),
    T("Soak-{c}-name"),
    P("what_happened"),
    P("yes"),
    T("New York"),
    T("Soak-{c}-county"),
    P("prostitution"),
    T("Soak-{c}-charge"),
    P("conviction"),
    T("/skip"),
    P("misdemeanor"),
    T("around 2014"),
    T("2015"),
    P("yes"),
    P("yes"),
    M(&["none"]),
    T("20"),
    T("/skip"),
    P("no"),
    P("no"),
    P("no"),
    T("2017"),
    P("no"),
    P("no"),
    M(&["none"]),
    P("citizen"),
    P("no"),
    P("yes"),
    M(&["this_chat"]),
    T("Soak-{c}-time"),
    P("submit"),
];

/// Part of the way, back and forth, pausing and resuming.
const PAUSING: &[Step] = &[
    T("/start"),
    P("en"),
    P("safe"),
    P("only_me"),
    P("agree"),
    T("/start"),
    P("resume"),
    T("/back"),
    P("agree"),
    P("no_code"),
    T("Soak-{c}-name"),
    P("what_happened"),
    P("yes"),
    T("New York"),
    T("/back"),
    T("New York"),
    T("/exit"),
    T("/start"),
    P("resume"),
    T("/exit"),
];

/// Part of the way, then gone without a word.
const LEAVING: &[Step] = &[
    T("/start"),
    P("en"),
    P("safe"),
    P("only_me"),
    P("agree"),
    P("no_code"),
    T("Soak-{c}-name"),
    T("/back"),
    T("Soak-{c}-name"),
    P("what_happened"),
    P("yes"),
    T("New York"),
];

/// A tiny deterministic generator, so that a run can be repeated.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
    fn ms(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_millis(lo + self.below(hi - lo + 1))
    }
}

/// What answers an input.
#[derive(Clone, PartialEq, Debug)]
enum Expect {
    /// A question other than the one answered (a new message or the old one rewritten).
    Question,
    /// A message without buttons starting with this text.
    Text(&'static str),
    /// The tick shown on the question's button.
    Tick { mid: i64, data: String },
    /// The attorney's confirmation.
    Accepted(String),
}

struct Wait {
    pushed: Instant,
    expect: Expect,
    /// The chat's latest change when the input was pushed: what comes after may answer it.
    seq0: u64,
}

#[derive(Clone)]
struct Screen {
    mid: i64,
    buttons: Vec<(String, String)>,
    q: String,
}

struct Survivor {
    chat: i64,
    script: &'static [Step],
    pos: usize,
    tick: usize,
    screen: Option<Screen>,
    wait: Option<Wait>,
}

/// One input of a chat: the kills so far when it was pushed, the question it answered and the
/// question that answered it.
struct InputRec {
    kills: u64,
    s: Option<String>,
    r: Option<String>,
    /// The message that answered it.
    rid: Option<i64>,
}

#[derive(Default)]
struct ChatRec {
    inputs: Vec<InputRec>,
    /// Message ids seen with buttons: a question with a new id is a new message.
    ids: HashSet<i64>,
    /// The survivor who is using this chat now.
    owner: Option<usize>,
}

#[derive(Default)]
struct Stats {
    updates: u64,
    answered: u64,
    /// Inputs given up on: (chat, what was awaited, the chat's latest change then, a description).
    timed_out: Vec<(i64, Expect, u64, String)>,
    waits: Vec<Duration>,
    dup_after_kill: u64,
    dup_no_kill: u64,
    /// Duplicates: (chat, the first copy's message, the second's, the question).
    dups: Vec<(i64, i64, i64, String)>,
    unexpected: u64,
    derailed: u64,
    triage_dup_after_kill: u64,
    triage_dup_no_kill: u64,
    restarts: u64,
    bursts: u64,
    reoffers: u64,
    full_started: u64,
    partial_started: u64,
    completed: Vec<i64>,
    accepted: u64,
    notes: u64,
}

impl Stats {
    /// A line for the report's list of oddities (the first 40 are printed).
    fn note(&mut self, s: String) {
        self.notes += 1;
        if self.notes <= 40 {
            println!("  note: {s}");
        }
    }
}

/// The question a keyboard asks: its callback data, without the Exit button.
fn ident(buttons: &[(String, String)]) -> String {
    buttons.iter().filter(|b| b.1 != "x").map(|b| b.1.as_str()).collect::<Vec<_>>().join("|")
}

fn with_chat<R>(d: &Double, chat: i64, f: impl FnOnce(&[Msg]) -> R) -> R {
    let s = d.state.0.lock().unwrap();
    f(s.chats.get(&chat).map(Vec::as_slice).unwrap_or(&[]))
}

fn chat_seq(d: &Double, chat: i64) -> u64 {
    with_chat(d, chat, |m| m.iter().map(|m| m.seq).max().unwrap_or(0))
}

/// Whether what `w` waits for has arrived.
fn arrived(d: &Double, chat: i64, w: &Wait) -> bool {
    with_chat(d, chat, |msgs| match &w.expect {
        Expect::Question => false,
        Expect::Text(prefix) => msgs.iter().rev().any(|m| m.from_bot && m.seq > w.seq0 && m.text.starts_with(prefix)),
        Expect::Tick { mid, data } => {
            msgs.iter().rev().any(|m| m.id == *mid && m.buttons.iter().any(|b| b.1 == *data && b.0.starts_with('☑')))
        }
        Expect::Accepted(code) => {
            let said = format!("accepted case {code}");
            msgs.iter().rev().any(|m| m.from_bot && m.seq > w.seq0 && m.text.contains(&said))
        }
    })
}

struct Bot {
    child: Child,
    dir: PathBuf,
    url: String,
}

impl Bot {
    fn spawn(dir: &Path, url: &str) -> Bot {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("bot.log")).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_clearpath"))
            .arg("serve")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("TELOXIDE_TOKEN", "1:soak")
            .env("TELOXIDE_API_URL", url)
            .env("CLEARPATH_CONFIG", dir.join("clearpath.toml"))
            .env("CLEARPATH_MASTER_KEY_FILE", dir.join("master.key"))
            .env("CLEARPATH_LOG", std::env::var("SOAK_BOT_FILTER").unwrap_or_else(|_| "info".into()))
            .env_remove("CLEARPATH_MASTER_KEY")
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        Bot { child, dir: dir.to_path_buf(), url: url.to_string() }
    }

    fn mark(&self, line: &str) {
        let mut f = std::fs::OpenOptions::new().append(true).open(self.dir.join("bot.log")).unwrap();
        writeln!(f, "=== soak: {line} ===").unwrap();
    }

    /// SIGKILL, reaped, and a new process on the same data directory at once.
    fn kill_and_restart(&mut self, n: u64, t: Duration) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.mark(&format!("SIGKILL #{n} at +{:.3}s", t.as_secs_f64()));
        *self = Bot::spawn(&self.dir, &self.url);
    }
}

fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A case offered to the attorney, to accept at `at`.
struct Offer {
    at: Instant,
    code: String,
    mid: i64,
    buttons: Vec<(String, String)>,
}

struct Soak {
    d: Double,
    rng: Lcg,
    started: Instant,
    kills: u64,
    last_kill: Instant,
    chats: HashMap<i64, ChatRec>,
    survivors: Vec<Survivor>,
    due: BinaryHeap<Reverse<(Instant, usize)>>,
    next_chat: i64,
    stats: Stats,
    draining: bool,
    /// The attorney: cases offered (code -> kills when first seen), accepts to make, the one in
    /// hand.
    offered: HashMap<String, u64>,
    to_accept: VecDeque<Offer>,
    accepting: Option<Wait>,
}

impl Soak {
    fn t(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Starts a survivor's next intake, in a new chat.
    fn begin(&mut self, si: usize, at: Instant) {
        if self.draining {
            return;
        }
        let chat = self.next_chat;
        self.next_chat += 1;
        let script = match self.rng.below(10) {
            0..=4 => FULL,
            5..=7 => PAUSING,
            _ => LEAVING,
        };
        if script.len() == FULL.len() {
            self.stats.full_started += 1;
        } else {
            self.stats.partial_started += 1;
        }
        self.chats.entry(chat).or_default().owner = Some(si);
        self.survivors[si] = Survivor { chat, script, pos: 0, tick: 0, screen: None, wait: None };
        self.due.push(Reverse((at, si)));
    }

    /// Gives up on a survivor's chat and starts another.
    fn abandon(&mut self, si: usize, why: &str) {
        let chat = self.survivors[si].chat;
        if !why.starts_with("no answer") {
            self.stats.derailed += 1;
        }
        self.stats.note(format!("chat {chat} left at step {} ({why})", self.survivors[si].pos));
        if let Some(c) = self.chats.get_mut(&chat) {
            c.owner = None;
        }
        self.survivors[si].wait = None;
        let next = Instant::now() + self.rng.ms(150, 600);
        self.begin(si, next);
    }

    /// Pushes the survivor's next input.
    fn act(&mut self, si: usize) {
        if self.draining {
            return;
        }
        let sv = &self.survivors[si];
        let (chat, tick, step, screen) = (sv.chat, sv.tick, sv.script.get(sv.pos).copied(), sv.screen.clone());
        let Some(step) = step else {
            if let Some(c) = self.chats.get_mut(&chat) {
                c.owner = None;
            }
            self.begin(si, Instant::now());
            return;
        };
        let seq0 = chat_seq(&self.d, chat);
        // The question's buttons as they are now (ticks change them).
        let current = |d: &Double, s: &Screen| {
            with_chat(d, chat, |m| m.iter().find(|m| m.id == s.mid).map(|m| m.buttons.clone()))
                .unwrap_or_else(|| s.buttons.clone())
        };
        let find = |buttons: &[(String, String)], pre: &str, id: &str| {
            buttons.iter().find(|b| b.1.starts_with(pre) && b.1.ends_with(id)).map(|b| b.1.clone())
        };
        let expect = match step {
            T(text) => {
                self.d.send_text(chat, &text.replace("{c}", &chat.to_string()), "en");
                if text == "/exit" {
                    Expect::Text("👍")
                } else {
                    Expect::Question
                }
            }
            P(id) => {
                let Some(s) = screen.as_ref() else { return self.abandon(si, "no question on screen") };
                let Some(data) = find(&s.buttons, "c:", &format!(":{id}")) else {
                    return self.abandon(si, &format!("no button {id}"));
                };
                self.d.press_known(chat, s.mid, &s.buttons, &data);
                if id == "submit" {
                    Expect::Text("Thank you")
                } else {
                    Expect::Question
                }
            }
            M(ids) => {
                let Some(s) = screen.as_ref() else { return self.abandon(si, "no question on screen") };
                let buttons = current(&self.d, s);
                match ids.get(tick) {
                    Some(id) => {
                        let Some(data) = find(&buttons, "t:", &format!(":{id}")) else {
                            return self.abandon(si, &format!("no tick {id}"));
                        };
                        self.d.press_known(chat, s.mid, &buttons, &data);
                        Expect::Tick { mid: s.mid, data }
                    }
                    None => {
                        let Some(data) = find(&buttons, "d:", "") else { return self.abandon(si, "no Done") };
                        self.d.press_known(chat, s.mid, &buttons, &data);
                        Expect::Question
                    }
                }
            }
        };
        self.stats.updates += 1;
        let kills = self.kills;
        let rec = self.chats.entry(chat).or_default();
        rec.inputs.push(InputRec { kills, s: screen.map(|s| s.q), r: None, rid: None });
        self.survivors[si].wait = Some(Wait { pushed: Instant::now(), expect, seq0 });
    }

    /// The survivor's input was answered at `at`: move on and schedule the next.
    fn answered(&mut self, si: usize, at: Instant) {
        let sv = &mut self.survivors[si];
        let w = sv.wait.take().unwrap();
        self.stats.answered += 1;
        self.stats.waits.push(at.saturating_duration_since(w.pushed));
        if let Expect::Tick { .. } = w.expect {
            sv.tick += 1;
        } else {
            sv.pos += 1;
            sv.tick = 0;
        }
        if w.expect == Expect::Text("Thank you") {
            let chat = sv.chat;
            self.stats.completed.push(chat);
        }
        if w.expect == Expect::Text("👍") {
            sv.screen = None;
        }
        let next = at + self.rng.ms(150, 600);
        self.due.push(Reverse((next, si)));
    }

    /// A question the bot showed (sent, or rewritten in place).
    fn shown(&mut self, chat: i64, at: Instant, mid: i64, buttons: Vec<(String, String)>) {
        if chat == ATTORNEY {
            return self.offer(mid, buttons);
        }
        let q = ident(&buttons);
        let kills = self.kills;
        let rec = self.chats.entry(chat).or_default();
        let new = rec.ids.insert(mid);
        let last = rec.inputs.len().checked_sub(1);
        // The answer to the input in hand: a question other than the one it answered.
        if let (Some(si), Some(k)) = (rec.owner, last) {
            let input = &mut rec.inputs[k];
            let waiting = self.survivors[si].wait.as_ref().is_some_and(|w| w.expect == Expect::Question);
            if waiting && input.r.is_none() && input.s.as_deref() != Some(q.as_str()) {
                input.r = Some(q.clone());
                input.rid = Some(mid);
                self.survivors[si].screen = Some(Screen { mid, buttons, q });
                return self.answered(si, at);
            }
        }
        // A question that already answered one of the last inputs, again: the kills when that
        // input was pushed.
        let cause = last.and_then(|k| {
            (k.saturating_sub(8)..=k)
                .rev()
                .find(|&c| rec.inputs[c].r.as_deref() == Some(&q))
                .map(|c| (c, rec.inputs[c].kills, rec.inputs[c].rid))
        });
        match (new, cause) {
            (true, Some((c, then, first))) => {
                let after_kill = kills > then;
                self.stats.dups.push((chat, first.unwrap_or(0), mid, q.clone()));
                if after_kill {
                    self.stats.dup_after_kill += 1;
                } else {
                    self.stats.dup_no_kill += 1;
                }
                let what = if after_kill {
                    format!("{:.1} s after kill #{kills}", self.last_kill.elapsed().as_secs_f64())
                } else {
                    "WITHOUT a kill".to_string()
                };
                self.stats.note(format!(
                    "+{:.1}s chat {chat}: question {} sent again as a new message (input {c} of {}), {what}",
                    self.t(),
                    &q.split('|').next().unwrap_or("").chars().take(14).collect::<String>(),
                    last.unwrap_or(0) + 1
                ));
            }
            _ => {
                self.stats.unexpected += 1;
                self.stats.note(format!(
                    "+{:.1}s chat {chat}: unexpected question {} ({}), after input {:?}",
                    self.t(),
                    &q.chars().take(14).collect::<String>(),
                    if new { "new message" } else { "rewritten" },
                    last
                ));
            }
        }
    }

    /// A triage message in the attorney's chat: Accept it (once per case).
    fn offer(&mut self, mid: i64, buttons: Vec<(String, String)>) {
        let Some(code) = buttons.iter().find_map(|b| b.1.strip_prefix("a:")).map(str::to_string) else {
            return;
        };
        match self.offered.get(&code) {
            Some(&k) => {
                let after_kill = self.kills > k;
                if after_kill {
                    self.stats.triage_dup_after_kill += 1;
                } else {
                    self.stats.triage_dup_no_kill += 1;
                }
                self.stats.note(format!("case {code} offered again (after a kill: {after_kill})"));
            }
            None => {
                self.offered.insert(code.clone(), self.kills);
                let at = Instant::now() + self.rng.ms(200, 800);
                self.to_accept.push_back(Offer { at, code, mid, buttons });
            }
        }
    }

    fn attorney(&mut self, now: Instant) {
        if let Some(w) = &self.accepting {
            if arrived(&self.d, ATTORNEY, w) {
                self.stats.answered += 1;
                self.stats.accepted += 1;
                self.stats.waits.push(now.saturating_duration_since(w.pushed));
                self.accepting = None;
            } else if w.pushed.elapsed() > REPLY_TIMEOUT {
                let what = format!("{:?}", w.expect);
                self.stats.timed_out.push((ATTORNEY, w.expect.clone(), w.seq0, what));
                self.accepting = None;
            }
            return;
        }
        if self.to_accept.front().is_some_and(|o| o.at <= now) {
            let Offer { code, mid, buttons, .. } = self.to_accept.pop_front().unwrap();
            let seq0 = chat_seq(&self.d, ATTORNEY);
            self.d.press_known(ATTORNEY, mid, &buttons, &format!("a:{code}"));
            self.stats.updates += 1;
            self.accepting = Some(Wait { pushed: Instant::now(), expect: Expect::Accepted(code), seq0 });
        }
    }

    /// Answers without buttons (found by looking), and inputs waited on too long.
    fn poll(&mut self, now: Instant) {
        for si in 0..self.survivors.len() {
            let Some(w) = &self.survivors[si].wait else { continue };
            let chat = self.survivors[si].chat;
            if w.expect != Expect::Question && arrived(&self.d, chat, w) {
                self.answered(si, now);
            } else if w.pushed.elapsed() > REPLY_TIMEOUT {
                // When it was pushed, to find that moment in the bot's log (its kill markers).
                let pushed = w.pushed.duration_since(self.started).as_secs_f64();
                let what = format!("{:?} at step {}, pushed at +{pushed:.1}s", w.expect, self.survivors[si].pos);
                self.stats.timed_out.push((chat, w.expect.clone(), w.seq0, what));
                self.abandon(si, "no answer within 60 s");
            }
        }
        self.attorney(now);
    }

    fn idle(&self) -> bool {
        self.survivors.iter().all(|s| s.wait.is_none()) && self.accepting.is_none() && self.to_accept.is_empty()
    }
}

fn main() {
    let minutes: f64 = arg("--minutes", 10.0);
    let n: usize = arg("--survivors", 20);
    let seed: u64 = arg("--seed", 0x50a4);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/soak");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let identity = age::x25519::Identity::generate();
    std::fs::write(
        dir.join("clearpath.toml"),
        format!(
            "data_dir = {:?}\n\n[telegram]\nthrottle = false\npoll_timeout_secs = 1\n\n[[attorney]]\nname = \"Soak Attorney\"\nchat = {ATTORNEY}\nrecipient = {:?}\njurisdictions = [\"*\"]\ndefault = true\n",
            dir.join("data"),
            identity.to_public().to_string()
        ),
    )
    .unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .args(["keys", "init", dir.join("master.key").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));

    let d = Double::start();
    d.state.0.lock().unwrap().record = false;
    let events = d.watch();
    let mut bot = Bot::spawn(&dir, &d.url);
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let mut s = Soak {
        d,
        rng: Lcg(seed),
        started,
        kills: 0,
        last_kill: started,
        chats: HashMap::new(),
        survivors: Vec::new(),
        due: BinaryHeap::new(),
        next_chat: 500_000_001,
        stats: Stats::default(),
        draining: false,
        offered: HashMap::new(),
        to_accept: VecDeque::new(),
        accepting: None,
    };
    for si in 0..n {
        s.survivors.push(Survivor { chat: 0, script: FULL, pos: 0, tick: 0, screen: None, wait: None });
        let at = started + Duration::from_millis(50 * si as u64);
        s.begin(si, at);
    }
    let end = started + Duration::from_secs_f64(minutes * 60.0);
    let mut next_kill = started + s.rng.ms(2000, 6000);
    let mut next_burst = started + s.rng.ms(3000, 8000);
    let mut next_reoffer = started + s.rng.ms(3000, 8000);
    let mut next_poll = started;
    let mut next_progress = started + Duration::from_secs(60);
    let mut drained_at = None;
    println!("soak: {minutes} min, {n} survivors, seed {seed}, directory {}", dir.display());
    loop {
        let now = Instant::now();
        if now >= end && !s.draining {
            s.draining = true;
            // Faults end with the run: what is still on its way may arrive.
            let mut st = s.d.state.0.lock().unwrap();
            st.fail.clear();
        }
        if !s.draining {
            if now >= next_kill {
                s.kills += 1;
                s.stats.restarts += 1;
                bot.kill_and_restart(s.kills, started.elapsed());
                s.last_kill = Instant::now();
                next_kill = Instant::now() + s.rng.ms(2000, 6000);
            }
            if now >= next_burst {
                let method =
                    ["sendmessage", "editmessagetext", "deletemessages", "senddocument"][s.rng.below(4) as usize];
                let count = 2 + s.rng.below(7) as usize;
                let failure = match s.rng.below(3) {
                    0 => (429, Some(1 + s.rng.below(3) as u32)),
                    1 => (500, None),
                    _ => (502, None),
                };
                s.d.fail(method, &vec![failure; count]);
                s.stats.bursts += 1;
                next_burst = now + s.rng.ms(3000, 8000);
            }
            if now >= next_reoffer {
                // Not `reoffer_last`: while the bot restarts it can be more than n updates behind,
                // and that would confirm (drop) updates it never saw.
                s.d.reoffer_confirmed(5 + s.rng.below(56));
                s.stats.reoffers += 1;
                next_reoffer = now + s.rng.ms(3000, 8000);
            }
        }
        while let Some(Reverse((at, si))) = s.due.peek().copied() {
            if at > now {
                break;
            }
            s.due.pop();
            if s.survivors[si].wait.is_none() {
                s.act(si);
            }
        }
        match events.recv_timeout(Duration::from_millis(10)) {
            Ok((chat, at, mid, buttons)) => {
                s.shown(chat, at, mid, buttons);
                while let Ok((chat, at, mid, buttons)) = events.try_recv() {
                    s.shown(chat, at, mid, buttons);
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(e) => panic!("{e}"),
        }
        let now = Instant::now();
        if now >= next_poll {
            s.poll(now);
            next_poll = now + Duration::from_millis(20);
        }
        if now >= next_progress && !s.draining {
            println!(
                "  +{:.0}s: {} updates, {} answered, {} intakes completed, {} cases accepted, {} restarts",
                s.t(),
                s.stats.updates,
                s.stats.answered,
                s.stats.completed.len(),
                s.stats.accepted,
                s.stats.restarts
            );
            next_progress += Duration::from_secs(60);
        }
        if s.draining {
            // Done once nobody waits and every completed intake has its case file (then a few
            // seconds more for late copies), or at the drain's limit.
            let files = with_chat(&s.d, ATTORNEY, |m| m.iter().filter(|m| m.document.is_some()).count());
            if s.idle() && files >= s.stats.completed.len() {
                let t = *drained_at.get_or_insert(now);
                if now >= t + Duration::from_secs(5) {
                    break;
                }
            } else {
                drained_at = None;
            }
            if now >= end + DRAIN {
                println!("  the drain's limit was reached: some answers or case files were still missing");
                break;
            }
        }
    }
    let ran = started.elapsed();
    // Whatever is still waiting at the drain's limit counts as unanswered.
    for sv in &s.survivors {
        if let Some(w) = &sv.wait {
            s.stats.timed_out.push((
                sv.chat,
                w.expect.clone(),
                w.seq0,
                format!("{:?} at step {} (still waiting at the end)", w.expect, sv.pos),
            ));
        }
    }
    if let Some(w) = &s.accepting {
        let what = format!("{:?} (still waiting at the end)", w.expect);
        s.stats.timed_out.push((ATTORNEY, w.expect.clone(), w.seq0, what));
    }
    let _ = Command::new("kill").args(["-TERM", &bot.child.id().to_string()]).status();
    let _ = bot.child.wait();
    report(&s, &identity, ran, minutes);
}

fn report(s: &Soak, identity: &age::x25519::Identity, ran: Duration, minutes: f64) {
    let st = &s.stats;
    let d = &s.d;
    // Inputs given up on: late if their answer came after all (for a question: any question from
    // the bot after the input), lost otherwise.
    let (mut lost, mut late) = (0, 0);
    for (chat, expect, seq0, what) in &st.timed_out {
        let came = match expect {
            Expect::Question => {
                with_chat(d, *chat, |m| m.iter().any(|m| m.from_bot && m.seq > *seq0 && !m.buttons.is_empty()))
            }
            e => arrived(d, *chat, &Wait { pushed: Instant::now(), expect: e.clone(), seq0: *seq0 }),
        };
        if came {
            late += 1;
            println!("  late answer: chat {chat}, {what}");
        } else {
            lost += 1;
            println!("  LOST answer: chat {chat}, {what}");
        }
    }
    // Cases: every case file opened with the attorney's key and traced to its chat by its answers.
    let docs: Vec<(String, String)> = with_chat(d, ATTORNEY, |m| m.iter().filter_map(|m| m.document.clone()).collect());
    let mut by_chat: HashMap<i64, Vec<String>> = HashMap::new();
    let mut unreadable = 0;
    for (name, sealed) in &docs {
        let code = name.trim_start_matches("case-").trim_end_matches(".md.age").to_string();
        let chat = clearpath::handoff::open(identity, sealed.as_bytes()).ok().and_then(|b| {
            let text = String::from_utf8_lossy(&b).into_owned();
            let at = text.find("Soak-")? + 5;
            text[at..].split('-').next()?.parse::<i64>().ok()
        });
        match chat {
            Some(c) if name.starts_with("case-") && name.ends_with(".md.age") => {
                by_chat.entry(c).or_default().push(code)
            }
            _ => unreadable += 1,
        }
    }
    let completed: HashSet<i64> = st.completed.iter().copied().collect();
    let (mut one, mut none, mut resent, mut doubled, mut unseen) = (0, 0, 0, 0, 0);
    for chat in &completed {
        match by_chat.get(chat) {
            None => {
                none += 1;
                println!("  case LOST: chat {chat} completed its intake; no case file reached the attorney");
            }
            Some(codes) => {
                let distinct: HashSet<&String> = codes.iter().collect();
                if distinct.len() > 1 {
                    doubled += 1;
                    println!("  case DOUBLED: chat {chat} became cases {distinct:?}");
                } else if codes.len() > 1 {
                    resent += 1;
                    println!("  case file sent {} times: chat {chat}, case {}", codes.len(), codes[0]);
                } else {
                    one += 1;
                }
            }
        }
    }
    for chat in by_chat.keys() {
        if !completed.contains(chat) {
            unseen += 1;
            println!("  a case file for chat {chat}, whose survivor never saw the end of the intake");
        }
    }
    // Messages without buttons that a survivor should see once.
    let (mut thanks2, mut hello2, mut both_left) = (0, 0, 0);
    {
        let state = d.state.0.lock().unwrap();
        // A duplicate still on the phone at the end: both copies there, showing the question.
        for (chat, first, second, q) in &st.dups {
            let shows = |id: &i64| {
                state
                    .chats
                    .get(chat)
                    .is_some_and(|m| m.iter().any(|m| m.id == *id && !m.deleted && ident(&m.buttons) == *q))
            };
            if shows(first) && shows(second) {
                both_left += 1;
            }
        }
        for (chat, msgs) in &state.chats {
            if *chat == ATTORNEY {
                continue;
            }
            let count = |p: &str| msgs.iter().filter(|m| m.from_bot && m.text.starts_with(p)).count();
            thanks2 += count("Thank you").saturating_sub(1);
            hello2 += count("Hello again").saturating_sub(1);
        }
    }
    let mut waits = st.waits.clone();
    waits.sort();
    let pct = |p: f64| waits.get(((waits.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default();
    println!("\n| figure | value |\n|---|---|");
    println!("| run | {minutes} min of faults ({:.1} min with the drain) |", ran.as_secs_f64() / 60.0);
    println!(
        "| updates sent by the simulated people | {} ({} survivor intakes started: {} full, {} partial; {} accepts) |",
        st.updates,
        st.full_started + st.partial_started,
        st.full_started,
        st.partial_started,
        st.accepted
    );
    println!("| answered | {} |", st.answered);
    println!("| answers lost (target 0) | {lost} |");
    println!("| answers later than 60 s | {late} |");
    println!("| questions duplicated to a survivor, after a kill | {} |", st.dup_after_kill);
    println!("| questions duplicated to a survivor, without a kill (target 0) | {} |", st.dup_no_kill);
    println!("| of these, both copies still on the phone at the end | {both_left} |");
    println!("| \"Thank you\" / \"Hello again\" seen more than once | {thanks2} / {hello2} |");
    println!("| unexpected questions (neither an answer nor a repeat) | {} |", st.unexpected);
    println!("| chats given up (button missing) | {} |", st.derailed);
    println!("| intakes completed | {} |", completed.len());
    println!("| cases: exactly one file / lost / file sent twice / doubled (two cases) | {one} / {none} / {resent} / {doubled} |");
    println!("| case files for intakes not seen completed / unreadable | {unseen} / {unreadable} |");
    println!("| cases offered / accepted | {} / {} |", s.offered.len(), st.accepted);
    println!(
        "| triage messages repeated, after a kill / without | {} / {} |",
        st.triage_dup_after_kill, st.triage_dup_no_kill
    );
    println!(
        "| reply wait p50 / p99 / longest | {:.0} ms / {:.0} ms / {:.1} s |",
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        waits.last().copied().unwrap_or_default().as_secs_f64()
    );
    println!("| restarts (SIGKILL) | {} |", st.restarts);
    println!("| failure bursts / redeliveries | {} / {} |", st.bursts, st.reoffers);
}
