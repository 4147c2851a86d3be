//! The HS nomenclature's labels in the page's code browser and products table: a section's title and the
//! button that chooses a chapter or a heading. The page reads the nomenclature (`data/hs.json`) itself;
//! the words around its codes and names are the core's.

use crate::lang::Lang;
use crate::story::language::words::Words;

impl Words {
    /// A section of the nomenclature by its Roman number and name: "Section XVII: Vehicles, aircraft, …".
    pub fn hs_section(self, number: &str, name: &str) -> String {
        match self.0 {
            Lang::En => format!("Section {number}: {name}"),
            Lang::Uk => format!("Розділ {number}: {name}"),
            Lang::Ru => format!("Раздел {number}: {name}"),
        }
    }

    /// The button that chooses a code: a chapter (2 digits), else a heading (4).
    pub fn hs_use(self, code: &str) -> String {
        let chapter = code.len() == 2;
        match (self.0, chapter) {
            (Lang::En, true) => format!("Use chapter {code}"),
            (Lang::En, false) => format!("Use heading {code}"),
            (Lang::Uk, true) => format!("Обрати групу {code}"),
            (Lang::Uk, false) => format!("Обрати товарну позицію {code}"),
            (Lang::Ru, true) => format!("Выбрать группу {code}"),
            (Lang::Ru, false) => format!("Выбрать товарную позицию {code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_titled_in_each_language() {
        let name = "Vehicles, aircraft, vessels";
        let titles = Lang::ALL.map(|l| Words(l).hs_section("XVII", name));
        assert_eq!(
            titles,
            [
                "Section XVII: Vehicles, aircraft, vessels",
                "Розділ XVII: Vehicles, aircraft, vessels",
                "Раздел XVII: Vehicles, aircraft, vessels",
            ]
        );
    }

    #[test]
    fn the_choose_button_names_a_chapter_or_a_heading_by_the_codes_length() {
        let chapter = Lang::ALL.map(|l| Words(l).hs_use("88"));
        assert_eq!(
            chapter,
            ["Use chapter 88", "Обрати групу 88", "Выбрать группу 88"]
        );
        let heading = Lang::ALL.map(|l| Words(l).hs_use("8806"));
        assert_eq!(
            heading,
            [
                "Use heading 8806",
                "Обрати товарну позицію 8806",
                "Выбрать товарную позицию 8806"
            ]
        );
    }
}
