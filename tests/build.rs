//! Tells the browser test whether this machine has Chromium, so that a machine without it
//! shows the test as *ignored* in the summary (with the reason) instead of passing quietly.
//! Under CI (`CI` set) the test is never ignored: a missing browser fails it there.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_chromium)");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    println!("cargo::rerun-if-env-changed=CI");
    // Installing or removing the browser changes this folder, which re-runs this script.
    println!("cargo::rerun-if-changed=/usr/bin");
    let configured = std::env::var_os("CHROMIUM").map(std::path::PathBuf::from);
    if let Some(path) = &configured {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let found = configured
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(Into::into))
        .any(|path| path.exists());
    if !found && std::env::var_os("CI").is_none() {
        println!("cargo::rustc-cfg=no_chromium");
    }
}
