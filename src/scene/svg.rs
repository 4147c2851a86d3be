//! The SVG target: a standalone SVG document of a scene.

use std::fmt::Write;

use super::color::Rgba;
use super::item::{Anchor, Item, Seg};
use super::scene_def::Scene;
use super::style::FONT;

/// The scene as a standalone SVG document (UTF-8), cropped to its size; text is escaped.
///
/// ```
/// use roundabout::geo::World;
/// use roundabout::scene::{build, to_svg, MapSpec};
/// let spec = MapSpec { width: 300.0, height: 200.0, highlight: vec![], labels: vec![([70.0, 45.0], "A & B".into())],
///     flows: vec![], max_value: 0.0, max_width: 10.0, legend_title: String::new(), legend_note: String::new(), legend_colors: Vec::new(), hover: None, lang: roundabout::lang::Lang::En };
/// let svg = to_svg(&build(&World::default(), &spec));
/// assert!(svg.starts_with("<svg") && svg.contains("A &amp; B"));
/// ```
pub fn to_svg(scene: &Scene) -> String {
    let (w, h) = (num(scene.width), num(scene.height));
    let mut s = String::with_capacity(64 * 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        escape(FONT)
    );
    let _ = writeln!(
        s,
        r#"<defs><clipPath id="view"><rect width="{w}" height="{h}"/></clipPath></defs>"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="{w}" height="{h}"{}/>"#,
        paint("fill", scene.background)
    );
    s.push_str("<g clip-path=\"url(#view)\">\n");
    for item in &scene.items {
        item_svg(&mut s, item);
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn item_svg(s: &mut String, item: &Item) {
    match item {
        Item::Path { d, fill, stroke } => {
            let _ = writeln!(
                s,
                r#"<path d="{}"{}{} fill-rule="evenodd"/>"#,
                path_data(d),
                fill_attr(*fill),
                stroke_attr(*stroke)
            );
        }
        Item::Circle {
            at,
            r,
            fill,
            stroke,
        } => {
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                num(at[0]),
                num(at[1]),
                num(*r),
                fill_attr(*fill),
                stroke_attr(*stroke)
            );
        }
        Item::Text {
            at,
            text,
            size,
            color,
            anchor,
            halo,
            bold,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let halo = halo.map_or(String::new(), |c| {
                format!(
                    r#"{} stroke-width="3" stroke-linejoin="round" paint-order="stroke""#,
                    paint("stroke", c)
                )
            });
            let weight = if *bold { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" dominant-baseline="central"{weight}{}{halo}>{}</text>"#,
                num(at[0]),
                num(at[1]),
                num(f64::from(*size)),
                paint("fill", *color),
                escape(text)
            );
        }
    }
}

/// Path data with coordinates rounded to 0.01 px.
fn path_data(d: &[Seg]) -> String {
    let mut out = String::with_capacity(d.len() * 12);
    for seg in d {
        match seg {
            Seg::MoveTo(p) => {
                let _ = write!(out, "M{},{}", num(p[0]), num(p[1]));
            }
            Seg::LineTo(p) => {
                let _ = write!(out, "L{},{}", num(p[0]), num(p[1]));
            }
            Seg::QuadTo(c, p) => {
                let _ = write!(
                    out,
                    "Q{},{} {},{}",
                    num(c[0]),
                    num(c[1]),
                    num(p[0]),
                    num(p[1])
                );
            }
            Seg::Close => out.push('Z'),
        }
    }
    out
}

fn fill_attr(fill: Option<Rgba>) -> String {
    fill.map_or_else(|| r#" fill="none""#.to_string(), |c| paint("fill", c))
}

fn stroke_attr(stroke: Option<(Rgba, f32)>) -> String {
    stroke.map_or(String::new(), |(c, w)| {
        format!(
            r#"{} stroke-width="{}" stroke-linejoin="round""#,
            paint("stroke", c),
            num(f64::from(w))
        )
    })
}

/// ` fill="#rrggbb"` plus ` fill-opacity` when not opaque.
fn paint(attr: &str, c: Rgba) -> String {
    if c.3 == 255 {
        format!(r#" {attr}="{}""#, c.hex())
    } else {
        format!(
            r#" {attr}="{}" {attr}-opacity="{}""#,
            c.hex(),
            num(c.opacity())
        )
    }
}

/// A number rounded to two decimals, without trailing zeros or negative zero.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let r = (v * 100.0).round() / 100.0;
    let s = format!("{:.2}", r);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Escapes text for element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.234), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{1}b"), "ab");
    }

    #[test]
    fn path() {
        let d = [
            Seg::MoveTo([0.0, 0.5]),
            Seg::LineTo([1.0, 2.0]),
            Seg::QuadTo([3.0, 4.0], [5.0, 6.0]),
            Seg::Close,
        ];
        assert_eq!(path_data(&d), "M0,0.5L1,2Q3,4 5,6Z");
    }
}
