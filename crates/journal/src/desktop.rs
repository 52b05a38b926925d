//! The desktop app's own settings, kept beside the journal's folder in the user's config folder
//! (`~/.config/org.ldnjournal.LdnJournal/desktop.json`), not in the journal: the reminder must work
//! while the journal is locked, and these are facts about this computer (start at login, tray),
//! not about the patient's days. The file holds no health data: a time of day, the last date a
//! reminder was shown and two switches.
//!
//! Also the XDG autostart entry that "start at login" writes.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::reminder::{Reminder, ReminderTime};
use crate::{Error, Result, files, paths};

/// Environment variable that overrides where the settings file is (tests, portable setups).
pub const CONFIG_ENV: &str = "LDN_JOURNAL_CONFIG";

/// The file's name in the app's config folder.
pub const FILE_NAME: &str = "desktop.json";

/// What the desktop app remembers outside the journal. Unknown fields are ignored and missing
/// ones take their defaults, so an older or newer app reads the file either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DesktopSettings {
    /// "remind me at HH:MM if today is not logged"; `None`: no reminder (the default).
    #[serde(with = "time_text", skip_serializing_if = "Option::is_none")]
    pub remind_at: Option<ReminderTime>,
    /// The last date a reminder was shown, so a restart the same day does not remind again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminded: Option<NaiveDate>,
    /// Keep running (in the tray where there is one) when the window is closed.
    pub keep_running: bool,
    /// Start, hidden, when the user logs in.
    pub start_at_login: bool,
    /// Lock an encrypted journal after this many minutes without a key press or a click in
    /// the window; `None`: never by itself. Written as `null`, so "off" is not read back as
    /// the default.
    pub auto_lock_minutes: Option<u32>,
}

/// The idle time after which an encrypted journal locks, unless the user chose otherwise.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 15;

/// The longest idle time that can be chosen: a day.
pub const MAX_AUTO_LOCK_MINUTES: u32 = 24 * 60;

impl Default for DesktopSettings {
    fn default() -> Self {
        Self {
            remind_at: None,
            reminded: None,
            keep_running: false,
            start_at_login: false,
            auto_lock_minutes: Some(DEFAULT_AUTO_LOCK_MINUTES),
        }
    }
}

/// Checks an idle time chosen for the auto-lock (`None`: off).
pub fn auto_lock(minutes: Option<u32>) -> Result<Option<u32>> {
    match minutes {
        Some(m) if m == 0 || m > MAX_AUTO_LOCK_MINUTES => Err(Error::invalid(
            "auto_lock_minutes",
            format!("choose from 1 to {MAX_AUTO_LOCK_MINUTES} minutes, or never"),
        )),
        m => Ok(m),
    }
}

impl DesktopSettings {
    /// Reads the settings at `path`. A missing file is the defaults; a damaged one too, with
    /// the reason in the error for the caller to log (nothing in it is worth stopping for).
    pub fn load(path: &Path) -> (Self, Option<String>) {
        match std::fs::read(path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(s) => (s, None),
                Err(e) => (Self::default(), Some(format!("{} is damaged ({e}); using the defaults", path.display()))),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(e) => (Self::default(), Some(format!("{} cannot be read ({e}); using the defaults", path.display()))),
        }
    }

    /// Writes the settings to `path` whole or not at all, creating its folder.
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        // Plain strings, dates and booleans: serialising cannot fail, but says so if it does.
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| Error::io(path, std::io::Error::other(e)))?;
        json.push(b'\n');
        files::write_private(path, &json)
    }

    /// The reminder these settings describe, if one is set.
    pub fn reminder(&self) -> Option<Reminder> {
        self.remind_at.map(|at| Reminder { at, last_fired: self.reminded })
    }
}

/// `$LDN_JOURNAL_CONFIG` if set, else `<config dir>/<APP_ID>/desktop.json`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    Some(dirs::config_dir()?.join(paths::APP_ID).join(FILE_NAME))
}

/// The app's icon name in the icon theme (the package installs it under the binary's name).
pub const ICON: &str = "ldn-journal-app";

/// The argument the autostart entry starts the app with: no window until the user opens it.
pub const HIDDEN_ARG: &str = "--hidden";

/// Where "start at login" puts its entry (XDG autostart: `$XDG_CONFIG_HOME/autostart`).
pub fn autostart_path() -> Option<PathBuf> {
    Some(dirs::config_dir()?.join("autostart").join(format!("{}.desktop", paths::APP_ID)))
}

/// The autostart desktop entry that starts `exe` hidden at login.
pub fn autostart_entry(exe: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=LDN Journal\nComment=Keeps LDN Journal's daily reminder running\n\
         Exec={} {HIDDEN_ARG}\nIcon={}\nTerminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n",
        exec_quote(&exe.to_string_lossy()),
        ICON,
    )
}

