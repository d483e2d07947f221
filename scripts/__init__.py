"""Repository tools: scripts/compat.py proves the kit's supported versions."""
