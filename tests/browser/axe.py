"""axe-core (vendored under vendor/axe-core, test-only) run in Chromium on a loaded page.

`check(page)` injects axe (the page's context must be opened with `bypass_csp=True`: the app's
Content-Security-Policy rightly refuses a script it did not serve; tests/browser/test_csp_browser.py
checks the policy itself) and returns its findings reduced to what a report needs: rule id,
impact, help text and the CSS targets of the nodes that fail.
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


def check(page) -> dict:
    """axe's violations and incomplete checks on `page` as it stands now."""
    if page.evaluate("typeof window.axe") != "object":
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, TAGS)


def failing(violations: list[dict]) -> list[dict]:
    """The violations that fail a page: serious or critical, and every structure rule."""
    return [v for v in violations if v["impact"] in FAILING_IMPACTS or v["id"] in STRUCTURE]
