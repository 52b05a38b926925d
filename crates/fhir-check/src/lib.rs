//! Nothing here: the checks are in `tests/`. See Cargo.toml for why this is its own workspace.
