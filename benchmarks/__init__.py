"""Benchmarks: scale the demo content up, serve it with gunicorn on PostgreSQL, load it with wrk.

Not part of the test suite (pytest only collects tests/). Run with `bash benchmarks/run.sh`;
results go to benchmarks/RESULTS.md. This package is a Django app only under
benchmarks.settings, which adds its commands (scale_content, run_benchmark) and a header that
reports each response's database query count.
"""
