//! Packs a finished PDF's small objects into compressed object streams.
//!
//! krilla writes every object on its own, uncompressed, with a plain cross-reference table.
//! A tagged report has one structure element per table cell (about 4,000 for a year of the
//! daily table, 75 bytes each): as separate objects they would quadruple the file. Packed into
//! object streams (PDF 1.5) and indexed by a cross-reference stream they compress about
//! twentyfold. Nothing else changes: streams (pages' content, fonts, XMP metadata) are copied
//! byte for byte, and objects keep their numbers.
//!
//! The input is what pdf-writer produces: `N 0 obj` … `endobj` at the offsets of a classic
//! `xref` table, then `trailer`, `startxref` and `%%EOF`. Anything else gives `None`, and the
//! caller keeps the file as it was.

use std::io::Write as _;

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// Objects per object stream: small enough for a reader to decode one at a time.
const PER_STREAM: usize = 500;

/// One object of the file: its number and the bytes between `N 0 obj` and `endobj`.
struct Object<'a> {
    num: u32,
    body: &'a [u8],
}

/// `pdf` with its non-stream objects in object streams; `None` if the file is not laid out
/// as expected.
pub(super) fn pack(pdf: &[u8]) -> Option<Vec<u8>> {
    let (objects, trailer, first) = parse(pdf)?;
    let header = pdf.get(..first)?;
    if !(header.starts_with(b"%PDF-1.5") || header.starts_with(b"%PDF-1.6") || header.starts_with(b"%PDF-1.7")) {
        return None;
    }
    let size = objects.iter().map(|o| o.num).max()? + 1;
    // Entries of the cross-reference stream: (type, field 2, field 3) per object number.
    let mut entries: Vec<(u8, u32, u16)> = vec![(0, 0, 0); size as usize];
    entries[0] = (0, 0, 0xffff);
    let mut out = Vec::with_capacity(pdf.len() / 2);
    out.extend_from_slice(header);
    let (streams, small): (Vec<&Object<'_>>, Vec<&Object<'_>>) = objects.iter().partition(|o| is_stream(o.body));
    for o in streams {
        entries[o.num as usize] = (1, u32::try_from(out.len()).ok()?, 0);
        writeln!(out, "{} 0 obj", o.num).ok()?;
        out.extend_from_slice(o.body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let mut next = size;
    for chunk in small.chunks(PER_STREAM) {
        let num = next;
        next += 1;
        let (mut index, mut data) = (Vec::new(), Vec::new());
        for (k, o) in chunk.iter().enumerate() {
            write!(index, "{} {} ", o.num, data.len()).ok()?;
            data.extend_from_slice(o.body);
            data.push(b'\n');
            entries[o.num as usize] = (2, num, u16::try_from(k).ok()?);
        }
        index.push(b'\n');
        let first = index.len();
        index.extend_from_slice(&data);
        let packed = deflate(&index)?;
        entries.push((1, u32::try_from(out.len()).ok()?, 0));
        write!(
            out,
            "{num} 0 obj\n<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>\nstream\n",
            chunk.len(),
            packed.len()
        )
        .ok()?;
        out.extend_from_slice(&packed);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    // The cross-reference stream indexes itself too.
    let xref_num = next;
    let xref_offset = u32::try_from(out.len()).ok()?;
    entries.push((1, xref_offset, 0));
    let mut table = Vec::with_capacity(entries.len() * 7);
    for (kind, a, b) in &entries {
        table.push(*kind);
        table.extend_from_slice(&a.to_be_bytes());
        table.extend_from_slice(&b.to_be_bytes());
    }
    let table = deflate(&table)?;
    write!(
        out,
        "{xref_num} 0 obj\n<</Type/XRef/Size {}/W[1 4 2]{trailer}/Filter/FlateDecode/Length {}>>\nstream\n",
        entries.len(),
        table.len()
    )
    .ok()?;
    out.extend_from_slice(&table);
    write!(out, "\nendstream\nendobj\nstartxref\n{xref_offset}\n%%EOF").ok()?;
    Some(out)
}

fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    // Fast compression: the structure elements are so repetitive that a higher level saves
    // little, and a ten-year report has tens of thousands of them.
    let mut z = ZlibEncoder::new(Vec::with_capacity(data.len() / 8), Compression::fast());
    z.write_all(data).ok()?;
    z.finish().ok()
}

/// A stream object: its body ends with the stream's data and `endstream`.
fn is_stream(body: &[u8]) -> bool {
    body.ends_with(b"endstream")
}

fn trim(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b
        && first.is_ascii_whitespace()
    {
        b = rest;
    }
    while let [rest @ .., last] = b
        && last.is_ascii_whitespace()
    {
        b = rest;
    }
    b
}

fn number(b: &[u8]) -> Option<usize> {
    std::str::from_utf8(trim(b)).ok()?.parse().ok()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The objects in file order, the trailer's entries other than /Size (as PDF text), and the
/// offset of the first object.
fn parse(pdf: &[u8]) -> Option<(Vec<Object<'_>>, String, usize)> {
    let tail = pdf.len().saturating_sub(64);
    let sx = tail + rfind(&pdf[tail..], b"startxref")?;
    let xref = number(pdf[sx + b"startxref".len()..].split(|c| *c == b'%').next()?)?;
    let rest = pdf.get(xref..sx)?;
    let rest = rest.strip_prefix(b"xref\n")?;
    let line_end = find(rest, b"\n")?;
    let mut head = rest[..line_end].split(|c| *c == b' ');
    let (start, count) = (number(head.next()?)?, number(head.next()?)?);
    if start != 0 {
        return None;
    }
    let table = rest.get(line_end + 1..line_end + 1 + count * 20)?;
    let trailer = rest.get(line_end + 1 + count * 20..)?;
    let mut offsets: Vec<(usize, u32)> = Vec::new();
    for (num, entry) in table.chunks_exact(20).enumerate() {
        if entry.get(17) == Some(&b'n') {
            if &entry[11..16] != b"00000" {
                return None;
            }
            offsets.push((number(&entry[..10])?, u32::try_from(num).ok()?));
        }
    }
    offsets.sort_unstable();
    let mut objects = Vec::with_capacity(offsets.len());
    for (k, (offset, num)) in offsets.iter().enumerate() {
        let end = offsets.get(k + 1).map_or(xref, |n| n.0);
        let bytes = pdf.get(*offset..end)?;
        let prefix = format!("{num} 0 obj");
        let bytes = bytes.strip_prefix(prefix.as_bytes())?;
        let body = trim(&bytes[..rfind(bytes, b"endobj")?]);
        objects.push(Object { num: *num, body });
    }
    let first = offsets.first()?.0;
    Some((objects, trailer_entries(trailer)?, first))
}

/// `trailer\n<</Size 12/Root 1 0 R/Info 2 0 R/ID[…]>>` → `/Root 1 0 R/Info 2 0 R/ID[…]`.
fn trailer_entries(t: &[u8]) -> Option<String> {
    let t = std::str::from_utf8(trim(t)).ok()?;
    let dict = t.strip_prefix("trailer")?.trim();
    let inner = dict.strip_prefix("<<")?.strip_suffix(">>")?.trim();
    let size = inner.find("/Size")?;
    let after = &inner[size + "/Size".len()..];
    let digits = after.trim_start();
    let len = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
    let rest = &digits[len..];
    if !inner.contains("/Root") || inner.contains("/Encrypt") {
        return None;
    }
    Some(format!("{}{}", &inner[..size], rest))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_trailer_keeps_everything_but_its_size() {
        let t = b"trailer\n<</Size 12/Root 1 0 R/Info 2 0 R/ID[<00><01>]>>\n";
        assert_eq!(super::trailer_entries(t).as_deref(), Some("/Root 1 0 R/Info 2 0 R/ID[<00><01>]"));
        assert_eq!(super::trailer_entries(b"trailer\n<</Size 3>>"), None, "no catalog");
    }

    /// Every object survives packing: a reader finds the same objects and the same text.
    #[test]
    fn a_packed_file_reads_the_same() {
        use krilla::geom::Point;
        let fonts = crate::report::fonts::Fonts::get().expect("fonts");
        let mut doc = krilla::Document::new();
        for text in ["first page", "second page"] {
            let mut page = doc.start_page();
            let mut s = page.surface();
            let glyphs = fonts.glyphs(text, crate::report::fonts::Weight::Regular);
            s.draw_glyphs(
                Point::from_xy(20.0, 40.0),
                &glyphs,
                fonts.krilla(crate::report::fonts::Weight::Regular),
                text,
                12.0,
                false,
            );
            s.finish();
            page.finish();
        }
        let plain = doc.finish().expect("pdf");
        let packed = super::pack(&plain).expect("packed");
        let read = |pdf: &[u8]| {
            let doc = pdf_extract::Document::load_mem(pdf).expect("readable");
            let mut ids: Vec<u32> = doc.objects.keys().map(|(n, _)| *n).collect();
            ids.sort_unstable();
            (ids, pdf_extract::extract_text_from_mem(pdf).expect("text"))
        };
        let (plain_ids, plain_text) = read(&plain);
        let (packed_ids, packed_text) = read(&packed);
        assert!(plain_text.contains("second page"));
        assert_eq!(packed_text, plain_text);
        assert!(plain_ids.iter().all(|id| packed_ids.contains(id)), "{plain_ids:?} {packed_ids:?}");
    }

    #[test]
    fn anything_unexpected_is_left_alone() {
        assert!(super::pack(b"").is_none());
        assert!(super::pack(b"%PDF-1.7\nnot a pdf\nstartxref\n9\n%%EOF").is_none());
    }
}
