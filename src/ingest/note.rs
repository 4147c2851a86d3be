//! What a reader guessed or found amiss over a whole file, said once, in each of the page's languages
//! ([`Note::said_in`]; its `Display` is the English, for the command line).

use std::fmt;

use crate::countries::by_trade_code;
use crate::lang::Lang;

/// A note on a file, and the file's name when several were read into one table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub file: Option<String>,
    pub about: About,
}

/// What a note says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum About {
    /// BACI's country-code file is of release `codes`, the data file of release `data`.
    OtherRelease { codes: String, data: String },
    /// BACI codes read from the built-in table, in the order first met: the code file lacks them
    /// (`code_file`), or none was given.
    BuiltInCodes { code_file: bool, codes: Vec<u16> },
}

impl Note {
    /// A note on the file read.
    pub fn new(about: About) -> Note {
        Note { file: None, about }
    }

    /// Keeps `self` in `notes` once. The codes read from the built-in table, which each piece of a file lists
    /// as it meets them, join the file's one note of them, in the order one pass over the file lists them.
    pub fn keep_in(self, notes: &mut Vec<Note>) {
        if let About::BuiltInCodes { code_file, codes } = &self.about {
            let same = |n: &&mut Note| n.file == self.file && matches!(&n.about, About::BuiltInCodes { code_file: c, .. } if c == code_file);
            if let Some(About::BuiltInCodes { codes: kept, .. }) = notes.iter_mut().find(same).map(|n| &mut n.about) {
                for c in codes {
                    if !kept.contains(c) {
                        kept.push(*c);
                    }
                }
                return;
            }
        }
        if !notes.contains(&self) {
            notes.push(self);
        }
    }

    /// The note in `lang`, a country named by `name_of` (its alpha-3 code) where it names it: English names
    /// are the core's, the other languages' come from the page.
    pub fn said_in(&self, lang: Lang, name_of: &dyn Fn(&str) -> Option<String>) -> String {
        // English, Ukrainian, Russian.
        let at = lang as usize;
        let say = |words: [&'static str; 3]| words[at];
        let said = match &self.about {
            About::OtherRelease { codes, data } => format!(
                "{}{codes}{}{data}{}{data}{}",
                say(["the country-code file is of BACI release ", "файл кодів країн — з випуску BACI ", "файл кодов стран — из выпуска BACI "]),
                say([", the data file of ", ", файл даних — з ", ", файл данных — из "]),
                say([": give the country_codes_", ": дайте country_codes_", ": дайте country_codes_"]),
                say([".csv of the data file's own zip", ".csv із zip-архіву самого файлу даних", ".csv из zip-архива самого файла данных"]),
            ),
            About::BuiltInCodes { code_file, codes } => {
                let why = match code_file {
                    true => say([
                        "country codes read from the built-in table, since the country-code file lacks them",
                        "коди країн прочитано з вбудованої таблиці, бо у файлі кодів країн їх немає",
                        "коды стран прочитаны из встроенной таблицы, так как в файле кодов стран их нет",
                    ]),
                    false => say([
                        "country codes read from the built-in table, since no country-code file was given",
                        "коди країн прочитано з вбудованої таблиці, бо файл кодів країн не дано",
                        "коды стран прочитаны из встроенной таблицы, так как файл кодов стран не дан",
                    ]),
                };
                let named = codes.iter().filter_map(|&c| Some((c, by_trade_code(c)?))).map(|(c, k)| {
                    let name = if lang == Lang::En { Some(k.name.to_string()) } else { name_of(k.alpha3) };
                    let as_ = say(["as", "як", "как"]);
                    match name {
                        Some(name) => format!("{c} {as_} {name} ({})", k.alpha3),
                        None => format!("{c} {as_} {}", k.alpha3),
                    }
                });
                format!("{why}: {}", named.collect::<Vec<_>>().join(", "))
            }
        };
        match &self.file {
            Some(file) => format!("{file}: {said}"),
            None => said,
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said_in(Lang::En, &|_| None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_met_again_join_the_one_note_in_order() {
        let codes = |c: &[u16]| Note { file: Some("b.csv".into()), about: About::BuiltInCodes { code_file: false, codes: c.to_vec() } };
        let mut notes = Vec::new();
        codes(&[381, 417]).keep_in(&mut notes);
        codes(&[417, 251]).keep_in(&mut notes);
        Note { file: Some("c.csv".into()), ..codes(&[699]) }.keep_in(&mut notes);
        codes(&[381]).keep_in(&mut notes);
        assert_eq!(notes, [codes(&[381, 417, 251]), Note { file: Some("c.csv".into()), ..codes(&[699]) }]);
        assert_eq!(
            notes[0].to_string(),
            "b.csv: country codes read from the built-in table, since no country-code file was given: 381 as Italy (ITA), 417 as Kyrgyzstan (KGZ), 251 as France (FRA)"
        );
        assert_eq!(
            notes[0].said_in(Lang::Uk, &|_| None),
            "b.csv: коди країн прочитано з вбудованої таблиці, бо файл кодів країн не дано: 381 як ITA, 417 як KGZ, 251 як FRA"
        );
        let named = |code: &str| (code == "ITA").then(|| "Італія".to_string());
        assert!(notes[0].said_in(Lang::Uk, &named).ends_with(": 381 як Італія (ITA), 417 як KGZ, 251 як FRA"));
    }
}
