//! The PDF report, read back: a real PDF made from a real journal file, parsed with a PDF
//! parser, and (where poppler-utils and qpdf are installed) checked, listed and rendered by
//! them.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveTime};
use journal::report::{Paper, ReportData, ReportOptions, render};
use journal::store::Setting;
use journal::{
    Catalog, DateRange, Day, Dose, Formulation, Journal, Micrograms, PrescribedDose, Question, RegimenPeriod, Score,
    Severity, SideEffectEntry, Vividness,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const DAY_NOTE: &str = "Walked to the harbour, knee ached";
const DREAM_NOTE: &str = "Dreamt of a violet lighthouse";
const QUESTION: &str = "Is a pain score ≥ 7 on 3 days worth mentioning? (0.25 mg = 250 µg)";

/// A small hand-made journal: a baseline week, then 0.5 mg and 1.5 mg (split dose) periods,
/// with Unicode in names, strength and questions, and one private note of each kind.
fn hand_made(dir: &Path) -> Journal {
    let mut j = Journal::open(dir.join("hand.sqlite3")).unwrap();
    let pain = j.add_item(Catalog::Symptoms, "Douleur (pain)", "").unwrap().id;
    let fog = j.add_item(Catalog::Symptoms, "Brain fog", "").unwrap().id;
    let dreams = j.add_item(Catalog::SideEffects, "Rêves vivides", "").unwrap().id;
    j.save_regimen_period(&RegimenPeriod {
        id: 0,
        from: d("2025-03-08"),
        until: None,
        doses: vec![PrescribedDose { amount: Micrograms(500), time: NaiveTime::from_hms_opt(22, 0, 0) }],
        formulation: Formulation::Liquid,
        strength: "500 µg/mL".into(),
        pharmacy: "Apotheke Zoë".into(),
        note: String::new(),
    })
    .unwrap();
    j.save_regimen_period(&RegimenPeriod {
        id: 0,
        from: d("2025-03-15"),
        until: None,
        doses: vec![
            PrescribedDose { amount: Micrograms(750), time: NaiveTime::from_hms_opt(8, 0, 0) },
            PrescribedDose { amount: Micrograms(750), time: NaiveTime::from_hms_opt(22, 0, 0) },
        ],
        formulation: Formulation::Liquid,
        strength: "500 µg/mL".into(),
        pharmacy: "Apotheke Zoë".into(),
        note: String::new(),
    })
    .unwrap();
    j.save_question(&Question { id: 0, text: QUESTION.into(), created: d("2025-03-10"), resolved: false }).unwrap();
    j.save_question(&Question {
        id: 0,
        text: "An old answered question".into(),
        created: d("2025-03-02"),
        resolved: true,
    })
    .unwrap();
    let taken = |ug| Dose::Taken {
        time: NaiveTime::from_hms_opt(22, 0, 0),
        amount: Micrograms(ug),
        formulation: Formulation::Liquid,
        note: String::new(),
        measured: None,
    };
    for i in 0..21u32 {
        let date = d("2025-03-01") + chrono::Days::new(u64::from(i));
        let mut day = Day::new(date);
        day.doses = match i {
            0..7 => vec![],
            7..14 => vec![taken(500)],
            _ => vec![taken(750), taken(750)],
        };
        day.scores = vec![Score { symptom: pain, value: (7 - i / 4) as u8 }, Score { symptom: fog, value: 5 }];
        day.wellbeing = (i != 3).then_some(4 + (i / 7) as u8);
        day.sleep.bedtime = NaiveTime::from_hms_opt(23, 0, 0);
        day.sleep.wake = NaiveTime::from_hms_opt(7, 0, 0);
        day.sleep.quality = Some(3);
        day.dreams.vivid = Some(if i % 3 == 0 { Vividness::Very } else { Vividness::NotVivid });
        if i % 3 == 0 {
            day.side_effects = vec![SideEffectEntry { side_effect: dreams, severity: Severity::Mild }];
        }
        if i == 9 {
            day.notes = DAY_NOTE.into();
            day.dreams.notes = DREAM_NOTE.into();
        }
        j.save_day(&day).unwrap();
    }
    j.set_setting(Setting::PatientName, Some("Zoë Ñúñez")).unwrap();
    j.set_setting(Setting::BirthDate, Some("1981-02-03")).unwrap();
    j
}

fn demo(dir: &Path, days: u32) -> Journal {
    let mut j = Journal::open(dir.join(format!("demo{days}.sqlite3"))).unwrap();
    journal::demo::fill(&mut j, days, 7, d("2025-06-30")).unwrap();
    j
}

fn options(from: &str, to: &str) -> ReportOptions {
    let mut o = ReportOptions::new(DateRange::new(d(from), d(to)).unwrap());
    o.created = Some(d("2025-07-01").and_hms_opt(9, 30, 0).unwrap());
    o
}

/// Page texts with runs of white space (non-breaking spaces included) as one plain space.
/// The parser does not always put a space where a line wraps: compare with [`squash`] then.
fn pages(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .unwrap()
        .iter()
        .map(|p| p.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Text without any white space.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_page_has_the_footer_and_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let j = demo(dir.path(), 365);
    let pdf = render(&j, &options("2024-07-01", "2025-06-30")).unwrap();
    let pages = pages(&pdf);
    let n = pages.len();
    assert!(n >= 5, "{n} pages");
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(journal::NO_ADVICE), "page {} lacks the no-advice line: {text}", i + 1);
        assert!(text.contains(&format!("Page {} of {n}", i + 1)), "page {} lacks its number", i + 1);
        assert!(text.contains("2024-07-01 to 2025-06-30"), "page {} lacks the range", i + 1);
    }
}

