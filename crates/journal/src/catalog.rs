//! Starter symptom sets per condition and the default side-effect list. They are starting
//! points only: the list is the user's own to rename, reorder, archive and extend.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StarterSet {
    ChronicPain,
    LongCovid,
    Ibd,
    Autoimmune,
    General,
}

impl StarterSet {
    pub const ALL: [StarterSet; 5] = [Self::ChronicPain, Self::LongCovid, Self::Ibd, Self::Autoimmune, Self::General];

    pub fn key(self) -> &'static str {
        match self {
            Self::ChronicPain => "chronic_pain",
            Self::LongCovid => "long_covid",
            Self::Ibd => "ibd",
            Self::Autoimmune => "autoimmune",
            Self::General => "general",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.key() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ChronicPain => "Chronic pain / fibromyalgia",
            Self::LongCovid => "Long COVID / ME/CFS",
            Self::Ibd => "Crohn's / IBD",
            Self::Autoimmune => "MS / autoimmune",
            Self::General => "General",
        }
    }

    /// (name, description) of each symptom, rated 0–10 where 0 is none and 10 the worst.
    pub fn symptoms(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::ChronicPain => &[
                ("Pain", "Overall pain, 0 = none, 10 = worst imaginable"),
                ("Fatigue", "Tiredness and low energy"),
                ("Brain fog", "Trouble thinking, remembering or concentrating"),
                ("Joint stiffness", "Stiffness, especially on waking"),
                ("Mood", "Low mood, 0 = none, 10 = very low"),
                ("Headache", "Headache intensity"),
            ],
            Self::LongCovid => &[
                ("Fatigue", "Tiredness and low energy"),
                ("Post-exertional malaise", "Feeling worse after effort"),
                ("Brain fog", "Trouble thinking, remembering or concentrating"),
                ("Chest tightness / cough", "Chest tightness, breathlessness or cough"),
                ("Pain", "Aches and pains"),
                ("Headache", "Headache intensity"),
            ],
            Self::Ibd => &[
                ("Abdominal pain", "Belly pain or cramping"),
                ("Digestive symptoms", "Urgency, bloating, diarrhoea"),
                ("Fatigue", "Tiredness and low energy"),
                ("Joint pain", "Aching joints"),
                ("Mood", "Low mood, 0 = none, 10 = very low"),
            ],
            Self::Autoimmune => &[
                ("Fatigue", "Tiredness and low energy"),
                ("Pain", "Overall pain"),
                ("Brain fog", "Trouble thinking, remembering or concentrating"),
                ("Numbness / tingling", "Numbness, tingling or pins and needles"),
                ("Muscle stiffness", "Stiffness or spasms"),
                ("Mood", "Low mood, 0 = none, 10 = very low"),
            ],
            Self::General => &[
                ("Pain", "Overall pain"),
                ("Fatigue", "Tiredness and low energy"),
                ("Brain fog", "Trouble thinking, remembering or concentrating"),
                ("Mood", "Low mood, 0 = none, 10 = very low"),
                ("Anxiety", "Worry or nervousness"),
            ],
        }
    }
}

/// The side effects commonly reported with LDN, offered as the initial list.
pub const DEFAULT_SIDE_EFFECTS: &[&str] =
    &["Vivid dreams", "Insomnia", "Headache", "Anxiety", "Nausea", "Irritability", "Fatigue"];
