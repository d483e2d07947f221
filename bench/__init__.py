"""Side-by-side benchmarks (run them as plain scripts: see bench_server.py)."""