#[test]
fn page_one_numbers_are_the_summary_modules() {
    let dir = tempfile::tempdir().unwrap();
    let j = demo(dir.path(), 365);
    let o = options("2024-07-01", "2025-06-30");
    let summaries = journal::summary::period_summaries(&ReportData::load(&j, o.range).unwrap().chart);
    assert!(summaries.len() >= 5);
    let first = squash(&pages(&render(&j, &o).unwrap())[0]);
    for p in &summaries {
        let dose = if p.baseline { "none (baseline)".to_string() } else { format!("{} mg", p.dose.mg_string()) };
        let mut row = format!("{} to {} {dose} {} of {}", p.from, p.to, p.days_logged, p.calendar_days);
        if let Some(a) = p.adherence.filter(|a| a.days_compared > 0) {
            row.push_str(&format!(" {} of {}", a.days_as_prescribed, a.days_compared));
        }
        assert!(first.contains(&squash(&row)), "page 1 lacks {row:?}:\n{first}");
        let vivid = &p.vivid_dream_nights;
        let nights = if vivid.days == 0 {
            "0".to_string()
        } else {
            format!("{} ({}%)", vivid.days, journal::summary::number(vivid.share * 100.0))
        };
        assert!(first.contains(&squash(&nights)), "page 1 lacks vivid-dream nights {nights:?}");
    }
    let last = summaries.last().unwrap();
    let wellbeing = last.wellbeing.median.map(journal::summary::number).unwrap();
    assert!(first.contains(&wellbeing));
    assert!(first.contains("Currentprescribedregimen"));
    assert!(first.contains("Questionsformyprescriber"));
}

