"""A killed worker loses no task (issue 12, item 6).

A 20,000-row LinkedIn export is queued (`goodloop import --queue`), a `goodloop worker`
subprocess claims it and is killed with SIGKILL while the import runs; nothing was saved and
the task is left RUNNING under the dead worker. A new `goodloop worker` puts it back in the
queue (runner/lease.py) and runs it: the job completes with every row. `goodloop serve` in
local mode runs queued imports by itself, with no worker started by hand.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT))
ROWS = 20000


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    from bench import linkedin_export

    return linkedin_export.write(tmp_path_factory.mktemp("export") / "connections.csv", ROWS, seed=3)


def _job(store, job_id: int) -> tuple:
    return store.query("SELECT status, worker, message FROM network_importjob WHERE id = ?", (job_id,))[0]


def _task(store) -> tuple:
    rows = store.query("SELECT status, worker_ids FROM django_tasks_database_dbtaskresult")
    assert len(rows) == 1, rows
    status, worker_ids = rows[0]
    return status, json.loads(worker_ids) if isinstance(worker_ids, str) else worker_ids


def _people(store) -> int:
    return store.query("SELECT COUNT(*) FROM network_person WHERE is_me = ?", (False,))[0][0]


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_task_whose_worker_was_killed_runs_again_and_completes(store, export):
    queued = json.loads(store.run("import", export, "--queue", "--json").stdout)
    job_id = queued["job"]
    assert queued["status"] == "queued" and _task(store)[0] == "READY"

    first = store.popen("worker", "--interval", "0.1", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait(lambda: _job(store, job_id)[0] == "running", 60, "the first worker to start the import")
        time.sleep(0.3)  # well inside the import: it reads, matches and writes 20,000 rows in one transaction
        assert _job(store, job_id)[0] == "running", "the import ended before the kill: nothing was tested"
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    status, worker, _ = _job(store, job_id)
    task_status, worker_ids = _task(store)
    assert (status, task_status) == ("running", "RUNNING")  # left as the dead worker had them
    assert worker == worker_ids[-1] and f":{first.pid}:" in worker
    assert _people(store) == 0  # its transaction died with it

    second = store.run("worker", "--batch", timeout=300)
    assert "put back in the queue" in second.stderr, second.stderr
    status, _, message = _job(store, job_id)
    task_status, worker_ids = _task(store)
    assert (status, message, task_status) == ("done", "", "SUCCESSFUL")
    assert len(worker_ids) == 2 and worker_ids[0] == worker  # the same task, run by the second worker
    assert _people(store) == ROWS
    jobs = json.loads(store.run("jobs", "--json").stdout)
    assert [(j["id"], j["status"], j["done"], j["total"]) for j in jobs] == [(job_id, "done", ROWS, ROWS)]


def _stopped(server: subprocess.Popen) -> None:
    """Ctrl-C stops the server within 30 s; if not, its threads' tracebacks say where it hangs
    (faulthandler, on in the store's environment, dumps them on SIGABRT)."""
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.send_signal(signal.SIGABRT)
        _, err = server.communicate(timeout=30)
        raise AssertionError("goodloop serve did not stop on Ctrl-C:\n" + err.decode(errors="replace")) from None


def _threads_taking_ctrl_c(pid: int) -> list[str]:
    """The server's threads, other than the main one, that do not block SIGINT (Linux's /proc): the
    kernel may hand Ctrl-C to any of them, and then the main thread's select may never wake for it."""
    bit = 1 << (signal.SIGINT - 1)
    taking = []
    for task in os.listdir(f"/proc/{pid}/task"):
        if int(task) == pid:
            continue
        status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/task/{task}/status").read().splitlines()
                      if ":" in line)
        if not int(status["SigBlk"].strip(), 16) & bit:
            taking.append(f"{task} {status['Name'].strip()}")
    return taking


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_local_server_runs_queued_imports_itself(store, tmp_path):
    small = tmp_path / "few.csv"
    small.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                     "Marisol,Quintero,https://www.linkedin.com/in/marisol-q,,Lumen Freight,Dispatcher,02 Jan 2024\n"
                     "Teodor,Varga,https://www.linkedin.com/in/teodor-varga,,Lumen Freight,Analyst,09 Feb 2024\n",
                     encoding="utf-8")
    job_id = json.loads(store.run("import", small, "--queue", "--json").stdout)["job"]
    server = store.popen("serve", "--port", _free_port(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # The job records its end first, then the worker its task's (stopped between the two, the
        # task would run again on the next start and leave the ended job as it is).
        _wait(lambda: _job(store, job_id)[0] == "done" and _task(store)[0] == "SUCCESSFUL", 60,
              "the server's worker to run the import")
        others = _threads_taking_ctrl_c(server.pid)
        assert others == [], f"threads besides the main one can take Ctrl-C: {others}"
    finally:
        server.send_signal(signal.SIGINT)
        _stopped(server)
    assert _people(store) == 2
