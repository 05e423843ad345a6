"""The local web server: one process, a thread per request, on 127.0.0.1 only, and a thread
that runs the background tasks (imports), so a person starts nothing else.

Django's runserver is a development tool (it says so on every start); a person running their
own CRM needs a quiet, dependable server, and WSGI from the standard library is enough.
"""

import gc
import signal
import socketserver
from contextlib import contextmanager
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

# Ctrl-C and SIGTERM go to the main thread only. The kernel hands a process's signal to any thread
# that does not block it; once (1 run in ~15 under load) `serve` sat in its select for 30 s after
# Ctrl-C while its worker thread slept, the KeyboardInterrupt never raised. A thread made while these
# are blocked keeps them blocked, so the main thread is the one that wakes and stops the server.
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def stop_signals_blocked():
    """Threads started inside leave Ctrl-C and SIGTERM to the main thread."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


class ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True  # Ctrl-C stops at once, whatever requests are in flight

    def process_request(self, request, client_address):
        with stop_signals_blocked():  # the request's thread inherits the mask
            super().process_request(request, client_address)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass  # a personal app does not need an access log on the terminal


def serve(host: str, port: int) -> None:
    """Serve goodloop's WSGI app, and run its tasks, until interrupted."""
    from django.db import close_old_connections

    from goodloop.runner import worker as task_worker
    from goodloop.wsgi import application

    def app(environ, start_response):
        close_old_connections()
        try:
            return application(environ, start_response)
        finally:
            close_old_connections()

    # Like the gunicorn workers (cli/gunicorn_conf.py): what start-up loaded lives for good, so keep
    # it out of the collector's full passes, which otherwise stall a request every few pages.
    gc.collect()
    gc.freeze()
    with make_server(host, port, app, server_class=ThreadingServer, handler_class=QuietHandler) as httpd:
        with stop_signals_blocked():
            worker = task_worker.start_thread()
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            worker.stop()  # a task it was running is left to the next start (lease.py re-runs it)
