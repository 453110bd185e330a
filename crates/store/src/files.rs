//! Private files and directories: modes set from the start, written atomically.

use super::*;

pub(crate) fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let e = entry?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}

/// Makes a directory private to its owner (mode 0700). Returns the mode it had when that was
/// not 0700 (and so was changed).
pub fn restrict_dir(dir: &Path) -> std::io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o7777;
        if mode != 0o700 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
            return Ok(Some(mode));
        }
    }
    Ok(None)
}

/// [`restrict_dir`] at every start, not only when the directory is made: a mode loosened since
/// (by hand, a restore, a provisioning tool) is put back, and the log says so.
pub(crate) fn keep_private(dir: &Path, existed: bool) -> std::io::Result<()> {
    if let Some(was) = restrict_dir(dir)? {
        if existed {
            tracing::warn!(dir = %dir.display(), was = format!("{was:o}"), "a data directory was not private; set to mode 0700");
        }
    }
    Ok(())
}

/// Writes a file readable by its owner only, atomically: a temporary file with a fresh random
/// name in the same directory, created new (never an existing file, never through a link) with
/// mode 0600, fsynced, then renamed over `path`. A file or link planted under a predictable name
/// is never written through.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_private_with(path, |f| std::io::Write::write_all(f, bytes))
}

/// [`write_private`] for content written as a stream (a backup): `fill` writes into the
/// temporary file; only a complete, fsynced file is renamed to `path`. An existing `path` is
/// replaced only at that rename.
pub fn write_private_with<R>(
    path: &Path,
    fill: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<R>,
) -> std::io::Result<R> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let name = path.file_name().ok_or_else(|| std::io::Error::other("not a file path"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{:016x}.tmp", rand::random::<u64>()));
    let tmp = path.with_file_name(tmp_name);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    let f = opts.open(&tmp)?;
    let written = (|| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, &f);
        let r = fill(&mut w)?;
        w.flush()?;
        drop(w);
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(r)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return written;
    }
    if let Some(parent) = path.parent() {
        if let Ok(d) = std::fs::File::open(parent) {
            let _ = d.sync_all();
        }
    }
    written
}
