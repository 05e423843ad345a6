"""The invented material of the demo network and the benchmark generator.

Names, companies, titles and phrases are invented. Every email uses the reserved
`.example` top-level domain and every phone number the fictional 555-01xx range, so no
sample row can ever reach a real person. `bench/network.py` reuses these lists.
"""

import unicodedata

GIVEN_NAMES = (
    "Maya", "Liam", "Priya", "Mateo", "Aisha", "Noah", "Elena", "Kenji", "Fatima", "Lucas",
    "Sofia", "Omar", "Hannah", "Tomás", "Grace", "Kwame", "Ingrid", "Ravi", "Chloe", "Dmitri",
    "Amara", "Ethan", "Leila", "Diego", "Yuki", "Samuel", "Nadia", "Arjun", "Olivia", "Malik",
    "Zara", "Jonas", "Mei", "Gabriel", "Anika", "Felix", "Imani", "Hugo", "Sana", "Isaac",
    "Camila", "Tariq", "Freya", "Andrés", "Keiko", "Daniel", "Nia", "Viktor", "Lucía", "Emeka",
    "Hana", "Oscar", "Divya", "Rafael", "Astrid", "Jamal", "Min-jun", "Clara", "Kofi", "Isabel",
    "Marcus", "Ayumi", "Beatriz", "Tobias", "Ngozi", "Pedro", "Sakura", "Julian", "Layla", "Mohammed",
    "Eva", "Chidi", "Rosa", "Wei", "Alejandro", "Naomi", "Rohan", "Greta", "Kai", "Esther",
    "Benedikt", "Thandiwe", "Luca", "Mariam", "Henrik", "Aaliyah", "Sebastián", "Ji-woo", "Vera", "Adebayo",
    "Elif", "Connor", "Lakshmi", "Matteo", "Yara", "Caleb", "Ama", "Nikolai", "Paloma", "Hiroshi",
    "Ruth", "Emre", "Siobhan", "Anil", "Bianca", "Dev", "Margot", "Kwabena", "Lena", "Santiago",
    "Noor", "Patrick", "Ximena", "Tuan", "Harriet", "Ibrahim", "Carmen", "Akira", "Wanjiru", "Finn",
    "Meera", "Andre", "Sunita", "Oliver", "Ayesha", "Stefan", "Joy", "Haruto", "Iris", "Abdul",
    "Renata", "Jin", "Chiara", "Moses", "Tanvi", "Erik", "Adaeze", "Luis", "Mirela", "Yusuf",
)

FAMILY_NAMES = (
    "Chen", "Okafor", "Raman", "Herrera", "Bello", "Goldberg", "Sokolova", "Tanaka", "Haddad", "Martins",
    "Rossi", "Farouk", "Schmidt", "Alvarez", "Liu", "Mensah", "Lindqvist", "Patel", "Dubois", "Ivanov",
    "Nwosu", "Walsh", "Karimi", "Castillo", "Nakamura", "Adeyemi", "Novak", "Iyer", "Bennett", "Johnson",
    "Ahmed", "Berg", "Wang", "Silva", "Kapoor", "Becker", "Owusu", "Laurent", "Qureshi", "Cohen",
    "Moreno", "Hassan", "Nilsson", "Vargas", "Sato", "Kim", "Abara", "Petrov", "Fernández", "Eze",
    "Park", "Larsen", "Menon", "Costa", "Andersen", "Brooks", "Cho", "Müller", "Asante", "Ortiz",
    "Williams", "Mori", "Santos", "Keller", "Obi", "Ramírez", "Suzuki", "Reyes", "Khalil", "Nguyen",
    "Fischer", "Okonkwo", "Romano", "Zhao", "Gutiérrez", "Levi", "Desai", "Hoffmann", "Yamamoto", "Abebe",
    "Weber", "Dlamini", "Ricci", "Hosseini", "Jensen", "Washington", "Morales", "Lee", "Volkova", "Adeleke",
    "Yilmaz", "O'Brien", "Krishnan", "Conti", "Mansour", "Hughes", "Boateng", "Sokolov", "Navarro", "Ito",
    "Gordon", "Demir", "Murphy", "Chatterjee", "Ferreira", "Shah", "Dupont", "Appiah", "Klein", "Rodríguez",
    "Rahman", "Fitzgerald", "Cruz", "Pham", "Whitaker", "Aziz", "Serrano", "Takahashi", "Kamau", "Lund",
    "Pillai", "Carter", "Das", "Vogel", "Mwangi", "Jovanović", "Banerjee", "Ruiz", "Ogunleye", "Hayes",
)

