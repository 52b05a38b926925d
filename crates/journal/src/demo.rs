//! Synthetic demo journals for screenshots, benchmarks and manual testing. Every day is
//! labelled as synthetic; the dose steps are an invented story, not a recommendation.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::catalog::StarterSet;
use crate::store::Setting;
use crate::{
    Catalog, DateRange, Day, Dose, Error, Formulation, Journal, Micrograms, PrescribedDose, RegimenPeriod, Result,
    Score, Severity, SideEffectEntry, Vividness,
};

/// Label on every synthetic day and on the patient name.
pub const LABEL: &str = "Synthetic demo data";

/// A small deterministic generator (SplitMix64): the same seed gives the same journal.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in [lo, hi].
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

/// The invented titration story: (days from start, daily µg, formulation, pharmacy).
fn story(days: i64) -> Vec<(i64, u32, Formulation, &'static str)> {
    let mut steps = vec![
        (14, 500, Formulation::Capsule, "Riverside Compounding"),
        (35, 1000, Formulation::Capsule, "Riverside Compounding"),
        (56, 1500, Formulation::Capsule, "Riverside Compounding"),
        (84, 2000, Formulation::Capsule, "Riverside Compounding"),
        (112, 3000, Formulation::Liquid, "Harbour Pharmacy"),
        (147, 4500, Formulation::Liquid, "Harbour Pharmacy"),
    ];
    // Long journals get later changes too, so every chart has something to show.
    let mut at = 147 + 365;
    let mut alt = false;
    while at < days {
        let (ug, form, pharmacy) = if alt {
            (4500, Formulation::Liquid, "Harbour Pharmacy")
        } else {
            (3000, Formulation::Capsule, "Oak Street Pharmacy")
        };
        steps.push((at, ug, form, pharmacy));
        alt = !alt;
        at += 365;
    }
    steps.retain(|s| s.0 < days);
    steps
}

/// Fills an empty journal with `days` synthetic days ending on `end`.
pub fn fill(j: &mut Journal, days: u32, seed: u64, end: NaiveDate) -> Result<()> {
    let existing = j.logged_dates(DateRange::all())?.len();
    if existing > 0 {
        return Err(Error::invalid(
            "days",
            format!(
                "this journal already has {existing} days; demo data only goes into an empty journal (choose another file with --db)"
            ),
        ));
    }
    if days == 0 || days > 36_600 {
        return Err(Error::invalid("days", format!("demo days must be 1–36600, got {days}")));
    }
    let start =
        end.checked_sub_days(Days::new(u64::from(days) - 1)).ok_or_else(|| Error::invalid("days", "too many days"))?;
    let mut rng = Rng(seed);

    let symptoms = j.add_starter_set(StarterSet::ChronicPain)?;
    let mut symptoms: Vec<_> = symptoms.into_iter().filter(|s| !s.archived).map(|s| s.id).collect();
    for (name, desc) in [("Anxiety", "Worry or nervousness"), ("Digestive symptoms", "Bloating, nausea, bowel changes")]
    {
        if j.find_item(Catalog::Symptoms, name)?.is_none() {
            symptoms.push(j.add_item(Catalog::Symptoms, name, desc)?.id);
        }
    }
    let side = |j: &Journal, name: &str| j.find_item(Catalog::SideEffects, name).map(|i| i.map(|i| i.id));
    let (vivid_id, insomnia_id, headache_id) = (side(j, "Vivid dreams")?, side(j, "Insomnia")?, side(j, "Headache")?);

    let steps = story(i64::from(days));
    for (from, ug, form, pharmacy) in &steps {
        j.save_regimen_period(&RegimenPeriod {
            id: 0,
            from: start + chrono::Duration::days(*from),
            until: None,
            doses: vec![PrescribedDose { amount: Micrograms(*ug), time: NaiveTime::from_hms_opt(22, 0, 0) }],
            formulation: *form,
            strength: if *form == Formulation::Liquid {
                "1 mg/mL".into()
            } else {
                format!("{} mg capsules", Micrograms(*ug).mg_string())
            },
            pharmacy: (*pharmacy).into(),
            note: LABEL.into(),
        })?;
    }
    j.set_setting(Setting::PatientName, Some("Demo patient (synthetic data)"))?;

    let baseline: Vec<f64> = symptoms.iter().map(|_| 5.5 + rng.unit() * 2.0).collect();
    let mut out = Vec::with_capacity(days as usize);
    for i in 0..i64::from(days) {
        let date = start + chrono::Duration::days(i);
        if rng.chance(0.05) {
            continue; // a day not logged
        }
        let current = steps.iter().rev().find(|s| s.0 <= i);
        let since_step = current.map_or(i64::MAX, |s| i - s.0);
        let after_step = since_step < 7;
        let mut day = Day::new(date);
        if let Some((_, ug, form, _)) = current {
            let time = NaiveTime::from_hms_opt(21 + (rng.range(0, 2) as u32), rng.range(0, 59) as u32, 0);
            day.doses.push(if rng.chance(0.03) {
                Dose::Missed { time: None, reason: "Forgot".into() }
            } else {
                Dose::Taken { time, amount: Micrograms(*ug), formulation: *form, note: String::new() }
            });
        }
        // Invented trend: scores drift down over the first months, with noise.
        let drift = (i as f64 / 180.0).min(1.0) * 2.5;
        for (k, id) in symptoms.iter().enumerate() {
            if rng.chance(0.1) {
                continue; // not rated
            }
            let v = (baseline[k] - drift + rng.unit() * 3.0 - 1.5).round().clamp(0.0, 10.0);
            day.scores.push(Score { symptom: *id, value: v as u8 });
        }
        day.wellbeing =
            (!rng.chance(0.05)).then(|| (4.0 + drift + rng.unit() * 3.0 - 1.0).round().clamp(0.0, 10.0) as u8);
        let bed = NaiveTime::from_hms_opt(22, 0, 0).map(|t| t + chrono::Duration::minutes(rng.range(-45, 90)));
        let wake_offset = rng.range(360, 540) - if after_step { 60 } else { 0 };
        day.sleep.bedtime = bed;
        day.sleep.wake = bed.map(|b| b + chrono::Duration::minutes(wake_offset));
        day.sleep.quality = Some((rng.range(2, 5) - i64::from(after_step)).clamp(1, 5) as u8);
        day.sleep.awakenings = Some(rng.range(0, 3) as u16 + u16::from(after_step));
        let vivid = if rng.chance(if after_step { 0.6 } else { 0.12 }) {
            if rng.chance(0.4) { Vividness::Very } else { Vividness::Somewhat }
        } else {
            Vividness::NotVivid
        };
        day.dreams.vivid = Some(vivid);
        day.dreams.nightmare = Some(vivid == Vividness::Very && rng.chance(0.3));
        if vivid != Vividness::NotVivid && rng.chance(0.3) {
            day.dreams.notes = "Long, colourful dream (synthetic).".into();
        }
        let mut side = |id: Option<u32>, present: bool, sev: Severity| {
            if let Some(id) = id.filter(|_| present) {
                day.side_effects.push(SideEffectEntry { side_effect: id, severity: sev });
            }
        };
        side(
            vivid_id,
            vivid != Vividness::NotVivid,
            if vivid == Vividness::Very { Severity::Moderate } else { Severity::Mild },
        );
        side(insomnia_id, after_step && rng.chance(0.4), Severity::Mild);
        side(headache_id, rng.chance(if after_step { 0.25 } else { 0.05 }), Severity::Mild);
        day.notes = format!("{LABEL}.");
        day.canonicalize();
        out.push(day);
    }
    j.write_days(&out)
}
