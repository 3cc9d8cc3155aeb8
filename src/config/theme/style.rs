//! A style or a colour as the config file writes it: `red bold`, `#ff8800 on black`, `208`.

use std::str::FromStr as _;

use ratatui::style::{Color, Modifier, Style};

/// Reads a style: words separated by spaces, each a colour (`red`, `lightblue`, `#ff8800`, `208`),
/// `on COLOUR` for the background, or `bold`, `dim`, `italic`, `underline`, `reverse`,
/// `strikethrough`; `plain` for none.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace();
    let mut any = false;
    while let Some(word) = words.next() {
        any = true;
        let lower = word.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "plain" => Some(Modifier::empty()),
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reverse" | "reversed" => Some(Modifier::REVERSED),
            "strikethrough" | "crossed_out" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(modifier) = modifier {
            style = style.add_modifier(modifier);
        } else if lower == "on" {
            let colour = words
                .next()
                .ok_or_else(|| "\"on\" needs a colour after it".to_owned())?;
            style = style.bg(parse_colour(colour)?);
        } else {
            style = style.fg(parse_colour(word).map_err(|_| {
                format!(
                    "{word:?} is not a colour or a style (colours: {COLOURS}; styles: bold, \
                     dim, italic, underline, reverse, strikethrough, plain; on COLOUR for the \
                     background)"
                )
            })?);
        }
    }
    if any {
        Ok(style)
    } else {
        Err("empty: write a colour and/or bold, reverse… (or plain)".to_owned())
    }
}

/// The colours a style or a banner may name.
const COLOURS: &str = "red, green, yellow, blue, magenta, cyan, gray, darkgray, white, black, \
     light… forms such as lightred, #rrggbb, or 0-255";

/// Reads a colour: a name (`red`, `lightblue`), `#rrggbb`, or `0`–`255`.
pub fn parse_colour(word: &str) -> Result<Color, String> {
    let valid_hex = word
        .strip_prefix('#')
        .is_none_or(|hex| hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()));
    match Color::from_str(word) {
        Ok(colour) if valid_hex => Ok(colour),
        _ => Err(format!("{word:?} is not a colour (colours: {COLOURS})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_read_as_written() {
        assert_eq!(
            parse_style("red bold"),
            Ok(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("#ff8800 on black"),
            Ok(Style::new().fg(Color::Rgb(255, 136, 0)).bg(Color::Black))
        );
        assert_eq!(parse_style("208"), Ok(Style::new().fg(Color::Indexed(208))));
        assert_eq!(parse_style("plain"), Ok(Style::new()));
        for bad in ["", "redd", "#ff88", "#gg0000", "bold on", "blinking"] {
            assert!(parse_style(bad).is_err(), "{bad:?}");
        }
    }
}
