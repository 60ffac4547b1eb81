//! The files a branch changed, for `--changed-since REF`.
//!
//! This runs the `git` command rather than linking a library (gix, git2): no native
//! dependency to build, the same answers as the user's own git (its config, attributes,
//! sparse and partial clones, worktrees) and the refs CI has checked out for the pull
//! request are what git itself resolves.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// `git` could not be run at all.
    #[error("--changed-since needs git: {0}")]
    NoGit(std::io::Error),
    /// The workspace is not inside a git repository.
    #[error("--changed-since: {root} is not in a git repository ({message})")]
    NotARepository {
        /// The workspace root.
        root: PathBuf,
        /// What git said.
        message: String,
    },
    /// The ref names no commit.
    #[error("--changed-since: `{reference}` is not a commit git knows here (fetch it first?)")]
    UnknownRef {
        /// The argument.
        reference: String,
    },
    /// Another git failure.
    #[error("--changed-since: `git {command}` failed: {message}")]
    Failed {
        /// The git subcommand and arguments.
        command: String,
        /// What git said.
        message: String,
    },
}

/// The files under `root` changed since `since`: committed on this branch since it left
/// `since` (`git diff --name-only REF...HEAD`), plus uncommitted changes, staged or not,
/// and untracked files (`git status --porcelain`). Paths are relative to `root`,
/// `/`-separated, sorted, each once; renames give both names.
pub fn changed_paths(root: &Path, since: &str) -> Result<Vec<String>, GitError> {
    let prefix = git(root, &["rev-parse", "--show-prefix"]).map_err(|e| match e {
        GitError::Failed { message, .. } => GitError::NotARepository {
            root: root.to_path_buf(),
            message,
        },
        other => other,
    })?;
    let prefix = prefix.trim_end_matches(['\n', '\r']).to_owned();
    let commit = format!("{since}^{{commit}}");
    if since.starts_with('-') || git(root, &["rev-parse", "--verify", "--quiet", &commit]).is_err()
    {
        return Err(GitError::UnknownRef {
            reference: since.to_owned(),
        });
    }
    let range = format!("{since}...HEAD");
    // Paths from the repository's top, NUL-separated so no name is quoted.
    let committed = git(
        root,
        &[
            "diff",
            "--name-only",
            "--no-renames",
            "-z",
            "--end-of-options",
            &range,
            "--",
        ],
    )?;
    let uncommitted = git(
        root,
        &["status", "--porcelain", "-z", "--untracked-files=all"],
    )?;
    let mut paths: Vec<String> = committed
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    paths.extend(porcelain_paths(&uncommitted));
    let mut inside: Vec<String> = paths
        .into_iter()
        .filter_map(|p| p.strip_prefix(prefix.as_str()).map(str::to_owned))
        .filter(|p| !p.is_empty())
        .collect();
    inside.sort();
    inside.dedup();
    Ok(inside)
}

/// The paths of `git status --porcelain -z`: `XY PATH`, and for a rename or copy the
/// original path as the next field.
fn porcelain_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut fields = text.split('\0').filter(|f| !f.is_empty());
    while let Some(entry) = fields.next() {
        let (status, path) = (entry.get(..2).unwrap_or(""), entry.get(3..).unwrap_or(""));
        if !path.is_empty() {
            paths.push(path.to_owned());
        }
        if status.contains(['R', 'C'])
            && let Some(original) = fields.next()
        {
            paths.push(original.to_owned());
        }
    }
    paths
}

/// Runs `git -C root ARGS` and returns its standard output.
fn git(root: &Path, args: &[&str]) -> Result<String, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .map_err(GitError::NoGit)?;
    if !output.status.success() {
        return Err(GitError::Failed {
            command: args.join(" "),
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_entries_and_renames() {
        let text =
            " M locales/es/a.ftl\0?? source/new.md\0R  locales/fr/b.ftl\0locales/fr/old.ftl\0";
        assert_eq!(
            porcelain_paths(text),
            vec![
                "locales/es/a.ftl",
                "source/new.md",
                "locales/fr/b.ftl",
                "locales/fr/old.ftl"
            ]
        );
    }
}
