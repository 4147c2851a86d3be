use crate::hs::Group;
use crate::scene::palette::category;
use crate::scene::{FlowSpec, Rgba};

use crate::story::language::words::Words;

/// Cuts each flow into bands by product group, in the groups' colours at the flow's own opacity, and
/// returns the key's entries in the groups' order. `groups[k]` is `flows[k]`'s value by group. Where every
/// group is "all goods" (national totals, no product detail), the flows keep their colours and the key none.
pub fn colour_by_group(
    flows: &mut [FlowSpec],
    groups: &[&[(Group, f64)]],
    words: Words,
) -> Vec<(Rgba, String)> {
    let mut seen = 0u32;
    for &(g, _) in groups.iter().copied().flatten() {
        seen |= 1 << g.index();
    }
    // Only all goods, or nothing: national totals.
    if seen & !(1 << Group::All.index()) == 0 {
        return Vec::new();
    }
    for (flow, groups) in flows.iter_mut().zip(groups) {
        let alpha = flow.color.3;
        flow.bands = groups
            .iter()
            .map(|&(g, v)| (v, category(g.index(), alpha)))
            .collect();
        if let [(_, only)] = flow.bands[..] {
            flow.color = only;
        }
    }
    Group::ALL
        .into_iter()
        .filter(|g| seen & 1 << g.index() != 0)
        .map(|g| (category(g.index(), 255), words.group(g).to_string()))
        .collect()
}
