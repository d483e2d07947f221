"""Step definitions: the kit's generic HTTP steps, plus this project's own."""