#[test]
fn private_content_only_when_opted_in() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let check = |o: &ReportOptions, day_note: bool, dream_note: bool, name: Option<&str>, born: bool| {
        let text = pages(&render(&j, o).unwrap()).join("\n");
        assert_eq!(text.contains(DAY_NOTE), day_note, "day note; {o:?}");
        assert_eq!(text.contains(DREAM_NOTE), dream_note, "dream note; {o:?}");
        assert_eq!(text.contains("1981-02-03"), born, "date of birth; {o:?}");
        for n in ["Zoë Ñúñez", "Ana Müller"] {
            assert_eq!(text.contains(n), name == Some(n), "name {n}; {o:?}");
        }
    };
    let mut o = options("2025-03-01", "2025-03-21");
    check(&o, false, false, None, false);
    o.include_notes = true;
    check(&o, true, false, None, false);
    o.include_notes = false;
    o.include_dream_notes = true;
    check(&o, false, true, None, false);
    o.include_dream_notes = false;
    o.include_name = true;
    check(&o, false, false, Some("Zoë Ñúñez"), true);
    o.include_name = false;
    o.name = Some("Ana Müller".into());
    check(&o, false, false, Some("Ana Müller"), false);
}

#[test]
fn unicode_survives_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let mut o = options("2025-03-01", "2025-03-21");
    o.include_name = true;
    let pages = pages(&render(&j, &o).unwrap());
    let first = squash(&pages[0]);
    for s in ["Zoë Ñúñez", "500 µg/mL", "Apotheke Zoë", QUESTION, "Douleur (pain)", "Rêves vivides", "1.5 mg a day"]
    {
        assert!(first.contains(&squash(s)), "page 1 lacks {s:?}:\n{first}");
    }
    // Resolved questions are not asked again.
    assert!(!first.contains("An old answered question"));
    assert!(squash(&pages.join(" ")).contains("0.75mg22:00,0.75mg22:00"), "split doses in the daily table");
}

fn media_box(pdf: &[u8]) -> Vec<f32> {
    let doc = pdf_extract::Document::load_mem(pdf).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let dict = doc.get_dictionary(page).unwrap();
    let mb = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    mb.iter().map(|v| v.as_float().unwrap_or_else(|_| v.as_i64().unwrap() as f32)).collect()
}

#[test]
fn a4_and_letter() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let mut o = options("2025-03-01", "2025-03-21");
    assert_eq!(media_box(&render(&j, &o).unwrap()), vec![0.0, 0.0, 595.28, 841.89]);
    o.paper = Paper::Letter;
    assert_eq!(media_box(&render(&j, &o).unwrap()), vec![0.0, 0.0, 612.0, 792.0]);
}

#[test]
fn an_empty_range_still_makes_a_valid_report() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let pages = pages(&render(&j, &options("2024-01-01", "2024-01-31")).unwrap());
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("No days logged in this range."));
    assert!(pages[0].contains(journal::NO_ADVICE));
}

#[test]
fn the_metadata_has_a_title_and_creation_date() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let pdf = render(&j, &options("2025-03-01", "2025-03-21")).unwrap();
    let doc = pdf_extract::Document::load_mem(&pdf).unwrap();
    let info = doc.trailer.get(b"Info").and_then(|i| i.as_reference()).unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let title = info.get(b"Title").unwrap().as_str().unwrap();
    assert!(String::from_utf8_lossy(title).contains("2025-03-01 to 2025-03-21"));
    let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
    assert!(String::from_utf8_lossy(created).starts_with("D:20250701093000"), "{created:?}");
}

/// Runs a tool if it is installed; `None` when it is not (the test command installs them).
fn tool(name: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(name).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("{name} is not installed; skipping that check");
            None
        }
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn qpdf_and_poppler_accept_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let j = demo(dir.path(), 365);
    let mut o = options("2024-07-01", "2025-06-30");
    o.include_notes = true;
    o.include_dream_notes = true;
    let pdf = render(&j, &o).unwrap();
    let n = pages(&pdf).len();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let p = path.to_str().unwrap();

    if let Some(out) = tool("qpdf", &["--check", p]) {
        assert!(out.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&out.stdout));
    }
    if let Some(out) = tool("pdffonts", &[p]) {
        assert!(out.status.success());
        let list = String::from_utf8_lossy(&out.stdout);
        let fonts: Vec<&str> = list.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{list}");
        for f in fonts {
            // Columns: name, type, encoding, emb, sub, uni, object ID.
            let cols: Vec<&str> = f.split_whitespace().collect();
            assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {f}");
            assert!(f.contains("DejaVuSans"), "unexpected font {f}");
        }
    }
    let prefix = dir.path().join("page");
    if let Some(out) = tool("pdftoppm", &["-r", "20", "-png", p, prefix.to_str().unwrap()]) {
        assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
        let pngs = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("page"))
            .count();
        assert_eq!(pngs, n, "pdftoppm rendered {pngs} of {n} pages");
    }
}

