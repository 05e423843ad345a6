"""The brief: "help me help you" on one page, rendered as Markdown, HTML or PDF (P1)."""

import html
from pathlib import Path

from django.db import transaction

from goodloop.core import brief_coach
from goodloop.core.draft_facts import is_placeholder
from goodloop.errors import ServiceError
from goodloop.network.models import ContactPoint, Person
from goodloop.search.models import Brief, Landing, Target
from goodloop.search.pdf_glyphs import Glyphs

LIST_FIELDS = ("roles_sought", "people_categories", "how_you_can_help", "offers")
MAX_ITEMS = 50
MAX_ITEM_CHARS = 500
# Shipped in the package (its licence, fonts/DejaVuSans.LICENSE, allows it), so the PDF draws the same
# characters on every system, not only where Debian's fonts-dejavu happens to be installed.
FONT = Path(__file__).resolve().parent.parent / "fonts" / "DejaVuSans.ttf"


def get(account) -> Brief:
    """The account's brief (an empty one if none was written yet)."""
    brief = Brief.objects.filter(account=account).first()
    return brief or Brief(account=account)


@transaction.atomic
def update(account, headline: str | None = None, **lists) -> Brief:
    """Save the brief. Each list field takes a list of strings (blank lines dropped)."""
    brief = Brief.objects.select_for_update().filter(account=account).first() or Brief(account=account)
    if headline is not None:
        if len(headline) > 300:
            raise ServiceError("the headline is at most 300 characters", field="headline")
        brief.headline = headline.strip()
    for name, items in lists.items():
        if name not in LIST_FIELDS:
            raise ServiceError(f"unknown brief field {name!r}", field=name)
        clean = [str(x).strip() for x in items if str(x).strip()]
        if any(len(x) > MAX_ITEM_CHARS for x in clean):
            raise ServiceError(f"each line is at most {MAX_ITEM_CHARS} characters", field=name)
        if len(clean) > MAX_ITEMS:  # 20,000 lines made an 8 s page and a 28 s PDF (issue 17)
            raise ServiceError(f"a brief list holds at most {MAX_ITEMS} lines (got {len(clean)})", field=name)
        setattr(brief, name, clean)
    brief.save()
    return brief


def content(account) -> dict:
    """Everything the brief shows, with the brief coach's reading of each "how you can help" item."""
    brief = get(account)
    targets = [t.organization.name for t in Target.objects.filter(account=account).exclude(status="closed")
               .select_related("organization").order_by("priority", "id")]
    asks = brief_coach.read_items(brief.how_you_can_help or [], targets, brief.people_categories or ())
    name, contact = me_lines(account)
    return {"name": name, "contact": contact, "headline": brief.headline, "landed": landed_line(account), "roles_sought": list(brief.roles_sought or []),
            "targets": targets,
            "people_categories": list(brief.people_categories or []), "how_you_can_help": asks,
            "offers": list(brief.offers or [])}


def me_lines(account) -> tuple[str, list[str]]:
    """Your name ("" while it is still the placeholder "Me") and contact lines: email, phone,
    web address, in that order (set with `person edit me` or the You page)."""
    rows = list(Person.objects.filter(account=account, id=account.me_id)  # one query: name and contact points
                .values_list("display_name", "contact_points__kind", "contact_points__value", "contact_points__id"))
    me = rows[0][0] if rows else ""
    order = {ContactPoint.EMAIL: 0, ContactPoint.PHONE: 1, ContactPoint.URL: 2}
    points = sorted(((kind, value, pid) for _, kind, value, pid in rows if pid is not None),
                    key=lambda p: (order.get(p[0], 3), p[2]))
    return ("" if is_placeholder(me) else me), [value for _, value, _ in points]


def title_of(data: dict) -> str:
    return f"{data['name']}: networking brief" if data.get("name") else "My networking brief"


def landed_line(account) -> str:
    """The brief's news once the search landed ("" while it runs): say so, and thank people."""
    landing = (Landing.objects.filter(account=account, undone_on__isnull=True)
               .select_related("lead__organization").first())
    if landing is None:
        return ""
    lead = landing.lead
    return (f"Update: I've landed. I accepted the {lead.title} role at {lead.organization.name} "
            f"on {landing.on.day} {landing.on.strftime('%B %Y')}. Thank you to everyone who helped.")


SECTIONS = (("Roles I'm looking for", "roles_sought"), ("Target organizations", "targets"),
            ("People I'd like to meet", "people_categories"), ("How you can help", "how_you_can_help"),
            ("What I can offer you", "offers"))


