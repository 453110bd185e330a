//! The time as the running process sees it: the system clock, except that a debug build (the
//! binary the tests run) can be moved forward, so that idle pauses, Telegram's 48-hour limit on
//! deletions, offer lapses and retention can be tested through the real bot without waiting.
//! Release builds have no such code.

use jiff::Timestamp;

/// Now.
pub fn now() -> Timestamp {
    #[cfg(debug_assertions)]
    if let Some(secs) = test_offset() {
        return Timestamp::now() + jiff::SignedDuration::from_secs(secs);
    }
    Timestamp::now()
}

/// Debug builds only: `CLEARPATH_TEST_CLOCK_FILE` names a file holding a number of seconds to add
/// to the system clock, read at every call (a test moves the clock by rewriting it).
#[cfg(debug_assertions)]
fn test_offset() -> Option<i64> {
    static PATH: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    let path = PATH.get_or_init(|| std::env::var_os("CLEARPATH_TEST_CLOCK_FILE").map(Into::into)).as_ref()?;
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}
