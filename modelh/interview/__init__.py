"""The interview: the walk through a canvas, the prompter for people, and answers files."""
