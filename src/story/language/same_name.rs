//! Whether two names are the same as a reader types them: in any case, with or without accents
//! ("turkiye" is Türkiye, "РОСІЯ" is Росія), for the Latin and Cyrillic letters names are written in.

/// Whether `a` and `b` are one name.
pub fn same_name(a: &str, b: &str) -> bool {
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// `c` in lower case without its accent. By hand rather than std's `to_lowercase`, which brought its
/// Unicode tables: 9 KB of a module.
fn fold(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'Ґ' => 'ґ',
        'À'..='Å' | 'à'..='å' => 'a',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        _ => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_aside() {
        assert!(same_name("Türkiye", "turkiye"));
        assert!(same_name("Côte d'Ivoire", "COTE D'IVOIRE"));
        assert!(same_name("Росія", "РОСІЯ") && same_name("Україна", "УКРАЇНА") && same_name("Ёлка", "ёлка"));
        assert!(!same_name("Niger", "Nigeria"));
    }
}
