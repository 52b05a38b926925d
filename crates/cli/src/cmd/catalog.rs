//! `symptoms`: the user's symptom list.

use clap::{Args, Subcommand};
use journal::catalog::StarterSet;
use journal::{Catalog, Journal};

use crate::CliError;

/// List the symptoms you track, or add to the list.
#[derive(Debug, Args)]
pub struct SymptomsArgs {
    #[command(subcommand)]
    action: Option<Action>,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List the symptoms (the default).
    List,
    /// Add a symptom to the list.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Add a starter set: chronic_pain, long_covid, ibd, autoimmune or general.
    Starter {
        #[arg(value_parser = |s: &str| StarterSet::from_key(s).ok_or_else(|| format!("unknown starter set \"{s}\"; one of chronic_pain, long_covid, ibd, autoimmune, general")))]
        set: StarterSet,
    },
}

pub fn symptoms(j: &mut Journal, a: SymptomsArgs) -> Result<(), CliError> {
    match a.action.unwrap_or(Action::List) {
        Action::List => {}
        Action::Add { name, description } => {
            j.add_item(Catalog::Symptoms, &name, &description)?;
        }
        Action::Starter { set } => {
            j.add_starter_set(set)?;
        }
    }
    for s in j.catalog(Catalog::Symptoms)? {
        println!("{}{}", s.name, if s.archived { " (archived)" } else { "" });
    }
    Ok(())
}
