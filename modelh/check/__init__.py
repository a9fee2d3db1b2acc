"""Checking canvases against the method: the checker, its configuration, the output
formats and the rules."""
