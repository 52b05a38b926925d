//! Synthetic demo journals for screenshots, benchmarks and manual testing. Every day is
//! labelled as synthetic; the dose steps are an invented story, not a recommendation.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::catalog::StarterSet;
use crate::store::Setting;
use crate::{
    Catalog, DateRange, Day, Decimal, Dose, Error, Formulation, Journal, Micrograms, PrescribedDose, RegimenPeriod,
    Result, Score, Severity, SideEffectEntry, Vividness,
};

/// Label on every synthetic day and on the patient name.
pub const LABEL: &str = "Synthetic demo data";

/// Everyday words for the notes of every third day (in turn, not drawn from the generator, so
/// the rest of a journal is what it was), so search has something to find.
const DAY_NOTES: &[&str] = &[
    "Brain fog in the afternoon.",
    "Walked to the park.",
    "Headache after lunch.",
    "Good energy, did some gardening.",
    "Tired after work.",
    "Slept through the night.",
    "Stiff knees in the morning.",
    "Busy day, visited family.",
];

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
                Dose::Taken { time, amount: Micrograms(*ug), formulation: *form, note: String::new(), measured: None }
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
        day.notes = match DAY_NOTES.get((i / 3) as usize % DAY_NOTES.len()).filter(|_| i % 3 == 0) {
            Some(words) => format!("{LABEL}. {words}"),
            None => format!("{LABEL}."),
        };
        day.canonicalize();
        out.push(day);
    }
    j.write_days(&out)
}

/// Adds the context around LDN to a demo journal made by [`fill`]: three measures (weight and
/// resting heart rate most days, blood pressure twice a week), five other medications (one
/// changes dose, one is as-needed with intakes, one is kept out of reports), four fills of a
/// liquid (a new batch, another pharmacy and base, a stronger one) and an event about every
/// three months of the journal, at least one. Same seed, same data.
pub fn fill_context(j: &mut Journal, seed: u64) -> Result<()> {
    let logged = j.days(DateRange::all())?;
    let (Some(first), Some(last)) = (logged.first().map(|d| d.date), logged.last().map(|d| d.date)) else {
        return Err(Error::invalid("days", "fill the journal with demo days first"));
    };
    let mut rng = Rng(seed ^ 0xC0_47E7);
    let template = |name: &str| {
        crate::measure::template_named(name)
            .map(crate::measure::Template::measure)
            .ok_or_else(|| Error::invalid("measure", format!("no template named {name}")))
    };
    let weight = j.save_measure(&template("Weight")?)?;
    let pulse = j.save_measure(&template("Resting heart rate")?)?;
    let pressure = j.save_measure(&template("Blood pressure")?)?;

    let span = (last - first).num_days();
    let at = |share: f64| first + chrono::Duration::days((span as f64 * share) as i64);
    let med = |name: &str, dose: &str, from: NaiveDate, until: Option<NaiveDate>, as_needed: bool, private: bool| {
        crate::Medication {
            id: 0,
            name: name.into(),
            dose: dose.into(),
            schedule: if as_needed { String::new() } else { "once a day".into() },
            as_needed,
            from,
            until,
            note: String::new(),
            private,
        }
    };
    let vitamin_d = j.save_medication(&med("Vitamin D3", "1000 IU", first, None, false, false))?;
    j.change_medication_dose(vitamin_d.id, "2000 IU", at(0.5))?;
    j.save_medication(&med("Magnesium glycinate", "200 mg", at(0.2), Some(at(0.7)), false, false))?;
    j.save_medication(&med("Omega-3", "1 g", at(0.35), None, false, false))?;
    j.save_medication(&med("Sertraline", "50 mg", at(0.6), None, false, true))?;
    let ibuprofen = j.save_medication(&med("Ibuprofen", "400 mg", first, None, true, false))?;

    // Fills of a 1 mg/mL liquid: a new batch of the same (no marker), another pharmacy and base,
    // then a stronger one. The doses stay entered in mg.
    for (share, pharmacy, base, strength, batch) in [
        (0.0, "Riverside Compounding", "glycerin base", "1mg/mL", "RC-101"),
        (0.3, "Riverside Compounding", "glycerin base", "1mg/mL", "RC-188"),
        (0.55, "Oak Street Pharmacy", "sugar-free syrup", "1mg/mL", "OS-12"),
        (0.8, "Oak Street Pharmacy", "sugar-free syrup", "2mg/mL", "OS-40"),
    ] {
        let received = at(share);
        j.save_fill(&crate::Fill {
            id: 0,
            received,
            started: None,
            pharmacy: pharmacy.into(),
            formulation: crate::Formulation::Liquid,
            strength: crate::Strength::parse(strength).map_err(|e| Error::invalid("strength", e))?,
            filler: base.into(),
            batch: batch.into(),
            quantity: "50 mL".into(),
            use_by: received.checked_add_days(chrono::Days::new(90)),
            note: format!("{LABEL}."),
        })?;
    }

    let kinds = j.catalog(Catalog::EventKinds)?;
    let kind = |name: &str| kinds.iter().find(|k| k.name == name).map(|k| k.id);
    let choices: Vec<u32> =
        ["infection", "flare", "crash", "stress", "travel", "appointment"].into_iter().filter_map(kind).collect();
    let events = (span / 91).max(1);
    for n in 0..events {
        let from = first + chrono::Duration::days(n * 91 + rng.range(0, 60));
        if from > last || choices.is_empty() {
            break;
        }
        let len = rng.range(0, 6);
        let to = (from + chrono::Duration::days(len)).min(last);
        let kind = choices[rng.range(0, choices.len() as i64 - 1) as usize];
        j.save_event(&crate::Event { id: 0, kind, from, to: Some(to), note: format!("{LABEL}.") })?;
    }

    let mut days = logged;
    let decimal = |v: f64, places: u8| Decimal::parse(&format!("{v:.*}", usize::from(places)));
    for (i, d) in days.iter_mut().enumerate() {
        let drift = (i as f64 / 365.0).sin();
        if rng.chance(0.8) {
            let v = decimal(72.0 + drift * 2.0 + rng.unit() - 0.5, 1).map_err(|e| Error::invalid("weight", e))?;
            d.readings.push(crate::Reading { measure: weight.id, time: None, value: crate::MeasureValue::Single(v) });
        }
        if rng.chance(0.7) {
            let v = Decimal::integer(rng.range(58, 72));
            d.readings.push(crate::Reading { measure: pulse.id, time: None, value: crate::MeasureValue::Single(v) });
        }
        if rng.chance(2.0 / 7.0) {
            for hour in [8, 20] {
                let value = crate::MeasureValue::Pair(
                    Decimal::integer(rng.range(110, 135)),
                    Decimal::integer(rng.range(70, 88)),
                );
                d.readings.push(crate::Reading {
                    measure: pressure.id,
                    time: NaiveTime::from_hms_opt(hour, 0, 0),
                    value,
                });
            }
        }
        if rng.chance(0.08) {
            d.intakes.push(crate::Intake {
                medication: ibuprofen.id,
                time: NaiveTime::from_hms_opt(rng.range(9, 20) as u32, 0, 0),
                amount: String::new(),
            });
        }
        d.canonicalize();
    }
    j.write_days(&days)
}
