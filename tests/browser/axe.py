"""axe-core (vendored under vendor/axe-core, test-only) run in Chromium on a loaded page.

`new_context(browser)` opens a browser context in which every page has axe from its first script
on (`bypass_csp=True`: the app's Content-Security-Policy rightly refuses a script it did not serve;
tests/browser/test_csp_browser.py checks the policy itself). `check(page)` runs it, injecting it
first on a page of another context, and returns its findings reduced to what a report needs: rule
id, impact, help text and the CSS targets of the nodes that fail.
"""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best-practice rules (heading order, one h1,
# landmarks), which carry no WCAG tag but are part of what the pages promise.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
# Structure rules axe rates "moderate" that the pages must pass all the same: one h1, no skipped
# heading level, everything inside a landmark, one main, no empty table header.
STRUCTURE = {"heading-order", "page-has-heading-one", "region", "landmark-one-main", "landmark-unique",
             "landmark-no-duplicate-main", "empty-heading", "empty-table-header", "duplicate-id-aria"}

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const rows = (list) => list.map(r => ({id: r.id, impact: r.impact, help: r.help,
      nodes: r.nodes.map(n => ({target: n.target.join(' '), summary: (n.failureSummary || '').slice(0, 300)}))}));
  return {violations: rows(result.violations), incomplete: rows(result.incomplete), version: axe.version};
}"""


def new_context(browser, **options):
    """A browser context whose pages all carry axe. Chromium is handed axe's 550 kB once, for the
    context, and keeps it compiled: sent into each page instead (`add_script_tag`), it cost about
    0.15 s a page, a fifth of an audit's time."""
    context = browser.new_context(bypass_csp=True, **options)
    context.add_init_script(path=str(AXE))
    return context


def check(page) -> dict:
    """axe's violations and incomplete checks on `page` as it stands now."""
    if page.evaluate("typeof window.axe") != "object":
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, TAGS)


def failing(violations: list[dict]) -> list[dict]:
    """The violations that fail a page: serious or critical, and every structure rule."""
    return [v for v in violations if v["impact"] in FAILING_IMPACTS or v["id"] in STRUCTURE]


class Audit:
    """axe's findings over many pages: what fails (page, rule, element), per-rule node counts, and
    what axe could not decide (printed for a person to look at, e.g. text over a pseudo-element)."""

    def __init__(self):
        self.failures, self.review, self.pages = [], [], []
        self.counts, self.incomplete = {}, {}

    def run(self, page, label: str) -> None:
        """Check `page` as it stands; `label` names it in the report (viewport, url, state)."""
        result = check(page)
        self.pages.append(label)
        h1 = page.locator("h1").count()
        if h1 != 1:  # axe asks for at least one; a page is about one thing
            self.counts["one-h1"] = self.counts.get("one-h1", 0) + 1
            self.failures.append(f"{label}: one-h1 — {h1} h1 elements on the page")
        for v in failing(result["violations"]):
            self.counts[v["id"]] = self.counts.get(v["id"], 0) + len(v["nodes"])
            self.failures += [f"{label}: {v['id']} ({v['impact']}) {n['target']} — {_why(n) or v['help']}"
                              for n in v["nodes"][:5]]
        for v in result["incomplete"]:
            self.incomplete[v["id"]] = self.incomplete.get(v["id"], 0) + len(v["nodes"])
            self.review += [f"{label}: {v['id']} {n['target']} — {_why(n)}" for n in v["nodes"]]

    def report(self, title: str) -> None:
        print(f"\naxe {title}: {len(self.pages)} runs; failing nodes by rule {dict(sorted(self.counts.items()))}; "
              f"needs review (incomplete) {dict(sorted(self.incomplete.items()))}")
        print("  checked: " + ", ".join(self.pages))
        print("  needs review:" + "".join(f"\n    {line}" for line in sorted(set(self.review))))


def _why(node: dict) -> str:
    lines = [line.strip() for line in node["summary"].splitlines() if line.strip()]
    return lines[-1] if lines else ""
