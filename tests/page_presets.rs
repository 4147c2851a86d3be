//! The page's product presets are the core's: every option of `#products-preset` in `www/index.html` is a
//! preset `ProductFilter` reads, and every preset has an option.

use roundabout::hs::preset::PRESETS;

#[test]
fn the_goods_menu_offers_exactly_the_cores_presets() {
    let html = std::fs::read_to_string("www/index.html").unwrap_or_default();
    let start = html.find(r#"<select id="products-preset">"#).unwrap_or_else(|| panic!("no #products-preset in www/index.html"));
    let menu = &html[start..start + html[start..].find("</select>").unwrap_or(0)];
    let values: Vec<&str> = menu.split(r#"value=""#).skip(1).filter_map(|s| s.split('"').next()).filter(|v| !v.is_empty()).collect();
    let presets: Vec<&str> = PRESETS.iter().map(|p| p.0).collect();
    assert_eq!(values, presets);
}
