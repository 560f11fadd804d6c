//! Local token estimates, for when an upstream cannot count: CJK characters count one token
//! each, other non-space text about one token per four characters, plus a small per-message
//! overhead. Always reported as an estimate.

use crate::ir;

/// Tokens for a piece of text.
pub fn estimate_text(text: &str) -> u64 {
    let mut cjk = 0u64;
    let mut other = 0u64;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
        } else if !c.is_whitespace() {
            other += 1;
        }
    }
    cjk + other.div_ceil(4)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Input tokens of a whole request: system, messages, tool definitions.
pub fn estimate_request(req: &ir::Request) -> u64 {
    let mut n = 0;
    for b in &req.system {
        n += estimate_block(b);
    }
    for m in &req.messages {
        n += 3;
        for b in &m.content {
            n += estimate_block(b);
        }
    }
    for t in &req.tools {
        n += serde_json::to_string(t).map(|s| estimate_text(&s)).unwrap_or(0);
    }
    n
}

/// Tokens of a list of content blocks (an answer's content, a message's content).
pub fn estimate_blocks(blocks: &[ir::ContentBlock]) -> u64 {
    blocks.iter().map(estimate_block).sum()
}

fn estimate_block(b: &ir::ContentBlock) -> u64 {
    match b {
        ir::ContentBlock::Text { text, .. } => estimate_text(text),
        ir::ContentBlock::Thinking { thinking, .. } => estimate_text(thinking),
        ir::ContentBlock::ToolUse { name, input, .. } => estimate_text(name) + estimate_text(&input.to_string()),
        ir::ContentBlock::ToolResult { content, .. } => content.iter().map(estimate_block).sum::<u64>() + 2,
        // Providers bill images by size; a typical screenshot-sized image is ~1.5k tokens.
        ir::ContentBlock::Image { .. } => 1500,
        _ => serde_json::to_string(b).map(|s| estimate_text(&s)).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::estimate_text;

    #[test]
    fn estimates() {
        assert_eq!(estimate_text(""), 0);
        assert_eq!(estimate_text("hi"), 1);
        assert_eq!(estimate_text("hello world, how are you"), 5, "20 non-space characters");
        assert_eq!(estimate_text("你好世界"), 4);
    }
}
