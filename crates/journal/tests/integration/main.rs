//! One test binary for the whole suite: each file links the full dependency tree, so
//! separate binaries cost minutes of linking and gigabytes of disk for nothing.

mod common;

mod backup;
mod bad_input;
mod context;
mod crash;
mod destinations;
mod disclosure;
mod dst;
mod encryption;
mod faults;
mod fhir;
mod in_use;
mod migration;
mod permissions;
mod privacy;
mod properties;
mod readonly;
mod report;
mod revisions;
mod rotation;
mod roundtrip;
mod schema_trust;
mod search;
mod supply;
mod validation;
mod vectors;