# Building blocks of organization names (the benchmark combines them by the thousand).
ORG_PREFIXES = (
    "Northwind", "Bluefin", "Larkspur", "Tessellate", "Harborview", "Kestrel", "Solstice", "Juniper",
    "Quillfeather", "Meridian", "Cobalt", "Ironwood", "Lumen", "Silverpine", "Redwater", "Alder",
    "Brightline", "Copperleaf", "Driftwood", "Evergreen", "Foxglove", "Granite", "Highmark", "Indigo",
    "Jasper", "Keystone", "Lighthouse", "Marigold", "Nimbus", "Oakridge", "Pinecrest", "Quartz",
    "Riverbend", "Sable", "Tidewater", "Upland", "Vantage", "Willow", "Yellowtail", "Zephyr",
    "Aurora", "Beacon", "Cascade", "Delta Pine", "Ember", "Fjord", "Glacier", "Horizon", "Ivy Gate",
    "Kinfolk", "Lattice", "Mosaic", "Nova Ridge", "Orchard", "Pelican", "Ravenna", "Summit Lane",
)
ORG_SUFFIXES = (
    "Analytics", "Health", "Labs", "Robotics", "Logistics", "Cloud", "Energy", "Learning", "Software",
    "Bank", "Foods", "Systems", "Media", "Biotech", "Partners", "Capital", "Networks", "Studio",
    "Insurance", "Mobility", "Security", "Therapeutics", "Retail", "Games", "Data", "Payments",
    "Outfitters", "Consulting", "Materials", "Ventures",
)
LEGAL_SUFFIXES = ("", "", "", "", "Inc.", "LLC", "Ltd", "GmbH", "Corp.")

# The demo's organizations: name, industry, email domain, size weight. The first eight
# are the target list, in priority order.
ORGANIZATIONS = (
    ("Northwind Analytics", "B2B analytics software", "northwind.example", 12),
    ("Bluefin Health", "digital health", "bluefinhealth.example", 10),
    ("Larkspur Labs", "developer tools", "larkspur.example", 9),
    ("Tessellate Robotics", "warehouse robotics", "tessellate.example", 8),
    ("Kestrel Cloud", "cloud infrastructure", "kestrelcloud.example", 10),
    ("Juniper Learning", "education technology", "juniperlearning.example", 7),
    ("Solstice Energy", "clean energy", "solstice-energy.example", 7),
    ("Harbor & Finch", "fintech payments", "harborfinch.example", 8),
    ("Harborview Logistics", "freight and logistics", "harborview.example", 7),
    ("Quillfeather Media", "digital publishing", "quillfeather.example", 5),
    ("Meridian Outfitters", "outdoor retail", "meridianoutfitters.example", 6),
    ("Cobalt Security", "cybersecurity", "cobaltsec.example", 7),
    ("Ironwood Capital", "venture capital", "ironwood.example", 4),
    ("Lumen Therapeutics", "biotech", "lumentx.example", 6),
    ("Silverpine Bank", "banking", "silverpine.example", 7),
    ("Redwater Foods", "consumer goods", "redwaterfoods.example", 5),
    ("Alder Systems", "enterprise software", "aldersystems.example", 8),
    ("Brightline Mobility", "electric mobility", "brightline.example", 6),
    ("Copperleaf Insurance", "insurance", "copperleaf.example", 5),
    ("Driftwood Games", "video games", "driftwoodgames.example", 5),
    ("Evergreen Partners", "management consulting", "evergreenpartners.example", 6),
    ("Foxglove Biotech", "biotech", "foxglovebio.example", 4),
    ("Granite Networks", "telecommunications", "granitenet.example", 6),
    ("Highmark Retail", "e-commerce", "highmark.example", 6),
    ("Indigo Payments", "fintech", "indigopay.example", 5),
    ("Jasper Data", "data infrastructure", "jasperdata.example", 6),
    ("Keystone University", "higher education", "keystone.example", 5),
    ("Lighthouse Studio", "design agency", "lighthouse.example", 4),
    ("Marigold Ventures", "venture capital", "marigold.example", 3),
    ("Nimbus Software", "HR software", "nimbus.example", 7),
    ("Oakridge Medical Center", "hospital", "oakridgemed.example", 5),
    ("Pinecrest Materials", "manufacturing", "pinecrest.example", 4),
    ("Quartz Media Group", "advertising", "quartzmedia.example", 4),
    ("Riverbend Consulting", "consulting", "riverbend.example", 4),
    ("Sable Insurance", "insurance", "sable.example", 4),
    ("Tidewater Shipping", "shipping", "tidewater.example", 4),
    ("Vantage Recruiting", "recruiting agency", "vantagerecruiting.example", 4),
    ("Willow Nonprofit Network", "nonprofit", "willow.example", 3),
    ("Zephyr Systems Inc.", "industrial IoT", "zephyr.example", 5),
    ("Mensah Career Partners", "career coaching", "mensahcareers.example", 2),
)

