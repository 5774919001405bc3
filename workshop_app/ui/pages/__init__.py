"""One page per stage of the workshop."""
