//! The SVG target: a standalone SVG document of a scene.

use std::fmt::Write;

use super::color::Rgba;
use super::item::Anchor;
use super::scene_def::Scene;
use super::style::FONT;
use super::target::{FillRule, Label, Target};
use super::walk::walk;

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
    let _ = write!(s, r#"<rect width="{w}" height="{h}""#);
    paint(&mut s, "fill", scene.background);
    s.push_str("/>\n<g clip-path=\"url(#view)\">\n");
    let mut svg = Svg { out: s, d: String::new(), circle: None, rule: FillRule::NonZero };
    walk(&scene.items, &mut svg);
    let mut s = svg.out;
    s.push_str("</g>\n</svg>\n");
    s
}

/// Writes each painted shape as one element: a `<path>` for an outline, a `<circle>` for a circle.
struct Svg {
    out: String,
    /// The shape's path data so far, coordinates rounded to 0.01 px.
    d: String,
    circle: Option<([f64; 2], f64)>,
    rule: FillRule,
}

impl Target for Svg {
    fn begin(&mut self, rule: FillRule) {
        self.d.clear();
        self.circle = None;
        self.rule = rule;
    }

    fn move_to(&mut self, p: [f64; 2]) {
        let _ = write!(self.d, "M{},{}", num(p[0]), num(p[1]));
    }

    fn line_to(&mut self, p: [f64; 2]) {
        let _ = write!(self.d, "L{},{}", num(p[0]), num(p[1]));
    }

    fn quad_to(&mut self, c: [f64; 2], p: [f64; 2]) {
        let _ = write!(self.d, "Q{},{} {},{}", num(c[0]), num(c[1]), num(p[0]), num(p[1]));
    }

    fn close(&mut self) {
        self.d.push('Z');
    }

    /// One circle a shape: the scene's dots are each their own item.
    fn circle(&mut self, at: [f64; 2], r: f64) {
        self.circle = Some((at, r));
    }

    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<(Rgba, f32)>) {
        let out = &mut self.out;
        match self.circle {
            Some((at, r)) => {
                let _ = write!(out, r#"<circle cx="{}" cy="{}" r="{}""#, num(at[0]), num(at[1]), num(r));
            }
            None => {
                let _ = write!(out, r#"<path d="{}""#, self.d);
            }
        }
        match fill {
            Some(c) => paint(out, "fill", c),
            None => out.push_str(r#" fill="none""#),
        }
        if let Some((c, w)) = stroke {
            paint(out, "stroke", c);
            let _ = write!(out, r#" stroke-width="{}" stroke-linejoin="round""#, num(f64::from(w)));
        }
        if self.rule == FillRule::EvenOdd {
            out.push_str(r#" fill-rule="evenodd""#);
        }
        out.push_str("/>\n");
    }

    fn text(&mut self, l: &Label) {
        let anchor = match l.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let weight = if l.bold { r#" font-weight="bold""# } else { "" };
        let out = &mut self.out;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" dominant-baseline="central"{weight}"#,
            num(l.at[0]),
            num(l.at[1]),
            num(f64::from(l.size)),
        );
        paint(out, "fill", l.color);
        if let Some(c) = l.halo {
            paint(out, "stroke", c);
            out.push_str(r#" stroke-width="3" stroke-linejoin="round" paint-order="stroke""#);
        }
        let _ = writeln!(out, ">{}</text>", escape(&l.text));
    }
}

/// ` fill="#rrggbb"` plus ` fill-opacity` when not opaque.
fn paint(out: &mut String, attr: &str, c: Rgba) {
    let _ = write!(out, r#" {attr}="{}""#, c.hex());
    if c.3 != 255 {
        let _ = write!(out, r#" {attr}-opacity="{}""#, num(c.opacity()));
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
    use crate::scene::item::{Item, Seg};

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
        let d = vec![Seg::MoveTo([0.0, 0.5]), Seg::LineTo([1.0, 2.0]), Seg::QuadTo([3.0, 4.0], [5.0, 6.0]), Seg::Close];
        let mut svg = Svg { out: String::new(), d: String::new(), circle: None, rule: FillRule::NonZero };
        walk(&[Item::Path { d, fill: None, stroke: None }], &mut svg);
        assert_eq!(svg.out, "<path d=\"M0,0.5L1,2Q3,4 5,6Z\" fill=\"none\" fill-rule=\"evenodd\"/>\n");
    }
}
