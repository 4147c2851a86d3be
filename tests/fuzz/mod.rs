//! A coverage-free mutation fuzzer that runs on stable Rust, shared by the fuzz targets.
//!
//! Each target reads its seeds from `fuzz/corpus/<target>/`, replays them, then mutates them for
//! `FUZZ_SECONDS` (default 2). An input joins the corpus when it brings an outcome not seen before (a new
//! error kind, column or format), which stands in for coverage. Panics, invariant breaks and inputs slower
//! than a second are failures; they are written to `target/fuzz-crashes/<target>/` and fail the test.
//! `FUZZ_SAVE=1` also writes new small corpus inputs back to `fuzz/corpus/<target>/`.

pub mod mutate;
pub mod rng;
pub mod targets;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Once;
use std::time::{Duration, Instant};

use rng::Rng;

/// What a target checks: `Ok(outcome)` names what happened (for corpus growth), `Err` an invariant broken.
pub type Check = fn(&[u8]) -> Result<String, String>;

/// One parser under test.
pub struct Target {
    pub name: &'static str,
    /// Tokens of this format for the mutator.
    pub dict: &'static [&'static [u8]],
    pub check: Check,
}

const SLOW: Duration = Duration::from_secs(1);
const MAX_CORPUS: usize = 4096;
const MAX_SAVED: usize = 24;
const MAX_SAVED_LEN: usize = 1024;

thread_local! {
    static IN_FUZZ: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the panic text and place of a fuzzed input quiet and in hand; other panics print as usual.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_FUZZ.with(Cell::get) {
                let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
                let text = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = format!("panic at {place}: {text}"));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs the target on one input: `Ok(outcome)` or `Err(failure)`.
pub fn exec(t: &Target, input: &[u8]) -> Result<String, String> {
    quiet_panics();
    IN_FUZZ.with(|f| f.set(true));
    let start = Instant::now();
    let r = catch_unwind(AssertUnwindSafe(|| (t.check)(input)));
    IN_FUZZ.with(|f| f.set(false));
    match r {
        Ok(Ok(_)) if start.elapsed() > SLOW => Err(format!("slow: {:?} for {} bytes", start.elapsed(), input.len())),
        Ok(r) => r,
        Err(_) => Err(LAST_PANIC.with(|p| p.borrow().clone())),
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

fn env_f64(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn corpus_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(name)
}

fn read_corpus(name: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(corpus_dir(name)).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Replays the target's corpus, then fuzzes it for `FUZZ_SECONDS`; panics listing every distinct failure.
pub fn run(t: &Target) {
    let seconds = env_f64("FUZZ_SECONDS", 2.0);
    let save = std::env::var_os("FUZZ_SAVE").is_some();
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| hash(t.name.as_bytes()));
    let mut corpus = read_corpus(t.name);
    assert!(!corpus.is_empty(), "no seeds in {}", corpus_dir(t.name).display());
    let mut outcomes = HashSet::new();
    let mut failures: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for input in &corpus {
        match exec(t, input) {
            Ok(o) => {
                outcomes.insert(o);
            }
            Err(f) => {
                failures.entry(f).or_insert_with(|| input.clone());
            }
        }
    }
    let mut rng = Rng::new(seed);
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let (mut execs, mut saved) = (0u64, 0usize);
    while Instant::now() < deadline && failures.len() < 20 {
        let parent = &corpus[rng.below(corpus.len())];
        let other = &corpus[rng.below(corpus.len())];
        let child = mutate::mutate(&mut rng, parent, other, t.dict);
        execs += 1;
        match exec(t, &child) {
            Ok(o) if !outcomes.contains(&o) => {
                outcomes.insert(o);
                if save && saved < MAX_SAVED && child.len() <= MAX_SAVED_LEN {
                    let path = corpus_dir(t.name).join(format!("found-{:016x}", hash(&child)));
                    saved += usize::from(std::fs::write(path, &child).is_ok());
                }
                if corpus.len() < MAX_CORPUS {
                    corpus.push(child);
                }
            }
            Ok(_) => {}
            Err(f) => {
                failures.entry(f).or_insert(child);
            }
        }
    }
    eprintln!(
        "fuzz {}: {execs} runs in {seconds} s (seed {seed}), corpus {}, outcomes {}, saved {saved}, failures {}",
        t.name,
        corpus.len(),
        outcomes.len(),
        failures.len()
    );
    if failures.is_empty() {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes").join(t.name);
    let _ = std::fs::create_dir_all(&dir);
    let mut report = String::new();
    for (f, input) in &failures {
        let path = dir.join(format!("{:016x}", hash(input)));
        let _ = std::fs::write(&path, input);
        let shown = String::from_utf8_lossy(&input[..input.len().min(300)]);
        report.push_str(&format!("\n{f}\n  input {}: {shown:?}\n", path.display()));
    }
    panic!("fuzz {}: {} failures{report}", t.name, failures.len());
}
