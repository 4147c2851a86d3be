use super::item::Item;
use crate::geo::Lambert;

/// The land layer of the last map, kept while the projection, the size, the shapes and the highlighted
/// countries stay the same. A hover, a year change or a slide between years then neither projects the
/// coastlines again nor (with the canvas's copy, see `wasm::canvas`) redraws them.
#[derive(Debug, Default)]
pub struct LandMemo {
    key: Option<LandKey>,
    items: Vec<Item>,
    /// Counts the layers made; a target that keeps a drawn copy compares it.
    generation: u64,
}

#[derive(Debug, PartialEq)]
struct LandKey {
    projection: Lambert,
    size: [f64; 2],
    highlight: Vec<u16>,
    /// Which shapes: the address of the `World` and its size, as the 110m and 50m shapes live side by side.
    world: (usize, usize),
}

impl LandMemo {
    /// The land items for this key, made by `make` only when the key changed; and the layer's generation.
    pub(crate) fn items(
        &mut self,
        projection: &Lambert,
        size: [f64; 2],
        highlight: &[u16],
        world: (usize, usize),
        make: impl FnOnce() -> Vec<Item>,
    ) -> (&[Item], u64) {
        let key = LandKey { projection: projection.clone(), size, highlight: highlight.to_vec(), world };
        if self.key.as_ref() != Some(&key) {
            self.items = make();
            self.key = Some(key);
            self.generation += 1;
        }
        (&self.items, self.generation)
    }
}
