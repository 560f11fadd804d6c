#!/usr/bin/env bash
# Regenerate the committed shell completions (completions/) and man pages (man/) from the CLI
# definition. Run it after adding or changing any command, flag or help text; the test
# `packaging::completions_and_man_pages_are_current` fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --bin monorelay -- completions --dir completions
cargo run --quiet --bin monorelay -- man man
