//! Exact wire types of the OpenAI and Anthropic APIs.
