//! Export PDF: the appointment summary (`journal::report`), written to the file the user chose
//! in the save dialog; then, if they ask, opened in their PDF viewer.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use journal::DateRange;
use journal::report::{Paper, ReportOptions};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// What the Export PDF dialog asks for. Notes, dream notes and the name are left out unless
/// the user ticks them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct PdfRequest {
    /// First day; null: from the first logged day.
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// Last day; null: to the last logged day.
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    pub paper: Paper,
    pub include_notes: bool,
    pub include_dream_notes: bool,
    /// The name and date of birth from Settings.
    pub include_name: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PdfSaved {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The PDF written last in this session: the only file [`open_pdf`] opens, so the web view
/// cannot ask the system to open an arbitrary path.
#[derive(Debug, Default)]
pub struct LastPdf(Mutex<Option<PathBuf>>);

/// Makes the summary and writes it to `path` (from the save dialog).
#[tauri::command]
pub async fn export_pdf(
    state: State<'_, AppState>,
    last: State<'_, LastPdf>,
    request: PdfRequest,
    path: String,
) -> IpcResult<PdfSaved> {
    let path = pdf_path(&path)?;
    let range = DateRange::between(request.from, request.to).map_err(IpcError::from)?;
    let options = ReportOptions {
        paper: request.paper,
        include_notes: request.include_notes,
        include_dream_notes: request.include_dream_notes,
        include_name: request.include_name,
        ..ReportOptions::new(range)
    };
    let pdf = state.with(|j| journal::report::render(j, &options))?;
    super::write_export(&path, &pdf, "the PDF")?;
    *last.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    Ok(PdfSaved { path: path.display().to_string(), bytes: pdf.len() as u64 })
}

/// Opens the PDF just exported with the system's default viewer.
#[tauri::command]
pub fn open_pdf(last: State<'_, LastPdf>) -> IpcResult<()> {
    let path = last.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let path = path.ok_or_else(|| IpcError::NotFound("no PDF was exported yet".into()))?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        eprintln!("ldn-journal-app: open {}: {e}", path.display());
        IpcError::Journal("the PDF was saved but no program could open it; open it from your file manager".into())
    })
}

/// The chosen file, with ".pdf" added when the dialog returned a name without it.
fn pdf_path(path: &str) -> IpcResult<PathBuf> {
    let p = PathBuf::from(path.trim());
    if !p.is_absolute() || p.file_name().is_none() {
        return Err(IpcError::Invalid(vec![journal::FieldError::new("path", "choose where to save the PDF")]));
    }
    let is_pdf = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    Ok(if is_pdf { p } else { p.with_extension("pdf") })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::{Value, json};

    use crate::tests::{Harness, harness_with};

    /// Sixty days of demo data, ending 2025-03-31.
    fn harness() -> Harness {
        harness_with(|path| {
            let mut j = journal::Journal::open(path).unwrap();
            journal::demo::fill(&mut j, 60, 3, "2025-03-31".parse().unwrap()).unwrap();
        })
    }

    fn request(paper: &str) -> Value {
        json!({"from": "2025-02-01", "to": null, "paper": paper, "include_notes": false,
               "include_dream_notes": false, "include_name": false})
    }

    #[test]
    fn writes_the_pdf_where_the_user_chose() {
        let h = harness();
        let out = h.dir.path().join("summary");
        let saved = h.call("export_pdf", json!({"request": request("letter"), "path": out})).unwrap();
        let written = h.dir.path().join("summary.pdf");
        assert_eq!(saved["path"], written.display().to_string(), "'.pdf' is added");
        let bytes = std::fs::read(&written).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(saved["bytes"].as_u64(), Some(bytes.len() as u64));
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&written).unwrap().permissions()) & 0o777,
            0o600
        );
        assert!(!h.dir.path().join("summary.pdf.partial").exists());
    }

    #[test]
    fn bad_requests_name_the_problem_and_write_nothing() {
        let h = harness();
        let e = h.call("export_pdf", json!({"request": request("a4"), "path": "relative.pdf"})).unwrap_err();
        assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("invalid"), Some("path")));
        let mut r = request("a4");
        r["to"] = json!("2025-01-01");
        let e = h.call("export_pdf", json!({"request": r, "path": h.dir.path().join("x.pdf")})).unwrap_err();
        assert_eq!(e["field"], "to", "{e}");
        let e = h.call("export_pdf", json!({"request": request("a4"), "path": "/nonexistent-dir/x.pdf"})).unwrap_err();
        assert_eq!(e["kind"], "journal");
        assert!(e["message"].as_str().unwrap().contains("could not be saved"), "{e}");
        assert!(!h.dir.path().join("x.pdf").exists());
    }

    #[test]
    fn opening_needs_an_exported_pdf() {
        let h = harness();
        let e = h.call("open_pdf", json!({})).unwrap_err();
        assert_eq!(e["kind"], "not_found");
    }
}