#[test]
fn a_ten_year_report_keeps_every_day() {
    let dir = tempfile::tempdir().unwrap();
    let j = demo(dir.path(), 3650);
    let o = options("2015-07-03", "2025-06-30");
    let data = ReportData::load(&j, o.range).unwrap();
    let text = pages(&render(&j, &o).unwrap()).join(" ");
    for day in [&data.chart.days[0], &data.chart.days[1800], data.chart.days.last().unwrap()] {
        assert!(text.contains(&day.date.to_string()), "{} missing", day.date);
    }
}

/// Page 1 as a reader's text, for review when the layout or wording changes.
#[test]
fn page_one_text() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let mut o = options("2025-03-01", "2025-03-21");
    o.include_name = true;
    let pages = pdf_extract::extract_text_from_mem_by_pages(&render(&j, &o).unwrap()).unwrap();
    let lines: Vec<&str> = pages[0].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    insta::assert_snapshot!(lines.join("\n"));
}

/// Long free text and names flow over pages instead of overflowing or failing.
#[test]
fn long_text_and_names_flow_over_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(dir.path().join("long.sqlite3")).unwrap();
    let long_name = format!("Symptom {}", "with a very long name ".repeat(8));
    let id = j.add_item(Catalog::Symptoms, long_name.trim(), "").unwrap().id;
    j.save_question(&Question { id: 0, text: "Why? ".repeat(400), created: d("2025-01-01"), resolved: false }).unwrap();
    let mut day = Day::new(d("2025-01-02"));
    day.scores = vec![Score { symptom: id, value: 3 }];
    day.notes = format!("{} {}", "ж".repeat(5000), "A sentence that goes on. ".repeat(2000));
    j.save_day(&day).unwrap();
    let mut o = options("2025-01-01", "2025-01-31");
    o.include_notes = true;
    let pages = pages(&render(&j, &o).unwrap());
    assert!(pages.len() >= 5, "{} pages", pages.len());
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains(journal::NO_ADVICE), "page {}", i + 1);
    }
    let all = squash(&pages.join(" "));
    assert_eq!(all.matches('ж').count(), 5000, "the long word is all there");
    assert_eq!(all.matches("goes").count(), 2000, "every word of the note is there");
}

