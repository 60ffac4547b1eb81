//! Tells the tests that drive outside programs (Chromium for the browser test, Hugo for
//! the Markdown-output test, xmllint for the sitemap's schema) whether this machine has them, so that a machine without one
//! shows those tests as *ignored* in the summary (with the reason) instead of passing
//! quietly. Under CI (`CI` set) they are never ignored: a missing program fails them.

// A build script looks for programs on PATH itself: it runs before any crate exists.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_chromium)");
    println!("cargo::rustc-check-cfg=cfg(no_hugo)");
    println!("cargo::rustc-check-cfg=cfg(no_xmllint)");
    for variable in ["CHROMIUM", "CI", "PATH"] {
        println!("cargo::rerun-if-env-changed={variable}");
    }
    let path: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    // Installing or removing a program changes its folder, which re-runs this script.
    for folder in &path {
        if folder.is_dir() {
            println!("cargo::rerun-if-changed={}", folder.display());
        }
    }
    let configured = std::env::var_os("CHROMIUM").map(PathBuf::from);
    if let Some(chromium) = &configured {
        println!("cargo::rerun-if-changed={}", chromium.display());
    }
    let on_path = |name: &str| path.iter().any(|folder| folder.join(name).is_file());
    let chromium = configured.is_some_and(|p| p.is_file())
        || on_path("chromium")
        || on_path("chromium-browser");
    let under_ci = std::env::var_os("CI").is_some();
    if !chromium && !under_ci {
        println!("cargo::rustc-cfg=no_chromium");
    }
    if !on_path("hugo") && !under_ci {
        println!("cargo::rustc-cfg=no_hugo");
    }
    if !on_path("xmllint") && !under_ci {
        println!("cargo::rustc-cfg=no_xmllint");
    }
}
