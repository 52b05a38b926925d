//! The patient's questions for their prescriber.

use rusqlite::{Transaction, params};

use super::Journal;
use super::days::parse_date;
use crate::{Error, Question, Result, validate};

impl Journal {
    /// Open questions first, then resolved ones; oldest first within each.
    pub fn questions(&self) -> Result<Vec<Question>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, text, created, resolved FROM question ORDER BY resolved, created, id")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(Question {
                id: r.get(0)?,
                text: r.get(1)?,
                created: parse_date(&r.get::<_, String>(2)?)?,
                resolved: r.get(3)?,
            });
        }
        Ok(out)
    }

    /// Adds a question (id 0) or updates one; returns it with its id.
    pub fn save_question(&mut self, q: &Question) -> Result<Question> {
        validate::question(q)?;
        let tx = self.conn.transaction()?;
        let id = write_question(&tx, q, super::Id::Fresh)?;
        tx.commit()?;
        Ok(Question { id, text: q.text.trim().to_string(), ..q.clone() })
    }

    pub fn delete_question(&mut self, id: u32) -> Result<()> {
        if self.conn.execute("DELETE FROM question WHERE id = ?1", [id])? == 0 {
            return Err(Error::NotFound(format!("question {id}")));
        }
        Ok(())
    }
}

pub(crate) fn write_question(tx: &Transaction<'_>, q: &Question, id: super::Id) -> Result<u32> {
    let text = q.text.trim();
    if q.id == 0 || id == super::Id::Keep {
        tx.execute(
            "INSERT INTO question (id, text, created, resolved) VALUES (?1, ?2, ?3, ?4)",
            params![(q.id != 0).then_some(q.id), text, q.created.to_string(), q.resolved],
        )?;
        return u32::try_from(tx.last_insert_rowid()).map_err(|_| Error::Format("too many questions".into()));
    }
    let n = tx.execute(
        "UPDATE question SET text = ?1, created = ?2, resolved = ?3 WHERE id = ?4",
        params![text, q.created.to_string(), q.resolved, q.id],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("question {}", q.id)));
    }
    Ok(q.id)
}
