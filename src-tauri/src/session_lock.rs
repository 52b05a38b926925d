//! Locking an encrypted journal when asked from outside the page: the tray's "Lock now", and
//! the desktop saying the session locks or the machine is about to sleep (logind, on the
//! system D-Bus: `PrepareForSleep(true)` on the manager, `Lock` on the user's session).
//!
//! The page locks the journal itself once it has kept what it holds: it gets
//! [`LOCK_EVENT`], writes the day's draft, calls `lock_journal` and shows its unlock screen. A
//! page that has not locked within [`PAGE_ANSWER`] (busy, or frozen by a suspend) does not
//! keep the journal open: the shell locks it and sends [`crate::commands::lock::LOCKED_EVENT`].

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::commands::lock::LOCKED_EVENT;
use crate::state::AppState;

/// Event sent to the UI to lock now (payload: none).
pub const LOCK_EVENT: &str = "lock-requested";

/// How long the page has to lock the journal itself before the shell does.
const PAGE_ANSWER: Duration = Duration::from_secs(3);

/// Locks the journal, through the page if it answers in time. Nothing happens for a journal
/// that is not encrypted.
pub fn request_lock<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if !state.is_encrypted() {
        return;
    }
    // A lock the page made meanwhile (and an unlock after it) is left alone.
    let seen = state.locks();
    let _ = app.emit(LOCK_EVENT, ());
    let watcher = app.clone();
    let spawned = std::thread::Builder::new().name("lock".into()).spawn(move || {
        std::thread::sleep(PAGE_ANSWER);
        let state = watcher.state::<AppState>();
        if state.locks() == seen && state.lock_journal() {
            eprintln!("ldn-journal-app: the window did not lock the journal; locked it");
            let _ = watcher.emit(LOCKED_EVENT, ());
        }
    });
    if spawned.is_err() && state.lock_journal() {
        let _ = app.emit(LOCKED_EVENT, ());
    }
}

/// Start-up hook: listens for the session locking and the machine going to sleep, where there
/// is a system bus (a machine without one, or without logind, simply never says so).
pub fn setup<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    for (interface, member) in [(MANAGER, "PrepareForSleep"), (SESSION, "Lock")] {
        let app = app.handle().clone();
        let _ = std::thread::Builder::new().name(format!("watch-{member}")).spawn(move || {
            if let Err(e) = watch(&app, interface, member) {
                eprintln!("ldn-journal-app: not locking on {member}: {e}");
            }
        });
    }
}

#[cfg(target_os = "linux")]
const MANAGER: &str = "org.freedesktop.login1.Manager";
#[cfg(target_os = "linux")]
const SESSION: &str = "org.freedesktop.login1.Session";

/// Waits for `interface.member` signals and locks on each that concerns this session. The
/// sender is not checked: a signal that locks the journal can do no harm.
#[cfg(target_os = "linux")]
fn watch<R: Runtime>(app: &AppHandle<R>, interface: &'static str, member: &'static str) -> zbus::Result<()> {
    use zbus::message::Type;
    let bus = zbus::blocking::Connection::system()?;
    let rule = zbus::MatchRule::builder().msg_type(Type::Signal).interface(interface)?.member(member)?.build();
    // logind signals `Lock` on every session's object; ours is the one `GetSession("auto")`
    // names. Without logind (a test bus) every `Lock` counts.
    let ours = (interface == SESSION).then(|| own_session(&bus)).flatten();
    for msg in zbus::blocking::MessageIterator::for_match_rule(rule, &bus, Some(8))? {
        let msg = msg?;
        let lock = if interface == MANAGER {
            // `true` before sleeping, `false` after waking.
            msg.body().deserialize::<bool>().unwrap_or(false)
        } else {
            ours.as_ref().is_none_or(|p| msg.header().path().is_some_and(|h| h.as_str() == p))
        };
        if lock {
            request_lock(app);
        }
    }
    Ok(())
}

/// The object path of the session this app runs in, as logind names it.
#[cfg(target_os = "linux")]
fn own_session(bus: &zbus::blocking::Connection) -> Option<String> {
    let reply = bus
        .call_method(Some("org.freedesktop.login1"), "/org/freedesktop/login1", Some(MANAGER), "GetSession", &("auto",))
        .ok()?;
    let path: zbus::zvariant::OwnedObjectPath = reply.body().deserialize().ok()?;
    Some(path.as_str().to_owned())
}
