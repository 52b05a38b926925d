//! Full-text search over the index the schema's triggers keep in step (schema 8; the query
//! language and the hits are `crate::search`'s).

use std::cmp::Reverse;

use chrono::NaiveDate;
use rusqlite::params;

use super::Journal;
use crate::search::{CLOSE, Field, Hit, OPEN, Query, segments};
use crate::{DateRange, Error, Result};

/// About how many words a snippet shows (FTS5 allows at most 64).
const SNIPPET_TOKENS: i64 = 20;

impl Journal {
    /// The fields whose text matches `query` (read as `crate::search` describes) on the dates
    /// of `range` (every date when `None`): newest first, the fields of one date in
    /// [`Field::ALL`]'s order, then as stored (doses in their order, items by id). A query with
    /// nothing to look for (empty, only spaces or punctuation) has no hits; no query is an error.
    pub fn search(&self, query: &str, range: Option<DateRange>) -> Result<Vec<Hit>> {
        let query = Query::parse(query);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let range = range.unwrap_or_else(DateRange::all);
        // A text holding the marks FTS5 is given is snippeted without marks (its matches are
        // not highlighted), so its own characters are never read as a match's bounds.
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.date, t.field, instr(t.body, char(2)) OR instr(t.body, char(3)),
                    CASE WHEN instr(t.body, char(2)) OR instr(t.body, char(3))
                         THEN snippet(search, 0, '', '', '…', ?4)
                         ELSE snippet(search, 0, char(2), char(3), '…', ?4) END
             FROM search JOIN search_text t ON t.id = search.rowid
             WHERE search MATCH ?1 AND t.date BETWEEN ?2 AND ?3
             ORDER BY t.date DESC, t.owner, t.seq",
        )?;
        let mut rows =
            stmt.query(params![query.to_fts5(), range.from.to_string(), range.to.to_string(), SNIPPET_TOKENS])?;
        let corrupt = |detail: String| Error::Corrupt { path: self.path.clone(), detail };
        let mut hits = Vec::new();
        while let Some(r) = rows.next()? {
            let (date, field, marked, snippet): (String, String, bool, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let date = date.parse::<NaiveDate>().map_err(|_| {
                corrupt(format!("its search index holds a date LDN Journal cannot read, {}", super::shown(&date)))
            })?;
            let field = Field::from_key(&field).ok_or_else(|| {
                corrupt(format!("its search index holds a field LDN Journal does not know, {}", super::shown(&field)))
            })?;
            let snippet =
                if marked { segments(&snippet.replace([OPEN, CLOSE], "\u{fffd}")) } else { segments(&snippet) };
            hits.push(Hit { date, field, label: field.label().to_owned(), snippet });
        }
        // Stable: within a date and field, the stored order the query gave.
        hits.sort_by_key(|h| (Reverse(h.date), h.field));
        Ok(hits)
    }
}
