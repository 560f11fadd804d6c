//! The canonical request / response / stream-event model that both dialects decode into and encode from.