def _items(data: dict, key: str) -> list[str]:
    items = data[key]
    return [i["text"] for i in items] if key == "how_you_can_help" else list(items)


def to_markdown(data: dict) -> str:
    lines = [f"# {title_of(data)}", ""]
    if data.get("contact"):
        lines += [" · ".join(data["contact"]), ""]
    if data["headline"]:
        lines += [data["headline"], ""]
    if data.get("landed"):
        lines += [f"**{data['landed']}**", ""]
    for title, key in SECTIONS:
        items = _items(data, key)
        if not items:
            continue
        lines += [f"## {title}", ""]
        numbered = key == "targets"
        lines += [f"{n}. {x}" if numbered else f"- {x}" for n, x in enumerate(items, 1)]
        lines.append("")
    return "\n".join(lines)


def to_html(data: dict) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(title_of(data))}</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5}"
             "h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.5rem}</style></head><body><main>",
             f"<h1>{e(title_of(data))}</h1>"]
    if data.get("contact"):
        parts.append("<p class='contact'>" + " · ".join(e(c) for c in data["contact"]) + "</p>")
    if data["headline"]:
        parts.append(f"<p>{e(data['headline'])}</p>")
    if data.get("landed"):
        parts.append(f"<p class='landed'><strong>{e(data['landed'])}</strong></p>")
    for title, key in SECTIONS:
        items = _items(data, key)
        if items:
            tag = "ol" if key == "targets" else "ul"
            parts.append(f"<h2>{e(title)}</h2><{tag}>" + "".join(f"<li>{e(x)}</li>" for x in items) + f"</{tag}>")
    parts.append("</main></body></html>")  # a main landmark holds the page (axe: region)
    return "".join(parts)


def to_pdf(data: dict) -> bytes:
    return pdf_with_warning(data)[0]


def pdf_with_warning(data: dict) -> tuple[bytes, str]:
    """The PDF, and a warning naming the characters its font could not draw ("" if none): they
    are printed as a visible mark, and the PDF itself ends with a note saying so."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(f"Networking brief: {data['headline']}" if data.get("headline") else "Networking brief")
    pdf.set_lang("en")
    pdf.set_creator("goodloop")
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    if FONT.exists():
        pdf.add_font("DejaVu", "", str(FONT))
        family, glyphs = "DejaVu", Glyphs(FONT)
    else:
        family, glyphs = "Helvetica", Glyphs(None)
    clean = glyphs.clean
    pdf.set_font(family, size=18)
    pdf.multi_cell(0, 10, clean(title_of(data)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=11)
    if data.get("contact"):
        pdf.multi_cell(0, 6, clean(" · ".join(data["contact"])), new_x="LMARGIN", new_y="NEXT")
    if data["headline"]:
        pdf.multi_cell(0, 6, clean(data["headline"]), new_x="LMARGIN", new_y="NEXT")
    if data.get("landed"):
        pdf.ln(2)
        pdf.multi_cell(0, 6, clean(data["landed"]), new_x="LMARGIN", new_y="NEXT")
    for title, key in SECTIONS:
        items = _items(data, key)
        if not items:
            continue
        pdf.ln(3)
        pdf.set_font(family, size=13)
        pdf.multi_cell(0, 8, clean(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, size=11)
        for n, item in enumerate(items, 1):
            bullet = f"{n}. " if key == "targets" else "- "
            pdf.multi_cell(0, 6, clean(bullet + item), new_x="LMARGIN", new_y="NEXT")
    warning = glyphs.warning()
    if warning:
        pdf.ln(4)
        pdf.set_font(family, size=9)
        pdf.multi_cell(0, 5, f"Note: {len(glyphs.missing)} characters of this brief cannot be drawn in this "
                             f"PDF's font and appear as {glyphs.mark}; the HTML and Markdown versions show them.",
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output()), warning


def pdf_warning(data: dict) -> str:
    """The warning pdf_with_warning would give, without drawing the PDF (for the brief page)."""
    glyphs = Glyphs(FONT if FONT.exists() else None)
    glyphs.clean(" ".join([data.get("name", ""), *data.get("contact", []), data["headline"] or "", data.get("landed", ""), *(str(x) for _, key in SECTIONS for x in _items(data, key))]))
    return glyphs.warning()


def render(account, fmt: str = "md") -> str | bytes:
    """The brief as Markdown (str), HTML (str) or PDF (bytes)."""
    data = content(account)
    if fmt == "md":
        return to_markdown(data)
    if fmt == "html":
        return to_html(data)
    if fmt == "pdf":
        return to_pdf(data)
    raise ServiceError(f"brief format must be md, html or pdf (got {fmt!r})", field="format")
