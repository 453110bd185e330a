//! The encrypted store against plain sled, measured in pairs: each round times the same 1,000
//! operations on both sides back to back (alternating which goes first), and the ratio is taken
//! per round. On a shared virtual machine whose speed drifts by tens of percent from one minute
//! to the next, this is what keeps the ratio honest; criterion's separate runs (`--bench store`)
//! can land on a fast minute for one side and a slow one for the other.
//!
//! Same records, same flush policy (sled's default background flush, no fsync per operation).
//! Updates alternate between two versions of each record (sled skips an insert whose value
//! equals the stored one).
//!
//!     cargo bench --bench store_paired            # 30 rounds
//!     cargo bench --bench store_paired -- 60      # more rounds

#[path = "records.rs"]
mod records;

use clearpath::engine::Session;
use clearpath::store::crypto::Key;
use clearpath::store::{sled_config, Store, Subject};
use records::{one_answer_later, record};
use std::time::{Duration, Instant};

const N: usize = 1_000;
/// Survivors in the whole-intake measurement, and the writes each makes: a one-case intake
/// answers about 30 of the flow's 45 steps, and every answer rewrites the session.
const INTAKES: usize = 100;
const WRITES_PER_INTAKE: usize = 30;

struct Encrypted {
    _dir: tempfile::TempDir,
    store: Store,
    subjects: Vec<Subject>,
}

struct Plain {
    _dir: tempfile::TempDir,
    _db: sled::Db,
    tree: sled::Tree,
    keys: Vec<[u8; 32]>,
}

fn encrypted() -> Encrypted {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let subjects = (0..N).map(|i| store.subject("bench", &i.to_string())).collect();
    Encrypted { _dir: dir, store, subjects }
}

fn plain() -> Plain {
    let dir = tempfile::tempdir().unwrap();
    let db = sled_config().path(dir.path().join("db")).open().unwrap();
    let tree = db.open_tree("sessions").unwrap();
    let keys = (0..N).map(|i| *blake3::hash(i.to_string().as_bytes()).as_bytes()).collect();
    Plain { _dir: dir, _db: db, tree, keys }
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Times the encrypted and the plain side of one operation back to back, in the given order;
/// returns (encrypted ms, plain ms).
fn paired(encrypted_first: bool, enc: impl FnOnce(), plain: impl FnOnce()) -> (f64, f64) {
    let (te, tp) = if encrypted_first {
        let te = time(enc);
        (te, time(plain))
    } else {
        let tp = time(plain);
        (time(enc), tp)
    };
    (te.as_secs_f64() * 1e3, tp.as_secs_f64() * 1e3)
}

fn put_e(e: &Encrypted, v: &[Session]) {
    for (s, r) in e.subjects.iter().zip(v) {
        e.store.save_session(s, r).unwrap();
    }
}

fn put_p(p: &Plain, v: &[Session]) {
    for (k, r) in p.keys.iter().zip(v) {
        p.tree.insert(k, serde_json::to_vec(r).unwrap()).unwrap();
    }
}

/// A survivor's whole intake as the store sees it: the first record (which creates the data key),
/// then one update per later answer, for the first `INTAKES` survivors.
fn intake_e(e: &Encrypted, v: [&[Session]; 2]) {
    for (i, s) in e.subjects.iter().take(INTAKES).enumerate() {
        for w in 0..WRITES_PER_INTAKE {
            e.store.save_session(s, &v[w % 2][i]).unwrap();
        }
    }
}

fn intake_p(p: &Plain, v: [&[Session]; 2]) {
    for (i, k) in p.keys.iter().take(INTAKES).enumerate() {
        for w in 0..WRITES_PER_INTAKE {
            p.tree.insert(k, serde_json::to_vec(&v[w % 2][i]).unwrap()).unwrap();
        }
    }
}

fn get_e(e: &Encrypted) {
    for s in &e.subjects {
        std::hint::black_box(e.store.load_session(s).unwrap());
    }
}

fn get_p(p: &Plain) {
    for k in &p.keys {
        let v = p.tree.get(k).unwrap().unwrap();
        std::hint::black_box(serde_json::from_slice::<Session>(&v).unwrap());
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn quartiles(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (v[v.len() / 4], v[v.len() * 3 / 4])
}

fn main() {
    let rounds: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(30);
    let records: Vec<Session> = (0..N).map(record).collect();
    let next: Vec<Session> = records.iter().map(one_answer_later).collect();
    let versions = [&records, &next];
    // op -> (encrypted ms, plain ms, ratio) per round
    let ops = ["put, new survivors", "update", "get", "whole intake (first record + 29 updates, 100 survivors)"];
    let mut results: Vec<Vec<(f64, f64)>> = vec![Vec::new(); ops.len()];
    // Long-lived stores for update and get (as in a running bot).
    let (e, p) = (encrypted(), plain());
    put_e(&e, &records);
    put_p(&p, &records);
    for round in 0..rounds {
        let e_first = round % 2 == 0;
        // put: fresh stores each round (setup not timed)
        let (fe, fp) = (encrypted(), plain());
        results[0].push(paired(e_first, || put_e(&fe, &records), || put_p(&fp, &records)));
        drop((fe, fp));
        // whole intakes: fresh stores each round too
        let (fe, fp) = (encrypted(), plain());
        let both = [records.as_slice(), next.as_slice()];
        results[3].push(paired(e_first, || intake_e(&fe, both), || intake_p(&fp, both)));
        drop((fe, fp));
        let v = versions[(round + 1) % 2];
        results[1].push(paired(e_first, || put_e(&e, v), || put_p(&p, v)));
        results[2].push(paired(e_first, || get_e(&e), || get_p(&p)));
    }
    println!("{rounds} rounds of {N} operations per side (the whole-intake row: {} writes); medians per round; ratio = encrypted / plain, per round", INTAKES * WRITES_PER_INTAKE);
    println!("| operation | encrypted ms | plain ms | ratio (median) | ratio (middle half) |\n|---|---|---|---|---|");
    for (op, r) in ops.iter().zip(&results) {
        let mut es: Vec<f64> = r.iter().map(|x| x.0).collect();
        let mut ps: Vec<f64> = r.iter().map(|x| x.1).collect();
        let mut ratios: Vec<f64> = r.iter().map(|x| x.0 / x.1).collect();
        let (q1, q3) = quartiles(&mut ratios.clone());
        println!(
            "| {op} | {:.1} | {:.1} | {:.2}x | {:.2}x-{:.2}x |",
            median(&mut es),
            median(&mut ps),
            median(&mut ratios),
            q1,
            q3
        );
    }
}
