//! Complexity scoring for `model_routing.complexity`: the original's keyword scoring, with one
//! fix — keywords match on word boundaries ("hi" no longer matches "this").
//!
//! Score: empty text → 0; more than 50,000 estimated tokens → 1; two or more distinct reasoning
//! keywords → 0.95; otherwise +0.18 per reasoning keyword, +0.14 per code keyword, −0.12 per
//! simple keyword, +0.1 for a code fence, +0.05 for more than two question marks, clamped to
//! [−1, 1]. Buckets: below 0 → simple, below 0.35 → moderate, else complex.

const REASONING: &[&str] = &[
    "analyze",
    "compare",
    "evaluate",
    "synthesize",
    "reason",
    "prove",
    "methodology",
    "architecture",
    "design pattern",
    "trade-off",
    "complex",
];
const CODE: &[&str] =
    &["code", "function", "class", "def", "import", "debug", "refactor", "implement", "algorithm", "data structure"];
const SIMPLE: &[&str] = &[
    "what is",
    "define",
    "translate",
    "summarize",
    "list",
    "hello",
    "hi",
    "order status",
    "tracking",
    "hours",
    "help",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Simple,
    Moderate,
    Complex,
}

/// True if `needle` occurs in `hay` with no letter or digit right before or after it.
fn has_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = start + needle.len().max(1);
    }
    false
}

pub fn score(text: &str) -> f64 {
    if text.trim().is_empty() {
        return 0.0;
    }
    if text.chars().count() / 4 > 50_000 {
        return 1.0;
    }
    let lower = text.to_lowercase();
    let count = |words: &[&str]| words.iter().filter(|w| has_word(&lower, w)).count() as f64;
    let reasoning = count(REASONING);
    if reasoning >= 2.0 {
        return 0.95;
    }
    let mut s = 0.18 * reasoning + 0.14 * count(CODE) - 0.12 * count(SIMPLE);
    if lower.contains("```") {
        s += 0.1;
    }
    if lower.matches('?').count() > 2 {
        s += 0.05;
    }
    s.clamp(-1.0, 1.0)
}

pub fn bucket(score: f64) -> Bucket {
    if score < 0.0 {
        Bucket::Simple
    } else if score < 0.35 {
        Bucket::Moderate
    } else {
        Bucket::Complex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries() {
        assert!(has_word("say hi there", "hi"));
        assert!(!has_word("this is it", "hi"));
        assert!(has_word("a design pattern!", "design pattern"));
        assert!(!has_word("codec", "code"));
        assert!(has_word("(code)", "code"));
    }

    #[test]
    fn buckets() {
        assert_eq!(bucket(score("hello, what is the time")), Bucket::Simple);
        assert_eq!(bucket(score("this is it")), Bucket::Moderate, "'hi' inside 'this' does not count");
        assert_eq!(bucket(score("please implement this function")), Bucket::Moderate);
        assert_eq!(score("analyze and compare these"), 0.95);
        assert_eq!(bucket(score("refactor the code of this class to implement the algorithm")), Bucket::Complex);
        assert_eq!(score(""), 0.0);
    }
}
