//! `roundabout story FOLDER --site dist --out DIR`: a built site with a story folder as its default, ready to
//! copy to any host. `roundabout story init --data FILE… --out FOLDER`: a story folder started from trade
//! files, with the cut and a `story.json` drafted from what the data holds.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use roundabout::countries::{by_alpha3, english_name};
use roundabout::ingest::load_tidy;
use roundabout::lang::Lang;
use roundabout::query::{self, Key, Query};
use roundabout::story::folder::{Routes, Source, Story, Texts};
use roundabout::story::language::dictionary::Dictionary;
use roundabout::story::language::goods::goods_label;
use roundabout::story::language::names::Names;
use roundabout::story::published::words::site_words;
use roundabout::story::view::steps::{Step, Steps};
use roundabout::Error;

/// Hubs a drafted story names at most.
const DRAFT_HUBS: usize = 3;

/// Arguments of `roundabout story`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    init: Option<Sub>,
    /// The story folder: story.json and the data it names.
    folder: Option<PathBuf>,
    /// The built site (./build.sh build writes dist/).
    #[arg(long, default_value = "dist")]
    site: PathBuf,
    /// Where to write the site with the story; the site itself when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Start a story folder from trade files: the cut (as `prepare` makes it) and a drafted story.json.
    Init(InitArgs),
}

/// Arguments of `roundabout story init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    #[command(flatten)]
    input: super::prepare::CutArgs,
    /// The route's origin; the draft's best guess when absent.
    #[arg(long)]
    origin: Option<String>,
    /// The hubs, ISO3 codes separated by commas; the largest between origin and destination when absent.
    #[arg(long, value_delimiter = ',')]
    hubs: Option<Vec<String>>,
    /// The route's destination; the draft's best guess when absent.
    #[arg(long)]
    destination: Option<String>,
    /// The story folder to write (created; must not hold a story.json yet).
    #[arg(long)]
    out: PathBuf,
}

