"""gunicorn settings for `goodloop serve --server` (loaded with `--config python:goodloop.cli.gunicorn_conf`)."""

import gc


def post_worker_init(worker):
    """Once a worker has loaded Django and goodloop, leave those long-lived objects out of the
    cycle collector's full passes: a full pass over them stalls whichever request triggers it."""
    gc.collect()
    gc.freeze()
