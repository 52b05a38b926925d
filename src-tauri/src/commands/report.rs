//! Export PDF: the appointment summary (`journal::report`), written to the file the user chooses
//! in the save dialog this command opens; then, if they ask, opened in their PDF viewer.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use journal::DateRange;
use journal::report::{Paper, ReportOptions};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::pick::{self, SaveAs};
use crate::state::AppState;

/// What the Export PDF dialog asks for. Notes, dream notes and the name are left out unless
/// the user ticks them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct PdfRequest {
    /// First day; null: from the first logged day.
    pub from: Option<NaiveDate>,
    /// Last day; null: to the last logged day.
    pub to: Option<NaiveDate>,
    pub paper: Paper,
    pub include_notes: bool,
    pub include_dream_notes: bool,
    /// The name and date of birth from Settings.
    pub include_name: bool,
    /// Medications, event kinds and measures marked "keep out of reports".
    pub include_private_items: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PdfSaved {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Why the PDF was written without accessibility tags, when it was.
    pub untagged: Option<String>,
}

/// The PDF written last in this session: the only file [`open_pdf`] opens, so the web view
/// cannot ask the system to open an arbitrary path.
#[derive(Debug, Default)]
pub struct LastPdf(Mutex<Option<PathBuf>>);

/// Asks where to save (the native dialog, opened here), then makes the summary and writes it
/// there. `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    last: State<'_, LastPdf>,
    request: PdfRequest,
) -> IpcResult<Option<PdfSaved>> {
    let range = DateRange::between(request.from, request.to).map_err(IpcError::from)?;
    let name = file_name(&request);
    let save_as = SaveAs { file_name: &name, filter: "PDF", extension: "pdf" };
    let Some(path) = pick::save_file(&app, save_as).await? else { return Ok(None) };
    let options = ReportOptions {
        paper: request.paper,
        include_notes: request.include_notes,
        include_dream_notes: request.include_dream_notes,
        include_name: request.include_name,
        include_private_items: request.include_private_items,
        ..ReportOptions::new(range)
    };
    let report = state.read(|j| journal::report::render_report(j, &options))?;
    super::write_export(&state, &path, &report.pdf)?;
    *last.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    Ok(Some(PdfSaved {
        path: path.display().to_string(),
        bytes: report.pdf.len() as u64,
        untagged: report.untagged_message(),
    }))
}

/// The name the save dialog suggests: `ldn-journal-summary-2025-01-01-to-2025-03-31.pdf`.
fn file_name(r: &PdfRequest) -> String {
    let from = r.from.map(|d| format!("-{d}")).unwrap_or_default();
    let to = r.to.map(|d| format!("-to-{d}")).unwrap_or_default();
    format!("ldn-journal-summary{from}{to}.pdf")
}

/// Opens the PDF just exported with the system's default viewer.
#[tauri::command]
pub fn open_pdf(last: State<'_, LastPdf>) -> IpcResult<()> {
    let path = last.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let path = path.ok_or_else(|| IpcError::NotFound("no PDF was exported yet".into()))?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| {
        eprintln!("ldn-journal-app: open {}: {e}", path.display());
        IpcError::Retry("the PDF was saved but no program could open it; open it from your file manager".into())
    })
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
               "include_dream_notes": false, "include_name": false, "include_private_items": false})
    }

    #[test]
    fn writes_the_pdf_where_the_user_chose_in_the_dialog() {
        let h = harness();
        h.answer(Some(h.dir.path().join("summary")));
        let saved = h.call("export_pdf", json!({"request": request("letter")})).unwrap();
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
    fn a_cancelled_dialog_writes_nothing() {
        let h = harness();
        h.answer(None);
        assert_eq!(h.ok("export_pdf", json!({"request": request("a4")})), Value::Null);
        assert_eq!(
            std::fs::read_dir(h.dir.path())
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                .count(),
            0
        );
    }

    #[test]
    fn the_page_cannot_choose_the_path() {
        let h = harness();
        let target = h.dir.path().join("bashrc");
        h.answer(None);
        // A path in the arguments is ignored: only the dialog's answer counts.
        let r = h.call("export_pdf", json!({"request": request("a4"), "path": target}));
        assert_eq!(r.unwrap(), Value::Null);
        assert!(!target.exists() && !h.dir.path().join("bashrc.pdf").exists());
    }

    #[test]
    fn bad_requests_name_the_problem_and_write_nothing() {
        let h = harness();
        let mut r = request("a4");
        r["to"] = json!("2025-01-01");
        // The range is checked before the dialog opens: no dialog is answered here.
        let e = h.call("export_pdf", json!({"request": r})).unwrap_err();
        assert_eq!(e["field"], "to", "{e}");
        h.answer(Some("/nonexistent-dir/x.pdf".into()));
        let e = h.call("export_pdf", json!({"request": request("a4")})).unwrap_err();
        assert_eq!(e["kind"], "retry");
        assert!(e["message"].as_str().unwrap().contains("could not be saved"), "{e}");
        assert!(!h.dir.path().join("x.pdf").exists());
    }

    #[test]
    fn an_export_never_replaces_the_journal_or_lands_in_its_backups() {
        let h = harness();
        h.ok("back_up_now", json!({}));
        let backups = h.dir.path().join("backups");
        let before: Vec<_> = std::fs::read_dir(&backups).unwrap().map(|e| e.unwrap().file_name()).collect();
        h.answer(Some(backups.join("summary.pdf")));
        let e = h.call("export_pdf", json!({"request": request("a4")})).unwrap_err();
        assert_eq!(e["kind"], "retry", "{e}");
        assert!(e["message"].as_str().unwrap().contains("cannot overwrite the journal"), "{e}");
        let after: Vec<_> = std::fs::read_dir(&backups).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(before, after, "nothing was written into the backups folder");
    }

    #[test]
    fn the_suggested_name_says_the_range() {
        let r = |from: Option<&str>, to: Option<&str>| super::PdfRequest {
            from: from.map(|d| d.parse().unwrap()),
            to: to.map(|d| d.parse().unwrap()),
            paper: journal::report::Paper::A4,
            include_notes: false,
            include_dream_notes: false,
            include_private_items: false,
            include_name: false,
        };
        assert_eq!(super::file_name(&r(None, None)), "ldn-journal-summary.pdf");
        assert_eq!(
            super::file_name(&r(Some("2025-01-01"), Some("2025-03-31"))),
            "ldn-journal-summary-2025-01-01-to-2025-03-31.pdf"
        );
    }

    #[test]
    fn opening_needs_an_exported_pdf() {
        let h = harness();
        let e = h.call("open_pdf", json!({})).unwrap_err();
        assert_eq!(e["kind"], "not_found");
    }
}