/// A journal written before names refused control characters (or edited by hand) still makes
/// its report and its charts: what is drawn is sanitised, whatever is stored. (A symptom named
/// "Fatigue\x01" made every PDF fail with "SVG data parsing failed ... non-XML character".)
#[test]
fn stored_control_characters_still_render_the_report_and_charts() {
    let dir = tempfile::tempdir().unwrap();
    drop(hand_made(dir.path()));
    let path = dir.path().join("hand.sqlite3");
    {
        // Raw SQL, as an old version or another program could have left it.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "UPDATE symptom SET name = 'Brain' || char(1) || 'fog' WHERE name = 'Brain fog';
             UPDATE side_effect SET name = 'Rêves' || char(9) || 'vivides' || char(65535) WHERE name = 'Rêves vivides';
             UPDATE regimen_period SET pharmacy = 'Apotheke' || char(11) || ' Zoë', strength = '500 µg/mL' || char(0);
             UPDATE question SET text = text || char(27) || '[31m';
             UPDATE day SET notes = 'knee' || char(2) || ' ached <&> \"', dream_notes = 'violet' || char(8);
             INSERT INTO setting (key, value) VALUES ('patient_name', 'Zoë' || char(7) || ' Ñúñez')
               ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
        )
        .unwrap();
    }
    let j = Journal::open(&path).unwrap();
    let stored = j.catalog(Catalog::Symptoms).unwrap();
    assert!(stored.iter().any(|s| s.name == "Brain\u{1}fog"), "the test needs the raw name: {stored:?}");

    let mut o = options("2025-03-01", "2025-03-21");
    o.include_name = true;
    o.include_notes = true;
    o.include_dream_notes = true;
    let pdf = render(&j, &o).unwrap_or_else(|e| panic!("the report failed: {e}"));
    let text = squash(&pages(&pdf).join(" "));
    for s in ["Brainfog", "Rêvesvivides", "ApothekeZoë", "ZoëÑúñez", "knee"] {
        assert!(text.contains(s), "the report lacks {s:?}:\n{text}");
    }
    assert!(!text.chars().any(|c| c.is_control()), "a control character reached the PDF text");

    let data = journal::charts::ChartData::load(&j, o.range).unwrap();
    let all =
        journal::charts::ChartOptions { symptoms: Some(stored.iter().map(|s| s.id).collect()), ..Default::default() };
    for kind in journal::charts::ChartKind::ALL {
        let svg = journal::charts::render(kind, &data, &all).unwrap();
        assert!(
            !svg.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{ffff}'),
            "{kind:?} chart holds a character XML cannot: {svg}"
        );
    }
}

// ---- Tagged PDF (PDF/UA-1) ----

const NAME_WITH_EMOJI: &str = "💊 Vitamin D 维生素";

/// The structure types (/S) of every structure element, and their /Alt texts.
fn structure(pdf: &[u8]) -> (Vec<String>, Vec<String>) {
    let doc = pdf_extract::Document::load_mem(pdf).unwrap();
    let (mut kinds, mut alts) = (Vec::new(), Vec::new());
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"StructElem".as_slice()) {
            continue;
        }
        if let Ok(s) = dict.get(b"S").and_then(|s| s.as_name()) {
            kinds.push(String::from_utf8_lossy(s).into_owned());
        }
        if let Ok(alt) = dict.get(b"Alt").and_then(|a| a.as_str()) {
            alts.push(pdf_text(alt));
        }
    }
    (kinds, alts)
}

/// A PDF text string: UTF-16BE with a byte order mark, or PDFDocEncoding (ASCII here).
fn pdf_text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Every page's content stream, decompressed, one after the other.
fn contents(pdf: &[u8]) -> Vec<u8> {
    let doc = pdf_extract::Document::load_mem(pdf).unwrap();
    doc.get_pages().values().flat_map(|id| doc.get_page_content(*id).unwrap()).collect()
}

fn catalog(doc: &pdf_extract::Document) -> &pdf_extract::Dictionary {
    let root = doc.trailer.get(b"Root").and_then(|r| r.as_reference()).unwrap();
    doc.get_dictionary(root).unwrap()
}

/// A journal with an emoji and Chinese in a symptom name, a side effect, the pharmacy, a
/// question and a day note: none of it is in DejaVu Sans.
fn with_emoji(dir: &Path) -> Journal {
    let mut j = hand_made(dir);
    let s = j.add_item(Catalog::Symptoms, NAME_WITH_EMOJI, "").unwrap().id;
    let e = j.add_item(Catalog::SideEffects, "😴 嗜睡", "").unwrap().id;
    let mut p = j.regimen().unwrap().last().unwrap().clone();
    p.pharmacy = "Apotheke 🏥 药房".into();
    j.save_regimen_period(&p).unwrap();
    j.save_question(&Question {
        id: 0,
        text: format!("Is {NAME_WITH_EMOJI} 👍🏽 fine?"),
        created: d("2025-03-11"),
        resolved: false,
    })
    .unwrap();
    for date in ["2025-03-10", "2025-03-12"] {
        let mut day = j.day(d(date)).unwrap().unwrap_or_else(|| Day::new(d(date)));
        day.scores.retain(|sc| sc.symptom != s);
        day.scores.push(Score { symptom: s, value: 4 });
        day.side_effects = vec![SideEffectEntry { side_effect: e, severity: Severity::Mild }];
        day.notes = format!("Took {NAME_WITH_EMOJI} with breakfast");
        j.save_day(&day).unwrap();
    }
    j
}

