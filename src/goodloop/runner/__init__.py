"""The task runner: django-tasks' database backend (django-tasks-db) with a worker that renews its
lease and puts back the tasks of a worker that died (see worker.py and lease.py)."""
