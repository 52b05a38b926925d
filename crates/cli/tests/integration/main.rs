//! One test binary for the whole suite: each file links the full dependency tree, so
//! separate binaries cost minutes of linking and gigabytes of disk for nothing.

mod common;

mod admin;
mod chart;
mod context;
mod day;
mod destinations;
mod docs;
mod encryption;
mod exchange;
mod ownership;
mod reminder;
mod report;
mod safety;
mod search;
mod supply;
