//! One test binary for the whole suite: each file links the full dependency tree, so
//! separate binaries cost minutes of linking and gigabytes of disk for nothing.

mod accessibility;
mod backup;
mod concurrent;
mod context;
mod day_logging;
mod drafts;
mod first_run;
mod folders;
mod history;
mod keyboard;
mod locale;
mod lock;
mod no_network;
mod past_days;
mod questions_settings;
mod regimen;
mod reminder;
mod report;
mod supply;
mod trends;
mod validation;
