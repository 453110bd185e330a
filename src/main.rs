/// mimalloc instead of the system allocator: under load the bot spent about a quarter of its CPU in
/// glibc's malloc and free (many small, short-lived allocations across threads: updates, JSON,
/// sealed records, HTTP). See BENCHMARKS.md.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    clearpath::cli::main()
}
