//! Breaking a styled line into rows ourselves (textwrap's word finding and first-fit), so that
//! every row after the first is indented: text from PingOne that wraps never starts a row at the
//! left edge, where pingdesk's own verdict and headings stand, and a caller knows exactly how
//! many rows a line takes.

use ratatui::text::{Line, Span};
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

/// `line` as rows of at most `width` columns, broken at spaces (a word longer than a row is
/// cut), every row after the first indented by `indent` columns; each piece keeps its style.
pub fn wrap(line: &Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if line.width() <= width || width == 0 {
        return vec![owned(line)];
    }
    // A row keeps at least 8 columns for text, or is not indented.
    let indent = if indent + 8 > width { 0 } else { indent };
    let rest = width - indent;
    let words = break_words(WordSeparator::AsciiSpace.find_words(&text), rest);
    // The words cover the text end to end (word, then its spaces): their offsets add up.
    let mut offsets = Vec::with_capacity(words.len());
    let mut at = 0;
    for word in &words {
        offsets.push(at);
        at += word.word.len() + word.whitespace.len();
    }
    #[allow(clippy::cast_precision_loss)] // widths are terminal columns
    let widths = [width as f64, rest as f64];
    let mut rows = Vec::new();
    let mut first = 0;
    for row in wrap_first_fit(&words, &widths) {
        let (Some(start), Some(last)) = (offsets.get(first), row.last()) else {
            continue;
        };
        let end = offsets[first + row.len() - 1] + last.word.len();
        first += row.len();
        let mut spans = Vec::new();
        if !rows.is_empty() && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        spans.extend(pieces(line, *start, end));
        rows.push(Line::from(spans).style(line.style));
    }
    rows
}

/// The spans of `line` cut to the byte range `start..end` of its text.
fn pieces(line: &Line<'_>, start: usize, end: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let content = span.content.as_ref();
        let (from, to) = (at.max(start), (at + content.len()).min(end));
        if from < to {
            out.push(Span::styled(
                content[from - at..to - at].to_owned(),
                span.style,
            ));
        }
        at += content.len();
    }
    out
}

/// An owned copy of `line`.
fn owned(line: &Line<'_>) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .spans
        .iter()
        .map(|s| Span::styled(s.content.clone().into_owned(), s.style))
        .collect();
    Line::from(spans).style(line.style)
}

/// How many rows [`wrap`] makes of `line`.
pub fn rows(line: &Line<'_>, width: usize, indent: usize) -> usize {
    wrap(line, width, indent).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn texts(rows: &[Line<'_>]) -> Vec<String> {
        rows.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn continuation_rows_are_indented_and_keep_styles() {
        let line = Line::from(vec![
            Span::styled("label        ", Style::new().dim()),
            Span::styled("one two three four five six", Style::new().red()),
        ]);
        let rows = wrap(&line, 24, 13);
        assert_eq!(
            texts(&rows),
            [
                "label        one two",
                "             three four",
                "             five six"
            ]
        );
        assert_eq!(rows[1].spans[1].style, Style::new().red());
        assert!(rows.iter().all(|r| r.width() <= 24));
    }

    #[test]
    fn long_words_are_cut_and_short_lines_kept() {
        let cut = wrap(&Line::from("x".repeat(25)), 10, 2);
        assert_eq!(texts(&cut), ["xxxxxxxx", "  xxxxxxxx", "  xxxxxxxx", "  x"]);
        assert_eq!(texts(&wrap(&Line::from("short"), 10, 2)), ["short"]);
        assert_eq!(rows(&Line::from("田中 太郎 山田 花子"), 6, 0), 4);
    }
}
