//! fnmatch-style globs for model names (`*`, `?`, `[abc]`, `[a-z]`, `[!x]`), case-insensitive,
//! as the original used for `provider_mapping`, `model_overrides` and tool-call model lists.
//! `*` also crosses `/`, since model names like `meta/llama-3.1-8b` are flat strings, not paths.

/// A compiled glob. A pattern without wildcards is an exact (case-insensitive) name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: String,
    tokens: Vec<Token>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    Any,
    Star,
    Class { negated: bool, items: Vec<(char, char)> },
}

impl Glob {
    pub fn new(pattern: &str) -> Glob {
        let lower = pattern.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '*' => {
                    if tokens.last() != Some(&Token::Star) {
                        tokens.push(Token::Star);
                    }
                }
                '?' => tokens.push(Token::Any),
                '[' => match parse_class(&chars[i + 1..]) {
                    Some((tok, used)) => {
                        tokens.push(tok);
                        i += used;
                    }
                    None => tokens.push(Token::Char('[')),
                },
                c => tokens.push(Token::Char(c)),
            }
            i += 1;
        }
        Glob { pattern: pattern.to_string(), tokens }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// True if the pattern has no wildcard: it names exactly one model.
    pub fn is_literal(&self) -> bool {
        self.tokens.iter().all(|t| matches!(t, Token::Char(_)))
    }

    pub fn matches(&self, name: &str) -> bool {
        // Model names are nearly always ASCII: match them in place, without lowercasing a copy
        // (this runs for every mapping pattern on every request).
        if name.is_ascii() {
            let b = name.as_bytes();
            self.match_chars(b.len(), |i| char::from(b[i].to_ascii_lowercase()))
        } else {
            let text: Vec<char> = name.to_lowercase().chars().collect();
            self.match_chars(text.len(), |i| text[i])
        }
    }

    /// The matcher proper, over `len` characters read through `at` (already lowercase).
    fn match_chars(&self, len: usize, at: impl Fn(usize) -> char) -> bool {
        let (mut t, mut p) = (0usize, 0usize);
        let mut backtrack: Option<(usize, usize)> = None;
        while t < len {
            if p < self.tokens.len() {
                match &self.tokens[p] {
                    Token::Star => {
                        backtrack = Some((p, t));
                        p += 1;
                        continue;
                    }
                    tok if tok_matches(tok, at(t)) => {
                        p += 1;
                        t += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            match backtrack {
                Some((bp, bt)) => {
                    p = bp + 1;
                    t = bt + 1;
                    backtrack = Some((bp, bt + 1));
                }
                None => return false,
            }
        }
        self.tokens[p..].iter().all(|tok| *tok == Token::Star)
    }
}

fn tok_matches(tok: &Token, c: char) -> bool {
    match tok {
        Token::Char(x) => *x == c,
        Token::Any => true,
        Token::Star => true,
        Token::Class { negated, items } => items.iter().any(|(lo, hi)| *lo <= c && c <= *hi) != *negated,
    }
}

/// Parses the inside of `[...]`; returns the token and how many chars after `[` it consumed.
fn parse_class(chars: &[char]) -> Option<(Token, usize)> {
    let mut i = 0;
    let negated = matches!(chars.first(), Some('!') | Some('^'));
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    let start = i;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && i > start {
            return Some((Token::Class { negated, items }, i + 1));
        }
        if i + 2 < chars.len() && chars[i + 1] == '-' && chars[i + 2] != ']' {
            items.push((c, chars[i + 2]));
            i += 3;
        } else {
            items.push((c, c));
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn table() {
        let cases: &[(&str, &str, bool)] = &[
            ("gpt-*", "gpt-4o", true),
            ("gpt-*", "GPT-4O", true),
            ("gpt-*", "chatgpt-4o", false),
            ("meta/*", "meta/llama-3.1-8b", true),
            ("*", "", true),
            ("*", "anything/at/all", true),
            ("o1*", "o1", true),
            ("o1*", "o1-mini", true),
            ("o1*", "o10", true),
            ("o?", "o1", true),
            ("o?", "o", false),
            ("claude-*-4*", "claude-sonnet-4-20250514", true),
            ("claude-*-4*", "claude-3-haiku", false),
            ("a*b*c", "abc", true),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("[ab]x", "bx", true),
            ("[!ab]x", "bx", false),
            ("[a-c]1", "c1", true),
            ("[a-c]1", "d1", false),
            ("[abc", "[abc", true),
            ("exact-name", "exact-name", true),
            ("exact-name", "exact-name-2", false),
            ("**x", "yyx", true),
            ("ÉCLAIR-*", "éclair-1", true),
            ("modèle-?", "MODÈLE-2", true),
        ];
        for (pat, name, want) in cases {
            assert_eq!(Glob::new(pat).matches(name), *want, "{pat} vs {name}");
        }
    }

    #[test]
    fn literal_detection() {
        assert!(Glob::new("gpt-4o").is_literal());
        assert!(!Glob::new("gpt-*").is_literal());
    }
}