#[test]
fn emoji_and_cjk_export_as_a_tagged_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let j = with_emoji(dir.path());
    let mut o = options("2025-03-01", "2025-03-21");
    o.include_notes = true;
    let report = journal::report::render_report(&j, &o).unwrap();
    assert_eq!(report.untagged, None, "the report fell back to untagged");
    assert_eq!(report.untagged_message(), None);
    let pdf = &report.pdf;

    let doc = pdf_extract::Document::load_mem(pdf).unwrap();
    let cat = catalog(&doc);
    assert!(cat.get(b"StructTreeRoot").is_ok(), "no structure tree");
    assert!(cat.get(b"Outlines").is_ok(), "no outline");
    assert_eq!(pdf_text(cat.get(b"Lang").unwrap().as_str().unwrap()), "en");
    let deref = |o: &pdf_extract::Object| match o.as_reference() {
        Ok(r) => doc.get_dictionary(r).unwrap().clone(),
        Err(_) => o.as_dict().unwrap().clone(),
    };
    let mark = deref(cat.get(b"MarkInfo").unwrap());
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = deref(cat.get(b"ViewerPreferences").unwrap());
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap(), "the title is shown");

    let (kinds, alts) = structure(pdf);
    for k in ["H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure", "L", "LI", "Lbl", "LBody"] {
        assert!(kinds.iter().any(|s| s == k), "no {k} in the structure: {kinds:?}");
    }
    assert_eq!(kinds.iter().filter(|k| *k == "H1").count(), 1);
    assert_eq!(kinds.iter().filter(|k| *k == "Figure").count(), 5, "the strip and the four charts: {alts:?}");
    assert!(
        alts.iter().any(|a| a.starts_with("Chart of daily dose and symptom scores from 2025-03-01 to 2025-03-21: "))
    );
    assert!(alts.iter().any(|a| a.starts_with("Blocks of the daily dose taken")), "{alts:?}");

    // The original text stays as ActualText of the spans drawn with replacement marks.
    let streams = contents(pdf);
    let utf16: Vec<u8> = "维生素".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let hex: String = utf16.iter().map(|b| format!("{b:02x}")).collect();
    let lower = String::from_utf8_lossy(&streams).to_lowercase();
    assert!(lower.contains("/actualtext"), "no ActualText");
    assert!(
        streams.windows(utf16.len()).any(|w| w == utf16.as_slice()) || lower.contains(&hex),
        "ActualText lacks the name"
    );
    // The text layer still has the visible words around the marks.
    let text = squash(&pages(pdf).join(" "));
    assert!(text.contains("VitaminD"), "{text}");

    let path = dir.path().join("emoji.pdf");
    std::fs::write(&path, pdf).unwrap();
    if let Some(out) = tool("pdfinfo", &[path.to_str().unwrap()]) {
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{info}");
        assert!(info.contains("LDN Journal appointment summary, 2025-03-01 to 2025-03-21"), "{info}");
    }
    if let Some(out) = tool("qpdf", &["--check", path.to_str().unwrap()]) {
        assert!(out.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&out.stdout));
    }
    // Poppler reads the ActualText: copying the line gives what the patient typed.
    if let Some(out) = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]) {
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(&format!("Took {NAME_WITH_EMOJI} with breakfast")), "pdftotext: {said}");
        assert!(said.contains(&format!("Is {NAME_WITH_EMOJI} 👍🏽 fine?")), "pdftotext: {said}");
    }
    // The machine-checkable part of PDF/UA-1, where the PyPI package `pdfua` is installed.
    if let Some(out) = tool("pdfua", &["check", "--min-severity", "warning", path.to_str().unwrap()]) {
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("result: PASS"), "pdfua: {said}");
    }
}

