#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 30 s each; override with FUZZ_SECONDS).
# cargo-fuzz needs nightly-only rustc flags; RUSTC_BOOTSTRAP=1 unlocks them on stable.
# Seeds come from the golden transcripts and bodies in tests/ and from the config examples.
set -euo pipefail
cd "$(dirname "$0")"
secs="${FUZZ_SECONDS:-30}"
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz not installed: cargo install cargo-fuzz" >&2; exit 2; }

seed() { # seed <target> <files...>
    local t="$1"; shift
    mkdir -p "corpus/$t"
    for f in "$@"; do cp "$f" "corpus/$t/$(basename "$(dirname "$f")")-$(basename "$f")"; done
}
seed sse_decoder ../tests/golden/*/*/upstream.sse
seed openai_stream ../tests/golden/openai/*/upstream.sse
seed anthropic_stream ../tests/golden/anthropic/*/upstream.sse
seed responses_stream ../tests/golden/responses/*/upstream.sse
seed gemini_stream ../tests/golden/gemini/*/upstream.sse
seed config ../config.yml.example ../src/config/default.yml ../tests/fixtures/original-config.yml.example ../tests/fixtures/config/*.yml
for t in openai_request anthropic_request openai_response anthropic_response responses_request responses_response gemini_request gemini_response; do mkdir -p "corpus/$t"; done
printf '%s' '{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA"}}]},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"r"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required","stop":"x","max_tokens":5,"reasoning_effort":"low"}' > corpus/openai_request/seed.json
printf '%s' '{"model":"m","max_tokens":5,"system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"thinking","thinking":"t","signature":"S"},{"type":"tool_use","id":"t","name":"f","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"r","is_error":true}]}],"tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"},"thinking":{"type":"enabled","budget_tokens":2048}}' > corpus/anthropic_request/seed.json
printf '%s' '{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"a","reasoning_content":"r","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":1}}}' > corpus/openai_response/seed.json
printf '%s' '{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"thinking","thinking":"t","signature":"S"},{"type":"text","text":"a"},{"type":"tool_use","id":"t","name":"f","input":{"a":1}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":2}}' > corpus/anthropic_response/seed.json
printf '%s' '{"model":"m","instructions":"s","input":[{"role":"user","content":[{"type":"input_text","text":"hi"},{"type":"input_image","image_url":"data:image/png;base64,AA"}]},{"type":"reasoning","summary":[{"type":"summary_text","text":"r"}],"encrypted_content":"S"},{"type":"function_call","call_id":"c","name":"f","arguments":"{}"},{"type":"function_call_output","call_id":"c","output":"r"}],"tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],"tool_choice":"required","max_output_tokens":5,"reasoning":{"effort":"low"},"text":{"format":{"type":"json_schema","name":"x","schema":{"type":"object"}}}}' > corpus/responses_request/seed.json
printf '%s' '{"id":"resp_1","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"model":"m","output":[{"type":"reasoning","summary":[{"type":"summary_text","text":"t"}]},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"a"}]},{"type":"function_call","call_id":"c","name":"f","arguments":"{\"a\":1}"}],"usage":{"input_tokens":3,"input_tokens_details":{"cached_tokens":1},"output_tokens":2}}' > corpus/responses_response/seed.json

printf '%s' '{"model":"m","stream":true,"systemInstruction":{"parts":[{"text":"s"}]},"contents":[{"role":"user","parts":[{"text":"hi"},{"inlineData":{"mimeType":"image/png","data":"AA"}}]},{"role":"model","parts":[{"text":"t","thought":true},{"functionCall":{"name":"f","args":{"a":1}},"thoughtSignature":"S"}]},{"role":"user","parts":[{"functionResponse":{"name":"f","response":{"output":"r"}}}]}],"tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"OBJECT","properties":{"a":{"type":"INTEGER","nullable":true}}}}]}],"toolConfig":{"functionCallingConfig":{"mode":"ANY"}},"generationConfig":{"maxOutputTokens":5,"responseMimeType":"application/json","responseSchema":{"type":"OBJECT"},"thinkingConfig":{"thinkingBudget":-1,"includeThoughts":true}}}' > corpus/gemini_request/seed.json
printf '%s' '{"candidates":[{"content":{"role":"model","parts":[{"text":"t","thought":true,"thoughtSignature":"S"},{"text":"a"},{"functionCall":{"name":"f","args":{"a":1}}}]},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"thoughtsTokenCount":1,"cachedContentTokenCount":1},"modelVersion":"m","responseId":"r"}' > corpus/gemini_response/seed.json

# No sanitizer: the crate forbids unsafe code, so ASan adds build time without finding more.
for t in $(cargo fuzz list); do
    echo "== $t (${secs}s)"
    cargo fuzz run --sanitizer none "$t" -- -max_total_time="$secs" -max_len=65536 2>&1 | tail -n 4
done
