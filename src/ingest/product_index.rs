/// The store's product index of each HS6 number a BACI file names, found in two reads: a block of ten
/// numbers (those that share their first five digits) is made on its first product. A year of BACI names
/// some 5,000 products, so the index takes some 300 KB, where one slot for every six-digit number took 2 MB:
/// a tenth of the store at a million rows, and wasm memory never shrinks.
pub(crate) struct ProductIndex {
    /// Block by the number's first five digits, [`NONE`] before its first product.
    heads: Vec<u16>,
    blocks: Vec<[u16; 10]>,
}

const NONE: u16 = u16::MAX;

impl ProductIndex {
    pub(crate) fn new() -> ProductIndex {
        // Room for a year's blocks from the start: grown later, they would be moved past the table's columns.
        ProductIndex { heads: vec![NONE; 100_000], blocks: Vec::with_capacity(8_192) }
    }

    /// The product index of `hs6`, once [`ProductIndex::set`].
    pub(crate) fn get(&self, hs6: u32) -> Option<u16> {
        let block = *self.heads.get((hs6 / 10) as usize)?;
        let product = *self.blocks.get(usize::from(block))?.get((hs6 % 10) as usize)?;
        (product != NONE).then_some(product)
    }

    /// Records `product` as the index of `hs6` (below a million).
    pub(crate) fn set(&mut self, hs6: u32, product: u16) {
        let Some(block) = self.heads.get_mut((hs6 / 10) as usize) else { return };
        if *block == NONE {
            *block = self.blocks.len() as u16;
            self.blocks.push([NONE; 10]);
        }
        if let Some(slot) = self.blocks.get_mut(usize::from(*block)).and_then(|b| b.get_mut((hs6 % 10) as usize)) {
            *slot = product;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_set_and_nothing_else() {
        let mut index = ProductIndex::new();
        for (hs6, product) in [(10121, 0), (880621, 1), (880699, 2), (999999, 3), (0, 4)] {
            assert_eq!(index.get(hs6), None);
            index.set(hs6, product);
        }
        for (hs6, product) in [(10121, 0), (880621, 1), (880699, 2), (999999, 3), (0, 4)] {
            assert_eq!(index.get(hs6), Some(product), "{hs6}");
        }
        for hs6 in [10122, 880620, 880600, 1, 1_000_000, u32::MAX] {
            assert_eq!(index.get(hs6), None, "{hs6}");
        }
        index.set(1_000_000, 9);
        assert_eq!(index.get(1_000_000), None, "beyond six digits: not kept");
        assert_eq!(index.blocks.len(), 5, "one block for 88062x and 88069x each");
    }
}