#[test]
fn every_report_is_tagged_with_an_outline_of_its_sections() {
    let dir = tempfile::tempdir().unwrap();
    let j = hand_made(dir.path());
    let mut o = options("2025-03-01", "2025-03-21");
    o.include_notes = true;
    o.include_dream_notes = true;
    for range in [("2025-03-01", "2025-03-21"), ("2024-01-01", "2024-01-31")] {
        o.range = DateRange::new(d(range.0), d(range.1)).unwrap();
        let report = journal::report::render_report(&j, &o).unwrap();
        assert_eq!(report.untagged, None, "{range:?}");
        let doc = pdf_extract::Document::load_mem(&report.pdf).unwrap();
        let outlines = catalog(&doc).get(b"Outlines").and_then(|o| o.as_reference()).unwrap();
        let first = doc.get_dictionary(outlines).unwrap().get(b"First").and_then(|f| f.as_reference()).unwrap();
        let top = doc.get_dictionary(first).unwrap();
        assert_eq!(pdf_text(top.get(b"Title").unwrap().as_str().unwrap()), "Appointment summary");
        let mut titles = Vec::new();
        let mut next = top.get(b"First").and_then(|f| f.as_reference()).ok();
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            titles.push(pdf_text(item.get(b"Title").unwrap().as_str().unwrap()));
            next = item.get(b"Next").and_then(|n| n.as_reference()).ok();
        }
        assert!(titles.contains(&"Questions for my prescriber".to_string()), "{titles:?}");
        if range.0 == "2025-03-01" {
            for t in ["Dose periods", "Chart: sleep, bedtime to waking", "Appendix: daily entries", "Appendix: notes"] {
                assert!(titles.contains(&t.to_string()), "no bookmark {t:?} in {titles:?}");
            }
        }
    }
}

/// The size budget: a year of demo data, with measures, medications and events, stays within
/// 500 KB with the tags.
#[test]
fn a_one_year_report_stays_within_500_kb() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = demo(dir.path(), 365);
    journal::demo::fill_context(&mut j, 7).unwrap();
    let report = journal::report::render_report(&j, &options("2024-07-01", "2025-06-30")).unwrap();
    assert_eq!(report.untagged, None);
    let kb = report.pdf.len().div_ceil(1024);
    eprintln!("1-year report: {kb} KB");
    assert!(kb <= 500, "{kb} KB");
}