# Titles by function; a person's function also decides what they can help with.
TITLES = {
    "product_marketing": ("Product Marketing Manager", "Senior Product Marketing Manager",
                          "Director of Product Marketing", "Product Marketing Lead", "VP Marketing"),
    "product": ("Product Manager", "Senior Product Manager", "Group Product Manager", "Head of Product"),
    "engineering": ("Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
                    "VP Engineering"),
    "design": ("Product Designer", "Senior UX Designer", "Design Lead", "UX Researcher"),
    "data": ("Data Analyst", "Data Scientist", "Analytics Manager", "Head of Data"),
    "sales": ("Account Executive", "Sales Manager", "Solutions Consultant", "VP Sales"),
    "customer": ("Customer Success Manager", "Director of Customer Success", "Support Lead"),
    "recruiting": ("Technical Recruiter", "Talent Acquisition Partner", "Head of Talent", "HR Business Partner"),
    "operations": ("Operations Manager", "Chief of Staff", "Program Manager", "Finance Manager"),
    "leadership": ("Founder & CEO", "COO", "General Manager", "Partner"),
    "growth": ("Growth Marketing Manager", "Content Strategist", "Head of Growth", "Brand Manager"),
}
FUNCTION_WEIGHTS = (
    ("product_marketing", 10), ("product", 12), ("engineering", 18), ("design", 7), ("data", 8),
    ("sales", 10), ("customer", 7), ("recruiting", 7), ("operations", 8), ("leadership", 5), ("growth", 8),
)

LOCATIONS = ("Seattle, WA", "Portland, OR", "San Francisco, CA", "Oakland, CA", "Austin, TX", "Denver, CO",
             "Chicago, IL", "New York, NY", "Boston, MA", "Remote", "Atlanta, GA", "Toronto, ON")
AREA_CODES = ("206", "503", "415", "510", "512", "303", "312", "212", "617", "404", "425", "646")
PERSONAL_DOMAINS = ("mail.example", "inbox.example", "post.example")

TAGS = ("former colleague", "alumni", "mentor", "recruiter", "hiring manager", "product marketing",
        "meetup", "conference", "bootcamp", "neighbor", "job seeker", "volunteer")

HOW_WE_MET = ("worked together at {org}", "met at the Product Marketing Alliance meetup",
              "Keystone University alumni event", "introduced over email", "met at SaaS Connect conference",
              "volunteered together at Willow", "neighbors", "LinkedIn — reached out about a post",
              "career transition support group", "friend of a friend")

NEEDS = ("a senior data engineer to hire", "a UX researcher for a 3-month contract",
         "founders in climate tech to meet", "speakers for the PMM meetup",
         "a new role in customer success", "feedback on a pitch deck",
         "beta customers for a side project", "a reference for a board seat",
         "a mentor in product management", "two account executives to hire in Austin",
         "advice on moving into product marketing", "a data analyst role in health tech")

