#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn every_chart_renders_for_an_empty_journal() {
    let data = ChartData {
        range: DateRange::all(),
        days: vec![],
        regimen: vec![],
        symptoms: vec![],
        side_effects: vec![],
        dose_before: None,
    };
    for k in ChartKind::ALL {
        let svg = render(k, &data, &ChartOptions::default()).unwrap();
        assert!(svg.starts_with("<svg"), "{k:?}");
    }
}
