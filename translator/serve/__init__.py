"""`translator review serve`: review a run's documents in the browser, straight into the translation memory.

Needs the `review` extra (Starlette, uvicorn, Jinja2); nothing else in translator imports this package.
"""
