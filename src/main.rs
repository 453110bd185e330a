fn main() -> std::process::ExitCode {
    clearpath::cli::main()
}
