//! Whether to colour a stream: one decision for standard output and standard error.
//!
//! Highest first:
//!
//! 1. `--color always` or `--color never`;
//! 2. `CLICOLOR_FORCE` set and not `0`: colour, even when the stream is not a terminal;
//! 3. `NO_COLOR` set and not empty (<https://no-color.org>): no colour;
//! 4. `CLICOLOR=0`: no colour;
//! 5. otherwise colour exactly when the stream is a terminal that is not `TERM=dumb`.

use std::ffi::OsString;

use codespan_reporting::term::termcolor;

use crate::cli::ColorChoice;

/// Whether to colour a stream, given `--color`, the environment (`var` looks a variable
/// up) and whether the stream is a terminal.
pub fn wants_color(
    choice: ColorChoice,
    var: impl Fn(&str) -> Option<OsString>,
    is_terminal: bool,
) -> bool {
    match choice {
        ColorChoice::Always => return true,
        ColorChoice::Never => return false,
        ColorChoice::Auto => {}
    }
    if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    if var("CLICOLOR").is_some_and(|v| v == "0") {
        return false;
    }
    is_terminal && var("TERM").is_none_or(|v| v != "dumb")
}

/// The termcolor setting for a stream of this process: [`wants_color`] on the real
/// environment, as `Always` or `Never`, so termcolor adds no rule of its own.
pub fn stream_choice(choice: ColorChoice, is_terminal: bool) -> termcolor::ColorChoice {
    if wants_color(choice, |name| std::env::var_os(name), is_terminal) {
        termcolor::ColorChoice::Always
    } else {
        termcolor::ColorChoice::Never
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColorChoice::{Always, Auto, Never};

    /// `--color`, the environment, whether the stream is a terminal, and the verdict.
    type Case = (
        ColorChoice,
        &'static [(&'static str, &'static str)],
        bool,
        bool,
    );

    /// Every rule, and each one against the rules below it.
    #[test]
    fn precedence() {
        // (flag, environment, is a terminal, colour?)
        let cases: &[Case] = &[
            // The flag wins over everything.
            (Always, &[], false, true),
            (Always, &[("NO_COLOR", "1")], false, true),
            (Always, &[("CLICOLOR", "0"), ("TERM", "dumb")], false, true),
            (Never, &[], true, false),
            (Never, &[("CLICOLOR_FORCE", "1")], true, false),
            // CLICOLOR_FORCE: set and not "0" colours a pipe, and beats NO_COLOR.
            (Auto, &[("CLICOLOR_FORCE", "1")], false, true),
            (Auto, &[("CLICOLOR_FORCE", "")], false, true),
            (
                Auto,
                &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
                false,
                true,
            ),
            (
                Auto,
                &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")],
                true,
                true,
            ),
            (
                Auto,
                &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")],
                false,
                true,
            ),
            (Auto, &[("CLICOLOR_FORCE", "0")], false, false),
            (Auto, &[("CLICOLOR_FORCE", "0")], true, true),
            // NO_COLOR: set and not empty.
            (Auto, &[("NO_COLOR", "1")], true, false),
            (Auto, &[("NO_COLOR", "0")], true, false),
            (Auto, &[("NO_COLOR", "")], true, true),
            (
                Auto,
                &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "0")],
                true,
                false,
            ),
            // CLICOLOR=0 turns colour off; any other value leaves detection to decide.
            (Auto, &[("CLICOLOR", "0")], true, false),
            (Auto, &[("CLICOLOR", "1")], true, true),
            (Auto, &[("CLICOLOR", "1")], false, false),
            // Terminal detection.
            (Auto, &[], true, true),
            (Auto, &[], false, false),
            (Auto, &[("TERM", "dumb")], true, false),
            (Auto, &[("TERM", "xterm-256color")], true, true),
        ];
        for &(choice, env, is_terminal, expected) in cases {
            let var = |name: &str| {
                env.iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| OsString::from(value))
            };
            assert_eq!(
                wants_color(choice, var, is_terminal),
                expected,
                "--color {choice:?}, {env:?}, terminal: {is_terminal}"
            );
        }
    }
}
