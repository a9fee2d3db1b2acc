"""Files shipped with modelh: the canvas JSON Schema."""