TOPICS = ("their team's launch plans", "how they moved into product marketing", "positioning for the new platform",
          "hiring trends this quarter", "the analytics market", "my target list", "their reorg",
          "pricing and packaging", "a customer story", "the upcoming conference", "remote work",
          "developer marketing", "go-to-market for health tech", "their job search", "competitive intel")
PLACES = ("Blue Bottle", "the office", "Elm Street Café", "the co-working space", "a lunch spot downtown")
EVENTS = ("Product Marketing Alliance meetup", "SaaS Connect conference", "Keystone alumni mixer",
          "Women in Product happy hour", "Climate tech demo night", "Job seekers' roundtable")

SUMMARIES = {
    "meeting": ("Coffee at {place}: talked about {topic}", "Lunch catch-up about {topic}",
                "Met at {place} to go over {topic}"),
    "call": ("Phone call about {topic}", "Quick call: {topic}", "Called to catch up on {topic}"),
    "video": ("Zoom chat about {topic}", "Video call: informational interview on {topic}",
              "Video catch-up about {topic}"),
    "email": ("Email thread about {topic}", "Sent an article on {topic}", "Email: update on {topic}"),
    "message": ("LinkedIn message about {topic}", "Texted about {topic}", "Slack DM: {topic}"),
    "event": ("Saw each other at the {event}", "Chatted at the {event}"),
    "social": ("Commented on their post about {topic}", "Congratulated them on their work anniversary",
               "Liked and shared their post about {topic}"),
}

VAGUE_ASKS = (
    "Do you know any companies I should target?",
    "Is there anyone you think I should talk to?",
    "Please keep me in mind if you hear of anything!",
    "Let me know if you hear of any openings.",
    "Could you send me a list of everyone you know in tech?",
    "Are there any jobs at your company?",
)
SPECIFIC_ASKS = (
    ("introduction", "Could you introduce me to someone in product marketing at {org}? "
                     "I'd love 20 minutes to learn how their team launches. Thank you!"),
    ("insight", "Would you have 20 minutes next week to tell me how product marketing works at {org}? "
                "No worries if the timing is bad."),
    ("resume_feedback", "Would you look over my resume for a Senior PMM role at {org} and tell me the "
                        "one thing you'd change? Thanks so much."),
    ("referral", "I'm applying for the Senior Product Marketing Manager opening at {org}. "
                 "Would you be comfortable referring me? Totally fine if not."),
    ("introduction", "Do you know one or two people on the growth team at {org}? "
                     "An introduction would mean a lot — thank you!"),
    ("advice", "Could I get your advice on positioning my health-tech launch experience for {org}? "
               "Fifteen minutes by phone would be plenty. Thanks!"),
    ("reference", "Would you be willing to serve as a reference for my application to {org}? "
                  "I'd send you a short summary of the role first."),
)
RECEIVED_ASKS = (
    ("advice", "Could you give me feedback on my positioning for a career switch into product marketing?"),
    ("introduction", "Do you know anyone at Kestrel Cloud on the data platform team?"),
    ("resume_feedback", "Would you read my cover letter for a customer success role?"),
    ("reference", "Could I list you as a reference for a volunteer board role?"),
)

FAVOR_NOTES = {
    "introduction": "Introduced me to {other}", "referral": "Referred me for the opening at {org}",
    "reference": "Served as a reference", "resume_feedback": "Detailed notes on my resume",
    "advice": "Advice on my target list", "insight": "Explained how hiring works at {org}",
    "lead": "Sent me an opening at {org}", "encouragement": "Sent an encouraging note",
    "share": "Shared my post with their network", "other": "Helped with a portfolio review",
}

