//! Light and dark: the scene is laid out once in the house colours; the dark theme swaps each house
//! colour and each category colour ([`palette`](super::palette)) for its night counterpart, leaving the
//! flows' other colours alone.

use super::color::Rgba;
use super::item::Item;
use super::legend::{PANEL, SAMPLE};
use super::palette::at_night;
use super::scene_def::Scene;
use super::style::{BORDER, DOT, FLOW_EDGE, HALO, HOVER_EDGE, INK, INK_SOFT, LAND, LAND_HIGHLIGHT, SEA};

/// Which colours the page asked for (the reader's `prefers-color-scheme`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Each house colour and its dark counterpart.
const NIGHT: [(Rgba, Rgba); 11] = [
    (SEA, Rgba::rgb(0x1b, 0x1d, 0x21)),
    (LAND, Rgba::rgb(0x2e, 0x31, 0x37)),
    (LAND_HIGHLIGHT, Rgba::rgb(0x4a, 0x4f, 0x58)),
    (BORDER, Rgba::rgb(0x1b, 0x1d, 0x21)),
    (INK, Rgba::rgb(0xec, 0xea, 0xe5)),
    (INK_SOFT, Rgba::rgb(0xb4, 0xb0, 0xa8)),
    (HALO, Rgba::rgb(0x1b, 0x1d, 0x21)),
    (DOT, Rgba::rgb(0xec, 0xea, 0xe5)),
    (FLOW_EDGE, Rgba(0x1b, 0x1d, 0x21, 0xcc)),
    (HOVER_EDGE, Rgba::rgb(0xff, 0xff, 0xff)),
    (PANEL, Rgba(0x1b, 0x1d, 0x21, 0xdd)),
];

impl Scene {
    /// The scene in `theme`'s colours.
    pub fn themed(mut self, theme: Theme) -> Scene {
        if theme == Theme::Light {
            return self;
        }
        let swap = |c: &mut Rgba| {
            if let Some((_, night)) = NIGHT.iter().find(|(day, _)| day == c) {
                *c = *night;
            } else if *c == SAMPLE {
                *c = Rgba::rgb(0xa0, 0xa0, 0xa0);
            } else if let Some(night) = at_night(*c) {
                *c = night;
            }
        };
        swap(&mut self.background);
        for item in &mut self.items {
            match item {
                Item::Path { fill, stroke, .. } | Item::Circle { fill, stroke, .. } => {
                    fill.iter_mut().for_each(swap);
                    stroke.iter_mut().for_each(|(c, _)| swap(c));
                }
                Item::Text { color, halo, .. } => {
                    swap(color);
                    halo.iter_mut().for_each(swap);
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geo::World;
    use crate::scene::{build, FlowSpec, MapSpec};

    /// WCAG 2.1 relative luminance.
    fn luminance(c: Rgba) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: Rgba, b: Rgba) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn category_colours_stand_3_to_1_on_land_and_sea_in_both_themes() {
        use crate::scene::palette::{DAY, NIGHT as NIGHT_CATEGORIES};
        let night = |c: Rgba| NIGHT.iter().find(|(day, _)| *day == c).map_or(c, |(_, n)| *n);
        for (i, (day, dark)) in DAY.iter().zip(NIGHT_CATEGORIES).enumerate() {
            assert_eq!(at_night(Rgba(day.0, day.1, day.2, 60)), Some(Rgba(dark.0, dark.1, dark.2, 60)));
            for ground in [SEA, LAND, LAND_HIGHLIGHT] {
                let (light, dim) = (contrast(*day, ground), contrast(dark, night(ground)));
                assert!(light >= 3.0, "category {i} {} on {}: {light:.2}", day.hex(), ground.hex());
                assert!(dim >= 3.0, "category {i} {} on {}: {dim:.2}", dark.hex(), night(ground).hex());
            }
        }
        // No category colour is a house colour or a leg's, which the dark theme treats otherwise.
        let legs = [crate::story::view::map::INTO_HUB, crate::story::view::map::ONWARD];
        assert!(DAY.iter().all(|c| !NIGHT.iter().any(|(d, _)| d == c) && !legs.contains(c)));
    }

    #[test]
    fn dark_swaps_house_colours_and_keeps_the_flows() {
        let flow = Rgba(0, 114, 178, 255);
        let spec = MapSpec {
            width: 400.0,
            height: 300.0,
            highlight: vec![],
            labels: vec![([71.4, 51.2], "Kazakhstan".into())],
            flows: vec![FlowSpec { id: 1, from: [116.4, 39.9], to: [71.4, 51.2], value: 1e9, color: flow, label: "$1bn".into(), bands: Vec::new() }],
            max_value: 1e9,
            max_width: 10.0,
            legend_title: "US$".into(),
            legend_note: String::new(),
            legend_colors: Vec::new(),
            lang: crate::lang::Lang::En,
            hover: None,
        };
        let light = build(&World::default(), &spec);
        let dark = light.clone().themed(Theme::Dark);
        assert_eq!(light.clone().themed(Theme::Light), light);
        assert_eq!(dark.background, NIGHT[0].1);
        let colours = |s: &Scene| -> Vec<Rgba> {
            s.items
                .iter()
                .flat_map(|i| match i {
                    Item::Path { fill, .. } | Item::Circle { fill, .. } => fill.iter().copied().collect::<Vec<_>>(),
                    Item::Text { color, .. } => vec![*color],
                })
                .collect()
        };
        let (day, night) = (colours(&light), colours(&dark));
        assert!(night.contains(&flow), "the flow keeps its colour");
        assert!(!night.contains(&INK) && night.contains(&NIGHT[4].1), "text turns light");
        assert_eq!(day.len(), night.len());
    }
}
