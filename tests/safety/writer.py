"""One concurrent writer process for the safety tests (not a test module).

    python tests/safety/writer.py WORKER WRITES MODE START_AT

Opens the store named by GOODLOOP_HOME / GOODLOOP_DATABASE_URL the way the CLI does
(bootstrap.setup), waits until START_AT (a time.time() value, so every worker starts
writing at once), then makes WRITES writes, each a new person plus an interaction with
them: MODE "services" calls the services, MODE "api" goes through the whole Django
request stack (POST /api/people, POST /api/interactions with a bearer token), as a web
worker would. Prints one JSON line {"worker", "ok", "errors"}; exits 1 on any error.
"""

import json
import sys
import time


def main(worker: int, writes: int, mode: str, start_at: float) -> int:
    from goodloop import bootstrap

    bootstrap.setup()
    from goodloop.accounts import account as accounts
    from goodloop.network import interactions, people

    account = accounts.local_account()
    client = headers = None
    if mode == "api":
        from django.test import Client
        from django.test.utils import setup_test_environment

        from goodloop.accounts import tokens

        setup_test_environment()  # lets the test client's host in; touches no data
        _, secret = tokens.create(account, f"writer {worker}")
        client, headers = Client(), {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    time.sleep(max(0.0, start_at - time.time()))
    ok, errors = 0, []
    for i in range(writes):
        name = f"Writer{worker} Number{i}"
        try:
            if mode == "api":
                r = client.post("/api/people", {"name": name}, content_type="application/json", **headers)
                if r.status_code != 201:
                    raise RuntimeError(f"POST /api/people: HTTP {r.status_code} {r.content[:200]!r}")
                pid = r.json()["id"]
                r = client.post("/api/interactions", {"people": [pid], "channel": "call", "summary": name},
                                content_type="application/json", **headers)
                if r.status_code != 201:
                    raise RuntimeError(f"POST /api/interactions: HTTP {r.status_code} {r.content[:200]!r}")
            else:
                person = people.add_person(account, name)
                interactions.log(account, [person], "call", summary=name)
            ok += 1
        except Exception as exc:  # noqa: BLE001 — every failure is reported, none hidden
            errors.append(f"{type(exc).__name__}: {exc}"[:300])
    print(json.dumps({"worker": worker, "ok": ok, "errors": errors}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])))
