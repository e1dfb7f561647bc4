"""One small widget per dashboard view; each says what to do while it has nothing to show."""