/// Writes or removes the autostart entry at `path`. An entry that releases up to 0.1 wrote
/// under their identifier ([`paths::OLD_APP_ID`]) beside it goes either way: two would start
/// the app twice, and one left behind would start it after "start at login" was turned off.
pub fn set_autostart(path: &Path, exe: Option<&Path>) -> Result<()> {
    let old = path.with_file_name(format!("{}.desktop", paths::OLD_APP_ID));
    if old != path {
        let _ = std::fs::remove_file(old);
    }
    match exe {
        Some(exe) => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            files::write_private(path, autostart_entry(exe).as_bytes())
        }
        None => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
            _ => Ok(()),
        },
    }
}

/// Quotes a program path for an `Exec` key (Desktop Entry spec, "The Exec key"): in double
/// quotes when it holds a reserved character, with `"`, `` ` ``, `$` and `\` escaped; `%`
/// doubled either way (field codes).
fn exec_quote(path: &str) -> String {
    let path = path.replace('%', "%%");
    let reserved = |c: char| c.is_whitespace() || "\"'\\><~|&;$*?#()`".contains(c);
    if !path.contains(reserved) {
        return path;
    }
    let mut out = String::from("\"");
    for c in path.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    // The desktop file format itself escapes backslashes once more in string values.
    out.replace('\\', "\\\\")
}

/// `remind_at` as "HH:MM" in the file.
mod time_text {
    use serde::{Deserialize, Deserializer, Serializer, de};

    use crate::reminder::ReminderTime;

    pub fn serialize<S: Serializer>(t: &Option<ReminderTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ReminderTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) => ReminderTime::parse("remind_at", &s).map(Some).map_err(de::Error::custom),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn settings_round_trip_and_start_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder").join(FILE_NAME);
        assert_eq!(DesktopSettings::load(&path), (DesktopSettings::default(), None));
        let s = DesktopSettings {
            remind_at: Some(ReminderTime::parse("t", "21:30").unwrap()),
            reminded: NaiveDate::from_ymd_opt(2026, 12, 3),
            keep_running: true,
            start_at_login: false,
            auto_lock_minutes: None,
        };
        s.save(&path).unwrap();
        assert_eq!(DesktopSettings::load(&path), (s.clone(), None), "an auto-lock turned off stays off");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"remind_at\": \"21:30\""), "{text}");
        let r = s.reminder().unwrap();
        assert_eq!((r.at.to_string(), r.last_fired), ("21:30".into(), s.reminded));
    }

    #[test]
    fn a_damaged_or_odd_file_gives_the_defaults_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        for bad in ["{not json", "{\"remind_at\": \"25:00\"}", "42"] {
            std::fs::write(&path, bad).unwrap();
            let (s, why) = DesktopSettings::load(&path);
            assert_eq!(s, DesktopSettings::default(), "{bad}");
            assert!(why.unwrap().contains("damaged"), "{bad}");
        }
        // Fields of a newer version are ignored; missing ones are defaults.
        std::fs::write(&path, "{\"keep_running\": true, \"from_the_future\": 1}").unwrap();
        let (s, why) = DesktopSettings::load(&path);
        assert!(s.keep_running && s.remind_at.is_none() && why.is_none());
    }

    #[test]
    fn the_auto_lock_is_fifteen_minutes_unless_chosen() {
        assert_eq!(DesktopSettings::default().auto_lock_minutes, Some(15));
        assert_eq!(auto_lock(None).unwrap(), None);
        assert_eq!(auto_lock(Some(1)).unwrap(), Some(1));
        for bad in [0, MAX_AUTO_LOCK_MINUTES + 1] {
            let e = auto_lock(Some(bad)).unwrap_err();
            assert!(matches!(&e, Error::Invalid(f) if f[0].field == "auto_lock_minutes"), "{e:?}");
        }
    }

    #[test]
    fn the_autostart_entry_starts_the_app_hidden_and_goes_away_when_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("autostart").join("org.ldnjournal.LdnJournal.desktop");
        set_autostart(&path, Some(Path::new("/usr/bin/ldn-journal-app"))).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("[Desktop Entry]\n"), "{text}");
        assert!(text.contains("\nExec=/usr/bin/ldn-journal-app --hidden\n"), "{text}");
        set_autostart(&path, None).unwrap();
        assert!(!path.exists());
        set_autostart(&path, None).unwrap(); // already off
        let old = path.with_file_name("org.ldnjournal.app.desktop");
        std::fs::write(&old, "[Desktop Entry]\n").unwrap();
        set_autostart(&path, None).unwrap();
        assert!(!old.exists(), "the entry of the old identifier goes too");
    }

    #[test]
    fn exec_paths_with_spaces_and_specials_are_quoted() {
        assert_eq!(exec_quote("/opt/ldn/app"), "/opt/ldn/app");
        assert_eq!(exec_quote("/home/a b/app"), "\"/home/a b/app\"");
        assert_eq!(exec_quote("/x/100%/a$b"), "\"/x/100%%/a\\\\$b\"");
    }
}
