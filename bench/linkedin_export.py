"""A deterministic LinkedIn `Connections.csv` of any size, for the import benchmark.

It looks like a real export: a UTF-8 BOM, the `Notes:` preamble before the header,
CRLF line ends, quoted commas in positions, dates like `12 Mar 2024`, unique profile
URLs and mostly empty emails.

    python bench/linkedin_export.py OUT.csv [--rows 30000] [--seed 1]
"""

import argparse
import csv
import random
import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` and `goodloop` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.names import org_names  # noqa: E402
from goodloop.demo import data as d
from goodloop.demo.data import ascii_slug  # noqa: E402

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
PREAMBLE = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    'it. You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"',
    "",
]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
TEAMS = ("Platform", "Payments", "Growth", "EMEA", "Enterprise", "Developer Tools")


def linkedin_date(day: date) -> str:
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def rows(count: int, seed: int = 1, today: date | None = None, organizations: int = 1500):
    """The data rows of the export (lists of strings, in header order)."""
    rng = random.Random(seed)
    today = today or date(2025, 1, 1)
    companies = org_names(organizations, random.Random(seed))
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(companies))]
    titles = [t for group in d.TITLES.values() for t in group]
    for i in range(count):
        given, family = rng.choice(d.GIVEN_NAMES), rng.choice(d.FAMILY_NAMES)
        company = rng.choices(companies, weights)[0]
        title = rng.choice(titles)
        if rng.random() < 0.15:
            title = f"{title}, {rng.choice(TEAMS)}"  # a quoted comma
        email = f"{ascii_slug(given + ' ' + family)}.{i}@{rng.choice(d.PERSONAL_DOMAINS)}" if rng.random() < 0.08 else ""
        url = f"https://www.linkedin.com/in/{ascii_slug(given + ' ' + family, '-')}-{i:x}{rng.randrange(16**3):03x}"
        connected = date.fromordinal(today.toordinal() - rng.randrange(3650))
        yield [given, family, url, email, company if rng.random() > 0.03 else "", title, linkedin_date(connected)]


def write(path, count: int = 30000, seed: int = 1, today: date | None = None) -> Path:
    """Write a `count`-row export to `path` and return it."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        for line in PREAMBLE:
            f.write(line + "\r\n")
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows(count, seed, today))
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(write(args.out, args.rows, args.seed))


if __name__ == "__main__":
    main()