BRIEF = {
    "headline": "Product marketing manager with 8 years in B2B SaaS and health tech, looking for a "
                "senior product marketing role",
    "roles_sought": ["Senior Product Marketing Manager", "Director of Product Marketing", "Product Marketing Lead"],
    "people_categories": ["product marketing leaders", "product managers", "heads of growth",
                          "recruiters in B2B SaaS", "customer marketing managers"],
    "how_you_can_help": [
        "An introduction to someone in product marketing at Northwind Analytics or Bluefin Health",
        "20 minutes of insight on how launches are run at Larkspur Labs or Tessellate Robotics",
        "Feedback on my positioning for developer-tools product marketing roles",
    ],
    "offers": ["Feedback on launch plans and messaging", "Introductions across my SaaS network",
               "A second pair of eyes on resumes and LinkedIn profiles"],
}
TARGET_WHY = (
    ("interviewing", "Analytics product I've sold against for years; strong PMM team and a senior opening"),
    ("applied", "Mission I care about; they're building out product marketing for the clinician app"),
    ("networking", "Developer tools, my strongest launches; a former colleague leads engineering there"),
    ("networking", "Fast-growing robotics company; new go-to-market team forming this year"),
    ("closed", "Great cloud platform; rejected after the final round in the spring, may revisit later"),
    ("researching", "Education mission; small team where I could own positioning end to end"),
    ("researching", "Clean energy; they hired a new CMO who is building a PMM function"),
    ("networking", "Payments fintech with a strong B2B motion and a product-led culture"),
)

# The people the demo's stories are about: key, name, organization, title, tier, trust
# stage, tags, needs, notes. Everyone else is drawn at random from the lists above.
CAST = (
    ("priya", "Priya Raman", "Kestrel Cloud", "Director of Product Marketing", "core", "advocate",
     ("former colleague", "mentor", "product marketing"), (), "My manager at Alder Systems, 2018–2021."),
    ("marcus", "Marcus Okafor", "Harborview Logistics", "Senior Product Manager", "core", "rapport",
     ("former colleague",), ("beta customers for a side project",), "Weekly running buddy."),
    ("elena", "Elena Sokolova", "Northwind Analytics", "VP Marketing", "active", "acquainted",
     ("hiring manager", "product marketing"), (), "Runs marketing at Northwind; met through Marcus."),
    ("daniel", "Daniel Kim", "Northwind Analytics", "Senior Product Marketing Manager", "active", "introduced",
     ("product marketing",), ("speakers for the PMM meetup",), ""),
    ("aisha", "Aisha Bello", "Bluefin Health", "Talent Acquisition Partner", "close", "acquainted",
     ("recruiter",), (), "Recruits for product and marketing roles."),
    ("tomas", "Tomás Herrera", "Larkspur Labs", "Engineering Manager", "close", "advocate",
     ("former colleague",), ("a senior data engineer to hire",), ""),
    ("grace", "Grace Liu", "Tessellate Robotics", "Head of Growth", "wide", "stranger", (), (), ""),
    ("hannah", "Hannah Schmidt", "Juniper Learning", "Product Marketing Lead", "wide", "stranger",
     ("product marketing",), (), ""),
    ("sofia", "Sofia Rossi", "Keystone University", "Career Services Director", "close", "rapport",
     ("alumni", "mentor"), ("speakers for the PMM meetup",), ""),
    ("ravi", "Ravi Patel", "Redwater Foods", "Data Analyst", "close", "rapport", ("job seeker",),
     ("a data analyst role in health tech",), "In transition since March; check in often."),
    ("kofi", "Kofi Mensah", "Mensah Career Partners", "Founder & CEO", "core", "advocate", ("mentor",), (),
     "Career coach; our Tuesday accountability calls."),
    ("wei", "Wei Chen", "Solstice Energy", "Head of Product", "wide", "stranger", (), (), ""),
    ("noah", "Noah Goldberg", "Ironwood Capital", "Partner", "active", "acquainted", ("conference",),
     ("founders in climate tech to meet",), ""),
    ("layla", "Layla Haddad", "Harbor & Finch", "Group Product Manager", "active", "rapport",
     ("alumni",), (), ""),
    ("chloe", "Chloe Dubois", "Bluefin Health", "Director of Product Marketing", "active", "introduced",
     ("product marketing", "hiring manager"), (), ""),
)


def ascii_slug(text: str, sep: str = ".") -> str:
    """'Tomás O'Brien' -> 'tomas.obrien' (for invented emails and profile URLs)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = ["".join(ch for ch in w if ch.isalnum() or ch == "-") for w in plain.split()]
    return sep.join(w for w in words if w)
