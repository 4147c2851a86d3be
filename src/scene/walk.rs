//! The one walk over a scene's items and dots: every target draws what this hands it, in this order.

use std::borrow::Cow;

use super::item::{Item, Seg};
use super::particles::{self, Particle};
use super::target::{FillRule, Label, Target};

/// Draws `items` on `target`, in order, later on top.
pub fn walk<T: Target + ?Sized>(items: &[Item], target: &mut T) {
    for item in items {
        match item {
            Item::Path { d, fill, stroke } => {
                target.begin(FillRule::EvenOdd);
                for seg in d {
                    match *seg {
                        Seg::MoveTo(p) => target.move_to(p),
                        Seg::LineTo(p) => target.line_to(p),
                        Seg::QuadTo(c, p) => target.quad_to(c, p),
                        Seg::Close => target.close(),
                    }
                }
                target.paint(*fill, *stroke);
            }
            Item::Circle { at, r, fill, stroke } => {
                target.begin(FillRule::NonZero);
                target.circle(*at, *r);
                target.paint(*fill, *stroke);
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
                target.text(&Label {
                    at: *at,
                    text: Cow::Borrowed(text),
                    size: *size,
                    color: *color,
                    anchor: *anchor,
                    halo: *halo,
                    bold: *bold,
                });
            }
        }
    }
}

/// Draws the travelling `dots` as one white shape.
pub fn walk_dots<T: Target + ?Sized>(dots: &[Particle], target: &mut T) {
    target.begin(FillRule::NonZero);
    for p in dots {
        target.circle(p.at, p.r);
    }
    target.paint(Some(particles::COLOR), None);
}
