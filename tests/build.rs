//! Tells the tests that drive outside programs (Chromium for the browser test, Hugo for
//! the Markdown-output test, axe-core in Chromium for the accessibility test, Python's
//! translate-toolkit for the XLIFF and TMX tests, xmllint for the sitemap's schema) whether
//! this machine has them, so that a machine without one shows those tests as *ignored* in
//! the summary (with the reason) instead of passing quietly. Under CI (`CI` set) they are
//! never ignored: a missing program fails them.

// A build script looks for programs on PATH itself: it runs before any crate exists.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_chromium)");
    println!("cargo::rustc-check-cfg=cfg(no_hugo)");
    println!("cargo::rustc-check-cfg=cfg(no_translate_toolkit)");
    println!("cargo::rustc-check-cfg=cfg(no_axe)");
    println!("cargo::rustc-check-cfg=cfg(no_xmllint)");
    for variable in ["AXE_CORE", "CHROMIUM", "CI", "PATH"] {
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
    // translate-toolkit is a Python package, so Python is asked; installing it puts its
    // scripts (po2xliff…) in a folder on PATH, which reruns this script.
    let toolkit = std::process::Command::new("python3")
        .args([
            "-c",
            "import translate.storage.xliff, translate.storage.tmx",
        ])
        .output()
        .is_ok_and(|output| output.status.success());
    if !toolkit && !under_ci {
        println!("cargo::rustc-cfg=no_translate_toolkit");
    }
    // axe-core: `AXE_CORE`, or where `tests/axe/install.sh` puts it.
    let axe = std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../target/axe/node_modules/axe-core/axe.min.js")
        });
    // Installing it adds a file to the nearest folder that exists, which re-runs this script.
    if let Some(watched) = axe.ancestors().find(|p| p.exists()) {
        println!("cargo::rerun-if-changed={}", watched.display());
    }
    let axe_runs = axe.is_file() && chromium;
    if !axe_runs && !under_ci {
        println!("cargo::rustc-cfg=no_axe");
    }
    if !on_path("xmllint") && !under_ci {
        println!("cargo::rustc-cfg=no_xmllint");
    }
}