/// Runs `roundabout story` or `roundabout story init`.
pub fn run(args: &Args) -> Result<(), Error> {
    match (&args.init, &args.folder) {
        (Some(Sub::Init(init)), _) => draft(init),
        (None, Some(folder)) => publish(
            folder,
            &args.site,
            args.out.as_deref().unwrap_or(&args.site),
        ),
        (None, None) => Err(Error::Input(
            "story: name a story folder (roundabout story FOLDER --site dist --out DIR) or `init`"
                .into(),
        )),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(|e| Error::Input(format!("{}: cannot read: {e}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    fs::write(path, bytes).map_err(|source| Error::Write {
        what: path.display().to_string(),
        source,
    })
}

/// Reads and checks a story folder: its story.json and the data it names, with the years they share.
pub fn check(folder: &Path) -> Result<(Story, Vec<u8>), Error> {
    let json_path = folder.join("story.json");
    let name = json_path.display().to_string();
    let story = Story::parse(&name, &read(&json_path)?)?;
    let data_path = folder.join(&story.data);
    let data = read(&data_path)?;
    let loaded = load_tidy(&data_path.display().to_string(), &data)?;
    let Some((first, last)) = loaded.table.years() else {
        return Err(Error::Input(format!("{}: no rows", data_path.display())));
    };
    let outside = |y: u16| !(first..=last).contains(&y);
    if let Some(year) = story.year.filter(|&y| outside(y)) {
        return Err(Error::Decode {
            file: name,
            message: format!("year: {year} is not in the data, which holds {first}–{last}"),
        });
    }
    if outside(story.baseline) {
        return Err(Error::Decode {
            file: name,
            message: format!(
                "baseline: {} is not in the data, which holds {first}–{last}",
                story.baseline
            ),
        });
    }
    Ok((story, data))
}

/// Copies `site` into `out` (unless they are one folder) and makes `folder` its story.
fn publish(folder: &Path, site: &Path, out: &Path) -> Result<(), Error> {
    let (story, data) = check(folder)?;
    let index = site.join("index.html");
    let html = String::from_utf8(read(&index)?)
        .map_err(|_| Error::Input(format!("{}: not UTF-8", index.display())))?;
    let same = fs::canonicalize(site)
        .ok()
        .zip(fs::canonicalize(out).ok())
        .is_some_and(|(a, b)| a == b);
    if !same {
        copy_dir(site, out)?;
    }
    write(
        &out.join("data/story.json"),
        story.to_json().to_string().as_bytes(),
    )?;
    write(&out.join("data/story.csv"), &data)?;
    write(&out.join("index.html"), bake(&html, &story).as_bytes())?;
    write_published_words(&out.join("data"))?;
    eprintln!(
        "{}: the site with {} as its story",
        out.display(),
        folder.display()
    );
    Ok(())
}

/// The site's published figures (`data/published.json`, when it has them) in words in each of the page's
/// languages, `data/published-words-{lang}.json`: the page shows them as they are.
fn write_published_words(data: &Path) -> Result<(), Error> {
    let published = data.join("published.json");
    if !published.exists() {
        return Ok(());
    }
    let json = read(&published)?;
    for lang in Lang::ALL {
        let tag = lang.tag();
        let (dictionary, names) = if lang == Lang::En {
            (Dictionary::default(), None)
        } else {
            let texts = data.join(format!("i18n-{tag}.json"));
            let names = data.join(format!("names-{tag}.json"));
            (
                Dictionary::parse(&texts.display().to_string(), &read(&texts)?, lang)?,
                Some(Names::parse(&names.display().to_string(), &read(&names)?)?),
            )
        };
        let words = site_words(&published.display().to_string(), &json, lang, &dictionary, names.as_ref())?;
        let text = serde_json::to_string(&words).map_err(|e| Error::Input(format!("published words: {e}")))?;
        write(&data.join(format!("published-words-{tag}.json")), text.as_bytes())?;
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Error> {
    fn io(p: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
        move |source| Error::Write {
            what: p.display().to_string(),
            source,
        }
    }
    fs::create_dir_all(to).map_err(io(to))?;
    for entry in fs::read_dir(from)
        .map_err(|e| Error::Input(format!("{}: cannot read: {e}", from.display())))?
    {
        let entry =
            entry.map_err(|e| Error::Input(format!("{}: cannot read: {e}", from.display())))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(io(&dst))?;
        }
    }
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `index.html` with the story's English words in every element marked `data-story="…"`: a `<meta>`'s
/// content, any other element's text. Crawlers and readers without JavaScript get the story's words;
/// the page puts another language's in from story.json.
pub fn bake(html: &str, story: &Story) -> String {
    let Some(t) = story.english() else {
        return html.to_string();
    };
    // Each source's name is marked with its place in story.json: the page puts its name in another
    // language there.
    let marked = |i: usize, s: &Source| format!("<span data-source=\"{i}\">{}</span>", escape(&s.name));
    let sources = story
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| match &s.url {
            Some(url) => format!("<a href=\"{}\" data-source=\"{i}\">{}</a>", escape(url), escape(&s.name)),
            None => marked(i, s),
        })
        .collect::<Vec<_>>()
        .join(". ");
    let names = story
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| marked(i, s))
        .collect::<Vec<_>>()
        .join("; ");
    let value = |key: &str| -> Option<String> {
        Some(match key {
            "title" => escape(&t.title),
            "kicker" => escape(&t.kicker),
            "dek" => escape(&t.dek),
            "notes" => escape(&t.notes.join(" ")),
            "sources" => format!("{sources}."),
            "credit" => format!("{names}."),
            _ => return None,
        })
    };
    let mut out = String::with_capacity(html.len() + 2048);
    let mut rest = html;
    const MARK: &str = "data-story=\"";
    while let Some(at) = rest.find(MARK) {
        let key_start = at + MARK.len();
        let Some(key_len) = rest[key_start..].find('"') else {
            break;
        };
        let key = &rest[key_start..key_start + key_len];
        let Some(tag_end) = rest[at..].find('>').map(|i| at + i) else {
            break;
        };
        let tag_start = rest[..at].rfind('<').unwrap_or(0);
        let Some(text) = value(key) else {
            out.push_str(&rest[..=tag_end]);
            rest = &rest[tag_end + 1..];
            continue;
        };
        if rest[tag_start..].starts_with("<meta") {
            let tag = &rest[tag_start..=tag_end];
            let content = tag
                .find("content=\"")
                .and_then(|c| tag[c + 9..].find('"').map(|e| (c + 9, c + 9 + e)));
            out.push_str(&rest[..tag_start]);
            match content {
                Some((a, b)) => out.push_str(&format!("{}{text}{}", &tag[..a], &tag[b..])),
                None => out.push_str(tag),
            }
            rest = &rest[tag_end + 1..];
        } else {
            // Up to the element's own end tag: a baked page's sources hold links and names of their own.
            let name: String = rest[tag_start + 1..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let close = own_end(&rest[tag_end + 1..], &name).map_or(tag_end + 1, |i| tag_end + 1 + i);
            out.push_str(&rest[..=tag_end]);
            out.push_str(&text);
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}

/// Where the element `name` whose content starts `html` ends: its own end tag, past any of the same name
/// inside it.
fn own_end(html: &str, name: &str) -> Option<usize> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut at = 0;
    loop {
        let next_close = html[at..].find(&close)? + at;
        let next_open = html[at..next_close].find(&open).map(|i| i + at).filter(|&i| {
            html[i + open.len()..].starts_with([' ', '>'])
        });
        match next_open {
            Some(i) => {
                depth += 1;
                at = i + open.len();
            }
            None if depth == 0 => return Some(next_close),
            None => {
                depth -= 1;
                at = next_close + close.len();
            }
        }
    }
}

/// `roundabout story init`: the cut, then a story.json drafted from it.
fn draft(args: &InitArgs) -> Result<(), Error> {
    let json_path = args.out.join("story.json");
    if json_path.exists() {
        return Err(Error::Input(format!(
            "{}: already there; init starts a new folder",
            json_path.display()
        )));
    }
    fs::create_dir_all(&args.out).map_err(|source| Error::Write {
        what: args.out.display().to_string(),
        source,
    })?;
    let csv = args.out.join("story.csv");
    super::prepare::cut(&args.input, Some(&csv))?;
    let loaded = load_tidy(&csv.display().to_string(), &read(&csv)?)?;
    let table = &loaded.table;
    let (first, last) = table
        .years()
        .ok_or_else(|| Error::Input(format!("{}: the cut kept no rows", csv.display())))?;
    let routes = pick_routes(table, args)?;
    // The year the page opens on: the latest in which a leg of the story's routes has a row.
    let legs = routes.legs();
    let on_leg = |e: &str, i: &str| legs.iter().any(|(from, to)| from == e && to == i);
    let opens = table.records().filter(|r| on_leg(r.exporter, r.importer)).map(|r| r.year).max().unwrap_or(last);
    let goods = goods_label(table.products(), Lang::En);
    let sources = name_sources(table.sources());
    let name = english_name;
    let hubs = and_list(&routes.hubs.iter().map(|h| name(h)).collect::<Vec<_>>());
    let (origin, destination) = (name(&routes.origin), name(&routes.destination));
    let years = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    let baseline = if (first..=last).contains(&2021) {
        2021
    } else {
        first
    };
    let whose = and_list(&sources.iter().map(|s| s.name.clone()).collect::<Vec<_>>());
    let steps = vec![
        Step {
            caption: format!(
                "{baseline}: {origin}'s exports to {hubs}, and theirs to {destination}."
            ),
            view: format!("?goods=all&year={baseline}"),
        },
        Step {
            caption: format!("{last}, the latest year in the data."),
            view: format!("?goods=all&year={last}"),
        },
        Step {
            caption: format!("What {} sends on to {destination}.", name(&routes.hubs[0])),
            view: format!(
                "?goods=all&year={last}&focus={}&dir=outgoing",
                routes.hubs[0]
            ),
        },
    ];
    let texts = Texts {
        kicker: "Trade routes".into(),
        title: format!("{origin} → {hubs} → {destination}: {goods}, {years}"),
        dek: format!("{origin}'s exports of {goods} to {hubs}, and theirs to {destination}, {years}, from {whose}. Arrow width shows the value of {goods} in a year."),
        goods,
        notes: vec![format!("Drafted by roundabout story init from {}: check every sentence before publishing.", file_names(&args.input.data))],
        steps: Some(Steps { title: format!("{origin} to {destination} in {} steps", steps.len()), steps }),
    };
    let story = Story {
        routes,
        year: Some(opens),
        // The story's own data first, not the published figures the default story opens on.
        view: Some(format!("?goods=all&year={opens}")),
        baseline,
        data: "story.csv".into(),
        sources,
        texts: vec![(Lang::En, texts)],
    };
    let pretty =
        serde_json::to_string_pretty(&story.to_json()).map_err(|e| Error::Input(e.to_string()))?;
    write(&json_path, format!("{pretty}\n").as_bytes())?;
    // What was written must pass the checks `roundabout story` makes.
    check(&args.out)?;
    eprintln!(
        "{}: story.json drafted; edit its words, then: roundabout story {} --site dist --out DIR",
        args.out.display(),
        args.out.display()
    );
    Ok(())
}

fn file_names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Each source of the table once, named from its format and linked where the format has a home page.
fn name_sources(sources: &[String]) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    for s in sources {
        let (name, url) = if s.starts_with("CEPII BACI") {
            (
                "CEPII BACI".to_string(),
                Some("https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37"),
            )
        } else if s.starts_with("UN Comtrade") {
            (
                "UN Comtrade".to_string(),
                Some("https://comtradeplus.un.org/"),
            )
        } else {
            (s.clone(), None)
        };
        if !out.iter().any(|o| o.name == name) {
            out.push(Source {
                name,
                url: url.map(str::to_string),
                names: Vec::new(),
            });
        }
    }
    out
}

/// The routes the flags name, the rest guessed: the origin and destination joined by the most value
/// through third countries (each hub counted by the smaller of its two legs), and the largest such hubs.
fn pick_routes(table: &roundabout::store::Table, args: &InitArgs) -> Result<Routes, Error> {
    // Summed as every command counts (one product level per report, the World left out).
    let query = Query {
        group_by: vec![Key::Exporter, Key::Importer],
        ..Query::default()
    };
    let country = |c: &str| by_alpha3(c).is_some_and(|c| !c.alpha2.is_empty());
    let mut pairs: HashMap<(String, String), i64> = HashMap::new();
    for row in query::run(table, &query)?.rows {
        let [e, i] = &row.keys[..] else { continue };
        let (e, i) = (e.to_string(), i.to_string());
        if e != i && country(&e) && country(&i) {
            *pairs.entry((e, i)).or_default() += row.value_cents;
        }
    }
    let flow = |a: &str, b: &str| {
        pairs
            .get(&(a.to_string(), b.to_string()))
            .copied()
            .unwrap_or(0)
    };
    let mut out_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for (a, b) in pairs.keys() {
        out_of.entry(a.as_str()).or_default().push(b.as_str());
    }
    let mut through: HashMap<(&str, &str), i64> = HashMap::new();
    for (o, firsts) in &out_of {
        if args.origin.as_deref().is_some_and(|x| x != *o) {
            continue;
        }
        for h in firsts {
            for d in out_of.get(h).into_iter().flatten() {
                if d == o || args.destination.as_deref().is_some_and(|x| x != *d) {
                    continue;
                }
                *through.entry((o, d)).or_default() += flow(o, h).min(flow(h, d));
            }
        }
    }
    let best = through
        .iter()
        .max_by_key(|(k, v)| (**v, std::cmp::Reverse(**k)))
        .map(|(k, _)| *k);
    let (origin, destination) = match (best, &args.origin, &args.destination) {
        (_, Some(o), Some(d)) => (o.clone(), d.clone()),
        (Some((o, d)), _, _) => (o.to_string(), d.to_string()),
        _ => return Err(Error::Input("story init: the data holds no route through a third country; name one with --origin, --hubs and --destination".into())),
    };
    let hubs = match &args.hubs {
        Some(h) => h.clone(),
        None => {
            let mut hubs: Vec<(&str, i64)> = out_of
                .get(origin.as_str())
                .into_iter()
                .flatten()
                .filter(|h| **h != destination)
                .map(|h| (*h, flow(&origin, h).min(flow(h, &destination))))
                .filter(|(_, v)| *v > 0)
                .collect();
            hubs.sort_by_key(|&(h, v)| (std::cmp::Reverse(v), h));
            hubs.into_iter()
                .take(DRAFT_HUBS)
                .map(|(h, _)| h.to_string())
                .collect()
        }
    };
    if hubs.is_empty() {
        return Err(Error::Input(format!("story init: nothing goes from {origin} to {destination} through a third country; name the hubs with --hubs")));
    }
    Ok(Routes {
        origin,
        hubs,
        destination,
    })
}
