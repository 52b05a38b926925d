//! One test binary for the whole suite: each file links the full dependency tree, so
//! separate binaries cost minutes of linking and gigabytes of disk for nothing.

mod common;

mod backup;
mod bad_input;
mod crash;
mod destinations;
mod faults;
mod fhir;
mod in_use;
mod migration;
mod permissions;
mod privacy;
mod readonly;
mod report;
mod rotation;
mod roundtrip;
mod validation;