#[test]
fn page_one_lists_the_other_medications_and_events_of_the_range_and_private_ones_only_on_opt_in() {
    use journal::{Catalog, Event, Medication};
    let dir = tempfile::tempdir().unwrap();
    let mut j = hand_made(dir.path());
    let med = |name: &str, from: &str, until: Option<&str>, private: bool| Medication {
        id: 0,
        name: name.into(),
        dose: "2000 IU".into(),
        schedule: "mornings".into(),
        as_needed: false,
        from: d(from),
        until: until.map(d),
        note: format!("note of {name}"),
        private,
    };
    j.save_medication(&med("Vitamin D", "2025-01-01", None, false)).unwrap();
    j.save_medication(&med("Magnesium", "2025-03-05", Some("2025-03-10"), false)).unwrap();
    j.save_medication(&med("Sertraline", "2025-01-01", None, true)).unwrap();
    j.save_medication(&med("Iron", "2024-01-01", Some("2024-12-31"), false)).unwrap();
    let flare = j.find_item(Catalog::EventKinds, "flare").unwrap().unwrap();
    let mut period = j.find_item(Catalog::EventKinds, "period").unwrap().unwrap();
    period.private = true;
    j.update_item(Catalog::EventKinds, &period).unwrap();
    j.save_event(&Event { id: 0, kind: flare.id, from: d("2025-03-03"), to: None, note: "knees".into() }).unwrap();
    j.save_event(&Event {
        id: 0,
        kind: period.id,
        from: d("2025-03-08"),
        to: Some(d("2025-03-12")),
        note: String::new(),
    })
    .unwrap();
    let page_one = |o: &ReportOptions| pages(&render(&j, o).unwrap())[0].clone();

    let mut o = options("2025-03-01", "2025-03-21");
    let text = page_one(&o);
    assert!(text.contains("Other medications and supplements, as entered by the patient"), "{text}");
    assert!(text.contains("Vitamin D 2000 IU, mornings"), "{text}");
    assert!(text.contains("Magnesium 2000 IU, mornings (started 2025-03-05, last taken 2025-03-10)"), "{text}");
    assert!(text.contains("flare: from 2025-03-03, ongoing"), "{text}");
    for absent in ["Iron", "Sertraline", "period: 2025", "note of", "knees"] {
        assert!(!text.contains(absent), "{absent} is not on page 1 without its opt-in: {text}");
    }
    o.include_notes = true;
    let text = page_one(&o);
    assert!(text.contains("Note: note of Vitamin D") && text.contains("Note: knees"), "{text}");
    assert!(!text.contains("Sertraline"), "notes do not bring private items");
    o.include_notes = false;
    o.include_private_items = true;
    let text = page_one(&o);
    assert!(text.contains("Sertraline") && text.contains("period: 2025-03-08 to 2025-03-12"), "{text}");
}

#[test]
fn the_measures_chart_and_table_follow_the_charts_and_private_measures_only_on_opt_in() {
    use journal::measure::template_named;
    use journal::{MeasureValue, Reading};
    let dir = tempfile::tempdir().unwrap();
    let mut j = hand_made(dir.path());
    let weight = j.save_measure(&template_named("weight").unwrap().measure()).unwrap();
    let mut crp = template_named("crp").unwrap().measure();
    crp.private = true;
    let crp = j.save_measure(&crp).unwrap();
    for (date, kg, mg_l) in
        [("2025-03-02", "71.3", "4.2"), ("2025-03-09", "71.9", "3.1"), ("2025-03-16", "70.8", "2.5")]
    {
        let mut day = j.day(d(date)).unwrap().unwrap_or_else(|| journal::Day::new(d(date)));
        day.readings = vec![
            Reading { measure: weight.id, time: None, value: MeasureValue::parse(kg).unwrap() },
            Reading { measure: crp.id, time: None, value: MeasureValue::parse(mg_l).unwrap() },
        ];
        j.save_day(&day).unwrap();
    }
    let mut o = options("2025-03-01", "2025-03-21");
    let pdf = render(&j, &o).unwrap();
    let text = pages(&pdf).join("\n");
    assert!(text.contains("Measures by dose period"), "{text}");
    // One reading in each of the three dose periods (baseline, 0.5 mg, 1.5 mg).
    assert!(
        squash(&text).contains(&squash("none (baseline) 71.3 kg 2025-03-08 to 2025-03-14 0.5 mg 71.9 kg")),
        "{text}"
    );
    assert!(!text.contains("CRP"), "a private measure stays out of the chart and the table: {text}");
    let (_, alts) = structure(&pdf);
    let alt = alts.iter().find(|a| a.starts_with("Chart of measures")).expect("the measures chart has alt text");
    assert!(alt.contains("Weight: 3 readings, from 70.8 kg to 71.9 kg"), "{alt}");

    o.include_private_items = true;
    let text = pages(&render(&j, &o).unwrap()).join("\n");
    assert!(text.contains("CRP") && squash(&text).contains(&squash("71.9 kg 3.1 mg/L")), "{text}");
}
