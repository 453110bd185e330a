//! The encrypted store against plain sled, same records, same flush policy (sled's default
//! background flush, no fsync per operation), in one run. The ratio goes in BENCHMARKS.md.
//!
//! Updates alternate between two versions of each record (as every answer changes the session):
//! sled skips an insert whose value equals the stored one, so re-inserting identical plain bytes
//! would measure nothing on the plain side while every sealed value differs (fresh nonce).
//!
//!     cargo bench --bench store

use clearpath::engine::Session;
use clearpath::store::crypto::Key;
use clearpath::store::Store;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

#[path = "records.rs"]
mod records;
use records::{one_answer_later, record};

const N: usize = 1_000;

fn bench(c: &mut Criterion) {
    let records: Vec<Session> = (0..N).map(record).collect();
    let next: Vec<Session> = records.iter().map(one_answer_later).collect();
    let versions = [&records, &next];
    let mut g = c.benchmark_group("store");

    // put: N sessions for N survivors
    g.bench_function("encrypted_put", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(dir.path(), Key::generate()).unwrap();
                let subjects: Vec<_> = (0..N).map(|i| store.subject("bench", &i.to_string())).collect();
                (dir, store, subjects)
            },
            |(dir, store, subjects)| {
                for (s, r) in subjects.iter().zip(&records) {
                    store.save_session(s, r).unwrap();
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("plain_sled_put", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let db = clearpath::store::sled_config().path(dir.path().join("db")).open().unwrap();
                let tree = db.open_tree("sessions").unwrap();
                let keys: Vec<[u8; 32]> = (0..N).map(|i| *blake3::hash(i.to_string().as_bytes()).as_bytes()).collect();
                (dir, db, tree, keys)
            },
            |(dir, db, tree, keys)| {
                for (k, r) in keys.iter().zip(&records) {
                    tree.insert(k, serde_json::to_vec(r).unwrap()).unwrap();
                }
                (dir, db)
            },
            BatchSize::PerIteration,
        )
    });

    // update: N existing survivors save their session again (what every answer does)
    {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Key::generate()).unwrap();
        let subjects: Vec<_> = (0..N).map(|i| store.subject("bench", &i.to_string())).collect();
        for (s, r) in subjects.iter().zip(&records) {
            store.save_session(s, r).unwrap();
        }
        let mut round = 0;
        g.bench_function("encrypted_update", |b| {
            b.iter(|| {
                round += 1;
                for (s, r) in subjects.iter().zip(versions[round % 2]) {
                    store.save_session(s, r).unwrap();
                }
            })
        });
        let pdir = tempfile::tempdir().unwrap();
        let db = clearpath::store::sled_config().path(pdir.path().join("db")).open().unwrap();
        let tree = db.open_tree("sessions").unwrap();
        let keys: Vec<[u8; 32]> = (0..N).map(|i| *blake3::hash(i.to_string().as_bytes()).as_bytes()).collect();
        let mut round = 0;
        g.bench_function("plain_sled_update", |b| {
            b.iter(|| {
                round += 1;
                for (k, r) in keys.iter().zip(versions[round % 2]) {
                    tree.insert(k, serde_json::to_vec(r).unwrap()).unwrap();
                }
            })
        });
    }

    // the policy the running program uses: every handled input is flushed (fsync) before its
    // reply goes out
    {
        const M: usize = 50;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Key::generate()).unwrap();
        let subjects: Vec<_> = (0..M).map(|i| store.subject("bench", &i.to_string())).collect();
        let mut round = 0;
        g.bench_function("encrypted_update_flush_each", |b| {
            b.iter(|| {
                round += 1;
                for (s, r) in subjects.iter().zip(versions[round % 2]) {
                    store.save_session(s, r).unwrap();
                    store.flush().unwrap();
                }
            })
        });
        let pdir = tempfile::tempdir().unwrap();
        let db = clearpath::store::sled_config().path(pdir.path().join("db")).open().unwrap();
        let tree = db.open_tree("sessions").unwrap();
        let keys: Vec<[u8; 32]> = (0..M).map(|i| *blake3::hash(i.to_string().as_bytes()).as_bytes()).collect();
        let mut round = 0;
        g.bench_function("plain_sled_update_flush_each", |b| {
            b.iter(|| {
                round += 1;
                for (k, r) in keys.iter().zip(versions[round % 2]) {
                    tree.insert(k, serde_json::to_vec(r).unwrap()).unwrap();
                    db.flush().unwrap();
                }
            })
        });
    }

    // the parts of an encrypted write, for finding where time goes
    let k = Key::generate();
    let plain: Vec<Vec<u8>> = records.iter().map(|r| serde_json::to_vec(r).unwrap()).collect();
    g.bench_function("seal_only", |b| {
        b.iter(|| {
            for p in &plain {
                criterion::black_box(clearpath::store::crypto::seal(&k, b"sessions\0key", p));
            }
        })
    });
    g.bench_function("serialize_only", |b| {
        b.iter(|| {
            for r in &records {
                criterion::black_box(serde_json::to_vec(r).unwrap());
            }
        })
    });

    // get: N sessions back
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let subjects: Vec<_> = (0..N).map(|i| store.subject("bench", &i.to_string())).collect();
    for (s, r) in subjects.iter().zip(&records) {
        store.save_session(s, r).unwrap();
    }
    g.bench_function("encrypted_get", |b| {
        b.iter(|| {
            for s in &subjects {
                criterion::black_box(store.load_session(s).unwrap());
            }
        })
    });
    let pdir = tempfile::tempdir().unwrap();
    let db = clearpath::store::sled_config().path(pdir.path().join("db")).open().unwrap();
    let tree = db.open_tree("sessions").unwrap();
    let keys: Vec<[u8; 32]> = (0..N).map(|i| *blake3::hash(i.to_string().as_bytes()).as_bytes()).collect();
    for (k, r) in keys.iter().zip(&records) {
        tree.insert(k, serde_json::to_vec(r).unwrap()).unwrap();
    }
    g.bench_function("plain_sled_get", |b| {
        b.iter(|| {
            for k in &keys {
                let v = tree.get(k).unwrap().unwrap();
                criterion::black_box(serde_json::from_slice::<Session>(&v).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(8));
    targets = bench
}
criterion_main!(benches);
